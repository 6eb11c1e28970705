// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the e-mail renderer proper (EmailRenderer over the kainjow Mustache library, the
// HTML-to-text alternative and the MIME writer) with campaign templates as marketers write them.
// The input is a flag byte and then up to three templates separated by NUL bytes:
//
//   FLAGS SUBJECT \0 HTML \0 TEXT
//
//   bit 0  base the campaign on the starter "vip-early-access" (its own blocks) instead of
//          "weekly-newsletter" (the newsletter layout with segment variants)
//   bit 1  render with explanations (the studio's preview) rather than without (an export)
//
// A template the input leaves out keeps the starter campaign's; without a TEXT the plain-text
// alternative is made from the HTML. Each accepted campaign is rendered for a few people of a
// tiny demo shop: one whose name is hostile markup, the same person without a name, e-mail or
// consent, one with a name in several scripts, one with no events and one the snapshot does not
// know. The shop's item titles and people's attributes carry markup too.
//
// Besides the sanitizers' findings it checks that a refusal says why; that an accepted campaign
// renders; that what merge fields bring into the HTML is escaped (a differential check on the
// person's name, and markup from the catalog never arriving raw); that the message is 7-bit with
// CRLF lines of at most 78 characters, headers that cannot be forged, a boundary found nowhere in
// the parts and parts that decode back to the rendered text; and that a made-up text alternative
// is never empty.
#include "fuzzshop.h"
#include "campaign/campaigndefinition.h"
#include "campaign/emailrenderer.h"
#include "campaign/mimemessage.h"
#include "layout/confignames.h"
#include "layout/htmlescape.h"
#include "layout/pageresolver.h"
#include "session/enginesession.h"
#include "storage/configstore.h"
#include "storage/contactreader.h"
#include "storage/database.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QTimeZone>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>

using namespace Vitrine;

namespace {

// Private-use characters mark what the catalog brings in: no template of the seed corpus has them,
// so in the HTML each one comes from data, and the '<' that follows it must come escaped.
const QChar CatalogMark(0xE000);
const QChar NameMark(0xE001);

[[noreturn]] void broken(const char *what, const QString &detail)
{
    std::fprintf(stderr, "fuzz_emailrender: %s: %s\n", what, qPrintable(detail));
    std::abort();
}

struct Person
{
    PersonContact contact;
    int user = -1;
};

/** Everything built once: the shop, its resolver and the people e-mails are rendered for. */
struct Shop
{
    Database db;
    EngineSessionPtr session;
    std::shared_ptr<const PageResolver> resolver;
    ConfigNames names;
    QJsonObject newsletter;
    QJsonObject vip;
    qint64 sendTime = 0;
    Person regular;   ///< a person with events, e-mail and consent
    Person quiet;     ///< in the snapshot, without a single event
    Person unknown;   ///< not in the snapshot (joined after it was taken)
    Person worldwide; ///< a name in several scripts, with an emoji

    Shop()
    {
        QString error;
        if (!Fuzzing::openTinyShop(db, &error))
            broken("setup", error);
        // Hostile catalog text: every item title and every person's nickname starts with markup.
        if (!db.exec(QStringLiteral("UPDATE items SET title = '%1<script>alert(1)</script>' || title;"
                                    "UPDATE users SET attributes = json_object('nickname', '%1<img src=x onerror=alert(2)>');"
                                    "INSERT INTO users (external_id, name, email, email_consent) "
                                    "VALUES ('FZ-QUIET', 'Quiet Reader', 'quiet@example.com', 1);")
                         .arg(CatalogMark),
                &error))
            broken("setup", error);

        sendTime = QDateTime(QDate(2026, 6, 1), QTime(6, 0), QTimeZone::utc()).toSecsSinceEpoch();
        session = EngineSession::open(db, {sendTime, false}, &error);
        resolver = session ? session->pages(&error) : nullptr;
        if (!resolver)
            broken("setup", error);
        names = ConfigNames::load(db);
        ConfigStore store(db);
        const std::optional<ConfigObject> weekly = store.get(QStringLiteral("campaigns"), QStringLiteral("weekly-newsletter"));
        const std::optional<ConfigObject> early = store.get(QStringLiteral("campaigns"), QStringLiteral("vip-early-access"));
        if (!weekly || !early)
            broken("setup", QStringLiteral("no starter campaigns"));
        newsletter = weekly->definition;
        vip = early->definition;

        const SnapshotPtr &snapshot = resolver->snapshot();
        ContactReader reader(db);
        for (const PersonContact &contact : reader.next(100, &error)) {
            const int user = snapshot->userIndex(contact.id);
            if (regular.contact.externalId.isEmpty() && user >= 0 && !contact.email.isEmpty())
                regular = {contact, user};
        }
        const std::optional<PersonContact> quietContact = ContactReader::find(db, QStringLiteral("FZ-QUIET"), &error);
        if (regular.contact.externalId.isEmpty() || !quietContact)
            broken("setup", QStringLiteral("no people to write to: %1").arg(error));
        quiet = {*quietContact, snapshot->userIndex(quietContact->id)};
        unknown.contact = regular.contact;
        unknown.contact.externalId = QStringLiteral("FZ-NEW");
        unknown.user = -1;
        worldwide = regular;
        worldwide.contact.name = QStringLiteral("Åsa Ørsted-Żółć 山田 \U0001F600");
        worldwide.contact.email = QStringLiteral("asa@example.com");
    }
};

Shop &shop()
{
    static Shop instance;
    return instance;
}

QByteArray decodeQuotedPrintable(const QByteArray &body)
{
    QByteArray out;
    for (qsizetype i = 0; i < body.size(); ++i) {
        if (body[i] == '=' && body.mid(i + 1, 2) == "\r\n") {
            i += 2;
        } else if (body[i] == '=' && i + 2 < body.size()) {
            out += char(body.mid(i + 1, 2).toInt(nullptr, 16));
            i += 2;
        } else {
            out += body[i];
        }
    }
    return out;
}

/** Line ends as CRLF, LF and CR all alike, for comparing what went in with what came out. */
QString normalisedLines(QString text)
{
    return text.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).replace(QLatin1Char('\r'), QLatin1Char('\n'));
}

