// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/importer.h"

#include <QAbstractListModel>
#include <QList>

namespace Vitrine {

/**
 * The problems an import check found, one per row, as "line 12: field 'price': …" (the file's
 * name, which every message starts with, left out). LineRole and FieldRole say where.
 */
class ImportProblemModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Roles
    {
        LineRole
        = Qt::UserRole + 1, ///< the line (CSV) or record (JSON) the row starts on; 0 for the whole file
        FieldRole, ///< the field named, empty for the whole row
        MessageRole, ///< the importer's full message, with the file's name
    };

    explicit ImportProblemModel(QObject *parent = nullptr);

    void setProblems(const QString &path, const QList<ImportProblem> &problems);
    /** The message without the file's name: "line 12: field 'price': …". */
    static QString shortMessage(const QString &path, const QString &message);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QString m_path;
    QList<ImportProblem> m_problems;
};

} // namespace Vitrine
