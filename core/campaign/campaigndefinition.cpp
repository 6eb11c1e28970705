// SPDX-License-Identifier: GPL-3.0-or-later
#include "campaigndefinition.h"

#include "emailaddress.h"
#include "layout/confignames.h"
#include "layout/configreader.h"
#include "layout/htmlescape.h"
#include "layout/layoutdefinition.h"
#include "storage/timestamp.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::CampaignDefinition)
};

const QStringList kFallbackFields = {QStringLiteral("name"), QStringLiteral("first_name"),
    QStringLiteral("last_name"), QStringLiteral("city"), QStringLiteral("country")};

/** Why `text` cannot be a header's address, or an empty string when it can. */
QString addressProblem(const QString &text)
{
    QString why;
    if (EmailAddress::isValid(text, &why))
        return {};
    return Tr::tr("%1 is not an e-mail address (%2)").arg(EmailAddress::quoted(text), why);
}

/**
 * Why the unsubscribe_url template would give a link the renderer drops (HtmlEscape::isSafeUrl)
 * or no List-Unsubscribe header: its own text — the template without its tags — must not hold
 * a line break or another scheme than http:, https: or mailto:, and when it begins with text
 * rather than a field, that text must begin an absolute link.
 */
QString unsubscribeProblem(const QString &source)
{
    static const QRegularExpression tag(
        QStringLiteral("\\{\\{.*?\\}\\}"), QRegularExpression::DotMatchesEverythingOption);
    const QString literal = QString(source).remove(tag).trimmed();
    for (const QChar c : literal) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return Tr::tr("must be one line without control characters");
    }
    const qsizetype firstTag = source.indexOf(QLatin1String("{{"));
    const QString prefix = source.left(firstTag < 0 ? source.size() : firstTag).trimmed();
    if (!prefix.isEmpty()) {
        // A scheme is what comes before the first ':', when no '/', '?' or '#' comes earlier.
        static const QRegularExpression schemeEnd(QStringLiteral("[:/?#]"));
        const qsizetype end = prefix.indexOf(schemeEnd);
        if (end <= 0 || prefix[end] != QLatin1Char(':'))
            return Tr::tr("'%1' is not a full link; start it with https://, http:// or mailto:")
                .arg(prefix.left(40));
        const QString scheme = prefix.left(end).toLower();
        if (scheme != QLatin1String("https") && scheme != QLatin1String("http")
            && scheme != QLatin1String("mailto"))
            return Tr::tr("a '%1:' link would be dropped from every e-mail; use https://, http:// or mailto:")
                .arg(prefix.left(qMin(end, qsizetype(40))));
    }
    if (!literal.isEmpty() && !HtmlEscape::isSafeUrl(literal))
        return Tr::tr("'%1' would be dropped from every e-mail; use https://, http:// or mailto:")
            .arg(literal.left(40));
    return {};
}

QStringList blockIds(const std::vector<LayoutBlock> &blocks)
{
    QStringList ids;
    for (const LayoutBlock &block : blocks)
        ids.append(block.id);
    return ids;
}

} // namespace

