// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/configstore.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Vitrine {

class Database;

/** One version of a configuration object: the current row or a row of its history. */
struct ConfigVersion
{
    ConfigObject object;
    bool current = false;
};

/**
 * Every version of an object, newest first: the current one (if the object exists) and then its
 * history. Empty when there is neither the object nor a history of one.
 */
QList<ConfigVersion> configVersions(const ConfigStore &store, const QString &kind, const QString &key,
    QString *error = nullptr);

/**
 * Whether a definition means something in the catalog as it is now: it parses as a definition of
 * its kind and names only strategies, categories, brands, items, slots, segments and layouts that
 * exist (and, for a segment, makes no cycle). A definition that was valid when saved may name things removed since. On failure,
 * @p error names the place: "rule.all[0].segment: no segment named 'gone'".
 */
bool checkConfigDefinition(
    Database &db, const QString &kind, const QString &key, const QJsonObject &definition, QString *error);

/** What ConfigHistory::restore did, as a value for the command line and the studio. */
struct ConfigRestoreResult
{
    enum class Status
    {
        Restored,        ///< saved as a new version
        AlreadyCurrent,  ///< the version asked for is the current one: nothing changed
        NoSuchObject,    ///< neither the object nor a history of it
        NoSuchVersion,   ///< the object has no version with that number
        NoLongerValid,   ///< the old definition no longer makes sense: nothing changed
        Failed,          ///< the catalog could not be written: nothing changed
    };
    Status status = Status::Failed;
    int restoredVersion = 0;  ///< the version asked for
    int newVersion = 0;       ///< the version it became (Restored) or is (AlreadyCurrent)
    int previousCurrent = 0;  ///< the version that was current before, 0 if the object was removed
    QString error;            ///< why, when not Restored or AlreadyCurrent

    bool ok() const { return status == Status::Restored || status == Status::AlreadyCurrent; }
};

/**
 * Makes an earlier version of a configuration object current again, after checking it against the
 * catalog as it is now (checkConfigDefinition). The GUI's history panel and `vitrine-cli history
 * restore` both call this, so they refuse and accept the same versions.
 */
ConfigRestoreResult restoreConfigVersion(Database &db, const QString &kind, const QString &key, int version);

/**
 * What names an object and would break without it, as "layout home (blocks[1])": the layouts
 * whose blocks (in any variant) show a slot; the campaigns that send a layout; for a segment,
 * the segments whose rules name it, the layout variants for it, the banners whose targeting
 * names it and the campaigns sent to it or naming it in their templates. Banners and campaigns
 * have no users.
 */
QStringList configUsers(Database &db, const QString &kind, const QString &key, QString *error = nullptr);

/** What removeConfigObject did. */
struct ConfigRemoveResult
{
    enum class Status
    {
        Removed,      ///< gone from the current configuration; its versions stay restorable
        NoSuchObject, ///< there is no current object with that key
        InUse,        ///< something names it (users): nothing changed
        Failed,       ///< the catalog could not be written: nothing changed
    };
    Status status = Status::Failed;
    int lastVersion = 0; ///< the version that was current, restorable with restoreConfigVersion
    QStringList users;   ///< InUse: what names it
    QString error;       ///< why, when not Removed
    bool ok() const { return status == Status::Removed; }
};

/**
 * Removes a configuration object unless something uses it (configUsers). The removal is one
 * more step in its history: `vitrine-cli history restore` brings any version back.
 */
ConfigRemoveResult removeConfigObject(Database &db, const QString &kind, const QString &key);

} // namespace Vitrine
