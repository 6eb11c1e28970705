// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/strategy.h"

namespace Vitrine {

/**
 * The items the person looked at last, most recent first, each once; the item on screen is left
 * out. Reads the person's events from the end, so it costs what it returns.
 */
class RecentlyViewedStrategy : public Strategy
{
public:
    /** Parameters: events (a type or list, default view, click, read), max_age_days (0: no limit). */
    static std::unique_ptr<Strategy> create(
        const StrategyContext &context, const QJsonObject &params, QString *error);

    QString name() const override;
    bool isPersonal() const override { return true; }
    std::vector<ScoredItem> candidates(const RecommendRequest &request, int n) const override;
    QString explain(const RecommendRequest &request, int item) const override;

private:
    SnapshotPtr m_snapshot;
    quint8 m_typeMask = 0;
    qint64 m_maxAge = 0;
};

} // namespace Vitrine
