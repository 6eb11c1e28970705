// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/itemquery.h"
#include "itemblockloader.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>

namespace Vitrine {

/**
 * The catalog's matching items as a table whose rowCount() is the full matching count, so the
 * scroll bar is true to the catalog and Ctrl+End reaches the last item.
 *
 * Rows are read in blocks of BlockSize by an ItemBlockLoader on its own thread, when a view
 * first asks for them; until a block arrives its rows show a placeholder. A new filter or order
 * starts a new listing (a new token): blocks of the old one that arrive late are dropped.
 * refresh() reads the same listing again, showing the old rows until the new ones arrive.
 * Searching and sorting are done by the core's ItemQuery, not by a proxy model, because the
 * rows a proxy would need are mostly not loaded.
 */
class ItemTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        SkuColumn,
        TitleColumn,
        KindColumn,
        CategoryColumn,
        BrandColumn,
        PriceColumn,
        SalePriceColumn,
        StockColumn,
        ColumnCount
    };

    enum Role
    {
        ItemIdRole = Qt::UserRole + 1, ///< the item's id (items.id); null until its block is loaded
        SkuRole,                       ///< the item's SKU; null until its block is loaded
        LoadedRole,                    ///< whether the row's block has arrived
    };

    /** Rows read at once. */
    static constexpr int BlockSize = 200;
    /** Blocks kept in memory; the ones farthest from the last arrival go first. */
    static constexpr int MaxCachedBlocks = 400;

    /** Reads through a loader of its own, on a connection made by @p opener. */
    explicit ItemTableModel(ItemBlockLoader::Opener opener, QObject *parent = nullptr);
    ~ItemTableModel() override;

    ItemBlockLoader *loader() const { return m_loader; }
    /** The listing the rows belong to; loader answers with another token are late. */
    quint64 token() const { return m_token; }

    /** Lists the items matching @p filter, from the top. */
    void setFilter(const ItemFilter &filter);
    const ItemFilter &filter() const { return m_filter; }
    const ItemSort &sortOrder() const { return m_sort; }
    /** Reads the listing again (another program changed the catalog), keeping the rows shown. */
    void refresh();

    /** Items that match, loaded or not; 0 while counting. */
    qint64 matchingCount() const { return m_count; }
    /** Whether the listing is still being counted. */
    bool isCounting() const { return m_counting; }
    /** The last read error of the listing, empty when it reads fine. */
    QString errorString() const { return m_error; }

    bool isRowLoaded(int row) const;
    /** The row's item; null when its block has not arrived. */
    const ItemRow *rowAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    /** The listing was counted (after a new filter, order or refresh). */
    void matchingCountChanged(qint64 count);
    /** Rows first..last arrived. */
    void rowsLoaded(int first, int last);
    void errorOccurred(const QString &message);

private:
    struct Block
    {
        quint64 token = 0;
        QList<ItemRow> rows;
    };

    void restart();
    void requestBlock(int block) const;
    void onCountReady(quint64 token, qint64 count);
    void onBlockReady(quint64 token, int block, const QList<ItemRow> &rows);
    void onBlockDropped(quint64 token, int block);
    void onFailed(quint64 token, const QString &message);
    QVariant displayValue(const ItemRow &row, int column) const;

    ItemBlockLoader *m_loader;
    ItemFilter m_filter;
    ItemSort m_sort;
    quint64 m_token = 0;
    bool m_counting = false;
    qint64 m_count = 0;
    int m_rowCount = 0;
    QString m_error;
    QHash<int, Block> m_blocks;
    mutable QSet<int> m_requested; ///< blocks asked of the loader for m_token
};

} // namespace Vitrine
