// SPDX-License-Identifier: GPL-3.0-or-later
#include "layoutblock.h"

#include "catalog/eventtype.h"
#include "configreader.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::LayoutBlock)
};

constexpr const char *kTypes[] = {"slot", "banners", "categories", "text"};

} // namespace

QString LayoutBlock::typeName(Type type)
{
    return QLatin1String(kTypes[int(type)]);
}

std::optional<LayoutBlock::Type> LayoutBlock::typeFromName(const QString &name)
{
    for (int i = 0; i < 4; ++i) {
        if (name == QLatin1String(kTypes[i]))
            return Type(i);
    }
    return std::nullopt;
}

quint8 LayoutBlock::defaultEventMask()
{
    return quint8((1u << int(EventType::View)) | (1u << int(EventType::Click)) | (1u << int(EventType::Cart))
        | (1u << int(EventType::Purchase)));
}

std::optional<LayoutBlock> LayoutBlock::fromJson(const QJsonValue &json, const QString &path, QString *error)
{
    const auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (!json.isObject())
        return fail(Tr::tr("%1: must be an object such as {\"type\": \"slot\", \"slot\": \"home-for-you\"}")
                        .arg(path));
    ConfigReader reader(json.toObject(), path);
    LayoutBlock block;
    const QString typeText = reader.text("type", true);
    if (!reader.ok())
        return fail(reader.error());
    const auto type = typeFromName(typeText);
    if (!type) {
        reader.fail(QStringLiteral("type"),
            Tr::tr("unknown block type '%1' (expected slot, banners, categories or text)").arg(typeText));
        return fail(reader.error());
    }
    block.type = *type;
    switch (block.type) {
    case Type::Slot:
        reader.allowOnly({"id", "type", "title", "slot", "k"});
        block.slot = reader.text("slot", true);
        block.k = reader.integer("k", 0, 1, 100);
        block.id = block.slot;
        break;
    case Type::Banners:
        reader.allowOnly({"id", "type", "title", "group"});
        block.group = reader.text("group", true);
        block.id = block.group;
        break;
    case Type::Categories: {
        reader.allowOnly({"id", "type", "title", "parent", "max", "pinned_first", "pinned_last", "order",
            "kind", "half_life_days", "events"});
        block.parent = reader.text("parent");
        block.max = reader.integer("max", 0, 0, 1000);
        block.pinnedFirst = reader.strings("pinned_first");
        block.pinnedLast = reader.strings("pinned_last");
        block.order = reader.strings("order");
        block.kind = reader.text("kind", false, QStringLiteral("product"));
        if (reader.ok() && !block.kind.isEmpty() && block.kind != QLatin1String("product")
            && block.kind != QLatin1String("content"))
            reader.fail(QStringLiteral("kind"), Tr::tr("must be product, content or empty"));
        block.halfLifeDays = reader.number("half_life_days", 0, 36500).value_or(30);
        block.eventMask = defaultEventMask();
        if (reader.has("events")) {
            const QStringList events = reader.strings("events");
            block.eventMask = 0;
            for (qsizetype i = 0; i < events.size() && reader.ok(); ++i) {
                const auto type = eventTypeFromName(events.at(i));
                if (!type)
                    reader.failAt(QStringLiteral("%1[%2]").arg(reader.place(QStringLiteral("events"))).arg(i),
                        Tr::tr("unknown event type '%1' (expected %2)")
                            .arg(events.at(i), eventTypeNames().join(QStringLiteral(", "))));
                else
                    block.eventMask |= quint8(1u << int(*type));
            }
            if (reader.ok() && block.eventMask == 0)
                reader.fail(QStringLiteral("events"), Tr::tr("must name at least one event type"));
        }
        for (const QString &name : std::as_const(block.pinnedFirst)) {
            if (block.pinnedLast.contains(name))
                reader.fail(
                    QStringLiteral("pinned_last"), Tr::tr("'%1' is pinned both first and last").arg(name));
        }
        block.id = QStringLiteral("categories");
        break;
    }
    case Type::Text:
        reader.allowOnly({"id", "type", "title", "style", "text", "image", "link"});
        block.style = reader.text("style", false, QStringLiteral("text"));
        if (reader.ok() && block.style != QLatin1String("text") && block.style != QLatin1String("hero"))
            reader.fail(QStringLiteral("style"), Tr::tr("must be text or hero"));
        block.text = reader.text("text");
        block.image = reader.text("image");
        block.link = reader.text("link");
        block.id = QStringLiteral("text");
        break;
    }
    block.title = reader.text("title");
    if (reader.has("id")) {
        block.id = reader.text("id", true);
        static const QRegularExpression valid(QStringLiteral("^[A-Za-z][A-Za-z0-9_-]{0,63}$"));
        if (reader.ok() && !valid.match(block.id).hasMatch())
            reader.fail(QStringLiteral("id"),
                Tr::tr("'%1' is not an id (a letter, then up to 63 letters, digits, '-' or '_')")
                    .arg(block.id));
    }
    if (!reader.ok())
        return fail(reader.error());
    return block;
}

QJsonObject LayoutBlock::toJson() const
{
    QJsonObject json {{QStringLiteral("id"), id}, {QStringLiteral("type"), typeName(type)}};
    if (!title.isEmpty())
        json.insert(QStringLiteral("title"), title);
    const auto list = [](const QStringList &strings) {
        return QJsonArray::fromStringList(strings);
    };
    switch (type) {
    case Type::Slot:
        json.insert(QStringLiteral("slot"), slot);
        if (k > 0)
            json.insert(QStringLiteral("k"), k);
        break;
    case Type::Banners:
        json.insert(QStringLiteral("group"), group);
        break;
    case Type::Categories: {
        if (!parent.isEmpty())
            json.insert(QStringLiteral("parent"), parent);
        if (max > 0)
            json.insert(QStringLiteral("max"), max);
        if (!pinnedFirst.isEmpty())
            json.insert(QStringLiteral("pinned_first"), list(pinnedFirst));
        if (!pinnedLast.isEmpty())
            json.insert(QStringLiteral("pinned_last"), list(pinnedLast));
        if (!order.isEmpty())
            json.insert(QStringLiteral("order"), list(order));
        json.insert(QStringLiteral("kind"), kind);
        json.insert(QStringLiteral("half_life_days"), halfLifeDays);
        QStringList events;
        for (int t = 0; t < EventTypeCount; ++t) {
            if (eventMask & (1u << t))
                events.append(eventTypeName(EventType(t)));
        }
        json.insert(QStringLiteral("events"), list(events));
        break;
    }
    case Type::Text:
        json.insert(QStringLiteral("style"), style);
        if (!text.isEmpty())
            json.insert(QStringLiteral("text"), text);
        if (!image.isEmpty())
            json.insert(QStringLiteral("image"), image);
        if (!link.isEmpty())
            json.insert(QStringLiteral("link"), link);
        break;
    }
    return json;
}

} // namespace Vitrine
