// SPDX-License-Identifier: GPL-3.0-or-later
#include "similaritemsstrategy.h"

#include "engine/models/contentsimilaritymodel.h"
#include "explainformat.h"
#include "personhistory.h"
#include "strategyparams.h"

#include <QCoreApplication>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::SimilarItemsStrategy)
};

} // namespace

std::unique_ptr<Strategy> SimilarItemsStrategy::create(
    const StrategyContext &context, const QJsonObject &params, QString *error)
{
    const QString name = QStringLiteral("similar");
    StrategyParams reader(name, params, {QStringLiteral("weights")});
    const ContentSimilarityModel::Settings defaults;
    const QMap<QString, double> weights = reader.numberMap(QStringLiteral("weights"),
        {{QStringLiteral("category"), defaults.category}, {QStringLiteral("brand"), defaults.brand},
            {QStringLiteral("attributes"), defaults.attributes}, {QStringLiteral("title"), defaults.title}},
        0, 100);
    if (!reader.check(error))
        return nullptr;
    ContentSimilarityModel::Settings settings;
    settings.category = weights.value(QStringLiteral("category"));
    settings.brand = weights.value(QStringLiteral("brand"));
    settings.attributes = weights.value(QStringLiteral("attributes"));
    settings.title = weights.value(QStringLiteral("title"));

    auto model = ContentSimilarityModel::fetch(context, settings);
    if (!model) {
        if (error)
            *error = StrategyParams::cancelled(name);
        return nullptr;
    }
    std::unique_ptr<SimilarItemsStrategy> strategy(new SimilarItemsStrategy);
    strategy->m_snapshot = context.snapshot;
    strategy->m_model = std::move(model);
    return strategy;
}

QString SimilarItemsStrategy::name() const
{
    return QStringLiteral("similar");
}

int SimilarItemsStrategy::anchor(const RecommendRequest &request) const
{
    if (request.contextItem >= 0 && request.contextItem < m_snapshot->itemCount())
        return request.contextItem;
    if (!request.cart.empty() && request.cart.back() >= 0 && request.cart.back() < m_snapshot->itemCount())
        return request.cart.back();
    const std::vector<int> recent
        = PersonHistory::recentItems(*m_snapshot, request.user, StrategyParams::AllEvents, 1);
    return recent.empty() ? -1 : recent.front();
}

std::vector<ScoredItem> SimilarItemsStrategy::candidates(const RecommendRequest &request, int n) const
{
    const auto neighbours = m_model->neighbours(anchor(request));
    const size_t count = std::min(neighbours.size(), size_t(std::max(n, 0)));
    return {neighbours.begin(), neighbours.begin() + qsizetype(count)};
}

QString SimilarItemsStrategy::explain(const RecommendRequest &request, int item) const
{
    const int from = anchor(request);
    if (from < 0 || item < 0 || item >= m_snapshot->itemCount() || item == from)
        return {};
    return describe(*m_snapshot, *m_model, from, item);
}

QString SimilarItemsStrategy::describe(
    const Snapshot &snapshot, const ContentSimilarityModel &model, int anchor, int item)
{
    const ContentSimilarityModel::Comparison comparison = model.compare(snapshot, anchor, item);
    if (comparison.score <= 0)
        return {};
    QStringList parts;
    if (comparison.sameCategory)
        parts.append(Tr::tr("same category"));
    else if (comparison.sharedCategory >= 0 && model.settings().category > 0)
        parts.append(Tr::tr("also in %1").arg(snapshot.categoryInfo(comparison.sharedCategory).name));
    if (comparison.sameBrand && model.settings().brand > 0)
        parts.append(Tr::tr("same brand"));
    if (!comparison.sharedValues.isEmpty() && model.settings().attributes > 0)
        parts.append(Tr::tr("also %1").arg(ExplainFormat::joinAnd(comparison.sharedValues.mid(0, 3))));
    if (comparison.titleSimilarity > 0.2f && model.settings().title > 0)
        parts.append(Tr::tr("similar name"));
    if (parts.isEmpty())
        return Tr::tr("similar to %1").arg(snapshot.title(anchor));
    return Tr::tr("similar to %1: %2").arg(snapshot.title(anchor), parts.join(QStringLiteral(", ")));
}

} // namespace Vitrine