std::optional<CampaignDefinition> CampaignDefinition::fromJson(
    const QString &key, const QJsonObject &json, QString *error)
{
    QString message;
    const auto fail = [&](const QString &text) {
        if (error)
            *error = text;
        return std::nullopt;
    };
    if (!LayoutDefinition::isValidKey(key, &message))
        return fail(message);
    ConfigReader reader(json, QString());
    reader.allowOnly({"title", "description", "segment", "send_window", "from", "reply_to", "subject", "html",
        "text", "layout", "blocks", "fallbacks", "shop", "unsubscribe_url"});
    CampaignDefinition c;
    c.key = key;
    c.title = reader.text("title");
    c.segment = reader.text("segment");
    c.replyTo = reader.text("reply_to");
    c.layout = reader.text("layout");
    if (reader.ok() && !c.replyTo.isEmpty() && !addressProblem(c.replyTo).isEmpty())
        reader.fail(QStringLiteral("reply_to"), addressProblem(c.replyTo));
    if (!reader.ok())
        return fail(reader.error());

    if (!reader.value("from").isObject())
        return fail(
            Tr::tr("from: %1")
                .arg(reader.has("from") ? Tr::tr("must be an object {\"name\": …, \"email\": …}")
                                        : Tr::tr("missing (the sender: {\"name\": …, \"email\": …})")));
    ConfigReader from(reader.value("from").toObject(), QStringLiteral("from"));
    from.allowOnly({"name", "email"});
    c.fromName = from.text("name");
    c.fromEmail = from.text("email", true);
    if (from.ok() && !addressProblem(c.fromEmail).isEmpty())
        from.fail(QStringLiteral("email"), addressProblem(c.fromEmail));
    for (const QChar ch : std::as_const(c.fromName)) {
        if (from.ok()
            && (ch.unicode() < 0x20 || ch.unicode() == 0x7f || ch == QChar(0x2028) || ch == QChar(0x2029)))
            from.fail(QStringLiteral("name"), Tr::tr("must be one line without control characters"));
    }
    if (!from.ok())
        return fail(from.error());

    if (reader.has("send_window")) {
        ConfigReader window(reader.value("send_window").toObject(), QStringLiteral("send_window"));
        if (!reader.value("send_window").isObject())
            return fail(Tr::tr("send_window: must be an object {\"start\": …, \"end\": …}"));
        window.allowOnly({"start", "end"});
        c.windowStart = window.time("start");
        c.windowEnd = window.time("end");
        if (!window.ok())
            return fail(window.error());
        if (c.windowStart && c.windowEnd && *c.windowEnd < *c.windowStart)
            return fail(Tr::tr("send_window.end: before the start"));
    }

    if (reader.has("shop")) {
        ConfigReader shop(reader.value("shop").toObject(), QStringLiteral("shop"));
        shop.allowOnly({"name", "url", "currency"});
        c.shopName = shop.text("name");
        c.shopUrl = shop.text("url");
        c.currency = shop.text("currency");
        if (!shop.ok())
            return fail(shop.error());
    }
    if (reader.has("fallbacks")) {
        const QJsonObject fallbacks = reader.value("fallbacks").toObject();
        for (auto it = fallbacks.begin(); it != fallbacks.end(); ++it) {
            if (!kFallbackFields.contains(it.key()))
                return fail(Tr::tr("fallbacks.%1: unknown field (fallbacks exist for %2)")
                                .arg(it.key(), kFallbackFields.join(QStringLiteral(", "))));
            if (!it.value().isString())
                return fail(Tr::tr("fallbacks.%1: must be a string").arg(it.key()));
            c.fallbacks.insert(it.key(), it.value().toString());
        }
    }

    if (reader.has("blocks")) {
        if (!c.layout.isEmpty())
            return fail(Tr::tr("blocks: name a layout or list blocks, not both"));
        if (!reader.value("blocks").isArray())
            return fail(Tr::tr("blocks: must be a list of blocks"));
        const QJsonArray blocks = reader.value("blocks").toArray();
        for (qsizetype i = 0; i < blocks.size(); ++i) {
            auto block = LayoutBlock::fromJson(blocks.at(i), QStringLiteral("blocks[%1]").arg(i), &message);
            if (!block)
                return fail(message);
            if (blockIds(c.blocks).contains(block->id))
                return fail(Tr::tr("blocks[%1].id: '%2' is used twice").arg(i).arg(block->id));
            if (EmailTemplate::roots().contains(block->id))
                return fail(Tr::tr("blocks[%1].id: '%2' is a field name of the templates; choose another id")
                                .arg(i)
                                .arg(block->id));
            c.blocks.push_back(std::move(*block));
        }
    }

    // Without a layout the blocks are known now, so the templates' block names are checked now too.
    const QStringList ids = blockIds(c.blocks);
    const QStringList *known = c.layout.isEmpty() ? &ids : nullptr;
    const auto compile = [&](const char *name, bool required, std::optional<EmailTemplate> &out) {
        const QString source = reader.text(name, required);
        if (!reader.ok())
            return false;
        if (source.isEmpty())
            return true;
        out = EmailTemplate::compile(QLatin1String(name), source, known, &message);
        return out.has_value();
    };
    if (!compile("subject", true, c.subject) || !compile("html", true, c.html)
        || !compile("text", false, c.text) || !compile("unsubscribe_url", false, c.unsubscribe))
        return fail(reader.ok() ? message : reader.error());
    c.unsubscribeUrl = reader.text("unsubscribe_url");
    if (const QString problem = unsubscribeProblem(c.unsubscribeUrl); !problem.isEmpty())
        return fail(Tr::tr("unsubscribe_url: %1").arg(problem));
    if (c.subject->source().contains(QLatin1Char('\n')))
        return fail(Tr::tr("subject: must be one line"));
    return c;
}

