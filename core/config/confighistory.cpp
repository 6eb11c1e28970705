// SPDX-License-Identifier: GPL-3.0-or-later
#include "confighistory.h"

#include "audience/segmentdefinition.h"
#include "audience/segmentlibrary.h"
#include "campaign/campaigndefinition.h"
#include "catalog/cataloglookup.h"
#include "engine/slotdefinition.h"
#include "engine/strategyregistry.h"
#include "layout/bannerdefinition.h"
#include "layout/confignames.h"
#include "layout/layoutdefinition.h"
#include "storage/database.h"

#include <QCoreApplication>

#include <optional>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::ConfigHistory)
};

/** "slot" for "slots", for messages. */
QString kindSingular(const QString &kind)
{
    return kind.endsWith(QLatin1Char('s')) ? kind.chopped(1) : kind;
}

/** Reads a definition and checks the names it refers to against the catalog as it is now. */
template<typename Definition>
bool parsesAndRefersToWhatExists(Database &db, const QString &key, const QJsonObject &definition, QString *error)
{
    const std::optional<Definition> parsed = Definition::fromJson(key, definition, error);
    return parsed && parsed->check(ConfigNames::load(db), error);
}

/**
 * What SlotPipeline::build would refuse, checked with the catalog's names instead of a snapshot
 * (which would load every event and train models): strategies by name and their parameters,
 * categories, brands and pinned items. The messages match the pipeline's.
 */
