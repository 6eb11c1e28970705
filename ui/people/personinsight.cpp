// SPDX-License-Identifier: GPL-3.0-or-later
#include "personinsight.h"

#include "audience/personaffinities.h"
#include "engine/recommender.h"
#include "engine/slotdefinition.h"
#include "layout/audiencecache.h"
#include "session/enginesession.h"

#include <QCoreApplication>

namespace Vitrine {

namespace {

QList<PersonInsight::Affinity> affinities(
    const PersonFeatures &features, PersonFeatures::Dimension dimension, int user)
{
    const Snapshot &s = *features.snapshot();
    QList<PersonInsight::Affinity> list;
    for (const PersonAffinities::Share &share : PersonAffinities::compute(features, dimension, user)) {
        PersonInsight::Affinity affinity;
        affinity.share = share.share;
        if (dimension == PersonFeatures::Dimension::Category) {
            affinity.label = s.categoryInfo(share.target).name;
            affinity.path = s.categoryInfo(share.target).path;
        } else if (dimension == PersonFeatures::Dimension::Brand) {
            affinity.label = s.brandName(share.target);
            affinity.path = affinity.label;
        } else {
            affinity.label = features.topicName(share.target);
            affinity.path = affinity.label;
        }
        list.append(affinity);
    }
    return list;
}

} // namespace

QStringList PersonInsight::memberSegments() const
{
    QStringList names;
    for (const Segment &segment : segments) {
        if (segment.explanation.ok && segment.explanation.member)
            names.append(segment.name);
    }
    return names;
}

PersonInsight PersonInsight::compute(
    const EngineSession &engine, const QString &externalId, const Progress &progress)
{
    PersonInsight insight;
    insight.asOf = engine.asOf();

    const Recommender &recommender = engine.recommender();
    insight.slotKeys = recommender.slotKeys();
    for (const QString &key : std::as_const(insight.slotKeys)) {
        const auto slot = recommender.slot(key);
        insight.slotTitles.append(slot && !slot->title.isEmpty() ? slot->title : key);
    }

    const int user = engine.snapshot()->userIndexByExternalId(externalId);
    if (user < 0)
        return insight; // not in the engine's snapshot (added since it was read)
    insight.found = true;
    insight.user = user;

    QString error;
    const std::shared_ptr<AudienceCache> audience = engine.audience(&error, progress);
    if (!audience) {
        insight.error
            = error.isEmpty() ? QCoreApplication::translate("Vitrine::PersonInsight", "cancelled") : error;
        return insight;
    }
    const PersonFeatures &features = *audience->features();
    const PersonFeatures::PersonValue value = features.value(user);
    insight.buyer = features.isBuyer(user);
    insight.purchases = value.purchases;
    insight.orders = value.orders;
    insight.monetary = value.monetary();
    insight.recencyDays = features.measure(ValueMeasure::RecencyDays, user);
    insight.firstPurchaseDays = features.measure(ValueMeasure::FirstPurchaseDays, user);
    insight.averageOrderValue = features.measure(ValueMeasure::AverageOrderValue, user);
    insight.saleShare = features.measure(ValueMeasure::SaleShare, user);
    insight.recencyScore = features.score(ValueMeasure::RecencyScore, user);
    insight.frequencyScore = features.score(ValueMeasure::FrequencyScore, user);
    insight.monetaryScore = features.score(ValueMeasure::MonetaryScore, user);
    insight.eventsAtAsOf = int(features.events(user).size());

    // Segments in the order layouts try them, then the rest by name.
    const SegmentLibrary &library = audience->library();
    QStringList order;
    for (const QString &name : audience->priority()) {
        if (library.contains(name) && !order.contains(name))
            order.append(name);
    }
    for (const QString &name : library.names()) {
        if (!order.contains(name))
            order.append(name);
    }
    for (const QString &name : std::as_const(order)) {
        if (progress.isCancelled())
            return insight;
        Segment segment;
        segment.name = name;
        if (const SegmentDefinition *definition = library.find(name)) {
            segment.title = definition->displayTitle();
            segment.description = definition->description;
        }
        segment.priority = int(audience->priority().indexOf(name));
        segment.explanation = audience->explain(name, user);
        insight.segments.push_back(std::move(segment));
    }
    QString matchError;
    insight.firstMatch = audience->firstMatch(user, {}, &matchError);

    insight.categories = affinities(features, PersonFeatures::Dimension::Category, user);
    insight.brands = affinities(features, PersonFeatures::Dimension::Brand, user);
    return insight;
}

} // namespace Vitrine
