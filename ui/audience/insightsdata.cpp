// SPDX-License-Identifier: GPL-3.0-or-later
#include "insightsdata.h"

#include "audience/segmentdefinition.h"
#include "audience/segmentevaluator.h"
#include "audience/segmentlibrary.h"
#include "engine/recommender.h"
#include "layout/audiencecache.h"

#include <QCoreApplication>
#include <QHash>

#include <climits>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::InsightsData)
};

/** Everybody's share of each bucket, by name; "other" is what the named countries leave. */
std::vector<double> everybodyShares(const std::vector<SegmentBucket> &mine,
    const std::vector<SegmentBucket> &everybody, int population, bool countries)
{
    QHash<QString, int> counts;
    for (const SegmentBucket &bucket : everybody)
        counts.insert(bucket.name, bucket.count);
    int named = 0;
    for (const SegmentBucket &bucket : mine)
        named += bucket.name == QLatin1String("other") ? 0 : counts.value(bucket.name);
    std::vector<double> shares;
    for (const SegmentBucket &bucket : mine) {
        const int count = countries && bucket.name == QLatin1String("other") ? population - named
                                                                             : counts.value(bucket.name);
        shares.push_back(population > 0 ? double(count) / population : 0.0);
    }
    return shares;
}

} // namespace

int InsightsData::preferredSlot(const QStringList &keys)
{
    // A shop's personal product slot first, then any personal one (content for readers).
    for (const auto &prefix : {QLatin1StringView("home"), QLatin1StringView("")}) {
        for (int i = 0; i < keys.size(); ++i) {
            if (keys.at(i).startsWith(prefix) && keys.at(i).contains(QLatin1StringView("for-you")))
                return i;
        }
    }
    for (int i = 0; i < keys.size(); ++i) {
        if (!keys.at(i).startsWith(QLatin1StringView("cart"))
            && !keys.at(i).startsWith(QLatin1StringView("product")))
            return i;
    }
    return 0;
}

QString InsightsData::draftName(const QString &name, const QStringList &storedNames)
{
    QString base = name.left(48);
    if (base.isEmpty() || !SegmentDefinition::isValidName(base, nullptr))
        base = QStringLiteral("this-segment");
    QString candidate = storedNames.contains(base) ? base + QStringLiteral("-draft") : base;
    for (int n = 2; storedNames.contains(candidate); ++n)
        candidate = base + QStringLiteral("-draft-%1").arg(n);
    return candidate;
}

InsightsData InsightsData::compute(const EngineSessionPtr &engine, const QString &name,
    const SegmentRule &rule, bool withOverlap, int months, const Progress &progress)
{
    InsightsData data;
    QString error;
    const std::shared_ptr<AudienceCache> audience = engine->audience(&error, progress);
    if (!audience) {
        data.error = error.isEmpty() ? Tr::tr("cancelled") : error;
        return data;
    }
    data.features = audience->features();
    const SegmentLibrary &library = audience->library();
    SegmentEvaluator evaluator(data.features, &library);
    const SegmentMembers members = evaluator.evaluate(rule, progress);
    if (!members.ok) {
        data.error = members.cancelled ? Tr::tr("cancelled") : members.error;
        return data;
    }
    data.warnings = members.warnings;
    data.members = std::make_shared<const PersonSet>(members.members);
    const SegmentStatistics statistics(data.features);
    data.stats = statistics.compute(members.members, {}, progress);
    // Everybody's composition, every country named, for the "everyone" bars beside the members'.
    SegmentStatsOptions all;
    all.topCountries = INT_MAX;
    all.topCategories = 0;
    all.topBrands = 0;
    const SegmentStats everybody
        = statistics.compute(PersonSet(data.features->userCount(), true), all, progress);
    data.everybodyGenders = everybodyShares(data.stats.genders, everybody.genders, everybody.size, false);
    data.everybodyAges = everybodyShares(data.stats.ageBands, everybody.ageBands, everybody.size, false);
    data.everybodyCountries
        = everybodyShares(data.stats.countries, everybody.countries, everybody.size, true);
    if (progress.isCancelled()) {
        data.error = Tr::tr("cancelled");
        return data;
    }
    if (months > 0)
        data.months = statistics.sizeOverTime(rule, &library, months, &data.monthsError, progress);

    if (withOverlap) {
        const QStringList stored = library.names();
        const SegmentDefinition *definition = name.isEmpty() ? nullptr : library.find(name);
        const bool unchanged = definition && definition->rule.toJson() == rule.toJson();
        std::vector<SegmentOverlap::Input> inputs;
        for (const QString &other : stored) {
            if (int(inputs.size()) >= SegmentOverlap::MaxSegments - (unchanged ? 0 : 1))
                break;
            if (other == name && !unchanged)
                continue;
            if (other == name)
                data.selfIndex = int(inputs.size());
            inputs.push_back({other, std::nullopt});
        }
        if (!unchanged) {
            data.selfIndex = int(inputs.size());
            inputs.push_back({draftName(name, stored), rule});
        }
        QString overlapError;
        if (data.selfIndex >= 0 && SegmentOverlap::checkInputs(library, inputs, &overlapError)) {
            data.overlap = SegmentOverlap::evaluate(evaluator, inputs, &overlapError, nullptr, progress);
            if (data.overlap) {
                auto sets = std::make_shared<std::vector<PersonSet>>();
                for (const SegmentOverlap::Input &input : inputs) {
                    sets->push_back(input.rule ? members.members : evaluator.evaluate(input.name).members);
                }
                data.overlapSets = std::move(sets);
            }
        }
        data.overlapError = data.overlap ? QString() : overlapError;
    }

    Recommender &recommender = engine->recommender();
    data.slotKeys = recommender.slotKeys();
    for (const QString &key : std::as_const(data.slotKeys)) {
        const auto slot = recommender.slot(key);
        data.slotTitles.append(slot && !slot->title.isEmpty() ? slot->title : key);
    }
    return data;
}

