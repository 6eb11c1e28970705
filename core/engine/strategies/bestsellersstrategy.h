// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/strategy.h"

namespace Vitrine {

class PopularityModel;

/**
 * The items bought most (by quantity) in the last window_days before the snapshot's time; with
 * the event parameter, the most viewed, read... instead. Not personal: the ranking is computed
 * once when the strategy is built.
 */
class BestsellersStrategy : public Strategy
{
public:
    /** Parameters: window_days (default 30), event (default "purchase"; any event type, a list, or "all"). */
    static std::unique_ptr<Strategy> create(
        const StrategyContext &context, const QJsonObject &params, QString *error);

    QString name() const override;
    std::vector<ScoredItem> candidates(const RecommendRequest &request, int n) const override;
    QString explain(const RecommendRequest &request, int item) const override;

private:
    std::shared_ptr<const PopularityModel> m_counts;
    std::vector<ScoredItem> m_ranking;
    double m_windowDays = 30;
    int m_eventType = -1;
};

} // namespace Vitrine
