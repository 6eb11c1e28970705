// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Vitrine {

class Database;

/** One object to save: its table ("slots", …), key and the definition to store. */
struct ConfigChange
{
    QString kind;
    QString key;
    QJsonObject definition;
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
 * the other changes in place (a new layout may name a new slot saved with it).
 */
ConfigSaveResult saveConfigChanges(Database &db, const QList<ConfigChange> &changes);

} // namespace Vitrine