QJsonObject CampaignDefinition::toJson() const
{
    QJsonObject json {{QStringLiteral("title"), title},
        {QStringLiteral("from"),
            QJsonObject {{QStringLiteral("name"), fromName}, {QStringLiteral("email"), fromEmail}}}};
    if (!segment.isEmpty())
        json.insert(QStringLiteral("segment"), segment);
    if (windowStart || windowEnd) {
        QJsonObject window;
        if (windowStart)
            window.insert(QStringLiteral("start"), Timestamp::toIso(*windowStart));
        if (windowEnd)
            window.insert(QStringLiteral("end"), Timestamp::toIso(*windowEnd));
        json.insert(QStringLiteral("send_window"), window);
    }
    if (!replyTo.isEmpty())
        json.insert(QStringLiteral("reply_to"), replyTo);
    if (!layout.isEmpty())
        json.insert(QStringLiteral("layout"), layout);
    if (!blocks.empty()) {
        QJsonArray array;
        for (const LayoutBlock &block : blocks)
            array.append(block.toJson());
        json.insert(QStringLiteral("blocks"), array);
    }
    if (!fallbacks.isEmpty()) {
        QJsonObject object;
        for (auto it = fallbacks.begin(); it != fallbacks.end(); ++it)
            object.insert(it.key(), it.value());
        json.insert(QStringLiteral("fallbacks"), object);
    }
    if (!shopName.isEmpty() || !shopUrl.isEmpty() || !currency.isEmpty())
        json.insert(QStringLiteral("shop"),
            QJsonObject {{QStringLiteral("name"), shopName}, {QStringLiteral("url"), shopUrl},
                {QStringLiteral("currency"), currency}});
    json.insert(QStringLiteral("subject"), subject ? subject->source() : QString());
    json.insert(QStringLiteral("html"), html ? html->source() : QString());
    if (text)
        json.insert(QStringLiteral("text"), text->source());
    if (!unsubscribeUrl.isEmpty())
        json.insert(QStringLiteral("unsubscribe_url"), unsubscribeUrl);
    return json;
}

QStringList CampaignDefinition::templateSegments() const
{
    QStringList names;
    for (const auto *t : {&subject, &html, &text}) {
        if (!t->has_value())
            continue;
        for (const EmailTemplate::Tag &tag : (*t)->segmentTags()) {
            if (!names.contains(tag.name))
                names.append(tag.name);
        }
    }
    return names;
}

bool CampaignDefinition::check(const ConfigNames &names, QString *error) const
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!segment.isEmpty() && !names.segments.contains(segment))
        return fail(Tr::tr("segment: unknown segment '%1' (segments: %2)")
                        .arg(segment, ConfigNames::list(names.segments)));
    QStringList ids;
    if (!layout.isEmpty()) {
        if (!names.layoutBlocks.contains(layout))
            return fail(Tr::tr("layout: unknown layout '%1'").arg(layout));
        ids = names.layoutBlocks.value(layout);
    }
    for (size_t i = 0; i < blocks.size(); ++i) {
        ids.append(blocks[i].id);
        if (blocks[i].type == LayoutBlock::Type::Slot && !names.slotKeys.contains(blocks[i].slot))
            return fail(Tr::tr("blocks[%1].slot: unknown slot '%2' (slots: %3)")
                            .arg(i)
                            .arg(blocks[i].slot, ConfigNames::list(names.slotKeys)));
    }
    for (const auto *t : {&subject, &html, &text}) {
        if (!t->has_value())
            continue;
        if (!(*t)->checkBlocks(ids, error))
            return false;
        for (const EmailTemplate::Tag &tag : (*t)->segmentTags()) {
            if (!names.segments.contains(tag.name))
                return fail(Tr::tr("%1: line %2, column %3: unknown segment '%4' (segments: %5)")
                                .arg((*t)->field())
                                .arg(tag.line)
                                .arg(tag.column)
                                .arg(tag.name, ConfigNames::list(names.segments)));
        }
    }
    return true;
}

} // namespace Vitrine
