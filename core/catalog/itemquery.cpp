// SPDX-License-Identifier: GPL-3.0-or-later
#include "itemquery.h"

#include "storage/database.h"
#include "storage/statement.h"

#include <QJsonDocument>
#include <QSet>
#include <QVariant>

#include <algorithm>

namespace Vitrine {

namespace {

/** What a user typed is text, not a pattern: "50%" finds "50%", not "500". */
QString escapeLike(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    escaped.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return escaped;
}

/** The price an item sells at now, as Snapshot::currentPrice() has it. */
constexpr const char *CurrentPrice
    = "(CASE WHEN sale_price IS NOT NULL AND price IS NOT NULL AND sale_price < price THEN sale_price ELSE price END)";

/** A WHERE clause and its values, bound in order to ?1, ?2, … */
struct Where
{
    QString sql;
    QVariantList values;
};

Where whereOf(const ItemFilter &filter)
{
    QStringList conditions;
    QVariantList values;
    const auto next = [&values](const QVariant &value) {
        values.append(value);
        return QStringLiteral("?%1").arg(values.size());
    };

    const QString text = filter.text.trimmed();
    if (!text.isEmpty()) {
        const QString pattern = next(QString(QLatin1Char('%') + escapeLike(text) + QLatin1Char('%')));
        conditions.append(QStringLiteral("(title LIKE %1 ESCAPE '\\' OR sku LIKE %1 ESCAPE '\\')").arg(pattern));
    }
    if (filter.kind == ItemFilter::Kind::Product)
        conditions.append(QStringLiteral("kind = 'product'"));
    else if (filter.kind == ItemFilter::Kind::Content)
        conditions.append(QStringLiteral("kind = 'content'"));
    if (!filter.category.isEmpty()) {
        const QString path = next(filter.category);
        const QString below = next(QString(escapeLike(filter.category) + QStringLiteral(" > %")));
        conditions.append(QStringLiteral("(category = %1 OR category LIKE %2 ESCAPE '\\')").arg(path, below));
    }
    if (!filter.brand.isEmpty())
        conditions.append(QStringLiteral("brand = %1").arg(next(filter.brand)));
    if (filter.onSaleOnly)
        conditions.append(QStringLiteral("(sale_price IS NOT NULL AND price IS NOT NULL AND sale_price < price)"));
    if (filter.inStockOnly)
        conditions.append(QStringLiteral("(stock IS NULL OR stock > 0)"));
    if (filter.priceMin)
        conditions.append(QStringLiteral("%1 >= %2").arg(QLatin1StringView(CurrentPrice), next(*filter.priceMin)));
    if (filter.priceMax)
        conditions.append(QStringLiteral("%1 <= %2").arg(QLatin1StringView(CurrentPrice), next(*filter.priceMax)));

    Where where;
    if (!conditions.isEmpty())
        where.sql = QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    where.values = values;
    return where;
}

QString orderOf(const ItemSort &sort)
{
    const char *expression = "title COLLATE NOCASE";
    switch (sort.key) {
    case ItemSort::Key::Sku:
        expression = "sku";
        break;
    case ItemSort::Key::Title:
        expression = "title COLLATE NOCASE";
        break;
    case ItemSort::Key::Kind:
        expression = "kind";
        break;
    case ItemSort::Key::Category:
        expression = "category COLLATE NOCASE";
        break;
    case ItemSort::Key::Brand:
        expression = "brand COLLATE NOCASE";
        break;
    case ItemSort::Key::Price:
        expression = "price";
        break;
    case ItemSort::Key::SalePrice:
        expression = "sale_price";
        break;
    case ItemSort::Key::Stock:
        expression = "stock";
        break;
    }
    const QString direction = sort.descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
    return QStringLiteral("ORDER BY %1 %2, id %2").arg(QLatin1StringView(expression), direction);
}

Statement prepared(const Database &db, const QString &sql, const Where &where, QString *error)
{
    Statement statement = db.prepare(sql, error);
    if (statement.isValid()) {
        for (qsizetype i = 0; i < where.values.size(); ++i)
            statement.bindVariant(int(i) + 1, where.values.at(i));
    }
    return statement;
}

std::optional<double> optionalReal(const Statement &statement, int column)
{
    if (statement.isNull(column))
        return std::nullopt;
    return statement.real(column);
}

constexpr const char *RowColumns = "id, sku, title, kind, category, brand, price, sale_price, stock";

/** Reads the RowColumns starting at @p first. */
ItemRow rowOf(const Statement &statement, int first = 0)
{
    ItemRow row;
    row.id = statement.int64(first);
    row.sku = statement.text(first + 1);
    row.title = statement.text(first + 2);
    row.content = statement.text(first + 3) == QLatin1StringView("content");
    row.category = statement.text(first + 4);
    row.brand = statement.text(first + 5);
    row.price = optionalReal(statement, first + 6);
    row.salePrice = optionalReal(statement, first + 7);
    if (!statement.isNull(first + 8))
        row.stock = statement.int64(first + 8);
    return row;
}

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

} // namespace

bool ItemFilter::isEmpty() const
{
    return *this == ItemFilter();
}

ItemQuery::ItemQuery(const Database &db)
    : m_db(db)
{ }

std::optional<qint64> ItemQuery::count(const ItemFilter &filter, QString *error) const
{
    const Where where = whereOf(filter);
    Statement statement = prepared(m_db, QStringLiteral("SELECT count(*) FROM items") + where.sql, where, error);
    if (!statement.isValid())
        return std::nullopt;
    if (statement.step() != Statement::Step::Row) {
        setError(error, statement.errorMessage());
        return std::nullopt;
    }
    return statement.int64(0);
}

std::optional<QList<ItemRow>> ItemQuery::rows(
    const ItemFilter &filter, const ItemSort &sort, qint64 offset, int limit, QString *error) const
{
    Where where = whereOf(filter);
    const int limitIndex = int(where.values.size()) + 1;
    where.values << qint64(std::max(limit, 0)) << std::max<qint64>(offset, 0);
    Statement statement = prepared(m_db,
        QStringLiteral("SELECT %1 FROM items%2 %3 LIMIT ?%4 OFFSET ?%5")
            .arg(QLatin1StringView(RowColumns), where.sql, orderOf(sort))
            .arg(limitIndex)
            .arg(limitIndex + 1),
        where, error);
    if (!statement.isValid())
        return std::nullopt;

    QList<ItemRow> rows;
    rows.reserve(limit);
    Statement::Step step;
    while ((step = statement.step()) == Statement::Step::Row)
        rows.append(rowOf(statement));
    if (step == Statement::Step::Error) {
        setError(error, statement.errorMessage());
        return std::nullopt;
    }
    return rows;
}

std::optional<qint64> ItemQuery::position(
    const ItemFilter &filter, const ItemSort &sort, const QString &sku, QString *error) const
{
    Where where = whereOf(filter);
    where.values << sku;
    Statement statement = prepared(m_db,
        QStringLiteral("SELECT position FROM (SELECT sku, row_number() OVER (%1) - 1 AS position FROM items%2)"
                       " WHERE sku = ?%3")
            .arg(orderOf(sort), where.sql)
            .arg(where.values.size()),
        where, error);
    if (!statement.isValid())
        return std::nullopt;
    switch (statement.step()) {
    case Statement::Step::Row:
        return statement.int64(0);
    case Statement::Step::Done:
        return -1;
    case Statement::Step::Error:
        break;
    }
    setError(error, statement.errorMessage());
    return std::nullopt;
}

std::optional<ItemDetails> ItemQuery::details(const QString &sku, QString *error) const
{
    Where where;
    where.values << sku;
    Statement statement = prepared(m_db,
        QStringLiteral("SELECT %1, created_at, image, url, attributes FROM items WHERE sku = ?1")
            .arg(QLatin1StringView(RowColumns)),
        where, error);
    if (!statement.isValid())
        return std::nullopt;
    switch (statement.step()) {
    case Statement::Step::Row: {
        ItemDetails details;
        details.row = rowOf(statement);
        if (!statement.isNull(9))
            details.createdAt = statement.int64(9);
        details.image = statement.text(10);
        details.url = statement.text(11);
        details.attributes = QJsonDocument::fromJson(statement.text(12).toUtf8()).object();
        return details;
    }
    case Statement::Step::Done:
        setError(error, QString());
        return std::nullopt;
    case Statement::Step::Error:
        break;
    }
    setError(error, statement.errorMessage());
    return std::nullopt;
}

std::optional<QStringList> ItemQuery::categoryPaths(QString *error) const
{
    Statement statement = m_db.prepare(
        QStringLiteral("SELECT DISTINCT category FROM items WHERE category <> ''"), error);
    if (!statement.isValid())
        return std::nullopt;
    QSet<QString> paths;
    Statement::Step step;
    while ((step = statement.step()) == Statement::Step::Row) {
        // Every prefix is a category of its own, as the engine's snapshot counts them.
        const QStringList parts = statement.text(0).split(QStringLiteral(" > "));
        QString prefix;
        for (const QString &part : parts) {
            prefix = prefix.isEmpty() ? part.trimmed() : prefix + QStringLiteral(" > ") + part.trimmed();
            paths.insert(prefix);
        }
    }
    if (step == Statement::Step::Error) {
        setError(error, statement.errorMessage());
        return std::nullopt;
    }
    QStringList sorted(paths.cbegin(), paths.cend());
    std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) {
        const int order = a.compare(b, Qt::CaseInsensitive);
        return order != 0 ? order < 0 : a < b;
    });
    return sorted;
}

std::optional<QStringList> ItemQuery::brands(QString *error) const
{
    Statement statement = m_db.prepare(
        QStringLiteral("SELECT DISTINCT brand FROM items WHERE brand <> '' ORDER BY brand COLLATE NOCASE, brand"),
        error);
    if (!statement.isValid())
        return std::nullopt;
    QStringList brands;
    Statement::Step step;
    while ((step = statement.step()) == Statement::Step::Row)
        brands.append(statement.text(0));
    if (step == Statement::Step::Error) {
        setError(error, statement.errorMessage());
        return std::nullopt;
    }
    return brands;
}

} // namespace Vitrine
