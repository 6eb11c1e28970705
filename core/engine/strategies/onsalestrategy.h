// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/strategy.h"

namespace Vitrine {

class PopularityModel;

/**
 * Items on sale, deepest discount first (in whole percent, as the explanation states it); items
 * with the same discount go by their weighted popularity over the last window_days.
 */
class OnSaleStrategy : public Strategy
{
public:
    /** Parameters: min_discount (percent, default 1), window_days (popularity tie-break, default 30). */
    static std::unique_ptr<Strategy> create(
        const StrategyContext &context, const QJsonObject &params, QString *error);

    QString name() const override;
    std::vector<ScoredItem> candidates(const RecommendRequest &request, int n) const override;
    QString explain(const RecommendRequest &request, int item) const override;

private:
    SnapshotPtr m_snapshot;
    std::vector<ScoredItem> m_ranking;
    double m_minDiscount = 1;
};

} // namespace Vitrine
