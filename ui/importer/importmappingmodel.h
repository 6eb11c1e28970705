// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/importmapping.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QStringList>

namespace Vitrine {

/**
 * The columns of a file to import, one row each: its name, what it is imported as (editable:
 * a field of the kind, or no field, which is "attribute" for items and people and "ignored"
 * for events), why, and an example value. Editing emits fieldChosen(); the owner decides and
 * sets the resulting mapping back.
 */
class ImportMappingModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        TargetColumn,
        ReasonColumn,
        ExampleColumn,
        ColumnCount
    };
    enum Roles
    {
        ChoiceLabelsRole = Qt::UserRole + 1, ///< the target column's choices as shown
        ChoiceValuesRole, ///< the same as field names, "" for no field
        FieldRole, ///< the field the column gives, "" for none
    };

    explicit ImportMappingModel(QObject *parent = nullptr);

    /** The mapping to show, the user's own choices (column → field or "") and an example row. */
    void setMapping(
        const ImportMapping &mapping, const QHash<QString, QString> &choices, const QStringList &examples);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /** The user picked @p field ("" for none) for the file's column @p column. */
    void fieldChosen(int column, const QString &field);

private:
    QString targetLabel(int column) const;
    /** What the column's combo box shows as chosen: a field, "" (attribute, or ignored for events) or "-". */
    QString choiceOf(int column) const;
    QString reason(int column) const;

    ImportMapping m_mapping;
    QHash<QString, QString> m_choices;
    QStringList m_examples;
    QStringList m_fields;
};

} // namespace Vitrine
