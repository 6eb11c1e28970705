// SPDX-License-Identifier: GPL-3.0-or-later
#include "importpreviewmodel.h"

#include <QBrush>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

namespace Vitrine {

namespace {

/** Long fields (descriptions, JSON) are cut for the table; the tooltip has them whole. */
constexpr qsizetype ShownChars = 120;

} // namespace

ImportPreviewModel::ImportPreviewModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void ImportPreviewModel::setRows(
    const QStringList &header, const QList<QStringList> &rows, const QList<qint64> &lines)
{
    beginResetModel();
    m_header = header;
    m_rows = rows;
    m_lines = lines;
    m_highlighted = -1;
    endResetModel();
}

void ImportPreviewModel::setMapping(const ImportMapping &mapping)
{
    m_mapping = mapping;
    if (!m_header.isEmpty())
        Q_EMIT headerDataChanged(Qt::Horizontal, 0, int(m_header.size()) - 1);
}

void ImportPreviewModel::setHighlightedColumn(int column)
{
    m_highlighted = column;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

int ImportPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ImportPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_header.size());
}

QVariant ImportPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const QStringList &row = m_rows.at(index.row());
    // A short row (the importer refuses it) shows what it has.
    const QString text = index.column() < row.size() ? row.at(index.column()) : QString();
    switch (role) {
    case Qt::DisplayRole: {
        QString shown = text;
        shown.replace(QLatin1Char('\n'), QChar(0x21b5));
        return shown.size() > ShownChars ? shown.left(ShownChars) + QChar(0x2026) : shown;
    }
    case Qt::ToolTipRole:
        return text.size() > ShownChars || text.contains(QLatin1Char('\n')) ? text : QVariant();
    case Qt::BackgroundRole:
        if (index.column() == m_highlighted)
            return QGuiApplication::palette().brush(QPalette::Highlight);
        break;
    case Qt::ForegroundRole:
        if (index.column() == m_highlighted)
            return QGuiApplication::palette().brush(QPalette::HighlightedText);
        if (index.column() < m_mapping.columnField.size()
            && m_mapping.columnField.at(index.column()) == ImportMapping::Ignored)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        break;
    default:
        break;
    }
    return {};
}

QVariant ImportPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (section < 0 || section >= m_lines.size())
            return {};
        if (role == Qt::DisplayRole || role == LineRole)
            return m_lines.at(section);
        if (role == Qt::ToolTipRole)
            return tr("Line %1 of the file").arg(m_lines.at(section));
        return {};
    }
    if (section < 0 || section >= m_header.size())
        return {};
    const QString field = m_mapping.header == m_header ? m_mapping.fieldOf(section) : QString();
    const int use = section < m_mapping.columnField.size() ? m_mapping.columnField.at(section)
                                                           : ImportMapping::Attribute;
    switch (role) {
    case Qt::DisplayRole: {
        QString target = field;
        if (field.isEmpty())
            target = use == ImportMapping::Ignored ? tr("ignored") : tr("attribute");
        return tr("%1\n→ %2").arg(m_header.at(section), target);
    }
    case FieldRole:
        return field;
    case Qt::ToolTipRole:
        if (!field.isEmpty())
            return tr("The column '%1' gives the field '%2'").arg(m_header.at(section), field);
        return use == ImportMapping::Ignored
            ? tr("The column '%1' is not imported").arg(m_header.at(section))
            : tr("The column '%1' is stored as an attribute of each row").arg(m_header.at(section));
    case Qt::FontRole:
        if (field.isEmpty()) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        break;
    default:
        break;
    }
    return {};
}

} // namespace Vitrine
