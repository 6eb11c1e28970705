// SPDX-License-Identifier: GPL-3.0-or-later
#include "newarrivalsstrategy.h"

#include "explainformat.h"
#include "strategyparams.h"

#include <QCoreApplication>

#include <cmath>

namespace Vitrine {

std::unique_ptr<Strategy> NewArrivalsStrategy::create(
    const StrategyContext &context, const QJsonObject &params, QString *error)
{
    StrategyParams reader(QStringLiteral("new"), params, {QStringLiteral("max_age_days")});
    const double maxAgeDays = reader.number(QStringLiteral("max_age_days"), 60, 0.01, 36500);
    if (!reader.check(error))
        return nullptr;

    std::unique_ptr<NewArrivalsStrategy> strategy(new NewArrivalsStrategy);
    const Snapshot &snapshot = *context.snapshot;
    strategy->m_snapshot = context.snapshot;
    strategy->m_maxAge = qint64(std::llround(maxAgeDays * 86400));
    std::vector<float> scores(size_t(snapshot.itemCount()), -INFINITY);
    for (int item = 0; item < snapshot.itemCount(); ++item) {
        const qint64 created = snapshot.createdAt(item);
        const qint64 age = snapshot.asOf() - created;
        if (created > 0 && age >= 0 && age <= strategy->m_maxAge)
            scores[size_t(item)] = float(double(strategy->m_maxAge - age) / 86400.0); // days left as "new"
    }
    strategy->m_ranking = topN(scores, int(scores.size()));
    return strategy;
}

QString NewArrivalsStrategy::name() const
{
    return QStringLiteral("new");
}

std::vector<ScoredItem> NewArrivalsStrategy::candidates(const RecommendRequest &, int n) const
{
    const size_t count = std::min(m_ranking.size(), size_t(std::max(n, 0)));
    return {m_ranking.begin(), m_ranking.begin() + qsizetype(count)};
}

QString NewArrivalsStrategy::explain(const RecommendRequest &, int item) const
{
    if (item < 0 || item >= m_snapshot->itemCount())
        return {};
    const qint64 created = m_snapshot->createdAt(item);
    const qint64 age = m_snapshot->asOf() - created;
    if (created <= 0 || age < 0 || age > m_maxAge)
        return {};
    return QCoreApplication::translate("Vitrine::NewArrivalsStrategy", "new, added %1")
        .arg(ExplainFormat::ago(age));
}

} // namespace Vitrine
