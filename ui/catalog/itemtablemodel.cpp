// SPDX-License-Identifier: GPL-3.0-or-later
#include "itemtablemodel.h"

#include <QBrush>
#include <QColor>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

#include <algorithm>
#include <climits>
#include <cstdlib>

namespace Vitrine {

namespace {

QString money(const std::optional<double> &value)
{
    return value ? QLocale().toString(*value, 'f', 2) : QString();
}

bool isNumberColumn(int column)
{
    return column == ItemTableModel::PriceColumn || column == ItemTableModel::SalePriceColumn
        || column == ItemTableModel::StockColumn;
}

} // namespace

ItemTableModel::ItemTableModel(ItemBlockLoader::Opener opener, QObject *parent)
    : QAbstractTableModel(parent)
    , m_loader(new ItemBlockLoader(std::move(opener), this))
{
    connect(m_loader, &ItemBlockLoader::countReady, this, &ItemTableModel::onCountReady);
    connect(m_loader, &ItemBlockLoader::blockReady, this, &ItemTableModel::onBlockReady);
    connect(m_loader, &ItemBlockLoader::blockDropped, this, &ItemTableModel::onBlockDropped);
    connect(m_loader, &ItemBlockLoader::failed, this, &ItemTableModel::onFailed);
    restart();
}

ItemTableModel::~ItemTableModel() = default;

void ItemTableModel::setFilter(const ItemFilter &filter)
{
    m_filter = filter;
    restart();
}

void ItemTableModel::restart()
{
    beginResetModel();
    m_blocks.clear();
    m_requested.clear();
    m_rowCount = 0;
    m_count = 0;
    m_error.clear();
    m_counting = true;
    m_token = m_loader->setQuery(m_filter, m_sort);
    endResetModel();
}

void ItemTableModel::refresh()
{
    // The rows stay until the new ones arrive; only the token moves, so every block is stale.
    m_requested.clear();
    m_error.clear();
    m_counting = true;
    m_token = m_loader->setQuery(m_filter, m_sort);
}

void ItemTableModel::onCountReady(quint64 token, qint64 count)
{
    if (token != m_token)
        return;
    m_counting = false;
    m_count = count;
    const int rows = int(std::min<qint64>(count, INT_MAX));
    if (rows > m_rowCount) {
        beginInsertRows({}, m_rowCount, rows - 1);
        m_rowCount = rows;
        endInsertRows();
    } else if (rows < m_rowCount) {
        beginRemoveRows({}, rows, m_rowCount - 1);
        m_rowCount = rows;
        endRemoveRows();
    }
    // Rows shown from an earlier reading are stale now: repainting asks for them again.
    if (m_rowCount > 0 && !m_blocks.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(m_rowCount - 1, ColumnCount - 1));
    Q_EMIT matchingCountChanged(m_count);
}

void ItemTableModel::onBlockReady(quint64 token, int block, const QList<ItemRow> &rows)
{
    if (token != m_token)
        return;
    m_requested.remove(block);
    m_blocks.insert(block, Block {token, rows});

    if (m_blocks.size() > MaxCachedBlocks) {
        // Forget the block farthest from where the view is now.
        int farthest = block;
        for (auto it = m_blocks.cbegin(); it != m_blocks.cend(); ++it) {
            if (std::abs(it.key() - block) > std::abs(farthest - block))
                farthest = it.key();
        }
        m_blocks.remove(farthest);
    }

    const int first = block * BlockSize;
    const int last = std::min(first + BlockSize, m_rowCount) - 1;
    if (first <= last) {
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
        Q_EMIT rowsLoaded(first, last);
    }
}

void ItemTableModel::onBlockDropped(quint64 token, int block)
{
    if (token == m_token)
        m_requested.remove(block);
}

void ItemTableModel::onFailed(quint64 token, const QString &message)
{
    if (token != m_token)
        return;
    m_counting = false;
    m_error = message;
    Q_EMIT errorOccurred(message);
}

void ItemTableModel::requestBlock(int block) const
{
    if (block < 0 || qint64(block) * BlockSize >= m_rowCount || m_requested.contains(block) || !m_error.isEmpty())
        return;
    const auto it = m_blocks.constFind(block);
    if (it != m_blocks.cend() && it->token == m_token)
        return;
    m_requested.insert(block);
    m_loader->requestBlock(m_token, block, BlockSize);
}

bool ItemTableModel::isRowLoaded(int row) const
{
    return rowAt(row) != nullptr;
}

const ItemRow *ItemTableModel::rowAt(int row) const
{
    if (row < 0 || row >= m_rowCount)
        return nullptr;
    const auto it = m_blocks.constFind(row / BlockSize);
    if (it == m_blocks.cend() || row % BlockSize >= it->rows.size())
        return nullptr;
    return &it->rows.at(row % BlockSize);
}

int ItemTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int ItemTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ItemTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int column = index.column();
    const int block = index.row() / BlockSize;
    const auto it = m_blocks.constFind(block);
    if (it == m_blocks.cend() || it->token != m_token) {
        // Asked for by a view: read it, and the next one, which scrolling reaches soon.
        requestBlock(block);
        requestBlock(block + 1);
    }
    const ItemRow *row = rowAt(index.row());

    if (role == Qt::TextAlignmentRole)
        return int((isNumberColumn(column) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    if (role == LoadedRole)
        return row != nullptr;
    if (!row) {
        // A placeholder until the block arrives.
        if (role == Qt::DisplayRole && column == TitleColumn)
            return tr("Loading…");
        if (role == Qt::ForegroundRole)
            return QGuiApplication::palette().brush(QPalette::PlaceholderText);
        return {};
    }

    switch (role) {
    case Qt::DisplayRole:
        return displayValue(*row, column);
    case Qt::ToolTipRole:
        if (column == TitleColumn || column == CategoryColumn)
            return displayValue(*row, column);
        return {};
    case Qt::ForegroundRole:
        // A sale price that is a real discount, and a product that cannot be sold, stand out.
        if (column == SalePriceColumn && row->onSale())
            return QBrush(QColor(0x1b, 0x7f, 0x3b));
        if (column == StockColumn && !row->content && row->stock && *row->stock <= 0)
            return QBrush(QColor(0xc0, 0x1c, 0x28));
        return {};
    case ItemIdRole:
        return row->id;
    case SkuRole:
        return row->sku;
    default:
        return {};
    }
}

QVariant ItemTableModel::displayValue(const ItemRow &row, int column) const
{
    switch (column) {
    case SkuColumn:
        return row.sku;
    case TitleColumn:
        return row.title.isEmpty() ? tr("(untitled)") : row.title;
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
    if (role == Qt::TextAlignmentRole)
        return int((isNumberColumn(section) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
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

void ItemTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    const ItemSort sort {ItemSort::Key(column), order == Qt::DescendingOrder};
    if (sort == m_sort)
        return;
    m_sort = sort;
    restart();
}

} // namespace Vitrine
