// SPDX-License-Identifier: GPL-3.0-or-later
#include "starterslots.h"

#include "storage/configstore.h"
#include "storage/database.h"

#include <QJsonDocument>

namespace Vitrine::StarterSlots {

namespace {

// Written as JSON, exactly as a merchandiser would in the studio or in an exported config file.
constexpr const char *kSlots[][2] = {
    {"home-bestsellers", R"({
        "title": "Bestsellers",
        "strategies": [{"name": "bestsellers", "params": {"window_days": 30}}],
        "filters": {"kind": "product", "exclude_bought": false},
        "diversity": {"max_per_category": 3, "category_level": 2},
        "fallback": [{"name": "bestsellers", "params": {"window_days": 365}}],
        "min_items": 8, "max_items": 12})"},
    {"home-new-arrivals", R"({
        "title": "The new collection",
        "strategies": [{"name": "new", "params": {"max_age_days": 30}}],
        "filters": {"kind": "product"},
        "diversity": {"max_per_category": 3, "category_level": 2},
        "fallback": [{"name": "new", "params": {"max_age_days": 120}}],
        "min_items": 8, "max_items": 12})"},
    {"home-on-sale", R"({
        "title": "On sale",
        "strategies": [{"name": "on-sale", "weight": 0.6}, {"name": "bestsellers", "weight": 0.4, "params": {"window_days": 60}}],
        "filters": {"kind": "product", "attributes": [{"discount_min": 0.1}]},
        "diversity": {"max_per_category": 2, "category_level": 2},
        "min_items": 4, "max_items": 12})"},
    {"home-people-like-you", R"({
        "title": "Popular with people like you",
        "strategies": [{"name": "demographic", "params": {"match": ["gender", "country"]}}],
        "filters": {"kind": "product", "exclude_bought": true},
        "diversity": {"max_per_category": 3, "category_level": 2},
        "fallback": ["bestsellers"],
        "min_items": 6, "max_items": 12})"},
    {"home-for-you", R"({
        "title": "Picked for you",
        "strategies": [{"name": "personal", "weight": 0.7}, {"name": "trending", "weight": 0.2},
                       {"name": "new", "weight": 0.1, "params": {"max_age_days": 30}}],
        "filters": {"kind": "product", "exclude_bought": true},
        "boosts": [{"when": {"on_sale": true}, "factor": 1.1, "label": "On sale"}],
        "diversity": {"max_per_category": 2, "category_level": 3, "max_per_brand": 3},
        "fallback": ["demographic", "bestsellers"],
        "min_items": 8, "max_items": 12})"},
    {"product-similar", R"({
        "title": "Similar items",
        "strategies": [{"name": "similar", "weight": 0.6}, {"name": "also-viewed", "weight": 0.4}],
        "filters": {"kind": "product", "relative_price": {"min": 0.5, "max": 2.0}, "exclude_bought": false},
        "fallback": [{"name": "similar"}],
        "min_items": 4, "max_items": 8})"},
    {"cart-bought-together", R"({
        "title": "Often bought together",
        "strategies": [{"name": "bought-together", "weight": 0.7, "params": {"min_support": 2}}, {"name": "also-bought", "weight": 0.3}],
        "filters": {"kind": "product", "exclude_bought": false},
        "diversity": {"max_per_category": 2},
        "fallback": ["also-bought", "bestsellers"],
        "min_items": 3, "max_items": 6})"},
    {"content-for-you", R"({
        "title": "Stories for you",
        "strategies": [{"name": "affinity", "weight": 0.5}, {"name": "because-viewed", "weight": 0.3},
                       {"name": "also-viewed", "weight": 0.2}],
        "filters": {"kind": "content", "exclude_seen": true, "in_stock": false},
        "fallback": [{"name": "bestsellers", "params": {"event": "read", "window_days": 90}}],
        "min_items": 3, "max_items": 6})"},
    {"email-picks", R"({
        "title": "Your picks this week",
        "strategies": [{"name": "personal", "weight": 0.6}, {"name": "affinity", "weight": 0.25},
                       {"name": "on-sale", "weight": 0.15}],
        "filters": {"kind": "product", "exclude_bought": true},
        "boosts": [{"when": {"new_within_days": 30}, "factor": 1.15, "label": "New"}],
        "diversity": {"max_per_category": 1, "category_level": 3, "max_per_brand": 2},
        "fallback": ["demographic", "bestsellers"],
        "min_items": 4, "max_items": 6})"},
};

} // namespace

QList<std::pair<QString, QJsonObject>> definitions()
{
    QList<std::pair<QString, QJsonObject>> list;
    for (const auto &slot : kSlots)
        list.append({QString::fromLatin1(slot[0]), QJsonDocument::fromJson(QByteArray(slot[1])).object()});
    return list;
}

bool install(Database &db, QString *error)
{
    ConfigStore store(db);
    for (const auto &[key, definition] : definitions()) {
        if (store.get(QStringLiteral("slots"), key))
            continue;
        if (!store.save(QStringLiteral("slots"), key, definition, error))
            return false;
    }
    return true;
}

} // namespace Vitrine::StarterSlots
