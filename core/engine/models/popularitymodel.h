// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/modelcache.h"

#include <QString>

#include <memory>
#include <vector>

namespace Vitrine {

struct StrategyContext;

/**
 * How much happened to each item in one time window: purchases in the last 30 days for
 * bestsellers, views this week and the four weeks before for trending, a popularity prior for
 * the personal strategies. One pass over the events; shared through the ModelCache by spec.
 */
class PopularityModel : public Model
{
public:
    struct Spec
    {
        quint8 typeMask = 0x3F; ///< which event types count (bit 1 << type)
        double fromDays = 0; ///< the window ends this many days before asOf
        double toDays = 0; ///< and starts this many days before it; 0 for all history
        bool weighted = false; ///< multiply by the snapshot's weight of the event type
        bool quantity = true; ///< multiply by the event's quantity

        QString key() const;
    };

    /** The model for `spec` from the context's cache, trained on first use; nullptr when cancelled. */
    static std::shared_ptr<const PopularityModel> fetch(const StrategyContext &context, const Spec &spec);
    static std::shared_ptr<PopularityModel> train(
        const Snapshot &snapshot, const Spec &spec, const Progress &progress);

    const Spec &spec() const { return m_spec; }
    float count(int item) const { return m_counts[size_t(item)]; }
    const std::vector<float> &counts() const { return m_counts; }
    float maximum() const { return m_maximum; }
    /** log(1 + count) / log(1 + maximum): a 0..1 prior that keeps a few huge sellers from drowning the rest.
     */
    float prior(int item) const { return m_priors[size_t(item)]; }

private:
    Spec m_spec;
    std::vector<float> m_counts;
    std::vector<float> m_priors; ///< computed once: strategies read it for every item on every request
    float m_maximum = 0;
};

} // namespace Vitrine
