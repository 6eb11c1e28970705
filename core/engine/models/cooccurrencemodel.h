// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/modelcache.h"

#include <QString>

#include <memory>
#include <span>
#include <vector>

namespace Vitrine {

struct StrategyContext;

/**
 * Which items the same people touch: for "people who viewed this also viewed" (views) and "also
 * bought" (purchases). Each pair of items scores by the cosine of their sets of people,
 *
 *     score(a, b) = people(a ∧ b) / sqrt(people(a) · people(b)),
 *
 * kept only when at least min_count people have both, so two strangers' one-off visits do not
 * make a pair. Each item's best neighbours are kept. A person's most recent max_items distinct
 * items count, which bounds the work a very busy account adds.
 */
class CoOccurrenceModel : public Model
{
public:
    struct Settings
    {
        quint8 typeMask = 1; ///< event types that count (bit 1 << type)
        double windowDays = 0; ///< only events this recent; 0 for all
        int minCount = 2;
        int neighbours = 100;
        int maxItems = 300;

        QString key() const;
    };

    struct Neighbour
    {
        int item;
        float score;
        int count; ///< people with both items
    };

    static std::shared_ptr<const CoOccurrenceModel> fetch(
        const StrategyContext &context, const Settings &settings);
    static std::shared_ptr<CoOccurrenceModel> train(
        const Snapshot &snapshot, const Settings &settings, const Progress &progress);

    const Settings &settings() const { return m_settings; }
    /** Best first, ties by item index; never the item itself. */
    std::span<const Neighbour> neighbours(int item) const;
    /** The neighbour entry for `other`, or nullptr. */
    const Neighbour *find(int item, int other) const;

private:
    Settings m_settings;
    std::vector<qint64> m_offsets;
    std::vector<Neighbour> m_neighbours;
};

} // namespace Vitrine
