// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/strategy.h"

namespace Vitrine {

class BasketModel;

/**
 * "Bought together": items often in the same basket as the cart's items (else the item on
 * screen, else the person's last basket), ranked by lift; see BasketModel. With several anchors
 * the lifts add up; the anchors themselves are never proposed.
 */
class BoughtTogetherStrategy : public Strategy
{
public:
    /** Parameters: basket_hours (default 24), min_support (baskets with both items, default 3). */
    static std::unique_ptr<Strategy> create(
        const StrategyContext &context, const QJsonObject &params, QString *error);

    QString name() const override;
    bool isPersonal() const override { return true; }
    std::vector<ScoredItem> candidates(const RecommendRequest &request, int n) const override;
    QString explain(const RecommendRequest &request, int item) const override;

private:
    std::vector<int> anchors(const RecommendRequest &request) const;

    SnapshotPtr m_snapshot;
    std::shared_ptr<const BasketModel> m_model;
};

} // namespace Vitrine