/** The promises of MimeMessage (RFC 5322, 2045–2047) on one serialised e-mail. */
void checkMessage(const RenderedEmail &email, const QByteArray &eml)
{
    for (const char c : eml) {
        if (static_cast<unsigned char>(c) > 127)
            broken("the message is not 7-bit", QString::fromUtf8(eml.left(400)));
    }
    const QList<QByteArray> lines = eml.split('\n');
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        const QByteArray &line = lines[i];
        if (!line.endsWith('\r') || line.left(line.size() - 1).contains('\r'))
            broken("a line does not end with CRLF", QString::fromLatin1(line));
        if (line.size() - 1 > 78)
            broken("a line is longer than 78 characters", QString::fromLatin1(line));
    }
    if (!lines.constLast().isEmpty())
        broken("the message does not end with CRLF", QString::fromLatin1(lines.constLast()));

    const qsizetype split = eml.indexOf("\r\n\r\n");
    if (split < 0)
        broken("the message has no end of headers", QString());
    QByteArray boundary;
    for (const QByteArray &line : eml.left(split).split('\n')) {
        const QByteArray content = line.chopped(line.endsWith('\r') ? 1 : 0);
        for (const char c : content) {
            if (c != '\t' && (c < 32 || c > 126))
                broken("a header holds a control character", QString::fromLatin1(content));
        }
        if (content.startsWith(' ') || content.startsWith('\t')) {
            if (content.trimmed().isEmpty())
                broken("a header continues with a blank line", QString());
            const qsizetype at = content.indexOf("boundary=\"");
            if (at >= 0)
                boundary = content.mid(at + 10, content.indexOf('"', at + 10) - at - 10);
            continue;
        }
        const qsizetype colon = content.indexOf(':');
        if (colon <= 0 || content.left(colon).contains(' '))
            broken("a header line is not a header", QString::fromLatin1(content));
        static const QList<QByteArray> known {"From", "To", "Reply-To", "Subject", "Date", "Message-ID",
            "List-Unsubscribe", "List-Unsubscribe-Post", "MIME-Version", "Content-Type"};
        if (!known.contains(content.left(colon)))
            broken("a header the writer never writes (injected?)", QString::fromLatin1(content));
    }
    if (boundary.isEmpty())
        broken("no boundary", QString());
    const QByteArray delimiter = "\r\n--" + boundary;
    if (eml.count(delimiter) != 3 || !eml.endsWith(delimiter + "--\r\n"))
        broken("the boundary occurs in a part", QString::fromLatin1(boundary));
    if (email.html.toUtf8().contains(boundary) || email.text.toUtf8().contains(boundary))
        broken("the boundary occurs in the content", QString::fromLatin1(boundary));

    // The parts decode back to what was rendered: text first, then HTML.
    QList<QByteArray> parts;
    qsizetype from = eml.indexOf(delimiter) + delimiter.size();
    for (int i = 0; i < 2; ++i) {
        const qsizetype next = eml.indexOf(delimiter, from);
        const QByteArray chunk = eml.mid(from, next - from);
        const qsizetype body = chunk.indexOf("\r\n\r\n");
        if (body < 0 || !chunk.contains("quoted-printable"))
            broken("a part has no headers", QString::fromLatin1(chunk.left(200)));
        parts.append(decodeQuotedPrintable(chunk.mid(body + 4)));
        from = next + delimiter.size();
    }
    if (normalisedLines(QString::fromUtf8(parts[0])) != normalisedLines(email.text))
        broken("the text part does not decode to the text", email.text.left(300));
    if (normalisedLines(QString::fromUtf8(parts[1])) != normalisedLines(email.html))
        broken("the HTML part does not decode to the HTML", email.html.left(300));
}

