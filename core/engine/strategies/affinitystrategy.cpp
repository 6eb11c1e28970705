// SPDX-License-Identifier: GPL-3.0-or-later
#include "affinitystrategy.h"

#include "engine/models/popularitymodel.h"
#include "explainformat.h"
#include "strategyparams.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::AffinityStrategy)
};

} // namespace

std::unique_ptr<Strategy> AffinityStrategy::create(
    const StrategyContext &context, const QJsonObject &params, QString *error)
{
    const QString name = QStringLiteral("affinity");
    StrategyParams reader(name, params,
        {QStringLiteral("half_life_days"), QStringLiteral("weights"), QStringLiteral("price_bands"),
            QStringLiteral("popularity_days"), QStringLiteral("events")});
    const double halfLife = reader.number(QStringLiteral("half_life_days"), 30, 0, 36500);
    const QMap<QString, double> weights = reader.numberMap(QStringLiteral("weights"),
        {{QStringLiteral("category"), 1.0}, {QStringLiteral("brand"), 0.5}, {QStringLiteral("price"), 0.3}},
        0, 100);
    const int bands = reader.integer(QStringLiteral("price_bands"), 5, 1, 100);
    const double popularityDays = reader.number(QStringLiteral("popularity_days"), 90, 1, 36500);
    const quint8 mask = reader.eventMask(QStringLiteral("events"), StrategyParams::AllEvents);
    if (!reader.check(error))
        return nullptr;

    PopularityModel::Spec spec;
    spec.toDays = popularityDays;
    spec.weighted = true;
    auto popularity = PopularityModel::fetch(context, spec);
    if (!popularity) {
        if (error)
            *error = StrategyParams::cancelled(name);
        return nullptr;
    }

    std::unique_ptr<AffinityStrategy> strategy(new AffinityStrategy);
    const Snapshot &snapshot = *context.snapshot;
    strategy->m_snapshot = context.snapshot;
    strategy->m_popularity = std::move(popularity);
    strategy->m_halfLifeDays = halfLife;
    strategy->m_categoryWeight = float(weights.value(QStringLiteral("category")));
    strategy->m_brandWeight = float(weights.value(QStringLiteral("brand")));
    strategy->m_priceWeight = float(weights.value(QStringLiteral("price")));
    strategy->m_typeMask = mask;
    strategy->m_eventNeed = {mask, QStringLiteral("events"), 0, {}};

    // Price bands: quantiles of the current prices, so each band holds about as many items.
    std::vector<float> prices;
    for (int item = 0; item < snapshot.itemCount(); ++item) {
        if (!std::isnan(snapshot.currentPrice(item)))
            prices.push_back(snapshot.currentPrice(item));
    }
    std::sort(prices.begin(), prices.end());
    for (int b = 1; b < bands && !prices.empty(); ++b)
        strategy->m_bandLimits.push_back(prices[prices.size() * size_t(b) / size_t(bands)]);
    strategy->m_band.assign(size_t(snapshot.itemCount()), -1);
    strategy->m_chainOffsets.assign(size_t(snapshot.itemCount()) + 1, 0);
    for (int item = 0; item < snapshot.itemCount(); ++item) {
        const float price = snapshot.currentPrice(item);
        if (!std::isnan(price)) {
            const auto &limits = strategy->m_bandLimits;
            strategy->m_band[size_t(item)]
                = int(std::upper_bound(limits.begin(), limits.end(), price) - limits.begin());
        }
        for (int category : snapshot.categoryChain(item))
            strategy->m_chains.push_back(category);
        strategy->m_chainOffsets[size_t(item) + 1] = int(strategy->m_chains.size());
    }
    return strategy;
}

QString AffinityStrategy::name() const
{
    return QStringLiteral("affinity");
}

AffinityStrategy::Profile AffinityStrategy::profile(int user) const
{
    Profile profile;
    if (user < 0 || user >= m_snapshot->userCount())
        return profile;
    profile.categories.assign(size_t(m_snapshot->categoryCount()), 0.0f);
    profile.brands.assign(size_t(m_snapshot->brandCount()), 0.0f);
    profile.bands.assign(m_bandLimits.size() + 1, 0.0f);
    for (const Snapshot::Event &event : m_snapshot->userEvents(user)) {
        if (!(m_typeMask & (1u << event.type)))
            continue;
        double weight = m_snapshot->weights().weights[event.type];
        if (m_halfLifeDays > 0)
            weight *= std::exp2(
                -double(m_snapshot->asOf() - m_snapshot->toUnix(event.time)) / 86400.0 / m_halfLifeDays);
        if (weight <= 0)
            continue;
        const size_t item = size_t(event.item);
        for (int c = m_chainOffsets[item]; c < m_chainOffsets[item + 1]; ++c)
            profile.categories[size_t(m_chains[size_t(c)])] += float(weight);
        if (m_snapshot->brand(event.item) >= 0)
            profile.brands[size_t(m_snapshot->brand(event.item))] += float(weight);
        if (m_band[item] >= 0)
            profile.bands[size_t(m_band[item])] += float(weight);
        profile.total += float(weight);
    }
    return profile;
}

std::vector<ScoredItem> AffinityStrategy::candidates(const RecommendRequest &request, int n) const
{
    const Profile liked = profile(request.user);
    if (liked.total <= 0)
        return {};
    const float scale = 1.0f / liked.total;
    std::vector<ScoredItem> scored;
    for (int item = 0; item < m_snapshot->itemCount(); ++item) {
        float category = 0;
        for (int c = m_chainOffsets[size_t(item)]; c < m_chainOffsets[size_t(item) + 1]; ++c)
            category += liked.categories[size_t(m_chains[size_t(c)])];
        const int brand = m_snapshot->brand(item);
        const float brandLike = brand >= 0 ? liked.brands[size_t(brand)] : 0.0f;
        const float bandLike = m_band[size_t(item)] >= 0 ? liked.bands[size_t(m_band[size_t(item)])] : 0.0f;
        const float affinity
            = (m_categoryWeight * category + m_brandWeight * brandLike + m_priceWeight * bandLike) * scale;
        if (affinity > 0)
            scored.push_back({item, affinity * (0.25f + 0.75f * m_popularity->prior(item))});
    }
    return topN(std::move(scored), n);
}

QString AffinityStrategy::explain(const RecommendRequest &request, int item) const
{
    if (item < 0 || item >= m_snapshot->itemCount())
        return {};
    const Profile liked = profile(request.user);
    if (liked.total <= 0)
        return {};
    QStringList likes;
    if (m_categoryWeight > 0) {
        for (int c = m_chainOffsets[size_t(item)]; c < m_chainOffsets[size_t(item) + 1];
             ++c) { // deepest first
            const int category = m_chains[size_t(c)];
            if (liked.categories[size_t(category)] > 0) {
                likes.append(m_snapshot->categoryInfo(category).path);
                break;
            }
        }
    }
    const int brand = m_snapshot->brand(item);
    if (m_brandWeight > 0 && brand >= 0 && liked.brands[size_t(brand)] > 0)
        likes.append(m_snapshot->brandName(brand));
    if (!likes.isEmpty())
        return Tr::tr("you like %1").arg(ExplainFormat::joinAnd(likes));
    if (m_priceWeight > 0 && m_band[size_t(item)] >= 0 && liked.bands[size_t(m_band[size_t(item)])] > 0)
        return Tr::tr("in your usual price range");
    return {};
}

} // namespace Vitrine