CompareData CompareData::compute(
    const EngineSessionPtr &engine, const Side &a, const Side &b, const Progress &progress)
{
    CompareData data;
    QString error;
    const std::shared_ptr<AudienceCache> audience = engine->audience(&error, progress);
    if (!audience) {
        data.error = error.isEmpty() ? Tr::tr("cancelled") : error;
        return data;
    }
    data.features = audience->features();
    const SegmentLibrary &library = audience->library();
    data.storedNames = library.names();
    Recommender &recommender = engine->recommender();
    data.slotKeys = recommender.slotKeys();
    for (const QString &key : std::as_const(data.slotKeys)) {
        const auto slot = recommender.slot(key);
        data.slotTitles.append(slot && !slot->title.isEmpty() ? slot->title : key);
    }
    if (a.name.isEmpty() || b.name.isEmpty())
        return data; // nothing chosen yet: the names fill the choices
    SegmentEvaluator evaluator(data.features, &library);
    std::vector<SegmentOverlap::Input> inputs;
    const SegmentStatistics statistics(data.features);
    SegmentStatsOptions options;
    options.topCountries = INT_MAX; // the view merges the two sides' countries itself
    for (const Side *side : {&a, &b}) {
        const SegmentMembers members = side->rule ? evaluator.evaluate(*side->rule, progress)
                                                  : evaluator.evaluate(side->name, progress);
        if (!members.ok) {
            data.error
                = members.cancelled ? Tr::tr("cancelled") : Tr::tr("%1: %2").arg(side->name, members.error);
            return data;
        }
        const size_t i = side == &a ? 0 : 1;
        data.members[i] = std::make_shared<const PersonSet>(members.members);
        data.stats[i] = statistics.compute(members.members, options, progress);
        inputs.push_back(
            {side->rule ? InsightsData::draftName(side->name, data.storedNames) : side->name, side->rule});
    }
    if (SegmentOverlap::checkInputs(library, inputs, &error))
        data.overlap = SegmentOverlap::evaluate(evaluator, inputs, &error, nullptr, progress);
    if (!data.overlap)
        data.error = error;
    return data;
}

InsightsShown InsightsShown::compute(const EngineSessionPtr &engine, const PersonFeaturesPtr &features,
    const PersonSet &members, const QString &slot, const Progress &progress)
{
    InsightsShown result;
    result.shown = SegmentStatistics(features).shown(members, engine->recommender(), slot, 200, 20, progress);
    const Snapshot &snapshot = *features->snapshot();
    for (const SegmentShownItem &item : result.shown.items) {
        result.rows.push_back({snapshot.sku(item.item), snapshot.title(item.item), item.members, item.share,
            item.averagePosition});
    }
    return result;
}

std::shared_ptr<const PersonSet> InsightsNarrowing::people(const PersonFeaturesPtr &features,
    const std::shared_ptr<const PersonSet> &members,
    const std::shared_ptr<const std::vector<PersonSet>> &overlapSets) const
{
    if (!upSet)
        return std::make_shared<const PersonSet>(SegmentStatistics(features).peopleIn(*members, facet, key));
    // Exactly these segments: in each of them and (unless inclusive) in none of the others.
    PersonSet people = *members;
    for (size_t i = 0; overlapSets && i < overlapSets->size(); ++i) {
        if (std::find(intersection.begin(), intersection.end(), int(i)) != intersection.end())
            people &= (*overlapSets)[i];
        else if (!inclusive)
            people -= (*overlapSets)[i];
    }
    return std::make_shared<const PersonSet>(std::move(people));
}

} // namespace Vitrine
