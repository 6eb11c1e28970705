// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <optional>

namespace Vitrine {

/** What a person did with an item. Stored as its number in events.type. */
enum class EventType : int {
    View = 0,
    Click = 1,
    Cart = 2,
    Purchase = 3,
    Read = 4,
    Rating = 5,
};

constexpr int EventTypeCount = 6;

/** The name used in CSV files, JSON and on the command line ("view", "purchase", ...). */
QString eventTypeName(EventType type);
/** Parses a name case-insensitively; also accepts a few common synonyms ("buy", "order", "add_to_cart"). */
std::optional<EventType> eventTypeFromName(QStringView name);
/** The same for UTF-8 bytes, without allocating (the importer's hot path). */
std::optional<EventType> eventTypeFromName(QByteArrayView name);
QStringList eventTypeNames();

} // namespace Vitrine
