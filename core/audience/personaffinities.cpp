// SPDX-License-Identifier: GPL-3.0-or-later
#include "personaffinities.h"

#include <QHash>

#include <algorithm>
#include <cmath>

namespace Vitrine {

namespace {

constexpr double SecondsPerDay = 86400.0;

/** The target of an item in a dimension (its own category, brand or topic), or -1. */
int targetOf(const PersonFeatures &features, PersonFeatures::Dimension dimension, int item)
{
    const Snapshot &s = *features.snapshot();
    switch (dimension) {
    case PersonFeatures::Dimension::Category:
        return s.category(item);
    case PersonFeatures::Dimension::Brand:
        return s.brand(item);
    case PersonFeatures::Dimension::Topic:
        return features.topic(item);
    }
    return -1;
}

} // namespace

std::vector<PersonAffinities::Share> PersonAffinities::compute(
    const PersonFeatures &features, PersonFeatures::Dimension dimension, int user)
{
    const Snapshot &s = *features.snapshot();
    if (user < 0 || user >= features.userCount())
        return {};
    // The weight of each event as PersonFeatures::eventWeights() makes it (the same float, so
    // the shares come out the same), for this person's events only.
    const double reference = double(s.asOf());
    const double halfLife = features.affinityHalfLifeDays();
    const double perSecond = halfLife > 0 ? 1.0 / (SecondsPerDay * halfLife) : 0.0;
    const auto events = features.events(user);
    std::vector<float> weights;
    weights.reserve(events.size());
    for (const Snapshot::Event &e : events) {
        double weight = s.weights().weights[e.type];
        if (perSecond > 0)
            weight *= std::exp2(-std::max(0.0, reference - double(s.toUnix(e.time))) * perSecond);
        weights.push_back(float(weight));
    }

    // The targets to report: the items' own ones.
    QList<int> targets;
    for (const Snapshot::Event &e : events) {
        const int target = targetOf(features, dimension, e.item);
        if (target >= 0 && !targets.contains(target))
            targets.append(target);
    }

    // Sums in event order, as addWeights() adds them.
    double denominator = 0;
    for (size_t i = 0; i < events.size(); ++i) {
        if (targetOf(features, dimension, events[i].item) >= 0)
            denominator += weights[i];
    }
    std::vector<Share> shares;
    if (denominator <= 0)
        return shares;
    for (int target : std::as_const(targets)) {
        double sum = 0;
        for (size_t i = 0; i < events.size(); ++i) {
            const int item = events[i].item;
            const bool marked = dimension == PersonFeatures::Dimension::Category
                ? s.inCategory(item, target)
                : targetOf(features, dimension, item) == target;
            if (marked)
                sum += weights[i];
        }
        // Rounded through float as the stored columns are, so both read the same.
        shares.push_back({target, double(float(std::min(1.0, sum / denominator)))});
    }
    std::sort(shares.begin(), shares.end(), [](const Share &a, const Share &b) {
        return a.share != b.share ? a.share > b.share : a.target < b.target;
    });
    return shares;
}

} // namespace Vitrine
