// SPDX-License-Identifier: GPL-3.0-or-later
// E-mail campaigns: template checks, rendering, escaping, MIME structure and the batch export.
#include "../layout/layoutfixture.h"

#include "campaign/campaigndefinition.h"
#include "campaign/campaignexporter.h"
#include "campaign/emailrenderer.h"
#include "campaign/htmltotext.h"
#include "campaign/mimemessage.h"
#include "layout/confignames.h"
#include "layout/pageresolver.h"
#include "session/enginesession.h"
#include "storage/contactreader.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Vitrine;

namespace {

// JSON writes "/" as "\/" here: moc misreads "//" inside a raw string as a comment.
const char *kCampaign = R"({
    "title": "June picks",
    "from": {"name": "Fjellbutikken Ø", "email": "news@shop.example"},
    "blocks": [{"id": "picks", "type": "slot", "slot": "best", "k": 3},
               {"id": "more", "type": "slot", "slot": "new-or-best"},
               {"id": "none", "type": "slot", "slot": "nothing"}],
    "fallbacks": {"first_name": "friend"},
    "shop": {"name": "Fjell", "url": "https:\/\/shop.example", "currency": "NOK"},
    "subject": "{{#segments.big-spenders}}{{person.first_name}}, your big picks{{/segments.big-spenders}}{{^segments.big-spenders}}Hello {{person.first_name}}{{/segments.big-spenders}}",
    "html": "<html><body>\n<p>Hi {{person.first_name}} from {{person.city}}</p>\n{{#segments.norwegians}}<p>Hei!</p>{{/segments.norwegians}}\n{{> picks}}\n{{#blocks.more.items}}<p>{{title}} {{current_price}}</p>{{/blocks.more.items}}\n{{#blocks.none.empty}}<p>Nothing here</p>{{/blocks.none.empty}}\n<p>{{person.attributes.nickname}}</p>\n</body></html>",
    "unsubscribe_url": "https:\/\/shop.example/u?id={{person.id}}"
})";

/** A minimal reader of our own .eml: headers, boundary and the decoded parts. */
struct ParsedMail
{
    QMap<QByteArray, QByteArray> headers;
    QByteArray boundary;
    QList<QPair<QByteArray, QByteArray>> parts; ///< (content type, decoded body)
    bool linesOk = true;
};

QByteArray decodeQuotedPrintable(const QByteArray &body)
{
    QByteArray out;
    for (qsizetype i = 0; i < body.size(); ++i) {
        if (body[i] == '=' && i + 2 < body.size() + 1) {
            if (body.mid(i + 1, 2) == "\r\n") {
                i += 2;
                continue;
            }
            out += char(body.mid(i + 1, 2).toInt(nullptr, 16));
            i += 2;
        } else {
            out += body[i];
        }
    }
    return out;
}

QString decodeHeader(const QByteArray &value)
{
    static const QRegularExpression word(QStringLiteral("=\\?UTF-8\\?B\\?([A-Za-z0-9+/=]*)\\?="));
    QString text = QString::fromLatin1(value);
    text.replace(QStringLiteral("?=\r\n =?UTF-8?B?"), QStringLiteral("?==?UTF-8?B?"));
    QByteArray decoded;
    qsizetype last = 0;
    QString result;
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        result += text.mid(last, match.capturedStart() - last);
        decoded += QByteArray::fromBase64(match.captured(1).toLatin1());
        last = match.capturedEnd();
        if (!it.hasNext() || it.peekNext().capturedStart() != last) {
            result += QString::fromUtf8(decoded);
            decoded.clear();
        }
    }
    return result + text.mid(last);
}

