// SPDX-License-Identifier: GPL-3.0-or-later
#include "onsalestrategy.h"

#include "engine/models/popularitymodel.h"
#include "explainformat.h"
#include "strategyparams.h"

#include <QCoreApplication>

#include <cmath>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::OnSaleStrategy)
};

double percentOff(const Snapshot &snapshot, int item)
{
    return std::round(double(snapshot.discount(item)) * 100.0);
}

} // namespace

std::unique_ptr<Strategy> OnSaleStrategy::create(
    const StrategyContext &context, const QJsonObject &params, QString *error)
{
    const QString name = QStringLiteral("on-sale");
    StrategyParams reader(name, params, {QStringLiteral("min_discount"), QStringLiteral("window_days")});
    const double minDiscount = reader.number(QStringLiteral("min_discount"), 1, 0, 100);
    const double windowDays = reader.number(QStringLiteral("window_days"), 30, 1, 3650);
    if (!reader.check(error))
        return nullptr;

    PopularityModel::Spec spec;
    spec.toDays = windowDays;
    spec.weighted = true;
    const auto popularity = PopularityModel::fetch(context, spec);
    if (!popularity) {
        if (error)
            *error = StrategyParams::cancelled(name);
        return nullptr;
    }

    std::unique_ptr<OnSaleStrategy> strategy(new OnSaleStrategy);
    const Snapshot &snapshot = *context.snapshot;
    strategy->m_snapshot = context.snapshot;
    strategy->m_minDiscount = minDiscount;
    std::vector<float> scores(size_t(snapshot.itemCount()), -INFINITY);
    for (int item = 0; item < snapshot.itemCount(); ++item) {
        const double percent = percentOff(snapshot, item);
        if (snapshot.onSale(item) && percent >= minDiscount && percent > 0)
            scores[size_t(item)] = float(percent + 0.9 * popularity->prior(item)); // popularity < 1 point
    }
    strategy->m_ranking = topN(scores, int(scores.size()));
    return strategy;
}

QString OnSaleStrategy::name() const
{
    return QStringLiteral("on-sale");
}

std::vector<ScoredItem> OnSaleStrategy::candidates(const RecommendRequest &, int n) const
{
    const size_t count = std::min(m_ranking.size(), size_t(std::max(n, 0)));
    return {m_ranking.begin(), m_ranking.begin() + qsizetype(count)};
}

QString OnSaleStrategy::explain(const RecommendRequest &, int item) const
{
    if (item < 0 || item >= m_snapshot->itemCount() || !m_snapshot->onSale(item))
        return {};
    return Tr::tr("%1% off").arg(ExplainFormat::count(percentOff(*m_snapshot, item)));
}

} // namespace Vitrine
