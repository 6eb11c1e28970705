// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "itemcondition.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace Vitrine {

/** A strategy as a slot names it: {"name": "trending", "weight": 0.3, "params": {...}}. */
struct SlotStrategy
{
    QString name;
    double weight = 1.0;
    QJsonObject params;
};

/** The hard filters of a slot: an item failing any is never shown, fallbacks included. */
struct SlotFilters
{
    bool inStock = true;
    QString kind;                   ///< "product", "content" or empty for both
    QStringList categories;         ///< include only these (paths, any level); empty: all
    QStringList excludeCategories;
    QStringList brands;
    QStringList excludeBrands;
    std::optional<double> priceMin;
    std::optional<double> priceMax;
    std::optional<double> relativePriceMin; ///< × the context item's price
    std::optional<double> relativePriceMax;
    bool sameCategoryAsContext = false;
    std::vector<ItemCondition> attributes; ///< each must hold
    bool excludeBought = true;
    bool excludeSeen = false;
    bool excludePage = true;    ///< items already placed higher on the page
    bool excludeContext = true; ///< the context item and the cart's items
};

struct SlotBoost
{
    ItemCondition when;
    double factor = 1.0; ///< > 1 boosts, < 1 buries
    QString label;
};

struct SlotPin
{
    QString sku;
    int position = 1; ///< 1-based
};

/**
 * A recommendation slot as merchandisers configure it, stored as JSON in the catalog's slots
 * table. fromJson() checks everything and names the place of the first problem
 * ("strategies[1].weight: must be a number"); a strategy's own params are checked when the
 * strategy is built.
 *
 * The JSON shape (all keys but strategies optional):
 *
 *     {"title": "Picked for you",
 *      "strategies": [{"name": "personal", "weight": 0.7}, {"name": "trending", "weight": 0.3}],
 *      "normalisation": "rank", "candidates": 200,
 *      "filters": {"in_stock": true, "kind": "product", "categories": ["Outdoor"],
 *                  "exclude_categories": [], "brands": [], "exclude_brands": [],
 *                  "price": {"min": 10, "max": 200}, "relative_price": {"min": 0.5, "max": 2},
 *                  "same_category_as_context": false, "attributes": [{"attribute": "color", "in": ["navy"]}],
 *                  "exclude_bought": true, "exclude_seen": false, "exclude_page": true, "exclude_context": true},
 *      "boosts": [{"when": {"on_sale": true}, "factor": 1.3, "label": "On sale"}],
 *      "diversity": {"max_per_category": 2, "category_level": 2, "max_per_brand": 3},
 *      "pins": [{"sku": "SKU-00042", "position": 1}],
 *      "fallback": ["bestsellers", {"name": "new"}],
 *      "min_items": 4, "max_items": 10}
 */
struct SlotDefinition
{
    enum class Normalisation { Rank, Max, MinMax, ZScore, None };

    QString key;
    QString title;
    std::vector<SlotStrategy> strategies;
    Normalisation normalisation = Normalisation::Rank;
    int candidates = 200;
    SlotFilters filters;
    std::vector<SlotBoost> boosts;
    int maxPerCategory = 0; ///< 0: no cap
    int categoryLevel = 0;  ///< the depth diversity counts at; 0: the leaf
    int maxPerBrand = 0;
    std::vector<SlotPin> pins;
    std::vector<SlotStrategy> fallbacks;
    int minItems = 1;
    int maxItems = 10;

    static std::optional<SlotDefinition> fromJson(const QString &key, const QJsonObject &json, QString *error);
    QJsonObject toJson() const;

    static QString normalisationName(Normalisation normalisation);
};

} // namespace Vitrine
