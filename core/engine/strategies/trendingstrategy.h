// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/strategy.h"

namespace Vitrine {

class PopularityModel;

/**
 * Items gaining interest: the events of the last recent_days against what the baseline_days
 * before them would predict for as long a time. A prior added to both sides keeps an item with
 * 2 views instead of 0 from topping the list, and log(1 + recent) favours items many people
 * are now looking at:
 *
 *     score = (recent + prior) / (baseline · recent_days / baseline_days + prior) · log(1 + recent)
 */
class TrendingStrategy : public Strategy
{
public:
    /** Parameters: recent_days (7), baseline_days (28), event ("view"; a type, list or "all"), prior (3). */
    static std::unique_ptr<Strategy> create(
        const StrategyContext &context, const QJsonObject &params, QString *error);

    QString name() const override;
    std::vector<ScoredItem> candidates(const RecommendRequest &request, int n) const override;
    QString explain(const RecommendRequest &request, int item) const override;

private:
    std::shared_ptr<const PopularityModel> m_recent;
    std::shared_ptr<const PopularityModel> m_baseline;
    std::vector<ScoredItem> m_ranking;
    double m_recentDays = 7;
    double m_baselineDays = 28;
    int m_eventType = 0;
};

} // namespace Vitrine
