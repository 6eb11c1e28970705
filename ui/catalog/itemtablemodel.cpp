// SPDX-License-Identifier: GPL-3.0-or-later
#include "itemtablemodel.h"

#include "storage/database.h"
#include "storage/statement.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace Vitrine {

namespace {

/** ORDER BY per column; the id breaks ties so pages never overlap or skip a row. */
QString orderByClause(int column, Qt::SortOrder order)
{
    static const char *const expressions[ItemTableModel::ColumnCount] = {
        "sku",
        "title COLLATE NOCASE",
        "kind",
        "category COLLATE NOCASE",
        "brand COLLATE NOCASE",
        "price",
        "sale_price",
        "stock",
    };
    const char *expression
        = column >= 0 && column < ItemTableModel::ColumnCount ? expressions[column] : "title";
    const QString direction = order == Qt::AscendingOrder ? QStringLiteral("ASC") : QStringLiteral("DESC");
    return QStringLiteral(" ORDER BY %1 %2, id %2").arg(QLatin1StringView(expression), direction);
}

std::optional<double> optionalReal(const Statement &statement, int column)
{
    if (statement.isNull(column))
        return std::nullopt;
    return statement.real(column);
}

QString money(const std::optional<double> &value)
{
    return value ? QLocale().toString(*value, 'f', 2) : QString();
}

} // namespace

ItemTableModel::ItemTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

ItemTableModel::~ItemTableModel() = default;

void ItemTableModel::setDatabase(const Database *database)
{
    m_database = database;
    reload();
}

void ItemTableModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_filterText)
        return;
    m_filterText = trimmed;
    reload();
}

int ItemTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ItemTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ItemTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const int column = index.column();

    switch (role) {
    case Qt::DisplayRole:
        return displayValue(row, column);
    case Qt::ToolTipRole:
        if (column == TitleColumn || column == CategoryColumn)
            return displayValue(row, column);
        return {};
    case Qt::TextAlignmentRole:
        if (column == PriceColumn || column == SalePriceColumn || column == StockColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        // A sale price that is a real discount, and a product that cannot be sold, stand out.
        if (column == SalePriceColumn && row.salePrice && row.price && *row.salePrice < *row.price)
            return QBrush(QColor(0x1b, 0x7f, 0x3b));
        if (column == StockColumn && !row.content && row.stock && *row.stock <= 0)
            return QBrush(QColor(0xc0, 0x1c, 0x28));
        return {};
    case ItemIdRole:
        return row.id;
    default:
        return {};
    }
}

QVariant ItemTableModel::displayValue(const Row &row, int column) const
{
    switch (column) {
    case SkuColumn:
        return row.sku;
    case TitleColumn:
        return row.title;
    case KindColumn:
        return row.content ? tr("Content") : tr("Product");
    case CategoryColumn:
        return row.category;
    case BrandColumn:
        return row.brand;
    case PriceColumn:
        return money(row.price);
    case SalePriceColumn:
        return money(row.salePrice);
    case StockColumn:
        return row.stock ? QLocale().toString(*row.stock) : QString();
    default:
        return {};
    }
}

QVariant ItemTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole) {
        if (section == PriceColumn || section == SalePriceColumn || section == StockColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SkuColumn:
        return tr("SKU");
    case TitleColumn:
        return tr("Title");
    case KindColumn:
        return tr("Kind");
    case CategoryColumn:
        return tr("Category");
    case BrandColumn:
        return tr("Brand");
    case PriceColumn:
        return tr("Price");
    case SalePriceColumn:
        return tr("Sale price");
    case StockColumn:
        return tr("Stock");
    default:
        return {};
    }
}

bool ItemTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_database && m_error.isEmpty() && m_rows.size() < m_matchingCount;
}

void ItemTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;

    QString error;
    Statement statement = m_database->prepare(
        QStringLiteral("SELECT id, sku, title, kind, category, brand, price, sale_price, stock FROM items")
            + whereClause() + orderByClause(m_sortColumn, m_sortOrder)
            + QStringLiteral(" LIMIT ?2 OFFSET ?3"),
        &error);
    if (!statement.isValid()) {
        setError(error);
        return;
    }
    if (!m_filterText.isEmpty())
        statement.bind(1, likePattern());
    statement.bind(2, qint64(PageSize));
    statement.bind(3, qint64(m_rows.size()));

    QList<Row> page;
    page.reserve(PageSize);
    Statement::Step step;
    while ((step = statement.step()) == Statement::Step::Row) {
        Row row;
        row.id = statement.int64(0);
        row.sku = statement.text(1);
        row.title = statement.text(2);
        row.content = statement.text(3) == QLatin1StringView("content");
        row.category = statement.text(4);
        row.brand = statement.text(5);
        row.price = optionalReal(statement, 6);
        row.salePrice = optionalReal(statement, 7);
        if (!statement.isNull(8))
            row.stock = statement.int64(8);
        page.append(std::move(row));
    }
    if (step == Statement::Step::Error) {
        setError(statement.errorMessage());
        return;
    }
    if (page.isEmpty()) {
        // The catalog shrank under us (another program deleted items): stop asking for more.
        m_matchingCount = m_rows.size();
        return;
    }

    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(page.size()) - 1);
    m_rows.append(std::move(page));
    endInsertRows();
}

void ItemTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    reload();
}

void ItemTableModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_matchingCount = 0;
    m_error.clear();
    if (m_database && m_database->isOpen()) {
        QString error;
        Statement count
            = m_database->prepare(QStringLiteral("SELECT count(*) FROM items") + whereClause(), &error);
        if (count.isValid()) {
            if (!m_filterText.isEmpty())
                count.bind(1, likePattern());
            if (count.step() == Statement::Step::Row)
                m_matchingCount = count.int64(0);
            else
                error = count.errorMessage();
        }
        if (!error.isEmpty())
            m_error = error;
    }
    endResetModel();

    // The first page now, so a view shows rows without waiting for its first fetchMore().
    if (m_error.isEmpty())
        fetchMore({});
    else
        Q_EMIT errorOccurred(m_error);
    Q_EMIT matchingCountChanged(m_matchingCount);
}

QString ItemTableModel::whereClause() const
{
    if (m_filterText.isEmpty())
        return {};
    return QStringLiteral(" WHERE title LIKE ?1 ESCAPE '\\' OR sku LIKE ?1 ESCAPE '\\'");
}

QString ItemTableModel::likePattern() const
{
    // What the user typed is text, not a pattern: "50%" finds "50%", not "500".
    QString escaped = m_filterText;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    escaped.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

void ItemTableModel::setError(const QString &message)
{
    m_error = message;
    Q_EMIT errorOccurred(message);
}

} // namespace Vitrine
