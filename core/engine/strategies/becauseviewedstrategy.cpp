// SPDX-License-Identifier: GPL-3.0-or-later
#include "becauseviewedstrategy.h"

#include "engine/models/contentsimilaritymodel.h"
#include "engine/models/cooccurrencemodel.h"
#include "explainformat.h"
#include "personhistory.h"
#include "strategyparams.h"

#include <QCoreApplication>

#include <algorithm>

namespace Vitrine {

std::unique_ptr<Strategy> BecauseViewedStrategy::create(
    const StrategyContext &context, const QJsonObject &params, QString *error)
{
    const QString name = QStringLiteral("because-viewed");
    StrategyParams reader(
        name, params, {QStringLiteral("anchors"), QStringLiteral("events"), QStringLiteral("weights")});
    const int anchorCount = reader.integer(QStringLiteral("anchors"), 1, 1, 20);
    const quint8 mask = reader.eventMask(QStringLiteral("events"),
        StrategyParams::maskOf(EventType::View) | StrategyParams::maskOf(EventType::Click)
            | StrategyParams::maskOf(EventType::Read));
    const QMap<QString, double> weights = reader.numberMap(QStringLiteral("weights"),
        {{QStringLiteral("similar"), 1.0}, {QStringLiteral("co_viewed"), 1.0}}, 0, 100);
    if (!reader.check(error))
        return nullptr;

    std::shared_ptr<const ContentSimilarityModel> content;
    std::shared_ptr<const CoOccurrenceModel> coViewed;
    const float similarWeight = float(weights.value(QStringLiteral("similar")));
    const float coViewedWeight = float(weights.value(QStringLiteral("co_viewed")));
    bool ok = true;
    if (similarWeight > 0) {
        content = ContentSimilarityModel::fetch(context, ContentSimilarityModel::Settings());
        ok = content != nullptr;
    }
    if (ok && coViewedWeight > 0) {
        CoOccurrenceModel::Settings settings;
        settings.typeMask = mask;
        coViewed = CoOccurrenceModel::fetch(context, settings);
        ok = coViewed != nullptr;
    }
    if (!ok) {
        if (error)
            *error = StrategyParams::cancelled(name);
        return nullptr;
    }

    std::unique_ptr<BecauseViewedStrategy> strategy(new BecauseViewedStrategy);
    strategy->m_snapshot = context.snapshot;
    strategy->m_content = std::move(content);
    strategy->m_coViewed = std::move(coViewed);
    strategy->m_anchorCount = anchorCount;
    strategy->m_typeMask = mask;
    strategy->m_eventNeed = {mask, QStringLiteral("events"), 0, {}};
    strategy->m_similarWeight = similarWeight;
    strategy->m_coViewedWeight = coViewedWeight;
    return strategy;
}

QString BecauseViewedStrategy::name() const
{
    return QStringLiteral("because-viewed");
}

std::vector<ScoredItem> BecauseViewedStrategy::candidates(const RecommendRequest &request, int n) const
{
    const std::vector<int> anchors
        = PersonHistory::recentItems(*m_snapshot, request.user, m_typeMask, m_anchorCount);
    std::vector<ScoredItem> all;
    auto isAnchor = [&](int item) {
        return std::find(anchors.begin(), anchors.end(), item) != anchors.end();
    };
    for (int anchor : anchors) {
        if (m_content) {
            const auto neighbours = m_content->neighbours(anchor);
            for (const ScoredItem &neighbour : neighbours) {
                if (!isAnchor(neighbour.item))
                    all.push_back(
                        {neighbour.item, m_similarWeight * neighbour.score / neighbours.front().score});
            }
        }
        if (m_coViewed) {
            const auto neighbours = m_coViewed->neighbours(anchor);
            for (const CoOccurrenceModel::Neighbour &neighbour : neighbours) {
                if (!isAnchor(neighbour.item))
                    all.push_back(
                        {neighbour.item, m_coViewedWeight * neighbour.score / neighbours.front().score});
            }
        }
    }
    std::sort(
        all.begin(), all.end(), [](const ScoredItem &a, const ScoredItem &b) { return a.item < b.item; });
    std::vector<ScoredItem> merged;
    for (const ScoredItem &entry : all) {
        if (!merged.empty() && merged.back().item == entry.item)
            merged.back().score += entry.score;
        else
            merged.push_back(entry);
    }
    return topN(std::move(merged), n);
}

float BecauseViewedStrategy::contribution(int anchor, int item) const
{
    float score = 0;
    if (m_content) {
        const auto neighbours = m_content->neighbours(anchor);
        for (const ScoredItem &neighbour : neighbours) {
            if (neighbour.item == item)
                score += m_similarWeight * neighbour.score / neighbours.front().score;
        }
    }
    if (m_coViewed) {
        const auto neighbours = m_coViewed->neighbours(anchor);
        for (const CoOccurrenceModel::Neighbour &neighbour : neighbours) {
            if (neighbour.item == item)
                score += m_coViewedWeight * neighbour.score / neighbours.front().score;
        }
    }
    return score;
}

QString BecauseViewedStrategy::explain(const RecommendRequest &request, int item) const
{
    const std::vector<int> anchors
        = PersonHistory::recentItems(*m_snapshot, request.user, m_typeMask, m_anchorCount);
    int best = -1;
    float bestScore = 0;
    for (int anchor : anchors) {
        const float score = contribution(anchor, item);
        if (score > bestScore) {
            best = anchor;
            bestScore = score;
        }
    }
    if (best < 0)
        return {};
    const int type = PersonHistory::lastType(*m_snapshot, request.user, best, m_typeMask);
    const QString verb = type == int(EventType::Read) ? ExplainFormat::pastVerb(type)
                                                      : ExplainFormat::pastVerb(int(EventType::View));
    return QCoreApplication::translate("Vitrine::BecauseViewedStrategy", "because you %1 %2")
        .arg(verb, m_snapshot->title(best));
}

} // namespace Vitrine
