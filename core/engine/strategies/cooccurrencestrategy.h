// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/strategy.h"

namespace Vitrine {

class CoOccurrenceModel;

/**
 * "People who viewed this also viewed" ("also-viewed") and "people who bought this also bought"
 * ("also-bought"): items that the same people touch, see CoOccurrenceModel. Anchored on the item
 * on screen, else on the cart, else on the person's last few items of the same kind; with
 * several anchors their scores add up. The anchors themselves are never proposed.
 */
class CoOccurrenceStrategy : public Strategy
{
public:
    /**
     * Parameters of both: events (a type or list; also-viewed: view, click, read; also-bought:
     * purchase), min_count (people with both items, default 2), window_days (0, all history),
     * anchors (recent items to start from without an item or cart, default 3).
     */
    static std::unique_ptr<Strategy> createAlsoViewed(
        const StrategyContext &context, const QJsonObject &params, QString *error);
    static std::unique_ptr<Strategy> createAlsoBought(
        const StrategyContext &context, const QJsonObject &params, QString *error);

    QString name() const override { return m_name; }
    bool isPersonal() const override { return true; }
    std::vector<ScoredItem> candidates(const RecommendRequest &request, int n) const override;
    QString explain(const RecommendRequest &request, int item) const override;

    /** The items a request starts from: the item on screen, else the cart, else recent items. */
    static std::vector<int> anchors(
        const Snapshot &snapshot, const RecommendRequest &request, quint8 typeMask, int recentCount);
    /** The neighbours of the anchors, scores added up, anchors left out. */
    static std::vector<ScoredItem> gather(const CoOccurrenceModel &model, const std::vector<int> &anchors);
    /** "12 people who viewed Merino Sweater also viewed this", from the anchor that did most. */
    static QString describe(
        const Snapshot &snapshot, const CoOccurrenceModel &model, const std::vector<int> &anchors, int item);

private:
    static std::unique_ptr<Strategy> create(const QString &name, quint8 defaultMask,
        const StrategyContext &context, const QJsonObject &params, QString *error);

    QString m_name;
    SnapshotPtr m_snapshot;
    std::shared_ptr<const CoOccurrenceModel> m_model;
    int m_anchorCount = 3;
};

} // namespace Vitrine