bool slotNamesExist(const Database &db, const SlotDefinition &slot, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    QStringList strategies;
    for (const StrategyInfo &info : strategyInfos())
        strategies.append(info.name);
    const auto checkStrategies = [&](const std::vector<SlotStrategy> &list, const char *key) {
        for (size_t i = 0; i < list.size(); ++i) {
            if (!strategies.contains(list[i].name))
                return fail(Tr::tr("%1[%2]: unknown strategy '%3' (strategies: %4)")
                                .arg(QLatin1String(key))
                                .arg(i)
                                .arg(list[i].name, strategies.join(QStringLiteral(", "))));
            QString message;
            if (!checkStrategyParams(list[i].name, list[i].params, &message))
                return fail(QStringLiteral("%1[%2].params: %3").arg(QLatin1String(key)).arg(i).arg(message));
        }
        return true;
    };
    if (!checkStrategies(slot.strategies, "strategies") || !checkStrategies(slot.fallbacks, "fallback"))
        return false;

    const CatalogLookup lookup(db);
    const auto checkNames = [&](const QStringList &names, bool isCategory, const char *key) {
        for (const QString &name : names) {
            if (!(isCategory ? lookup.hasCategory(name) : lookup.hasBrand(name)))
                return fail(
                    Tr::tr("filters.%1: the catalog has no %2 '%3'")
                        .arg(QLatin1String(key), isCategory ? Tr::tr("category") : Tr::tr("brand"), name));
        }
        return true;
    };
    const SlotFilters &f = slot.filters;
    if (!checkNames(f.categories, true, "categories") || !checkNames(f.excludeCategories, true, "exclude_categories")
        || !checkNames(f.brands, false, "brands") || !checkNames(f.excludeBrands, false, "exclude_brands"))
        return false;
    for (const SlotPin &pin : slot.pins) {
        if (!lookup.hasItem(pin.sku))
            return fail(Tr::tr("pins: the catalog has no item '%1'").arg(pin.sku));
    }
    return true;
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
    if (kind == QLatin1String("slots")) {
        const std::optional<SlotDefinition> slot = SlotDefinition::fromJson(key, definition, error);
        return slot && slotNamesExist(db, *slot, error);
    }
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
        *error = Tr::tr("'%1' is not a kind of configuration").arg(kind);
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
        result.error = Tr::tr("no such object, and no history of one");
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
        result.error = Tr::tr("there is no version %1").arg(version);
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

QStringList configUsers(Database &db, const QString &kind, const QString &key, QString *error)
{
    QStringList users;
    const ConfigStore store(db);
    if (kind == QLatin1String("slots")) {
        for (const ConfigObject &object : store.list(QStringLiteral("layouts"), error)) {
            const std::optional<LayoutDefinition> layout = LayoutDefinition::fromJson(object.key, object.definition, nullptr);
            if (!layout)
                continue; // a broken layout names nothing that works
            QStringList places;
            for (const LayoutDefinition::PlacedBlock &placed : layout->placedBlocks()) {
                if (placed.block->type == LayoutBlock::Type::Slot && placed.block->slot == key)
                    places.append(placed.path);
            }
            if (!places.isEmpty())
                users.append(Tr::tr("layout %1 (%2)").arg(object.key, places.join(QStringLiteral(", "))));
        }
    } else if (kind == QLatin1String("segments")) {
        for (const QString &segment : SegmentLibrary::load(db, error).dependents(key))
            users.append(Tr::tr("segment %1").arg(segment));
        for (const ConfigObject &object : store.list(QStringLiteral("layouts"), error)) {
            const std::optional<LayoutDefinition> layout = LayoutDefinition::fromJson(object.key, object.definition, nullptr);
            if (!layout)
                continue;
            QStringList places;
            for (size_t v = 0; v < layout->variants.size(); ++v) {
                if (layout->variants[v].segment == key)
                    places.append(QStringLiteral("variants[%1]").arg(v));
            }
            if (!places.isEmpty())
                users.append(Tr::tr("layout %1 (%2)").arg(object.key, places.join(QStringLiteral(", "))));
        }
        for (const ConfigObject &object : store.list(QStringLiteral("banners"), error)) {
            const std::optional<BannerDefinition> banner = BannerDefinition::fromJson(object.key, object.definition, nullptr);
            if (banner && banner->targeting && banner->targeting->referencedSegments().contains(key))
                users.append(Tr::tr("banner %1 (targeting)").arg(object.key));
        }
        for (const ConfigObject &object : store.list(QStringLiteral("campaigns"), error)) {
            const std::optional<CampaignDefinition> campaign = CampaignDefinition::fromJson(object.key, object.definition, nullptr);
            if (!campaign)
                continue;
            if (campaign->segment == key)
                users.append(Tr::tr("campaign %1 (its audience)").arg(object.key));
            else if (campaign->templateSegments().contains(key))
                users.append(Tr::tr("campaign %1 (its templates)").arg(object.key));
        }
    } else if (kind == QLatin1String("layouts")) {
        for (const ConfigObject &object : store.list(QStringLiteral("campaigns"), error)) {
            const std::optional<CampaignDefinition> campaign = CampaignDefinition::fromJson(object.key, object.definition, nullptr);
            if (campaign && campaign->layout == key)
                users.append(Tr::tr("campaign %1").arg(object.key));
        }
    }
    return users;
}

ConfigRemoveResult removeConfigObject(Database &db, const QString &kind, const QString &key)
{
    using Status = ConfigRemoveResult::Status;
    ConfigRemoveResult result;
    ConfigStore store(db);
    const std::optional<ConfigObject> current = store.get(kind, key);
    if (!current) {
        result.status = Status::NoSuchObject;
        result.error = Tr::tr("no %1 named '%2'").arg(kindSingular(kind), key);
        return result;
    }
    result.lastVersion = current->version;
    QString error;
    result.users = configUsers(db, kind, key, &error);
    if (!error.isEmpty()) {
        result.error = error;
        return result;
    }
    if (!result.users.isEmpty()) {
        result.status = Status::InUse;
        result.error = Tr::tr("%1 '%2' is used by %3; change those first")
                           .arg(kindSingular(kind), key, result.users.join(QStringLiteral("; ")));
        return result;
    }
    // A segment also leaves the priority list first (SegmentLibrary::remove says so).
    const bool removed = kind == QLatin1String("segments") ? SegmentLibrary::remove(db, key, &error)
                                                           : store.remove(kind, key, &error);
    if (!removed) {
        result.error = error;
        return result;
    }
    result.status = Status::Removed;
    return result;
}

} // namespace Vitrine
