// SPDX-License-Identifier: GPL-3.0-or-later
#include "cooccurrencestrategy.h"

#include "engine/models/cooccurrencemodel.h"
#include "explainformat.h"
#include "personhistory.h"
#include "strategyparams.h"

#include <QCoreApplication>

#include <algorithm>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::CoOccurrenceStrategy)
};

constexpr quint8 kViewMask
    = (1u << int(EventType::View)) | (1u << int(EventType::Click)) | (1u << int(EventType::Read));

} // namespace

std::unique_ptr<Strategy> CoOccurrenceStrategy::createAlsoViewed(
    const StrategyContext &context, const QJsonObject &params, QString *error)
{
    return create(QStringLiteral("also-viewed"), kViewMask, context, params, error);
}

std::unique_ptr<Strategy> CoOccurrenceStrategy::createAlsoBought(
    const StrategyContext &context, const QJsonObject &params, QString *error)
{
    return create(
        QStringLiteral("also-bought"), StrategyParams::maskOf(EventType::Purchase), context, params, error);
}

std::unique_ptr<Strategy> CoOccurrenceStrategy::create(const QString &name, quint8 defaultMask,
    const StrategyContext &context, const QJsonObject &params, QString *error)
{
    StrategyParams reader(name, params,
        {QStringLiteral("events"), QStringLiteral("min_count"), QStringLiteral("window_days"),
            QStringLiteral("anchors")});
    CoOccurrenceModel::Settings settings;
    settings.typeMask = reader.eventMask(QStringLiteral("events"), defaultMask);
    settings.minCount = reader.integer(QStringLiteral("min_count"), 2, 1, 1000000);
    settings.windowDays = reader.number(QStringLiteral("window_days"), 0, 0, 36500);
    const int anchorCount = reader.integer(QStringLiteral("anchors"), 3, 1, 50);
    if (!reader.check(error))
        return nullptr;
    auto model = CoOccurrenceModel::fetch(context, settings);
    if (!model) {
        if (error)
            *error = StrategyParams::cancelled(name);
        return nullptr;
    }
    std::unique_ptr<CoOccurrenceStrategy> strategy(new CoOccurrenceStrategy);
    strategy->m_name = name;
    strategy->m_snapshot = context.snapshot;
    strategy->m_model = std::move(model);
    strategy->m_anchorCount = anchorCount;
    strategy->m_eventNeed
        = {settings.typeMask, QStringLiteral("events"), settings.windowDays, QStringLiteral("window_days")};
    return strategy;
}

std::vector<int> CoOccurrenceStrategy::anchors(
    const Snapshot &snapshot, const RecommendRequest &request, quint8 typeMask, int recentCount)
{
    if (request.contextItem >= 0 && request.contextItem < snapshot.itemCount())
        return {request.contextItem};
    std::vector<int> result;
    for (int item : request.cart) {
        if (item >= 0 && item < snapshot.itemCount()
            && std::find(result.begin(), result.end(), item) == result.end())
            result.push_back(item);
    }
    if (result.empty())
        result = PersonHistory::recentItems(snapshot, request.user, typeMask, recentCount);
    return result;
}

std::vector<ScoredItem> CoOccurrenceStrategy::gather(
    const CoOccurrenceModel &model, const std::vector<int> &anchors)
{
    std::vector<ScoredItem> all;
    for (int anchor : anchors) {
        for (const CoOccurrenceModel::Neighbour &neighbour : model.neighbours(anchor)) {
            if (std::find(anchors.begin(), anchors.end(), neighbour.item) == anchors.end())
                all.push_back({neighbour.item, neighbour.score});
        }
    }
    if (anchors.size() <= 1)
        return all;
    std::sort(
        all.begin(), all.end(), [](const ScoredItem &a, const ScoredItem &b) { return a.item < b.item; });
    std::vector<ScoredItem> merged;
    for (const ScoredItem &entry : all) {
        if (!merged.empty() && merged.back().item == entry.item)
            merged.back().score += entry.score;
        else
            merged.push_back(entry);
    }
    return merged;
}

std::vector<ScoredItem> CoOccurrenceStrategy::candidates(const RecommendRequest &request, int n) const
{
    const std::vector<int> from = anchors(*m_snapshot, request, m_model->settings().typeMask, m_anchorCount);
    return topN(gather(*m_model, from), n);
}

QString CoOccurrenceStrategy::explain(const RecommendRequest &request, int item) const
{
    const std::vector<int> from = anchors(*m_snapshot, request, m_model->settings().typeMask, m_anchorCount);
    return describe(*m_snapshot, *m_model, from, item);
}

QString CoOccurrenceStrategy::describe(
    const Snapshot &snapshot, const CoOccurrenceModel &model, const std::vector<int> &anchors, int item)
{
    int bestAnchor = -1;
    const CoOccurrenceModel::Neighbour *best = nullptr;
    for (int anchor : anchors) {
        const CoOccurrenceModel::Neighbour *neighbour = model.find(anchor, item);
        if (neighbour && (!best || neighbour->score > best->score)) {
            best = neighbour;
            bestAnchor = anchor;
        }
    }
    if (!best)
        return {};
    const quint8 mask = model.settings().typeMask;
    // Several kinds of browsing read as "viewed"; purchases alone (or with carts) as "bought".
    int type = StrategyParams::singleType(mask);
    if (type < 0)
        type = mask & kViewMask ? int(EventType::View) : int(EventType::Purchase);
    const QString verb = ExplainFormat::pastVerb(type);
    if (best->count == 1)
        return Tr::tr("one person who %1 %2 also %1 this").arg(verb, snapshot.title(bestAnchor));
    return Tr::tr("%1 people who %2 %3 also %2 this")
        .arg(ExplainFormat::count(best->count), verb, snapshot.title(bestAnchor));
}

} // namespace Vitrine