ParsedMail parseMail(const QByteArray &eml)
{
    ParsedMail mail;
    for (const QByteArray &line : eml.split('\n')) {
        if (!line.endsWith('\r') && !line.isEmpty())
            mail.linesOk = false; // every line ends with CRLF
        if (line.size() > 79)
            mail.linesOk = false; // 78 characters and CR
    }
    const qsizetype split = eml.indexOf("\r\n\r\n");
    QByteArray headerText = eml.left(split);
    headerText.replace("\r\n ", " ");
    for (const QByteArray &line : headerText.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        mail.headers.insert(line.left(colon).toLower(), line.mid(colon + 1).trimmed());
    }
    static const QRegularExpression boundary(QStringLiteral("boundary=\"([^\"]+)\""));
    mail.boundary
        = boundary.match(QString::fromLatin1(mail.headers.value("content-type"))).captured(1).toLatin1();
    const QByteArray body = eml.mid(split + 4);
    QList<QByteArray> chunks;
    const QByteArray separator = QByteArray("--") + mail.boundary;
    for (qsizetype from = 0;;) {
        const qsizetype at = body.indexOf(separator, from);
        chunks.append(body.mid(from, at < 0 ? -1 : at - from));
        if (at < 0)
            break;
        from = at + separator.size();
    }
    for (qsizetype i = 1; i < chunks.size(); ++i) {
        const QByteArray chunk = chunks[i];
        if (chunk.startsWith("--"))
            break;
        const qsizetype end = chunk.indexOf("\r\n\r\n");
        const QByteArray head = chunk.left(end);
        static const QRegularExpression type(QStringLiteral("Content-Type: ([^;\r]+)"));
        QByteArray content = chunk.mid(end + 4);
        content.chop(2); // the CRLF before the next boundary
        mail.parts.append({type.match(QString::fromLatin1(head)).captured(1).toLatin1(),
            head.contains("quoted-printable") ? decodeQuotedPrintable(content) : content});
    }
    return mail;
}

} // namespace

