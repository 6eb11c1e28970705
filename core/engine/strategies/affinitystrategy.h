// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/strategy.h"

namespace Vitrine {

class PopularityModel;

/**
 * More of what the person likes: from their events (weighted by type, halved every
 * half_life_days) it sums their interest per category at every level, per brand and per price
 * band (quantiles of the catalog's current prices), then scores each item by how much of that
 * interest it matches, times a popularity prior so the shop's well-liked items come first among
 * equals. Nothing is left out: already bought items are the filters' business.
 */
class AffinityStrategy : public Strategy
{
public:
    /**
     * Parameters: half_life_days (30), weights ({"category": 1, "brand": 0.5, "price": 0.3}),
     * price_bands (5), popularity_days (90), events (types that count, default all).
     */
    static std::unique_ptr<Strategy> create(
        const StrategyContext &context, const QJsonObject &params, QString *error);

    QString name() const override;
    bool isPersonal() const override { return true; }
    std::vector<ScoredItem> candidates(const RecommendRequest &request, int n) const override;
    QString explain(const RecommendRequest &request, int item) const override;

private:
    struct Profile
    {
        std::vector<float> categories;
        std::vector<float> brands;
        std::vector<float> bands;
        float total = 0;
    };

    Profile profile(int user) const;
    int band(int item) const { return m_band[size_t(item)]; }

    SnapshotPtr m_snapshot;
    std::shared_ptr<const PopularityModel> m_popularity;
    double m_halfLifeDays = 30;
    float m_categoryWeight = 1;
    float m_brandWeight = 0.5f;
    float m_priceWeight = 0.3f;
    quint8 m_typeMask = 0;
    std::vector<float> m_bandLimits; ///< upper price of each band but the last
    std::vector<int> m_band; ///< per item, -1 without a price
    std::vector<int> m_chainOffsets; ///< per item, into m_chains
    std::vector<int> m_chains; ///< each item's categories, leaf first
};

} // namespace Vitrine
