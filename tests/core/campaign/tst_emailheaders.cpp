// SPDX-License-Identifier: GPL-3.0-or-later
// E-mail headers cannot be injected: addresses are checked on import, when a campaign is saved
// and when an e-mail is rendered; every header is one folded, encoded line whatever the catalog
// or the campaign holds; an unsubscribe link that would be dropped is refused when saved.
#include "../../common/rowsdigest.h"
#include "../../reliability/clirunner.h"
#include "../layout/layoutfixture.h"

#include "campaign/campaigndefinition.h"
#include "campaign/campaignexporter.h"
#include "campaign/emailaddress.h"
#include "campaign/emailrenderer.h"
#include "campaign/mimemessage.h"
#include "layout/confignames.h"
#include "layout/pageresolver.h"
#include "session/enginesession.h"
#include "storage/configstore.h"
#include "storage/contactreader.h"
#include "storage/importer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Vitrine;

namespace {

const char *kCampaign = R"({
    "title": "June picks",
    "from": {"name": "Fjellbutikken", "email": "news@shop.example"},
    "blocks": [{"id": "picks", "type": "slot", "slot": "best", "k": 3}],
    "subject": "Hello {{person.first_name}}",
    "html": "<p>Hi {{person.first_name}}</p>{{> picks}}",
    "unsubscribe_url": "https:\/\/shop.example/u?id={{person.id}}"
})";

const QByteArray kInjected = "victim@example.com\r\nBcc: everyone@attacker.example";

/** The header block of a message, unfolded: name (lower case) → values, in order. */
QList<QPair<QByteArray, QByteArray>> headers(const QByteArray &eml)
{
    QByteArray head = eml.left(eml.indexOf("\r\n\r\n"));
    head.replace("\r\n ", " ");
    QList<QPair<QByteArray, QByteArray>> fields;
    for (const QByteArray &line : head.split('\n')) {
        const QByteArray content = line.endsWith('\r') ? line.chopped(1) : line;
        const qsizetype colon = content.indexOf(':');
        fields.append({content.left(colon).toLower(), content.mid(colon + 1).trimmed()});
    }
    return fields;
}

QByteArray header(const QByteArray &eml, const QByteArray &name)
{
    for (const auto &field : headers(eml)) {
        if (field.first == name)
            return field.second;
    }
    return {};
}

/** Why the message breaks RFC 5322's line rules (7-bit, CRLF, 78 characters), or empty. */
QString lineProblem(const QByteArray &eml)
{
    const QList<QByteArray> lines = eml.split('\n');
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        if (!lines[i].endsWith('\r'))
            return QStringLiteral("line %1 does not end with CRLF").arg(i + 1);
        if (lines[i].size() - 1 > 78)
            return QStringLiteral("line %1 has %2 characters: %3")
                .arg(i + 1)
                .arg(lines[i].size() - 1)
                .arg(QString::fromLatin1(lines[i]));
        for (const char c : lines[i]) {
            if (static_cast<unsigned char>(c) > 127)
                return QStringLiteral("line %1 is not 7-bit").arg(i + 1);
        }
    }
    return {};
}

/** RFC 2047 B-encoded words decoded, adjacent ones joined (whitespace between them dropped). */
QString decodeWords(const QByteArray &value)
{
    QByteArray bytes;
    const QList<QByteArray> words = value.split(' ');
    bool lastEncoded = false;
    for (const QByteArray &word : words) {
        const bool encoded = word.startsWith("=?UTF-8?B?") && word.endsWith("?=");
        if (!bytes.isEmpty() && !(encoded && lastEncoded))
            bytes += ' ';
        bytes += encoded ? QByteArray::fromBase64(word.mid(10, word.size() - 12)) : word;
        lastEncoded = encoded;
    }
    return QString::fromUtf8(bytes);
}

MimeMessage message()
{
    MimeMessage m;
    m.fromName = QStringLiteral("Shop");
    m.fromAddress = QStringLiteral("news@shop.example");
    m.toName = QStringLiteral("Anna");
    m.toAddress = QStringLiteral("anna@example.com");
    m.subject = QStringLiteral("Hello");
    m.date = LayoutFixture::now();
    m.messageId = QStringLiteral("0123456789abcdef@shop.example");
    m.listUnsubscribe = QStringLiteral("https://shop.example/u?id=1");
    m.text = QStringLiteral("Hi");
    m.html = QStringLiteral("<p>Hi</p>");
    return m;
}