class TestCampaigns : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Database m_db;
    EngineSessionPtr m_session;
    std::shared_ptr<const PageResolver> m_resolver;
    std::optional<CampaignDefinition> m_campaign;

    RenderedEmail render(const char *id)
    {
        const auto contact = ContactReader::find(m_db, QLatin1String(id), nullptr);
        EmailRenderer renderer(*m_resolver, *m_campaign);
        return renderer.render(
            *contact, m_resolver->snapshot()->userIndexByExternalId(QLatin1String(id)), LayoutFixture::now());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(LayoutFixture::build(m_db, m_dir.filePath(QStringLiteral("fixture.vitrine"))));
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

    void badTemplates_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("message");
        QTest::newRow("unclosed section")
            << "html"
            << "<p>Hi</p>\n<p>\n  {{#segments.norwegians}}Hei\n</p>"
            << "html: line 3, column 3: unclosed section \"segments.norwegians\"";
        QTest::newRow("unopened section") << "html"
                                          << "<p>\n{{/blocks.picks}}</p>"
                                          << "html: line 2, column 1: unopened section \"blocks.picks\"";
        QTest::newRow("unclosed tag") << "subject"
                                      << "Hi {{person.first_name"
                                      << "subject: line 1, column 4: unclosed tag";
        QTest::newRow("unknown block")
            << "html"
            << "<p>x</p>\n\n{{#blocks.recs.items}}{{title}}{{/blocks.recs.items}}"
            << "html: line 3, column 1: unknown block 'recs' (blocks: picks, more, none)";
        QTest::newRow("unknown partial") << "html"
                                         << "{{> picks}}\n{{> recs}}"
                                         << "html: line 2, column 1: unknown block 'recs'";
        QTest::newRow("unescaped") << "html"
                                   << "<p>{{{person.name}}}</p>"
                                   << "html: line 1, column 4: {{{person.name}}} would insert text unescaped";
        QTest::newRow("ampersand") << "html"
                                   << "<p>{{& person.name}}</p>"
                                   << "html: line 1, column 4: {{{person.name}}} would insert text unescaped";
        QTest::newRow("unknown field") << "html"
                                       << "<p>{{persn.first_name}}</p>"
                                       << "html: line 1, column 4: unknown field 'persn.first_name'";
        QTest::newRow("delimiters") << "html"
                                    << "{{=<% %>=}}"
                                    << "html: line 1, column 1: changing the delimiters is not supported";
    }

    void badTemplates()
    {
        QFETCH(QString, field);
        QFETCH(QString, source);
        QFETCH(QString, message);
        QJsonObject json = LayoutFixture::json(kCampaign);
        json.insert(field, source);
        QString error;
        QVERIFY(!CampaignDefinition::fromJson(QStringLiteral("bad"), json, &error));
        QVERIFY2(error.startsWith(message), qPrintable(error));
    }

    void badCampaigns_data()
    {
        QTest::addColumn<QByteArray>("patch");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown segment in template")
            << QByteArray("{\"subject\": \"{{#segments.vip}}VIP{{/segments.vip}}\"}")
            << QStringLiteral("subject: line 1, column 1: unknown segment 'vip'");
        QTest::newRow("unknown target segment") << QByteArray(R"({"segment": "everyone"})")
                                                << QStringLiteral("segment: unknown segment 'everyone'");
        QTest::newRow("unknown slot") << QByteArray(
            R"({"blocks": [{"id": "picks", "type": "slot", "slot": "bestt"}], "html": "{{> picks}}"})")
                                      << QStringLiteral("blocks[0].slot: unknown slot 'bestt'");
        QTest::newRow("unknown layout") << QByteArray(R"({"blocks": null, "layout": "mail", "html": "x"})")
                                        << QStringLiteral("layout: unknown layout 'mail'");
        QTest::newRow("no sender") << QByteArray(R"({"from": {"name": "x"}})")
                                   << QStringLiteral("from.email: missing");
        QTest::newRow("bad sender") << QByteArray(R"({"from": {"email": "news at shop"}})")
                                    << QStringLiteral("from.email: \"news at shop\" is not an e-mail address");
        QTest::newRow("block named like a field")
            << QByteArray(R"({"blocks": [{"id": "person", "type": "slot", "slot": "best"}], "html": "x"})")
            << QStringLiteral("blocks[0].id: 'person' is a field name");
        QTest::newRow("two-line subject")
            << QByteArray("{\"subject\": \"a\\nb\"}") << QStringLiteral("subject: must be one line");
    }

    void badCampaigns()
    {
        QFETCH(QByteArray, patch);
        QFETCH(QString, message);
        QJsonObject json = LayoutFixture::json(kCampaign);
        const QJsonObject changes = QJsonDocument::fromJson(patch).object();
        for (auto it = changes.begin(); it != changes.end(); ++it) {
            if (it.value().isNull())
                json.remove(it.key());
            else
                json.insert(it.key(), it.value());
        }
        QString error;
        const auto campaign = CampaignDefinition::fromJson(QStringLiteral("bad"), json, &error);
        if (campaign)
            QVERIFY(!campaign->check(ConfigNames::load(m_db), &error));
        QVERIFY2(error.startsWith(message), qPrintable(error));
    }

    void mergeFieldsAndSections()
    {
        const RenderedEmail big = render("U1");
        QVERIFY2(big.ok, qPrintable(big.error));
        QCOMPARE(big.subject, QStringLiteral("Astrid, your big picks"));
        QVERIFY(big.html.contains(QLatin1String("Hi Astrid from Bergen")));
        QVERIFY(big.html.contains(QLatin1String("<p>Hei!</p>")));
        QCOMPARE(big.segment, QStringLiteral("big-spenders"));
        const RenderedEmail swede = render("U3");
        QCOMPARE(swede.subject, QStringLiteral("Hello Maja"));
        QVERIFY(!swede.html.contains(QLatin1String("Hei!")));
        // No name: the campaign's fallback.
        const RenderedEmail nameless = render("U7");
        QCOMPARE(nameless.subject, QStringLiteral("Hello friend"));
        QVERIFY(nameless.html.contains(QLatin1String("Hi friend from Turku")));
        QCOMPARE(nameless.unsubscribeUrl, QStringLiteral("https://shop.example/u?id=U7"));
    }

    void recommendationBlocks()
    {
        const RenderedEmail email = render("U3");
        QVERIFY2(email.ok, qPrintable(email.error));
        // The picks partial renders the slot's items with prices in the shop's currency.
        QVERIFY(email.html.contains(QLatin1String("https://shop.example.com/p/SKU-L1"))
            || email.html.contains(QLatin1String("SKU-")));
        QVERIFY(email.html.contains(QLatin1String(" NOK")));
        QVERIFY(email.html.contains(QLatin1String("<p>Nothing here</p>")));
        QCOMPARE(email.emptyBlocks, QStringList {QStringLiteral("none")});
        QCOMPARE(email.fallbackBlocks, QStringList {QStringLiteral("more")});
        const ResolvedBlock *picks = email.page.block(QStringLiteral("picks"));
        const ResolvedBlock *more = email.page.block(QStringLiteral("more"));
        QCOMPARE(picks->items.size(), size_t(3));
        for (const ResolvedItem &item : more->items) {
            for (const ResolvedItem &other : picks->items)
                QVERIFY(item.sku != other.sku); // deduped across the e-mail's blocks
        }
        // A sale item shows both prices.
        QVERIFY(email.text.contains(QLatin1String("NOK")));
    }

    void escapesCatalogText()
    {
        const RenderedEmail hostile = render("U6");
        QVERIFY2(hostile.ok, qPrintable(hostile.error));
        QVERIFY(!hostile.html.contains(QLatin1String("<script"), Qt::CaseInsensitive));
        QVERIFY(!hostile.html.contains(QLatin1String("<img src=x")));
        QVERIFY(hostile.html.contains(QLatin1String("&lt;script&gt;alert(2)&lt;/script&gt;")));
        QVERIFY(hostile.html.contains(
            QLatin1String("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Storm Jacket")));
        QVERIFY(!hostile.html.contains(QLatin1String("javascript:")));
        QVERIFY(hostile.html.contains(QLatin1String("Hi &lt;img from Odense"))); // the first word of the name
        // The plain text is text: the title reads as written.
        QVERIFY(hostile.text.contains(QLatin1String("<script>alert(\"x\")</script> Storm Jacket")));
    }

    void mimeStructure()
    {
        const auto contact = ContactReader::find(m_db, QStringLiteral("U8"), nullptr);
        EmailRenderer renderer(*m_resolver, *m_campaign);
        const RenderedEmail email = renderer.render(*contact,
            m_resolver->snapshot()->userIndexByExternalId(QStringLiteral("U8")), LayoutFixture::now());
        QVERIFY2(email.ok, qPrintable(email.error));
        QCOMPARE(email.subject, QStringLiteral("Hello Åsa"));
        const QByteArray eml = renderer.message(email).toBytes();
        const ParsedMail mail = parseMail(eml);
        QVERIFY(mail.linesOk);
        QCOMPARE(mail.headers.value("mime-version"), QByteArray("1.0"));
        QVERIFY(mail.headers.value("subject").startsWith("=?UTF-8?B?"));
        QCOMPARE(decodeHeader(mail.headers.value("subject")), QStringLiteral("Hello Åsa"));
        QCOMPARE(decodeHeader(mail.headers.value("to")), QStringLiteral("Åsa Öberg <asa@example.com>"));
        QCOMPARE(
            decodeHeader(mail.headers.value("from")), QStringLiteral("Fjellbutikken Ø <news@shop.example>"));
        QCOMPARE(mail.headers.value("date"), QByteArray("Mon, 01 Jun 2026 00:00:00 +0000"));
        QVERIFY(QRegularExpression(QStringLiteral("^<[0-9a-f]{32}@shop\\.example>$"))
                    .match(QString::fromLatin1(mail.headers.value("message-id")))
                    .hasMatch());
        QCOMPARE(mail.headers.value("list-unsubscribe"), QByteArray("<https://shop.example/u?id=U8>"));
        QVERIFY(mail.headers.value("content-type").startsWith("multipart/alternative;"));
        QVERIFY(!mail.boundary.isEmpty());
        QVERIFY(!email.html.toUtf8().contains(mail.boundary));
        QCOMPARE(mail.parts.size(), 2);
        QCOMPARE(mail.parts[0].first, QByteArray("text/plain"));
        QCOMPARE(mail.parts[1].first, QByteArray("text/html"));
        const auto normalise = [](QByteArray text) {
            return text.replace("\r\n", "\n");
        };
        QCOMPARE(QString::fromUtf8(normalise(mail.parts[0].second)),
            QString(email.text).replace(QStringLiteral("\r\n"), QStringLiteral("\n")));
        QCOMPARE(QString::fromUtf8(normalise(mail.parts[1].second)), email.html);
        // The same e-mail gives the same bytes.
        QCOMPARE(renderer
                     .message(renderer.render(*contact,
                         m_resolver->snapshot()->userIndexByExternalId(QStringLiteral("U8")),
                         LayoutFixture::now()))
                     .toBytes(),
            eml);
    }

    void headerEncoding()
    {
        const QString subject = QStringLiteral("Ærlig talt: %1 — smørbrød").arg(QString(40, QChar(0x00F8)));
        const QByteArray encoded = MimeMessage::encodeHeaderText(subject, 9);
        for (const QByteArray &line : encoded.split('\n'))
            QVERIFY(line.trimmed().size() <= 75);
        QCOMPARE(decodeHeader(encoded), subject);
        QCOMPARE(MimeMessage::encodeHeaderText(QStringLiteral("Plain subject")), QByteArray("Plain subject"));
        QCOMPARE(MimeMessage::formatAddress(QStringLiteral("A \"B\" C"), QStringLiteral("a@b.c")),
            QByteArray("\"A \\\"B\\\" C\" <a@b.c>"));
        const QByteArray qp = MimeMessage::quotedPrintable(QByteArray(200, 'x') + "=\n.dot\nend ");
        for (const QByteArray &line : qp.split('\n'))
            QVERIFY(line.size() <= 77);
        QCOMPARE(decodeQuotedPrintable(qp), QByteArray(QByteArray(200, 'x') + "=\r\n.dot\r\nend "));
    }

    void plainTextAlternative()
    {
        const QString text = HtmlToText::convert(
            QStringLiteral("<html><head><title>T</title><style>p{}</style></head><body><p>Hi &amp; "
                           "welcome</p><ul><li>One</li><li>Two</li></ul>"
                           "<p><a href=\"https://x.example/a?b=1&amp;c=2\">Shop now</a></p><div "
                           "style=\"display:none\">hidden</div></body></html>"));
        QCOMPARE(
            text, QStringLiteral("Hi & welcome\n\n- One\n- Two\n\nShop now <https://x.example/a?b=1&c=2>\n"));
    }

    void exportSkipsAndReports()
    {
        QTemporaryDir out;
        const QString folder = out.filePath(QStringLiteral("send"));
        CampaignExportOptions options;
        options.output = folder;
        options.sendTime = LayoutFixture::now();
        options.threads = 2;
        options.chunkSize = 3; // several chunks
        CampaignExporter exporter(*m_resolver, m_db, *m_campaign);
        const CampaignExportReport report = exporter.run(options);
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.people, qint64(8));
        QCOMPARE(report.audience, qint64(8));
        QCOMPARE(report.recipients, qint64(6));
        QCOMPARE(report.skipped.value(QStringLiteral("no_consent")), qint64(1));
        QCOMPARE(report.skipped.value(QStringLiteral("no_email")), qint64(1));
        QCOMPARE(report.emptyBlocks.value(QStringLiteral("none")), qint64(6));
        QCOMPARE(report.recipientsWithEmptyBlock, qint64(6));
        QVERIFY(report.fallbackBlocks.value(QStringLiteral("more")) > 0);
        QStringList files = QDir(folder).entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name);
        QCOMPARE(files.size(), 6);
        QVERIFY(!files.contains(QStringLiteral("U4.eml")));
        QVERIFY(!files.contains(QStringLiteral("U5.eml")));
        QVERIFY(!QDir(folder + QStringLiteral(".partial")).exists());
        QFile details(folder + QStringLiteral("/report.csv"));
        QVERIFY(details.open(QIODevice::ReadOnly));
        const QByteArray csv = details.readAll();
        QVERIFY(csv.contains("U4,skipped,no_consent\n"));
        QVERIFY(csv.contains("U5,skipped,no_email\n"));
        QVERIFY(csv.contains("U1,empty_block,none\n"));
        QFile reportFile(folder + QStringLiteral("/report.json"));
        QVERIFY(reportFile.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(reportFile.readAll()).object();
        QCOMPARE(json.value(QStringLiteral("recipients")).toInt(), 6);
        QCOMPARE(json.value(QStringLiteral("skipped_by_reason"))
                     .toObject()
                     .value(QStringLiteral("no_consent"))
                     .toInt(),
            1);
        // Every file is a whole message; parse one.
        QFile eml(folder + QStringLiteral("/U8.eml"));
        QVERIFY(eml.open(QIODevice::ReadOnly));
        QCOMPARE(parseMail(eml.readAll()).parts.size(), 2);
        // An existing, non-empty folder is refused.
        QVERIFY(!exporter.run(options).ok);
    }

    void exportJsonLinesIsDeterministic()
    {
        QTemporaryDir out;
        CampaignExportOptions options;
        options.sendTime = LayoutFixture::now();
        QByteArray previous;
        for (int threads : {1, 2}) {
            options.output = out.filePath(QStringLiteral("send-%1.jsonl").arg(threads));
            options.threads = threads;
            const CampaignExportReport report = CampaignExporter(*m_resolver, m_db, *m_campaign).run(options);
            QVERIFY2(report.ok, qPrintable(report.error));
            QFile file(options.output);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray data = file.readAll();
            const QList<QByteArray> lines = data.trimmed().split('\n');
            QCOMPARE(lines.size(), 6);
            const QJsonObject first = QJsonDocument::fromJson(lines.first()).object();
            QCOMPARE(first.value(QStringLiteral("user")).toString(), QStringLiteral("U1"));
            QCOMPARE(
                first.value(QStringLiteral("subject")).toString(), QStringLiteral("Astrid, your big picks"));
            QVERIFY(first.value(QStringLiteral("html")).toString().contains(QLatin1String("Hi Astrid")));
            QVERIFY(!first.value(QStringLiteral("text")).toString().isEmpty());
            QVERIFY(QFile::exists(out.filePath(QStringLiteral("send-%1.report.json").arg(threads))));
            if (!previous.isEmpty())
                QCOMPARE(data, previous); // the same whatever the thread count
            previous = data;
        }
    }

    void cancelledExportLeavesNothing()
    {
        QTemporaryDir out;
        std::atomic_bool cancel {true};
        CampaignExportOptions options;
        options.sendTime = LayoutFixture::now();
        for (const QString &name : {QStringLiteral("cancelled"), QStringLiteral("cancelled.jsonl")}) {
            options.output = out.filePath(name);
            const CampaignExportReport report
                = CampaignExporter(*m_resolver, m_db, *m_campaign).run(options, Progress({}, &cancel));
            QVERIFY(!report.ok);
            QVERIFY(report.cancelled);
        }
        QCOMPARE(QDir(out.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList());
    }

    void sendWindow()
    {
        QJsonObject json = LayoutFixture::json(kCampaign);
        json.insert(QStringLiteral("send_window"),
            QJsonObject {{QStringLiteral("start"), QStringLiteral("2026-05-01")},
                {QStringLiteral("end"), QStringLiteral("2026-05-15")}});
        QString error;
        const auto closed = CampaignDefinition::fromJson(QStringLiteral("closed"), json, &error);
        QVERIFY2(closed, qPrintable(error));
        QTemporaryDir out;
        CampaignExportOptions options;
        options.output = out.filePath(QStringLiteral("late.jsonl"));
        options.sendTime = LayoutFixture::now();
        const CampaignExportReport report = CampaignExporter(*m_resolver, m_db, *closed).run(options);
        QVERIFY(!report.ok);
        QVERIFY2(report.error.contains(QLatin1String("send window closed")), qPrintable(report.error));
        QVERIFY(!QFile::exists(options.output));
    }
};

QTEST_APPLESS_MAIN(TestCampaigns)
#include "tst_campaigns.moc"
