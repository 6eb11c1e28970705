// SPDX-License-Identifier: GPL-3.0-or-later
#include "segmentlistmodel.h"

#include <QBrush>
#include <QFont>
#include <QLocale>
#include <QMimeData>
#include <QPalette>

namespace Vitrine {

namespace {
const QString MimeType = QStringLiteral("application/x-vitrine-segment");
} // namespace

SegmentListModel::SegmentListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void SegmentListModel::setEntries(const QList<Entry> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

void SegmentListModel::setSizes(const QHash<QString, int> &sizes, const QHash<QString, QString> &errors)
{
    m_sizes = sizes;
    m_errors = errors;
    if (!m_entries.isEmpty())
        Q_EMIT dataChanged(index(0, SizeColumn), index(rowCount() - 1, SizeColumn));
}

int SegmentListModel::rowOf(const QString &name) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).name == name)
            return row;
    }
    return -1;
}

QString SegmentListModel::nameAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries.at(row).name : QString();
}

int SegmentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int SegmentListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SegmentListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const Entry &e = m_entries.at(index.row());
    if (role == NameRole)
        return e.name;
    if (role == SizeRole)
        return m_sizes.value(e.name, -1);
    switch (index.column()) {
    case RankColumn:
        if (role == Qt::DisplayRole)
            return e.rank >= 0 ? QVariant(e.rank + 1) : QVariant(QStringLiteral("–"));
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        if (role == Qt::ToolTipRole)
            return e.rank >= 0 ? tr("Layouts try this segment %1. (first match wins); drag to change").arg(e.rank + 1)
                               : tr("Not in the priority list: layouts try it after the listed ones. Drag it up to rank it.");
        if (role == Qt::ForegroundRole && e.rank < 0)
            return QPalette().brush(QPalette::Disabled, QPalette::Text);
        break;
    case TitleColumn:
        if (role == Qt::DisplayRole)
            return (e.title.isEmpty() ? e.name : e.title) + (e.isModified ? QStringLiteral(" •") : QString());
        if (role == Qt::ToolTipRole) {
            QString tip = e.name;
            if (!e.description.isEmpty())
                tip += QStringLiteral("\n") + e.description;
            if (e.isNew)
                tip += QStringLiteral("\n") + tr("New: not saved yet");
            else if (e.isModified)
                tip += QStringLiteral("\n") + tr("Changed: not saved yet");
            return tip;
        }
        if (role == Qt::FontRole && e.isModified) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        break;
    case SizeColumn: {
        const int size = m_sizes.value(e.name, -1);
        if (role == Qt::DisplayRole) {
            if (m_errors.contains(e.name))
                return tr("error");
            return size < 0 ? QStringLiteral("…") : QLocale().toString(size);
        }
        if (role == Qt::ToolTipRole && m_errors.contains(e.name))
            return m_errors.value(e.name);
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        if (role == Qt::ForegroundRole && m_errors.contains(e.name))
            return QBrush(QColor(0xb3, 0x26, 0x1e));
        break;
    }
    default:
        break;
    }
    return {};
}

QVariant SegmentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RankColumn:
        return tr("#");
    case TitleColumn:
        return tr("Segment");
    case SizeColumn:
        return tr("People");
    default:
        return {};
    }
}

Qt::ItemFlags SegmentListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
}

Qt::DropActions SegmentListModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

QStringList SegmentListModel::mimeTypes() const
{
    return {MimeType};
}

QMimeData *SegmentListModel::mimeData(const QModelIndexList &indexes) const
{
    if (indexes.isEmpty())
        return nullptr;
    auto *data = new QMimeData;
    data->setData(MimeType, nameAt(indexes.first().row()).toUtf8());
    return data;
}

bool SegmentListModel::canDropMimeData(
    const QMimeData *data, Qt::DropAction action, int, int, const QModelIndex &) const
{
    return data && data->hasFormat(MimeType) && action == Qt::MoveAction;
}

bool SegmentListModel::dropMimeData(
    const QMimeData *data, Qt::DropAction action, int row, int, const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, 0, parent))
        return false;
    // Dropped on a row: before it. The page reorders through an undo command, so the view
    // must not remove anything itself: false.
    const int target = row >= 0 ? row : parent.isValid() ? parent.row() : rowCount();
    Q_EMIT moveRequested(QString::fromUtf8(data->data(MimeType)), target);
    return false;
}

} // namespace Vitrine