/** Whether the HTML has a marked catalog text whose markup arrived raw. */
bool hasRawMarkup(const QString &html, QChar mark)
{
    for (qsizetype at = html.indexOf(mark); at >= 0; at = html.indexOf(mark, at + 1)) {
        if (!QStringView(html).mid(at + 1).startsWith(u"&lt;"))
            return true;
    }
    return false;
}

RenderedEmail renderFor(EmailRenderer &renderer, const Person &person, bool explain, bool templatesAreMarkFree)
{
    Shop &s = shop();
    const RenderedEmail email = renderer.render(person.contact, person.user, s.sendTime, explain);
    if (!email.ok) {
        if (email.error.isEmpty())
            broken("an e-mail failed without a reason", person.contact.externalId);
        // Every template was checked when the campaign was read, so rendering has no reason to fail.
        broken("an accepted campaign does not render", email.error);
    }
    if (templatesAreMarkFree && hasRawMarkup(email.html, CatalogMark))
        broken("catalog text reached the HTML unescaped", email.html);
    if (!renderer.campaign().text && email.text.isEmpty())
        broken("the generated text alternative is empty", email.html.left(300));
    checkMessage(email, renderer.message(email).toBytes());
    return email;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    Shop &s = shop();
    const uint8_t flags = data[0];
    const bool explain = flags & 2;
    const QList<QByteArray> fields = QByteArray(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1)).split('\0');

    QJsonObject json = (flags & 1) ? s.vip : s.newsletter;
    json.remove(QStringLiteral("text"));
    static const QString keys[] = {QStringLiteral("subject"), QStringLiteral("html"), QStringLiteral("text")};
    QString templates;
    for (qsizetype i = 0; i < 3; ++i) {
        if (i < fields.size() && !(i == 0 && fields.size() == 1 && fields[0].isEmpty()))
            json.insert(keys[i], QString::fromUtf8(fields[i]));
        templates += json.value(keys[i]).toString();
    }
    templates += json.value(QStringLiteral("unsubscribe_url")).toString();

    QString error;
    const std::optional<CampaignDefinition> campaign = CampaignDefinition::fromJson(QStringLiteral("fuzz"), json, &error);
    if (!campaign) {
        if (error.isEmpty())
            broken("a campaign was refused without a reason", QString());
        return 0;
    }
    if (!campaign->check(s.names, &error)) {
        if (error.isEmpty())
            broken("a campaign check failed without a reason", QString());
        return 0;
    }
    (void)campaign->toJson();

    EmailRenderer renderer(*s.resolver, *campaign);
    if (!renderer.isValid(&error))
        broken("a checked campaign has no renderer", error);
    const bool markFree = !templates.contains(CatalogMark) && !templates.contains(NameMark);

    // The differential check: the same person under a hostile name and under a harmless
    // placeholder. Wherever the placeholder went, the HTML must have the name escaped, and nothing
    // else may change; the subject and a text template take the name as it is.
    const QString hostile = NameMark + QStringLiteral("<script>alert('x\"&y')</script>{{person.id}}&amp;");
    const QString placeholder = NameMark + QStringLiteral("Placeholder") + NameMark;
    Person named = s.regular;
    named.contact.name = hostile;
    const RenderedEmail withName = renderFor(renderer, named, explain, markFree);
    named.contact.name = placeholder;
    const RenderedEmail withPlaceholder = renderFor(renderer, named, explain, markFree);
    if (markFree) {
        const QString escaped = HtmlEscape::escape(hostile);
        if (escaped.contains(QLatin1Char('<')) || escaped.contains(QLatin1Char('"')))
            broken("HtmlEscape::escape leaves markup", escaped);
        if (QString(withPlaceholder.html).replace(placeholder, escaped) != withName.html)
            broken("the person's name reached the HTML other than escaped", withName.html);
        if (QString(withPlaceholder.subject).replace(placeholder, hostile) != withName.subject)
            broken("the person's name changed the subject other than where it goes", withName.subject);
        if (campaign->text && QString(withPlaceholder.text).replace(placeholder, hostile) != withName.text)
            broken("the person's name changed the text other than where it goes", withName.text);
    }

    Person anonymous = s.regular;
    anonymous.contact.name.clear();
    anonymous.contact.email.clear();
    anonymous.contact.consent = false;
    renderFor(renderer, anonymous, explain, markFree);
    renderFor(renderer, s.worldwide, explain, markFree);
    renderFor(renderer, s.quiet, explain, markFree);
    renderFor(renderer, s.unknown, explain, markFree);
    return 0;
}
