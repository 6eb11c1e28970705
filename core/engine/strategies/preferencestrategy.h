// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/strategy.h"

#include <QHash>
#include <QMap>

namespace Vitrine {

class PopularityModel;

/**
 * Preference matching (a travel catalog: destinations with a price and activities; people with
 * a budget and favourite activities). The person's budget comes from a profile attribute, else
 * from the prices of what they interacted with; their preferred values from list attributes of
 * the profile mapped onto item attributes, plus (at half weight) the values of the items in
 * their history. Then
 *
 *     score = budget fit · (share of the preferences the item matches + popularity · prior),
 *
 * where the fit is 1 within budget and falls off quickly above it.
 */
class PreferenceStrategy : public Strategy
{
public:
    /**
     * Parameters: budget_attribute ("budget"), list_attributes ({"favorite_activities":
     * "activities"}: person attribute to item attribute), history (true), popularity (prior
     * weight, 0.05), popularity_days (90).
     */
    static std::unique_ptr<Strategy> create(
        const StrategyContext &context, const QJsonObject &params, QString *error);

    QString name() const override;
    bool isPersonal() const override { return true; }
    std::vector<ScoredItem> candidates(const RecommendRequest &request, int n) const override;
    QString explain(const RecommendRequest &request, int item) const override;

private:
    struct Preferences
    {
        double budget = 0; ///< 0 when unknown
        bool budgetFromHistory = false;
        std::vector<float> values; ///< per value id
        float total = 0;
    };

    Preferences preferences(int user) const;
    double fit(const Preferences &preferences, int item) const;
    int valueId(const QString &itemAttribute, const QString &value) const;

    SnapshotPtr m_snapshot;
    std::shared_ptr<const PopularityModel> m_popularity;
    QString m_budgetAttribute;
    QMap<QString, QString> m_listAttributes;
    bool m_history = true;
    float m_popularityWeight = 0.05f;
    QHash<QString, int> m_valueIds; ///< "attribute\x1fvalue" (lower case) to id
    std::vector<QString> m_valueLabels;
    std::vector<int> m_valueOffsets; ///< per item, into m_values
    std::vector<int> m_values; ///< each item's value ids, sorted
};

} // namespace Vitrine