const QList<QByteArray> kKnownHeaders {"from", "to", "reply-to", "subject", "date", "message-id",
    "list-unsubscribe", "list-unsubscribe-post", "mime-version", "content-type"};

} // namespace

class TestEmailHeaders : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    Database m_db;
    EngineSessionPtr m_session;
    std::shared_ptr<const PageResolver> m_resolver;
    std::optional<CampaignDefinition> m_campaign;

    /** A campaign from kCampaign with `patch`'s keys replaced (null removes one). */
    static QJsonObject campaignJson(const QByteArray &patch)
    {
        QJsonObject json = LayoutFixture::json(kCampaign);
        const QJsonObject changes = QJsonDocument::fromJson(patch).object();
        for (auto it = changes.begin(); it != changes.end(); ++it) {
            if (it.value().isNull())
                json.remove(it.key());
            else
                json.insert(it.key(), it.value());
        }
        return json;
    }

    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    bool setEmail(const char *person, const QByteArray &email)
    {
        return LayoutFixture::exec(m_db, QStringLiteral("UPDATE users SET email = ? WHERE external_id = ?"),
            {QString::fromUtf8(email), QLatin1String(person)});
    }

private slots:
    void initTestCase()
    {
        m_path = m_dir.filePath(QStringLiteral("fixture.vitrine"));
        QVERIFY(LayoutFixture::build(m_db, m_path));
        QString error;
        m_campaign
            = CampaignDefinition::fromJson(QStringLiteral("june"), LayoutFixture::json(kCampaign), &error);
        QVERIFY2(m_campaign, qPrintable(error));
        QVERIFY2(m_campaign->check(ConfigNames::load(m_db), &error), qPrintable(error));
        m_session = EngineSession::open(m_db, {LayoutFixture::now(), false}, &error);
        QVERIFY2(m_session, qPrintable(error));
        m_resolver = m_session->pages(&error);
        QVERIFY2(m_resolver, qPrintable(error));
    }

    void addresses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("ascii"); ///< empty: refused
        QTest::addColumn<QString>("why");
        QTest::newRow("plain") << "anna@example.com" << QByteArray("anna@example.com") << QString();
        QTest::newRow("dots and tags")
            << "first.last+news@shop.example" << QByteArray("first.last+news@shop.example") << QString();
        QTest::newRow("quoted local part")
            << "\"anna berg\"@example.com" << QByteArray("\"anna berg\"@example.com") << QString();
        QTest::newRow("international domain")
            << QStringLiteral("news@bücher.example") << QByteArray("news@xn--bcher-kva.example") << QString();
        QTest::newRow("CR LF and a Bcc")
            << QString::fromLatin1(kInjected) << QByteArray() << "it holds a line break";
        QTest::newRow("LF alone") << "a@example.com\nTo: b@example.com" << QByteArray()
                                  << "it holds a line break";
        QTest::newRow("control character")
            << QStringLiteral("a@exam\x01ple.com") << QByteArray() << "it holds a control character";
        QTest::newRow("two addresses")
            << "a@example.com, b@example.com" << QByteArray() << "it has more than one '@'";
        QTest::newRow("two addresses, no space")
            << "a@example.com,b@example.com" << QByteArray() << "it has more than one '@'";
        QTest::newRow("a display name") << "Anna <anna@example.com>" << QByteArray() << "it holds a space";
        QTest::newRow("angle bracket")
            << "<anna@example.com>" << QByteArray() << "the part before the '@' holds '<'";
        QTest::newRow("no @") << "anna.example.com" << QByteArray() << "it has no '@'";
        QTest::newRow("nothing before @") << "@example.com" << QByteArray() << "nothing comes before the '@'";
        QTest::newRow("nothing after @") << "anna@" << QByteArray() << "nothing comes after the '@'";
        QTest::newRow("no dot in domain")
            << "anna@localhost" << QByteArray() << "the domain 'localhost' has no dot";
        QTest::newRow("two dots in domain")
            << "anna@example..com" << QByteArray() << "the domain 'example..com' starts or ends with a dot";
        QTest::newRow("leading dot") << ".anna@example.com" << QByteArray()
                                     << "the part before the '@' starts or ends with a dot";
        QTest::newRow("non-ASCII local part") << QStringLiteral("åsa@example.com") << QByteArray()
                                              << "the part before the '@' holds non-ASCII characters";
        QTest::newRow("address literal")
            << "anna@[192.0.2.1]" << QByteArray() << "the domain is an address in brackets";
        QTest::newRow("IP address") << "anna@192.0.2.1" << QByteArray() << "ends in a number";
        QTest::newRow("hyphen at a label's end")
            << "anna@shop-.example" << QByteArray() << "starts or ends with '-'";
        QTest::newRow("underscore in domain")
            << "anna@my_shop.example" << QByteArray() << "the domain 'my_shop.example' holds '_'";
        QTest::newRow("unclosed quote")
            << "\"anna@example.com" << QByteArray() << "the quoted part before the '@' is not closed";
        QTest::newRow("65-character local part")
            << QString(65, QLatin1Char('a')) + QStringLiteral("@example.com") << QByteArray()
            << "longer than 64 characters";
    }

    void addresses()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, ascii);
        QFETCH(QString, why);
        QString error;
        const std::optional<EmailAddress> address = EmailAddress::parse(text, &error);
        QCOMPARE(address.has_value(), !ascii.isEmpty());
        if (address)
            QCOMPARE(address->toAscii(), ascii);
        else
            QVERIFY2(error.contains(why), qPrintable(error));
    }

    /** Whatever a field holds, the message has only the headers the writer writes, each one line. */
    void headersCannotBeForged_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("expected"); ///< the header's unfolded, decoded value
        QTest::newRow("To address with CR LF Bcc")
            << "toAddress" << QString::fromLatin1(kInjected) << QByteArray("to")
            << QStringLiteral("undisclosed-recipients:;");
        QTest::newRow("From name with CR LF Bcc")
            << "fromName" << QStringLiteral("Shop\r\nBcc: everyone@attacker.example") << QByteArray("from")
            << QStringLiteral("\"Shop Bcc: everyone@attacker.example\" <news@shop.example>");
        QTest::newRow("From name that reads as an address")
            << "fromName" << QStringLiteral("support@bank.example, Shop") << QByteArray("from")
            << QStringLiteral("\"support@bank.example, Shop\" <news@shop.example>");
        QTest::newRow("From name with a quote and a backslash")
            << "fromName" << QStringLiteral("a\" <evil@attacker.example> \\") << QByteArray("from")
            << QStringLiteral("\"a\\\" <evil@attacker.example> \\\\\" <news@shop.example>");
        QTest::newRow("To name with LF and non-ASCII")
            << "toName" << QStringLiteral("Åsa\nBcc: x@attacker.example") << QByteArray("to")
            << QStringLiteral("Åsa Bcc: x@attacker.example <anna@example.com>");
        QTest::newRow("Subject with CR LF")
            << "subject" << QStringLiteral("Hello\r\nBcc: x@attacker.example") << QByteArray("subject")
            << QStringLiteral("Hello Bcc: x@attacker.example");
        QTest::newRow("Reply-To with CR LF is left out")
            << "replyTo" << QString::fromLatin1(kInjected) << QByteArray("reply-to") << QString();
        QTest::newRow("Message-ID with CR LF is left out")
            << "messageId" << QStringLiteral("x@shop.example>\r\nBcc: <y@attacker.example")
            << QByteArray("message-id") << QString();
        QTest::newRow("List-Unsubscribe with CR LF is left out")
            << "listUnsubscribe" << QStringLiteral("https://shop.example/u\r\nBcc: x@attacker.example")
            << QByteArray("list-unsubscribe") << QString();
        QTest::newRow("List-Unsubscribe javascript: is left out")
            << "listUnsubscribe" << QStringLiteral("javascript:alert(1)") << QByteArray("list-unsubscribe")
            << QString();
    }

    void headersCannotBeForged()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QByteArray, header);
        QFETCH(QString, expected);
        MimeMessage m = message();
        QString *const target = field == QLatin1String("toAddress") ? &m.toAddress
            : field == QLatin1String("fromName")                    ? &m.fromName
            : field == QLatin1String("toName")                      ? &m.toName
            : field == QLatin1String("subject")                     ? &m.subject
            : field == QLatin1String("replyTo")                     ? &m.replyTo
            : field == QLatin1String("messageId")                   ? &m.messageId
                                                                    : &m.listUnsubscribe;
        *target = value;
        const QByteArray eml = m.toBytes();
        const QString problem = lineProblem(eml);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        for (const auto &[name, text] : headers(eml))
            QVERIFY2(kKnownHeaders.contains(name), name.constData());
        QVERIFY(!eml.contains("\nBcc:"));
        QCOMPARE(decodeWords(::header(eml, header)), expected);
    }

    void longHeadersAreFolded_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("expected");
        const QString words = QStringLiteral("Our summer sale starts today with new jackets, tents and lamps "
                                             "for every trip you plan this year and the next");
        QTest::newRow("ASCII subject") << "subject" << words << QByteArray("subject") << words;
        QTest::newRow("non-ASCII subject") << "subject" << words + QStringLiteral(" — få dem nå")
                                           << QByteArray("subject") << words + QStringLiteral(" — få dem nå");
        QTest::newRow("one 100-character word") << "subject" << QString(100, QLatin1Char('x'))
                                                << QByteArray("subject") << QString(100, QLatin1Char('x'));
        QTest::newRow("long ASCII display name")
            << "fromName" << words << QByteArray("from")
            << QLatin1Char('"') + words + QStringLiteral("\" <news@shop.example>");
        QTest::newRow("long non-ASCII display name")
            << "toName" << QString(30, QChar(0x00F8)) + QStringLiteral(" ") + QString(30, QChar(0x5C71))
            << QByteArray("to")
            << QString(30, QChar(0x00F8)) + QStringLiteral(" ") + QString(30, QChar(0x5C71))
                + QStringLiteral(" <anna@example.com>");
        QTest::newRow("international domain")
            << "toAddress" << QStringLiteral("anna@bücher.example") << QByteArray("to")
            << QStringLiteral("\"Anna\" <anna@xn--bcher-kva.example>");
        const QString url
            = QStringLiteral("https://shop.example/unsubscribe?token=") + QString(200, QLatin1Char('a'));
        QTest::newRow("long List-Unsubscribe URL")
            << "listUnsubscribe" << url << QByteArray("list-unsubscribe")
            << QLatin1Char('<') + url + QLatin1Char('>');
        QTest::newRow("non-ASCII List-Unsubscribe URL")
            << "listUnsubscribe" << QStringLiteral("https://bücher.example/abmelden?n=Jürgen")
            << QByteArray("list-unsubscribe")
            << QStringLiteral("<https://xn--bcher-kva.example/abmelden?n=J%C3%BCrgen>");
    }

    void longHeadersAreFolded()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QByteArray, header);
        QFETCH(QString, expected);
        MimeMessage m = message();
        QString *const target = field == QLatin1String("subject") ? &m.subject
            : field == QLatin1String("fromName")                  ? &m.fromName
            : field == QLatin1String("toName")                    ? &m.toName
            : field == QLatin1String("toAddress")                 ? &m.toAddress
                                                                  : &m.listUnsubscribe;
        *target = value;
        const QByteArray eml = m.toBytes();
        const QString problem = lineProblem(eml);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QByteArray unfolded = ::header(eml, header);
        if (header == "list-unsubscribe")
            unfolded.replace(' ', QByteArray()); // RFC 2369: whitespace inside the brackets is ignored
        QCOMPARE(decodeWords(unfolded), expected);
    }

    void campaignsRefuseWhatWouldBeDroppedOrInjected_data()
    {
        QTest::addColumn<QByteArray>("patch");
        QTest::addColumn<QString>("message"); ///< empty: accepted
        QTest::newRow("javascript: unsubscribe")
            << QByteArray(R"j({"unsubscribe_url": "javascript:alert(1)"})j")
            << QStringLiteral("unsubscribe_url: a 'javascript:' link would be dropped from every e-mail");
        QTest::newRow("JavaScript: with a field")
            << QByteArray(R"j({"unsubscribe_url": " JavaScript:unsubscribe('{{person.id}}')"})j")
            << QStringLiteral("unsubscribe_url: a 'JavaScript:' link would be dropped");
        QTest::newRow("data: unsubscribe")
            << QByteArray(R"({"unsubscribe_url": "data:text/html,x"})")
            << QStringLiteral("unsubscribe_url: a 'data:' link would be dropped");
        QTest::newRow("javascript: inside a section")
            << QByteArray(R"({"unsubscribe_url": "{{\u0023person.id}}javascript:x{{\/person.id}}"})")
            << QStringLiteral("unsubscribe_url: 'javascript:x' would be dropped from every e-mail");
        QTest::newRow("relative unsubscribe")
            << QByteArray(R"({"unsubscribe_url": "/unsubscribe?u={{person.id}}"})")
            << QStringLiteral("unsubscribe_url: '/unsubscribe?u=' is not a full link");
        QTest::newRow("unsubscribe with a line break")
            << QByteArray(R"({"unsubscribe_url": "https:\/\/shop.example/u\nBcc: x@attacker.example"})")
            << QStringLiteral("unsubscribe_url: must be one line");
        QTest::newRow("sender name with CR LF")
            << QByteArray(
                   R"({"from": {"name": "Shop\r\nBcc: x@attacker.example", "email": "news@shop.example"}})")
            << QStringLiteral("from.name: must be one line without control characters");
        QTest::newRow("sender address with CR LF")
            << QByteArray(
                   R"({"from": {"name": "Shop", "email": "news@shop.example\r\nBcc: x@attacker.example"}})")
            << QStringLiteral(
                   "from.email: \"news@shop.example\\r\\nBcc: x@attacker.example\" is not an e-mail "
                   "address (it holds a line break)");
        QTest::newRow("reply-to with a second address")
            << QByteArray(R"({"reply_to": "help@shop.example,x@attacker.example"})")
            << QStringLiteral("reply_to: \"help@shop.example,x@attacker.example\" is not an e-mail address");
        QTest::newRow("https unsubscribe")
            << QByteArray(R"({"unsubscribe_url": "https:\/\/shop.example/u?id={{person.id}}"})") << QString();
        QTest::newRow("mailto unsubscribe")
            << QByteArray(R"({"unsubscribe_url": "mailto:leave@shop.example?subject={{person.id}}"})")
            << QString();
        QTest::newRow("unsubscribe from the shop's URL")
            << QByteArray(R"({"unsubscribe_url": "{{shop.url}}/u?id={{person.id}}"})") << QString();
        QTest::newRow("international sender")
            << QByteArray(R"({"from": {"name": "Bücher", "email": "news@bücher.example"}})") << QString();
    }

    void campaignsRefuseWhatWouldBeDroppedOrInjected()
    {
        QFETCH(QByteArray, patch);
        QFETCH(QString, message);
        const QJsonObject json = campaignJson(patch);
        QVERIFY(!json.isEmpty());
        QString error;
        const auto campaign = CampaignDefinition::fromJson(QStringLiteral("june"), json, &error);
        if (message.isEmpty()) {
            QVERIFY2(campaign, qPrintable(error));
            return;
        }
        QVERIFY(!campaign);
        QVERIFY2(error.startsWith(message), qPrintable(error));
    }

    void renderRefusesAStoredInvalidAddress()
    {
        QVERIFY(setEmail("U2", kInjected));
        const auto contact = ContactReader::find(m_db, QStringLiteral("U2"), nullptr);
        QVERIFY(contact);
        EmailRenderer renderer(*m_resolver, *m_campaign);
        const RenderedEmail email = renderer.render(*contact,
            m_resolver->snapshot()->userIndexByExternalId(QStringLiteral("U2")), LayoutFixture::now());
        QVERIFY(!email.ok);
        QVERIFY2(email.error.startsWith(
                     QStringLiteral("person 'U2': the stored e-mail address \"victim@example.com\\r\\nBcc: "
                                    "everyone@attacker.example\" "
                                    "is not an e-mail address (it holds a line break)")),
            qPrintable(email.error));
        // A person without an address still renders, for a preview.
        const auto noAddress = ContactReader::find(m_db, QStringLiteral("U5"), nullptr);
        QVERIFY(renderer
                    .render(*noAddress, m_resolver->snapshot()->userIndexByExternalId(QStringLiteral("U5")),
                        LayoutFixture::now())
                    .ok);
        QVERIFY(setEmail("U2", "lars@example.com"));
    }

    void exportSkipsAStoredInvalidAddress()
    {
        QVERIFY(setEmail("U2", kInjected));
        QVERIFY(setEmail("U3", "maja@bücher.example"));
        CampaignExportOptions options;
        options.output = m_dir.filePath(QStringLiteral("send"));
        options.sendTime = LayoutFixture::now();
        options.threads = 2;
        const CampaignExportReport report = CampaignExporter(*m_resolver, m_db, *m_campaign).run(options);
        QVERIFY(setEmail("U2", "lars@example.com"));
        QVERIFY(setEmail("U3", "maja@example.com"));
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.skipped.value(QStringLiteral("invalid_email")), qint64(1));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("send/U2.eml"))));
        QFile details(report.detailsPath);
        QVERIFY(details.open(QIODevice::ReadOnly));
        QVERIFY(details.readAll().contains("U2,skipped,invalid_email: it holds a line break\n"));
        for (const QString &name : QDir(options.output).entryList({QStringLiteral("*.eml")})) {
            QFile file(QDir(options.output).filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray eml = file.readAll();
            QVERIFY2(lineProblem(eml).isEmpty(), qPrintable(name));
            QVERIFY(!eml.contains("attacker"));
        }
        QFile maja(QDir(options.output).filePath(QStringLiteral("U3.eml")));
        QVERIFY(maja.open(QIODevice::ReadOnly));
        QCOMPARE(header(maja.readAll(), "to"), QByteArray("\"Maja Lind\" <maja@xn--bcher-kva.example>"));
    }

    void importRefusesInvalidAddresses_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("CR LF and a Bcc")
            << QByteArray("external_id,name,email\nU9,Eva,\"eva@example.com\r\nBcc: x@attacker.example\"\n")
            << QStringLiteral("bad.csv:2: field 'email': \"eva@example.com\\r\\nBcc: x@attacker.example\" "
                              "is not an e-mail address (it holds a line break)");
        QTest::newRow("two addresses")
            << QByteArray("external_id,email\nU9,ok@example.com\nU10,\"a@example.com,b@example.com\"\n")
            << QStringLiteral("bad.csv:3: field 'email': \"a@example.com,b@example.com\" "
                              "is not an e-mail address (it has more than one '@')");
        QTest::newRow("display name")
            << QByteArray("external_id,e-mail\nU9,Eva <eva@example.com>\n")
            << QStringLiteral("bad.csv:2: field 'email': \"Eva <eva@example.com>\" is not an "
                              "e-mail address (it holds a space)");
        QTest::newRow("no domain")
            << QByteArray("external_id,email\nU9,eva@localhost\n")
            << QStringLiteral("bad.csv:2: field 'email': \"eva@localhost\" is not an e-mail address");
    }

    void importRefusesInvalidAddresses()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        const QByteArray before = Testing::dataDigest(m_db);
        ImportOptions options;
        options.kind = ImportKind::Users;
        options.path = write(QStringLiteral("bad.csv"), content);
        const ImportReport report = Importer().run(m_db, options);
        QVERIFY(!report.ok);
        QVERIFY(!report.written);
        QString all = report.error;
        for (const ImportProblem &problem : report.problems)
            all += QLatin1Char('\n') + problem.message;
        all.replace(m_dir.path() + QLatin1Char('/'), QString());
        QVERIFY2(
            all.contains(message), qPrintable(QStringLiteral("expected «%1» in «%2»").arg(message, all)));
        QCOMPARE(Testing::dataDigest(m_db), before);
    }

    void importStoresValidAddresses()
    {
        ImportOptions options;
        options.kind = ImportKind::Users;
        options.path = write(QStringLiteral("good.csv"),
            QByteArray("external_id,name,email\nU20,Jürgen,\" juergen@bücher.example \"\nU21,No Mail,\n"));
        const ImportReport report = Importer().run(m_db, options);
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(ContactReader::find(m_db, QStringLiteral("U20"), nullptr)->email,
            QStringLiteral("juergen@bücher.example"));
        QCOMPARE(ContactReader::find(m_db, QStringLiteral("U21"), nullptr)->email, QString());
    }

    /** The same through vitrine-cli: exit 2, a message naming what is wrong, nothing changed. */
    void commandLine()
    {
        using namespace Reliability;
        const QString catalog = m_dir.filePath(QStringLiteral("demo.vitrine"));
        const CliRun demo = runCli(catalog,
            {QStringLiteral("demo"), QStringLiteral("--users"), QStringLiteral("60"),
                QStringLiteral("--items"), QStringLiteral("60"), QStringLiteral("--events"),
                QStringLiteral("1500"), QStringLiteral("--seed"), QStringLiteral("3")});
        QVERIFY2(demo.exitCode == 0, demo.describe().constData());

        const auto digest = [&catalog] {
            Database db;
            if (!db.open(catalog, Database::OpenMode::ReadOnly, nullptr))
                return QByteArray();
            return Testing::dataDigest(db) + Testing::configDigest(db);
        };
        // import: the address with a line break is refused, nothing is written.
        const QByteArray before = digest();
        QVERIFY(!before.isEmpty());
        const CliRun import = runCli(catalog,
            {QStringLiteral("import"), QStringLiteral("users"),
                write(QStringLiteral("users.csv"),
                    "external_id,email\nU00001,\"a@example.com\r\nBcc: x@attacker.example\"\n")});
        QCOMPARE(import.exitCode, 2);
        QVERIFY2(import.err.contains(
                     "users.csv:2: field 'email': \"a@example.com\\r\\nBcc: x@attacker.example\" is "
                     "not an e-mail address (it holds a line break)"),
            import.describe().constData());
        QCOMPARE(digest(), before);

        // campaign save and config import: a javascript: unsubscribe link is refused.
        QJsonObject campaign = campaignJson(R"j({"unsubscribe_url": "javascript:alert(1)"})j");
        campaign.insert(QStringLiteral("blocks"),
            QJsonArray {QJsonObject {{QStringLiteral("id"), QStringLiteral("picks")},
                {QStringLiteral("type"), QStringLiteral("slot")},
                {QStringLiteral("slot"), QStringLiteral("email-picks")}}});
        const QString campaignFile = write(QStringLiteral("campaign.json"), QJsonDocument(campaign).toJson());
        const CliRun save = runCli(catalog,
            {QStringLiteral("campaign"), QStringLiteral("save"), QStringLiteral("june"),
                QStringLiteral("--json"), campaignFile});
        QCOMPARE(save.exitCode, 2);
        QVERIFY2(
            save.err.contains("unsubscribe_url: a 'javascript:' link would be dropped from every e-mail"),
            save.describe().constData());
        const QJsonObject bundle {{QStringLiteral("format"), QStringLiteral("vitrine-config")},
            {QStringLiteral("version"), 1},
            {QStringLiteral("campaigns"), QJsonObject {{QStringLiteral("june"), campaign}}}};
        const CliRun imported = runCli(catalog,
            {QStringLiteral("config"), QStringLiteral("import"),
                write(QStringLiteral("bundle.json"), QJsonDocument(bundle).toJson())});
        QCOMPARE(imported.exitCode, 2);
        QVERIFY2(imported.err.contains("unsubscribe_url: a 'javascript:' link would be dropped"),
            imported.describe().constData());
        QCOMPARE(digest(), before);

        // email render: a stored address with a line break (an older catalog) names the person.
        {
            Database db;
            QVERIFY(db.open(catalog, Database::OpenMode::ReadWrite, nullptr));
            QVERIFY(LayoutFixture::exec(db,
                QStringLiteral("UPDATE users SET email = ? WHERE external_id = 'U00001'"),
                {QString::fromLatin1(kInjected)}));
        }
        const QString eml = m_dir.filePath(QStringLiteral("u1.eml"));
        const CliRun render = runCli(catalog,
            {QStringLiteral("email"), QStringLiteral("render"), QStringLiteral("--campaign"),
                QStringLiteral("weekly-newsletter"), QStringLiteral("--user"), QStringLiteral("U00001"),
                QStringLiteral("--out"), eml});
        QCOMPARE(render.exitCode, 2);
        QVERIFY2(render.err.contains(
                     "person 'U00001': the stored e-mail address \"victim@example.com\\r\\nBcc: "
                     "everyone@attacker.example\" is not an e-mail address (it holds a line break)"),
            render.describe().constData());
        QVERIFY(!QFile::exists(eml));
        const CliRun other = runCli(catalog,
            {QStringLiteral("email"), QStringLiteral("render"), QStringLiteral("--campaign"),
                QStringLiteral("weekly-newsletter"), QStringLiteral("--user"), QStringLiteral("U00002"),
                QStringLiteral("--out"), eml});
        QVERIFY2(other.exitCode == 0, other.describe().constData());
        QFile file(eml);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(lineProblem(file.readAll()).isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestEmailHeaders)
#include "tst_emailheaders.moc"
