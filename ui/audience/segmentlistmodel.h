// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QString>

namespace Vitrine {

/**
 * The audience workspace's list of segments, in priority order (the order layouts try them:
 * the first a person belongs to wins), then the segments the list does not name. Each row has
 * its rank, title and size; sizes arrive later from a job. A row is dragged to change the
 * priority (moveRequested), which the page turns into an undoable edit.
 */
class SegmentListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        RankColumn,
        TitleColumn,
        SizeColumn,
        ColumnCount
    };
    enum Role
    {
        NameRole = Qt::UserRole + 1,
        SizeRole,
    };

    struct Entry
    {
        QString name;
        QString title;
        QString description;
        int rank = -1; ///< 0-based place in the priority list; -1 when it is not in it
        bool isNew = false;
        bool isModified = false;
    };

    explicit SegmentListModel(QObject *parent = nullptr);

    void setEntries(const QList<Entry> &entries);
    const QList<Entry> &entries() const { return m_entries; }
    /** Sizes by name; a name missing from @p sizes keeps no size (shown as "…"). */
    void setSizes(const QHash<QString, int> &sizes, const QHash<QString, QString> &errors = {});
    int size(const QString &name) const { return m_sizes.value(name, -1); }
    int rowOf(const QString &name) const;
    QString nameAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    Qt::DropActions supportedDropActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
        const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
        const QModelIndex &parent) override;

Q_SIGNALS:
    /** A row was dropped before row @p row (rowCount(): at the end). */
    void moveRequested(const QString &name, int row);

private:
    QList<Entry> m_entries;
    QHash<QString, int> m_sizes;
    QHash<QString, QString> m_errors;
};

} // namespace Vitrine
