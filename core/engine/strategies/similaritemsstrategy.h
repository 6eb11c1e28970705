// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/strategy.h"

namespace Vitrine {

class ContentSimilarityModel;

/**
 * Items like the one on screen (or, without one, the last item in the cart, else the last item
 * the person touched), by category, brand, attributes and title: see ContentSimilarityModel.
 * Never proposes the anchor item itself.
 */
class SimilarItemsStrategy : public Strategy
{
public:
    /** Parameters: weights ({"category": 1, "brand": 0.5, "attributes": 0.5, "title": 1}). */
    static std::unique_ptr<Strategy> create(
        const StrategyContext &context, const QJsonObject &params, QString *error);

    QString name() const override;
    bool isPersonal() const override { return true; }
    std::vector<ScoredItem> candidates(const RecommendRequest &request, int n) const override;
    QString explain(const RecommendRequest &request, int item) const override;

    /** The phrase for an item similar to `anchor`, shared with "because you viewed". */
    static QString describe(
        const Snapshot &snapshot, const ContentSimilarityModel &model, int anchor, int item);

private:
    int anchor(const RecommendRequest &request) const;

    SnapshotPtr m_snapshot;
    std::shared_ptr<const ContentSimilarityModel> m_model;
};

} // namespace Vitrine
