// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/importmapping.h"

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

namespace Vitrine {

/**
 * Rows of a file to import as a table: one column per column of the file, headed by its name
 * and the field it gives ("product_name → title"), one row per record, numbered by the line it
 * starts on. Used for the first rows and for the one row a problem is on.
 */
class ImportPreviewModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Roles
    {
        LineRole = Qt::UserRole + 1, ///< vertical header: the line (or record) the row starts on
        FieldRole, ///< horizontal header: the field the column gives, empty for none
    };

    explicit ImportPreviewModel(QObject *parent = nullptr);

    void setRows(const QStringList &header, const QList<QStringList> &rows, const QList<qint64> &lines);
    void setMapping(const ImportMapping &mapping);
    /** Marks one column (the field a problem names) so views can show it. */
    void setHighlightedColumn(int column);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QStringList m_header;
    QList<QStringList> m_rows;
    QList<qint64> m_lines;
    ImportMapping m_mapping;
    int m_highlighted = -1;
};

} // namespace Vitrine
