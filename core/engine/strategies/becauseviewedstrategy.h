// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/strategy.h"

namespace Vitrine {

class ContentSimilarityModel;
class CoOccurrenceModel;

/**
 * "Because you viewed Merino Sweater": items like the person's last viewed (or read) items, by
 * content (the "similar" model) and by what the same people viewed (the "also-viewed" model),
 * each normalised to its anchor's best neighbour and then mixed by the weights. Shares both
 * models with the "similar" and "also-viewed" strategies when their settings are the defaults.
 */
class BecauseViewedStrategy : public Strategy
{
public:
    /**
     * Parameters: anchors (last items to start from, default 1), events (what counts as viewing,
     * default view, click, read), weights ({"similar": 1, "co_viewed": 1}).
     */
    static std::unique_ptr<Strategy> create(
        const StrategyContext &context, const QJsonObject &params, QString *error);

    QString name() const override;
    bool isPersonal() const override { return true; }
    std::vector<ScoredItem> candidates(const RecommendRequest &request, int n) const override;
    QString explain(const RecommendRequest &request, int item) const override;

private:
    /** What `item` gets from `anchor`: 0 when it is neither similar nor co-viewed. */
    float contribution(int anchor, int item) const;

    SnapshotPtr m_snapshot;
    std::shared_ptr<const ContentSimilarityModel> m_content;
    std::shared_ptr<const CoOccurrenceModel> m_coViewed;
    int m_anchorCount = 1;
    quint8 m_typeMask = 0;
    float m_similarWeight = 1;
    float m_coViewedWeight = 1;
};

} // namespace Vitrine
