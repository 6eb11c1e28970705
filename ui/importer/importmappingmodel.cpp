// SPDX-License-Identifier: GPL-3.0-or-later
#include "importmappingmodel.h"

#include "storage/importfields.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

namespace Vitrine {

ImportMappingModel::ImportMappingModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void ImportMappingModel::setMapping(
    const ImportMapping &mapping, const QHash<QString, QString> &choices, const QStringList &examples)
{
    const bool sameShape = mapping.header == m_mapping.header && mapping.kind == m_mapping.kind;
    if (!sameShape)
        beginResetModel();
    m_mapping = mapping;
    m_choices = choices;
    m_examples = examples;
    m_fields = ImportFields::fieldNames(mapping.kind);
    if (!sameShape)
        endResetModel();
    else if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int ImportMappingModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_mapping.header.size());
}

int ImportMappingModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ImportMappingModel::targetLabel(int column) const
{
    const QString field = m_mapping.fieldOf(column);
    if (!field.isEmpty())
        return field;
    return m_mapping.columnField.at(column) == ImportMapping::Ignored ? tr("ignored") : tr("attribute");
}

QString ImportMappingModel::choiceOf(int column) const
{
    const QString field = m_mapping.fieldOf(column);
    if (field.isEmpty() && m_mapping.columnField.at(column) == ImportMapping::Ignored
        && m_mapping.unmappedUse() != ImportMapping::Ignored)
        return QLatin1String(ImportOptions::IgnoreColumn);
    return field;
}

QString ImportMappingModel::reason(int column) const
{
    const QString name = m_mapping.header.at(column);
    const QString field = m_mapping.fieldOf(column);
    if (field.isEmpty()) {
        if (m_choices.contains(name))
            return tr("your choice");
        return m_mapping.kind == ImportKind::Events ? tr("no field of events has this name")
                                                    : tr("no field has this name");
    }
    if (!m_mapping.byName.at(column))
        return tr("your choice");
    if (m_choices.value(name, QStringLiteral("?")).isEmpty()) {
        // The user asked for no field, but the importer reads a column named like a field.
        return tr("named like the field; map another column to '%1' to leave this one out").arg(field);
    }
    if (name.compare(field, Qt::CaseInsensitive) == 0)
        return tr("its name");
    return tr("a usual name for %1").arg(field);
}

QVariant ImportMappingModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_mapping.header.size())
        return {};
    const int column = index.row();
    const QString field = m_mapping.fieldOf(column);
    switch (index.column()) {
    case NameColumn:
        if (role == Qt::DisplayRole)
            return m_mapping.header.at(column);
        if (role == Qt::FontRole) {
            QFont font;
            font.setBold(true);
            return font;
        }
        break;
    case TargetColumn:
        if (role == Qt::DisplayRole)
            return targetLabel(column);
        if (role == Qt::EditRole || role == FieldRole)
            return choiceOf(column);
        if (role == ChoiceLabelsRole) {
            // Events keep no attributes: their unmapped columns are ignored.
            QStringList labels = m_fields;
            if (m_mapping.unmappedUse() == ImportMapping::Ignored) {
                labels.append(tr("ignored"));
            } else {
                labels.append(tr("attribute"));
                labels.append(tr("ignored"));
            }
            return labels;
        }
        if (role == ChoiceValuesRole) {
            QStringList values = m_fields;
            values.append(QString());
            if (m_mapping.unmappedUse() != ImportMapping::Ignored)
                values.append(QLatin1String(ImportOptions::IgnoreColumn));
            return values;
        }
        if (role == Qt::ToolTipRole)
            return tr("What the column '%1' is imported as").arg(m_mapping.header.at(column));
        break;
    case ReasonColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return reason(column);
        if (role == Qt::ForegroundRole)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        break;
    case ExampleColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return column < m_examples.size() ? m_examples.at(column) : QString();
        break;
    default:
        break;
    }
    return {};
}

bool ImportMappingModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.column() != TargetColumn || role != Qt::EditRole)
        return false;
    const QString field = value.toString();
    const bool ignore = field == QLatin1String(ImportOptions::IgnoreColumn)
        && m_mapping.unmappedUse() != ImportMapping::Ignored;
    if (!field.isEmpty() && !ignore && !m_fields.contains(field))
        return false;
    if (field == choiceOf(index.row()))
        return true; // also what an editor says when it is refreshed
    Q_EMIT fieldChosen(index.row(), field);
    return true;
}

Qt::ItemFlags ImportMappingModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == TargetColumn)
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant ImportMappingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Column in the file");
    case TargetColumn:
        return tr("Imported as");
    case ReasonColumn:
        return tr("Because");
    case ExampleColumn:
        return tr("First value");
    default:
        return {};
    }
}

} // namespace Vitrine
