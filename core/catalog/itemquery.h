// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Vitrine {

class Database;

/**
 * Which items to list: every condition set must hold. The studio's Items workspace builds one
 * from its search box and filter bar; all of them are applied by the same SQL (ItemQuery).
 */
struct ItemFilter
{
    enum class Kind { Any, Product, Content };

    QString text;          ///< the title or the SKU contains it (case-insensitive for ASCII); empty: any
    Kind kind = Kind::Any;
    QString category;      ///< a category path: the items of it and of every category below it
    QString brand;         ///< exactly this brand; empty: any
    bool onSaleOnly = false;  ///< a sale price below the price
    bool inStockOnly = false; ///< stock above zero or unknown (as the engine counts it)
    std::optional<double> priceMin; ///< on the current price: the sale price when on sale
    std::optional<double> priceMax;

    /** Whether no condition is set. */
    bool isEmpty() const;
    bool operator==(const ItemFilter &other) const = default;
};

/** The order of a listing; ties always break by id, so pages never overlap or skip a row. */
struct ItemSort
{
    enum class Key { Sku, Title, Kind, Category, Brand, Price, SalePrice, Stock };

    Key key = Key::Title;
    bool descending = false;

    bool operator==(const ItemSort &other) const = default;
};

/** One item as a listing shows it. */
struct ItemRow
{
    qint64 id = 0;
    QString sku;
    QString title;
    bool content = false;
    QString category;
    QString brand;
    std::optional<double> price;
    std::optional<double> salePrice;
    std::optional<qint64> stock;

    bool onSale() const { return price && salePrice && *salePrice < *price; }
};

/** Everything the catalog stores about one item. */
struct ItemDetails
{
    ItemRow row;
    std::optional<qint64> createdAt; ///< Unix seconds
    QString image;
    QString url;
    QJsonObject attributes;
};

/**
 * The catalog's items as the studio lists them: counts, pages in a given order, the row of one
 * item in that order, one item's details, and the categories and brands a filter can pick.
 *
 * Every read is one SQL statement over the `items` table, safe on a worker thread's own
 * read-only connection (CatalogSession::openReader()). Failures come back as a value with why.
 */
class ItemQuery
{
public:
    explicit ItemQuery(const Database &db);

    /** How many items match. */
    std::optional<qint64> count(const ItemFilter &filter, QString *error = nullptr) const;
    /** At most @p limit matching items from position @p offset (0-based) in @p sort order. */
    std::optional<QList<ItemRow>> rows(const ItemFilter &filter, const ItemSort &sort, qint64 offset, int limit,
        QString *error = nullptr) const;
    /** The 0-based position of the item with @p sku among the matching items; -1 when it does not match. */
    std::optional<qint64> position(const ItemFilter &filter, const ItemSort &sort, const QString &sku,
        QString *error = nullptr) const;
    /** The item with @p sku; an empty optional with an empty error when there is none. */
    std::optional<ItemDetails> details(const QString &sku, QString *error = nullptr) const;

    /** Every category path items name, each prefix included ("A", "A > B"), sorted. */
    std::optional<QStringList> categoryPaths(QString *error = nullptr) const;
    /** Every brand items name, sorted case-insensitively. */
    std::optional<QStringList> brands(QString *error = nullptr) const;

private:
    const Database &m_db;
};

} // namespace Vitrine
