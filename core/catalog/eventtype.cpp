// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventtype.h"

#include <array>

namespace Vitrine {

namespace {

constexpr std::array<const char *, EventTypeCount> kNames = {"view", "click", "cart", "purchase", "read", "rating"};

struct Synonym
{
    const char *name;
    EventType type;
};

constexpr std::array<Synonym, 12> kSynonyms = {{
    {"pageview", EventType::View},
    {"detail", EventType::View},
    {"add_to_cart", EventType::Cart},
    {"addtocart", EventType::Cart},
    {"basket", EventType::Cart},
    {"buy", EventType::Purchase},
    {"order", EventType::Purchase},
    {"transaction", EventType::Purchase},
    {"sale", EventType::Purchase},
    {"article", EventType::Read},
    {"rate", EventType::Rating},
    {"review", EventType::Rating},
}};

} // namespace

QString eventTypeName(EventType type)
{
    const int index = int(type);
    if (index < 0 || index >= EventTypeCount)
        return {};
    return QString::fromLatin1(kNames[size_t(index)]);
}

std::optional<EventType> eventTypeFromName(QStringView name)
{
    const QByteArray utf8 = name.toUtf8();
    return eventTypeFromName(QByteArrayView(utf8));
}

std::optional<EventType> eventTypeFromName(QByteArrayView name)
{
    const QByteArrayView trimmed = name.trimmed();
    for (int i = 0; i < EventTypeCount; ++i) {
        if (trimmed.compare(QByteArrayView(kNames[size_t(i)]), Qt::CaseInsensitive) == 0)
            return EventType(i);
    }
    for (const Synonym &synonym : kSynonyms) {
        if (trimmed.compare(QByteArrayView(synonym.name), Qt::CaseInsensitive) == 0)
            return synonym.type;
    }
    return std::nullopt;
}

QStringList eventTypeNames()
{
    QStringList names;
    for (const char *name : kNames)
        names.append(QString::fromLatin1(name));
    return names;
}

} // namespace Vitrine
