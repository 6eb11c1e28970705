// SPDX-License-Identifier: GPL-3.0-or-later
#include "confighistory.h"

#include "audience/segmentdefinition.h"
#include "audience/segmentlibrary.h"
#include "campaign/campaigndefinition.h"
#include "engine/slotdefinition.h"
#include "layout/bannerdefinition.h"
#include "layout/confignames.h"
#include "layout/layoutdefinition.h"
#include "storage/database.h"

#include <QCoreApplication>

#include <optional>

namespace Vitrine {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ConfigHistory", text);
}

/** Reads a definition and checks the names it refers to against the catalog as it is now. */
template<typename Definition>
bool parsesAndRefersToWhatExists(Database &db, const QString &key, const QJsonObject &definition, QString *error)
{
    const std::optional<Definition> parsed = Definition::fromJson(key, definition, error);
    return parsed && parsed->check(ConfigNames::load(db), error);
}

} // namespace

QList<ConfigVersion> configVersions(const ConfigStore &store, const QString &kind, const QString &key, QString *error)
{
    QList<ConfigVersion> versions;
    if (const std::optional<ConfigObject> current = store.get(kind, key))
        versions.append({*current, true});
    for (const ConfigObject &earlier : store.history(kind, key, error))
        versions.append({earlier, false});
    return versions;
}

bool checkConfigDefinition(
    Database &db, const QString &kind, const QString &key, const QJsonObject &definition, QString *error)
{
    if (kind == QLatin1String("slots"))
        return SlotDefinition::fromJson(key, definition, error).has_value();
    if (kind == QLatin1String("segments")) {
        const std::optional<SegmentDefinition> segment = SegmentDefinition::fromJson(key, definition, error);
        // The segments it names may have gone since, or been changed to name this one (a cycle).
        return segment && SegmentLibrary::load(db).checkReferences(key, segment->rule, error);
    }
    if (kind == QLatin1String("layouts"))
        return parsesAndRefersToWhatExists<LayoutDefinition>(db, key, definition, error);
    if (kind == QLatin1String("banners"))
        return parsesAndRefersToWhatExists<BannerDefinition>(db, key, definition, error);
    if (kind == QLatin1String("campaigns"))
        return parsesAndRefersToWhatExists<CampaignDefinition>(db, key, definition, error);
    if (error)
        *error = tr("'%1' is not a kind of configuration").arg(kind);
    return false;
}

ConfigRestoreResult restoreConfigVersion(Database &db, const QString &kind, const QString &key, int version)
{
    using Status = ConfigRestoreResult::Status;
    ConfigRestoreResult result;
    result.restoredVersion = version;
    ConfigStore store(db);
    QString error;
    const QList<ConfigVersion> versions = configVersions(store, kind, key, &error);
    if (!error.isEmpty()) {
        result.error = error;
        return result;
    }
    if (versions.isEmpty()) {
        result.status = Status::NoSuchObject;
        result.error = tr("no such object, and no history of one");
        return result;
    }
    if (versions.front().current)
        result.previousCurrent = versions.front().object.version;

    const ConfigVersion *found = nullptr;
    for (const ConfigVersion &candidate : versions) {
        if (candidate.object.version == version)
            found = &candidate;
    }
    if (!found) {
        result.status = Status::NoSuchVersion;
        result.error = tr("there is no version %1").arg(version);
        return result;
    }
    if (found->current) {
        result.status = Status::AlreadyCurrent;
        result.newVersion = version;
        return result;
    }
    if (!checkConfigDefinition(db, kind, key, found->object.definition, &error)) {
        result.status = Status::NoLongerValid;
        result.error = error;
        return result;
    }
    if (!store.restore(kind, key, version, &error)) {
        result.error = error;
        return result;
    }
    const std::optional<ConfigObject> now = store.get(kind, key);
    result.status = Status::Restored;
    result.newVersion = now ? now->version : 0;
    return result;
}

} // namespace Vitrine
