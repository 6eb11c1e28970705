// SPDX-License-Identifier: GPL-3.0-or-later
#include "bestsellersstrategy.h"

#include "engine/models/popularitymodel.h"
#include "explainformat.h"
#include "strategyparams.h"

#include <QCoreApplication>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::BestsellersStrategy)
};

} // namespace

std::unique_ptr<Strategy> BestsellersStrategy::create(
    const StrategyContext &context, const QJsonObject &params, QString *error)
{
    const QString name = QStringLiteral("bestsellers");
    StrategyParams reader(name, params, {QStringLiteral("window_days"), QStringLiteral("event")});
    const double windowDays = reader.number(QStringLiteral("window_days"), 30, 1, 3650);
    const quint8 mask
        = reader.eventMask(QStringLiteral("event"), StrategyParams::maskOf(EventType::Purchase));
    if (!reader.check(error))
        return nullptr;

    PopularityModel::Spec spec;
    spec.typeMask = mask;
    spec.toDays = windowDays;
    auto counts = PopularityModel::fetch(context, spec);
    if (!counts) {
        if (error)
            *error = StrategyParams::cancelled(name);
        return nullptr;
    }
    std::unique_ptr<BestsellersStrategy> strategy(new BestsellersStrategy);
    strategy->m_windowDays = windowDays;
    strategy->m_eventNeed = {mask, QStringLiteral("event"), windowDays, QStringLiteral("window_days")};
    strategy->m_eventType = StrategyParams::singleType(mask);
    std::vector<float> scores = counts->counts();
    for (float &score : scores) {
        if (score <= 0)
            score = -INFINITY;
    }
    strategy->m_ranking = topN(scores, int(scores.size()));
    strategy->m_counts = std::move(counts);
    return strategy;
}

QString BestsellersStrategy::name() const
{
    return QStringLiteral("bestsellers");
}

std::vector<ScoredItem> BestsellersStrategy::candidates(const RecommendRequest &, int n) const
{
    const size_t count = std::min(m_ranking.size(), size_t(std::max(n, 0)));
    return {m_ranking.begin(), m_ranking.begin() + qsizetype(count)};
}

QString BestsellersStrategy::explain(const RecommendRequest &, int item) const
{
    if (item < 0 || item >= int(m_counts->counts().size()) || m_counts->count(item) <= 0)
        return {};
    const double count = m_counts->count(item);
    const QString period = ExplainFormat::period(m_windowDays);
    if (m_eventType < 0)
        return Tr::tr("%1 %2").arg(ExplainFormat::events(count, m_eventType), period);
    const QString times
        = std::llround(count) == 1 ? Tr::tr("once") : Tr::tr("%1 times").arg(ExplainFormat::count(count));
    return Tr::tr("%1 %2 %3").arg(ExplainFormat::pastVerb(m_eventType), times, period);
}

} // namespace Vitrine
