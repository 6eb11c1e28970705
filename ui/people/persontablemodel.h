// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/personquery.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>

namespace Vitrine {

class CatalogSession;

/**
 * The catalog's people as a table that knows its full length at once and reads its rows in
 * blocks off the UI thread, as the view paints them.
 *
 * rowCount() is every matching person, loaded or not, so the scroll bar is right and Ctrl+End
 * reaches the end of a million rows; a row whose block is not read yet shows a placeholder and
 * asks for it. Every read carries the filter's token: blocks and counts of an older filter that
 * arrive late are dropped. Far blocks are forgotten so memory stays bounded.
 */
class PersonTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        ExternalIdColumn,
        NameColumn,
        EmailColumn,
        GenderColumn,
        AgeColumn,
        CountryColumn,
        CityColumn,
        ConsentColumn,
        ColumnCount
    };

    enum Role
    {
        PersonIdRole = Qt::UserRole + 1, ///< users.id, invalid while the row is not read
        ExternalIdRole, ///< the external id, invalid while the row is not read
        LoadedRole, ///< whether the row has been read
    };

    /** Rows read per block. */
    static constexpr int BlockSize = 200;
    /** Blocks kept in memory; the ones farthest from the last one asked for go first. */
    static constexpr int MaxBlocks = 64;
    /** Blocks read at the same time; newer requests go first. */
    static constexpr int MaxRunning = 2;

    explicit PersonTableModel(CatalogSession *session, QObject *parent = nullptr);
    ~PersonTableModel() override;

    /** Lists the people by a column (a click on its header); column -1: in the order they came. */
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    /** Shows the people matching @p filter (counted, then read as needed), in its order. */
    void setFilter(const PersonFilter &filter);
    const PersonFilter &filter() const { return m_filter; }
    /** Reads the count and the rows again (another program changed the catalog). */
    void refresh();

    /** Whether the count for the current filter is known. */
    bool isCounted() const { return m_counted; }
    qint64 matchingCount() const { return m_count; }
    QString errorString() const { return m_error; }
    /** Finds the row of a person in the current list, off the UI thread: located() says. */
    void locate(const QString &externalId);

    /** Whether row @p row has been read. */
    bool isLoaded(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /** The count for a new filter is known (the rows were reset). */
    void matchingCountChanged(qint64 count);
    /** Rows first..last were read and can be shown. */
    void rowsLoaded(int first, int last);
    void errorOccurred(const QString &message);
    /** The person's row in the list; -1 when the list does not hold them (or they do not exist). */
    void located(const QString &externalId, qint64 row);

private:
    void requestBlock(int block) const;
    void startQueued();
    void blockArrived(
        int token, int block, const std::optional<QList<PersonRow>> &rows, const QString &error);
    void evictFarBlocks(int around);
    QVariant displayValue(const PersonRow &row, int column) const;

    CatalogSession *m_session;
    PersonFilter m_filter;
    int m_token = 0;
    bool m_counted = false;
    qint64 m_count = 0;
    QString m_error;
    QHash<int, QList<PersonRow>> m_blocks;
    mutable QList<int> m_queue; ///< blocks asked for and not started, newest last
    mutable QSet<int> m_running;
    mutable bool m_startScheduled = false;
};

} // namespace Vitrine
