// SPDX-License-Identifier: GPL-3.0-or-later
#include "recentlyviewedstrategy.h"

#include "explainformat.h"
#include "personhistory.h"
#include "strategyparams.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace Vitrine {

std::unique_ptr<Strategy> RecentlyViewedStrategy::create(
    const StrategyContext &context, const QJsonObject &params, QString *error)
{
    StrategyParams reader(QStringLiteral("recently-viewed"), params,
        {QStringLiteral("events"), QStringLiteral("max_age_days")});
    const quint8 mask = reader.eventMask(QStringLiteral("events"),
        StrategyParams::maskOf(EventType::View) | StrategyParams::maskOf(EventType::Click)
            | StrategyParams::maskOf(EventType::Read));
    const double maxAgeDays = reader.number(QStringLiteral("max_age_days"), 0, 0, 36500);
    if (!reader.check(error))
        return nullptr;
    std::unique_ptr<RecentlyViewedStrategy> strategy(new RecentlyViewedStrategy);
    strategy->m_snapshot = context.snapshot;
    strategy->m_typeMask = mask;
    strategy->m_eventNeed = {mask, QStringLiteral("events"), maxAgeDays, QStringLiteral("max_age_days")};
    strategy->m_maxAge = qint64(std::llround(maxAgeDays * 86400));
    return strategy;
}

QString RecentlyViewedStrategy::name() const
{
    return QStringLiteral("recently-viewed");
}

std::vector<ScoredItem> RecentlyViewedStrategy::candidates(const RecommendRequest &request, int n) const
{
    std::vector<ScoredItem> result;
    if (request.user < 0 || request.user >= m_snapshot->userCount() || n <= 0)
        return result;
    const qint32 oldest = m_maxAge > 0 ? m_snapshot->toRelative(m_snapshot->asOf() - m_maxAge)
                                       : std::numeric_limits<qint32>::min();
    const auto events = m_snapshot->userEvents(request.user);
    for (auto it = events.rbegin(); it != events.rend() && int(result.size()) < n; ++it) {
        if (it->time < oldest)
            break;
        if (!(m_typeMask & (1u << it->type)) || it->item == request.contextItem)
            continue;
        const bool seen = std::any_of(
            result.begin(), result.end(), [&](const ScoredItem &entry) { return entry.item == it->item; });
        if (!seen)
            result.push_back({it->item, float(n - int(result.size()))}); // rank as score: most recent highest
    }
    return result;
}

QString RecentlyViewedStrategy::explain(const RecommendRequest &request, int item) const
{
    const std::optional<qint64> when = PersonHistory::lastTime(*m_snapshot, request.user, item, m_typeMask);
    if (!when || (m_maxAge > 0 && m_snapshot->asOf() - *when > m_maxAge))
        return {};
    const int type = PersonHistory::lastType(*m_snapshot, request.user, item, m_typeMask);
    const QString verb = type == int(EventType::Click) ? ExplainFormat::pastVerb(int(EventType::View))
                                                       : ExplainFormat::pastVerb(type);
    return QCoreApplication::translate("Vitrine::RecentlyViewedStrategy", "you %1 this %2")
        .arg(verb, ExplainFormat::ago(m_snapshot->asOf() - *when));
}

} // namespace Vitrine
