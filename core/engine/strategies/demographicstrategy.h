// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/models/demographicmodel.h"
#include "engine/strategy.h"

namespace Vitrine {

/**
 * "Popular with people like you": what people of the person's gender, country, age band (the
 * fields in `match`) interact with, weighted by the snapshot's event weights. An anonymous
 * visitor, or a person in a group too small to say much, gets a coarser group down to the
 * overall ranking. See DemographicModel.
 */
class DemographicStrategy : public Strategy
{
public:
    /**
     * Parameters: match (list of gender, country, city, age_band; default ["gender", "country"]),
     * window_days (90), age_band (years per band, 10), min_people (10).
     */
    static std::unique_ptr<Strategy> create(
        const StrategyContext &context, const QJsonObject &params, QString *error);

    QString name() const override;
    bool isPersonal() const override { return true; }
    std::vector<ScoredItem> candidates(const RecommendRequest &request, int n) const override;
    QString explain(const RecommendRequest &request, int item) const override;

private:
    QString describe(const DemographicModel::Group &group) const;

    SnapshotPtr m_snapshot;
    std::shared_ptr<const DemographicModel> m_model;
};

} // namespace Vitrine
