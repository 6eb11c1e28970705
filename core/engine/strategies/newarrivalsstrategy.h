// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/strategy.h"

namespace Vitrine {

/**
 * The latest collection: items added to the catalog within max_age_days before the snapshot's
 * time, newest first. Items dated after that time do not exist yet at it and are left out.
 */
class NewArrivalsStrategy : public Strategy
{
public:
    /** Parameters: max_age_days (default 60). */
    static std::unique_ptr<Strategy> create(
        const StrategyContext &context, const QJsonObject &params, QString *error);

    QString name() const override;
    std::vector<ScoredItem> candidates(const RecommendRequest &request, int n) const override;
    QString explain(const RecommendRequest &request, int item) const override;

private:
    SnapshotPtr m_snapshot;
    std::vector<ScoredItem> m_ranking;
    qint64 m_maxAge = 0;
};

} // namespace Vitrine
