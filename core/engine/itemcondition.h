// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "recommendrequest.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace Vitrine {

class Snapshot;

/**
 * A condition on an item (and on the person asking) used by slot boosts and attribute filters.
 * Written in JSON as an object whose keys must all hold:
 *
 *     {"on_sale": true, "category": "Outdoor", "attribute": "color", "in": ["navy", "black"]}
 *
 * Item keys: on_sale, in_stock, kind ("product"/"content"), category (a path, the item or any
 * level above), brand, brand_in, new_within_days, price_min, price_max, discount_min (0..1), and
 * attribute with one of equals / in / min / max / exists. Person keys: user_gender,
 * user_country, user_city, user_age_min, user_age_max, user_attribute with equals / in.
 */
class ItemCondition
{
public:
    /** Parses a condition; errors name `where` ("boosts[1].when") and the key. */
    static std::optional<ItemCondition> fromJson(const QJsonObject &json, const QString &where, QString *error);

    bool matches(const Snapshot &snapshot, int item, const RecommendRequest &request) const;
    /** The condition in words, for explanations: "on sale, in Outdoor". */
    QString describe() const;
    QJsonObject toJson() const { return m_json; }

private:
    enum class Kind {
        OnSale, InStock, ItemKind, Category, Brand, BrandIn, NewWithinDays, PriceMin, PriceMax, DiscountMin,
        Attribute, UserGender, UserCountry, UserCity, UserAgeMin, UserAgeMax, UserAttribute,
    };
    enum class Test { Equals, In, Min, Max, Exists };

    struct Clause
    {
        Kind kind;
        QJsonValue value;        ///< the key's value
        QString attribute;       ///< for attribute clauses
        Test test = Test::Equals;
        QJsonValue operand;      ///< for attribute clauses
    };

    bool clauseMatches(const Clause &clause, const Snapshot &snapshot, int item, const RecommendRequest &request) const;

    QJsonObject m_json;
    std::vector<Clause> m_clauses;
};

} // namespace Vitrine
