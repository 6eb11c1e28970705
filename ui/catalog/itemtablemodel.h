// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace Vitrine {

class Database;

/**
 * The catalog's items as a table, read from SQLite a page at a time.
 *
 * Rows arrive through canFetchMore()/fetchMore() as a view scrolls, so a catalog of a million
 * items opens as fast as one of ten. Searching and sorting are done by SQL, not by a proxy model,
 * because the rows a proxy would need are mostly not loaded.
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
        ItemIdRole = Qt::UserRole + 1, ///< the item's id (items.id), an integer
    };

    /** Rows read per fetchMore(). */
    static constexpr int PageSize = 200;

    explicit ItemTableModel(QObject *parent = nullptr);
    ~ItemTableModel() override;

    /** Shows the items of @p database, which must outlive the model or be replaced first; null clears. */
    void setDatabase(const Database *database);
    const Database *database() const { return m_database; }

    /** Keeps only items whose title or SKU contains @p text (case-insensitive for ASCII). */
    void setFilterText(const QString &text);
    /** Reads the rows again with the same filter and order (another program changed them). */
    void refresh() { reload(); }
    QString filterText() const { return m_filterText; }

    /** Items that match the filter, loaded or not. */
    qint64 matchingCount() const { return m_matchingCount; }
    /** The last query error, empty after a successful load. */
    QString errorString() const { return m_error; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    /** The rows were reloaded: another catalog, filter or order. */
    void matchingCountChanged(qint64 count);
    void errorOccurred(const QString &message);

private:
    struct Row
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
    };

    void reload();
    QString whereClause() const;
    QString likePattern() const;
    QVariant displayValue(const Row &row, int column) const;
    void setError(const QString &message);

    const Database *m_database = nullptr;
    QString m_filterText;
    int m_sortColumn = TitleColumn;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QList<Row> m_rows;
    qint64 m_matchingCount = 0;
    QString m_error;
};

} // namespace Vitrine
