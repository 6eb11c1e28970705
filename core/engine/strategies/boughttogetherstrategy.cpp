// SPDX-License-Identifier: GPL-3.0-or-later
#include "boughttogetherstrategy.h"

#include "engine/models/basketmodel.h"
#include "explainformat.h"
#include "strategyparams.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace Vitrine {

std::unique_ptr<Strategy> BoughtTogetherStrategy::create(
    const StrategyContext &context, const QJsonObject &params, QString *error)
{
    const QString name = QStringLiteral("bought-together");
    StrategyParams reader(name, params, {QStringLiteral("basket_hours"), QStringLiteral("min_support")});
    BasketModel::Settings settings;
    settings.basketHours = reader.number(QStringLiteral("basket_hours"), 24, 0, 24 * 365);
    settings.minSupport = reader.integer(QStringLiteral("min_support"), 3, 1, 1000000);
    if (!reader.check(error))
        return nullptr;
    auto model = BasketModel::fetch(context, settings);
    if (!model) {
        if (error)
            *error = StrategyParams::cancelled(name);
        return nullptr;
    }
    std::unique_ptr<BoughtTogetherStrategy> strategy(new BoughtTogetherStrategy);
    strategy->m_snapshot = context.snapshot;
    strategy->m_model = std::move(model);
    strategy->m_eventNeed.mask = StrategyParams::maskOf(EventType::Purchase); // baskets are purchases
    return strategy;
}

QString BoughtTogetherStrategy::name() const
{
    return QStringLiteral("bought-together");
}

std::vector<int> BoughtTogetherStrategy::anchors(const RecommendRequest &request) const
{
    std::vector<int> result;
    for (int item : request.cart) {
        if (item >= 0 && item < m_snapshot->itemCount()
            && std::find(result.begin(), result.end(), item) == result.end())
            result.push_back(item);
    }
    if (result.empty() && request.contextItem >= 0 && request.contextItem < m_snapshot->itemCount())
        result.push_back(request.contextItem);
    if (result.empty())
        result = m_model->lastBasket(*m_snapshot, request.user);
    return result;
}

std::vector<ScoredItem> BoughtTogetherStrategy::candidates(const RecommendRequest &request, int n) const
{
    const std::vector<int> from = anchors(request);
    std::vector<ScoredItem> all;
    for (int anchor : from) {
        for (const BasketModel::Neighbour &neighbour : m_model->neighbours(anchor)) {
            if (std::find(from.begin(), from.end(), neighbour.item) == from.end())
                all.push_back({neighbour.item, neighbour.lift});
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

QString BoughtTogetherStrategy::explain(const RecommendRequest &request, int item) const
{
    int bestAnchor = -1;
    const BasketModel::Neighbour *best = nullptr;
    for (int anchor : anchors(request)) {
        const BasketModel::Neighbour *neighbour = m_model->find(anchor, item);
        if (neighbour && (!best || neighbour->lift > best->lift)) {
            best = neighbour;
            bestAnchor = anchor;
        }
    }
    if (!best)
        return {};
    return QCoreApplication::translate(
        "Vitrine::BoughtTogetherStrategy", "bought together with %1 in %2 orders (lift %3)")
        .arg(m_snapshot->title(bestAnchor), ExplainFormat::count(best->count),
            QLocale().toString(best->lift, 'f', 1));
}

} // namespace Vitrine
