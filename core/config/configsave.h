// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Vitrine {

class Database;

/**
 * One object to save: its table ("slots", …), key and the definition to store; or, with
 * `remove`, the object to delete. The segment priority list is the change of kind
 * PriorityKind, key PriorityKey, definition {"order": ["vip", …]}.
 */
struct ConfigChange
{
    QString kind;
    QString key;
    QJsonObject definition;
    bool remove = false;

    static constexpr const char *PriorityKind = "priority";
    static constexpr const char *PriorityKey = "segments";
    bool isPriority() const { return kind == QLatin1String(PriorityKind); }
};

/** What saveConfigChanges() did. */
struct ConfigSaveResult
{
    bool ok = false;
    /** The new version of each change, in the order given (when ok). */
    QList<int> versions;
    /** Why not: "slots.home-for-you: strategies[0].weight: must be a number". */
    QString error;
    /** The change the error is about, -1 when none (the catalog could not be written). */
    int failedIndex = -1;
};

/**
 * Saves several configuration objects at once, the studio's Save: all or nothing, one new
 * version of each (so History has every saved version), each checked against the catalog with
 * the other changes in place (a new layout may name a new slot saved with it). The priority
 * list is written after the definitions, removals come last (a renamed segment is its new name
 * saved and the old one removed), and a removal is refused while anything still uses the object.
 */
ConfigSaveResult saveConfigChanges(Database &db, const QList<ConfigChange> &changes);

} // namespace Vitrine
