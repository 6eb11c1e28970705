// SPDX-License-Identifier: GPL-3.0-or-later
#include "trendingstrategy.h"

#include "engine/models/popularitymodel.h"
#include "explainformat.h"
#include "strategyparams.h"

#include <QCoreApplication>

#include <cmath>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::TrendingStrategy)
};

} // namespace

std::unique_ptr<Strategy> TrendingStrategy::create(
    const StrategyContext &context, const QJsonObject &params, QString *error)
{
    const QString name = QStringLiteral("trending");
    StrategyParams reader(name, params,
        {QStringLiteral("recent_days"), QStringLiteral("baseline_days"), QStringLiteral("event"),
            QStringLiteral("prior")});
    const double recentDays = reader.number(QStringLiteral("recent_days"), 7, 1, 365);
    const double baselineDays = reader.number(QStringLiteral("baseline_days"), 28, 1, 3650);
    const quint8 mask = reader.eventMask(QStringLiteral("event"), StrategyParams::maskOf(EventType::View));
    const double prior = reader.number(QStringLiteral("prior"), 3, 0.01, 1e6);
    if (!reader.check(error))
        return nullptr;

    PopularityModel::Spec spec;
    spec.typeMask = mask;
    spec.toDays = recentDays;
    auto recent = PopularityModel::fetch(context, spec);
    spec.fromDays = recentDays;
    spec.toDays = recentDays + baselineDays;
    auto baseline = recent ? PopularityModel::fetch(context, spec) : nullptr;
    if (!recent || !baseline) {
        if (error)
            *error = StrategyParams::cancelled(name);
        return nullptr;
    }

    std::unique_ptr<TrendingStrategy> strategy(new TrendingStrategy);
    strategy->m_recentDays = recentDays;
    strategy->m_baselineDays = baselineDays;
    strategy->m_eventType = StrategyParams::singleType(mask);
    strategy->m_eventNeed = {mask, QStringLiteral("event"), recentDays, QStringLiteral("recent_days")};
    std::vector<float> scores(recent->counts().size(), -INFINITY);
    for (size_t item = 0; item < scores.size(); ++item) {
        const double now = recent->counts()[item];
        if (now <= 0)
            continue;
        const double expected = baseline->counts()[item] * recentDays / baselineDays;
        scores[item] = float((now + prior) / (expected + prior) * std::log1p(now));
    }
    strategy->m_ranking = topN(scores, int(scores.size()));
    strategy->m_recent = std::move(recent);
    strategy->m_baseline = std::move(baseline);
    return strategy;
}

QString TrendingStrategy::name() const
{
    return QStringLiteral("trending");
}

std::vector<ScoredItem> TrendingStrategy::candidates(const RecommendRequest &, int n) const
{
    const size_t count = std::min(m_ranking.size(), size_t(std::max(n, 0)));
    return {m_ranking.begin(), m_ranking.begin() + qsizetype(count)};
}

QString TrendingStrategy::explain(const RecommendRequest &, int item) const
{
    if (item < 0 || item >= int(m_recent->counts().size()) || m_recent->count(item) <= 0)
        return {};
    const double now = m_recent->count(item);
    const double expected = m_baseline->count(item) * m_recentDays / m_baselineDays;
    const QString period = ExplainFormat::period(m_recentDays);
    if (expected <= 0)
        return Tr::tr("%1 %2, none before").arg(ExplainFormat::events(now, m_eventType), period);
    const double growth = (now / expected - 1.0) * 100.0;
    if (growth < 1.0)
        return Tr::tr("%1 %2").arg(ExplainFormat::events(now, m_eventType), period);
    return Tr::tr("%1 up %2% %3")
        .arg(ExplainFormat::plural(m_eventType), ExplainFormat::count(growth), period);
}

} // namespace Vitrine
