// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/configindex.h"

#include <QAbstractTableModel>
#include <QList>

namespace Vitrine {

/**
 * Every configuration object with versions, one row each: those that exist and those removed
 * that still have a history (ConfigIndexEntry). Sorted and filtered by a QSortFilterProxyModel.
 */
class ConfigIndexModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        KindColumn,
        KeyColumn,
        TitleColumn,
        VersionColumn,
        SavedColumn,
        ColumnCount
    };

    enum Role
    {
        KindRole = Qt::UserRole + 1, ///< the configuration table, "slots", ...
        KeyRole, ///< the object's key
        RemovedRole, ///< true for an object with only a history left
        SortRole, ///< a value that sorts the column (numbers for numbers)
    };

    explicit ConfigIndexModel(QObject *parent = nullptr);
    ~ConfigIndexModel() override;

    void setEntries(const QList<ConfigIndexEntry> &entries);
    const QList<ConfigIndexEntry> &entries() const { return m_entries; }
    /** The row of the object, or -1. */
    int rowOf(const QString &kind, const QString &key) const;

    /** "slot", "segment", ... as the command line names a kind; translated. */
    static QString kindName(const QString &table);
    /** "Slot", "Segment", ... for a column or a heading; translated. */
    static QString kindTitle(const QString &table);
    /** A save time as a list shows it: the locale's short date and time, to the minute. */
    static QString shortDateTime(qint64 unixSeconds);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ConfigIndexEntry> m_entries;
};

} // namespace Vitrine
