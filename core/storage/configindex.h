// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace Vitrine {

class Database;

/**
 * One configuration object as a list of everything that has versions shows it: an object that
 * exists now, or one that was removed but still has a history to restore from.
 */
struct ConfigIndexEntry
{
    QString kind; ///< the table: "segments", "slots", "layouts", "banners" or "campaigns"
    QString key;
    QString title; ///< the latest definition's "title"; empty when it has none
    int latestVersion = 0; ///< the current version, or a removed object's last saved one
    qint64 lastSaved = 0; ///< when the latest version was saved (Unix seconds)
    int versionCount = 0; ///< the current version (if any) and every earlier one
    bool removed = false; ///< no current version: only its history is left
};

/**
 * Every configuration object with a current version or a history, ordered by kind (in the order
 * of Schema::configTables()) and key. Reads in one transaction, so the entries agree with each
 * other. On failure returns what it could read and sets @p error.
 */
QList<ConfigIndexEntry> configIndex(Database &db, QString *error = nullptr);

} // namespace Vitrine
