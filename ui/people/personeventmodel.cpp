// SPDX-License-Identifier: GPL-3.0-or-later
#include "personeventmodel.h"

#include <QBrush>
#include <QDateTime>
#include <QLocale>
#include <QPalette>

namespace Vitrine {

namespace {

QString typeTitle(EventType type)
{
    switch (type) {
    case EventType::View:
        return PersonEventModel::tr("View");
    case EventType::Click:
        return PersonEventModel::tr("Click");
    case EventType::Cart:
        return PersonEventModel::tr("Add to cart");
    case EventType::Purchase:
        return PersonEventModel::tr("Purchase");
    case EventType::Read:
        return PersonEventModel::tr("Read");
    case EventType::Rating:
        return PersonEventModel::tr("Rating");
    }
    return eventTypeName(type);
}

} // namespace

PersonEventModel::PersonEventModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void PersonEventModel::setEvents(QList<PersonEvent> events)
{
    beginResetModel();
    m_events = std::move(events);
    endResetModel();
}

void PersonEventModel::setAsOf(std::optional<qint64> asOf)
{
    if (asOf == m_asOf)
        return;
    m_asOf = asOf;
    if (!m_events.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int PersonEventModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int PersonEventModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PersonEventModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PersonEvent &event = eventAt(index.row());
    const bool counted = !m_asOf || event.time <= *m_asOf;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return QDateTime::fromSecsSinceEpoch(event.time, Qt::UTC)
                .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        case TypeColumn:
            return typeTitle(event.type);
        case SkuColumn:
            return event.sku;
        case TitleColumn:
            return event.title.isEmpty() ? tr("Untitled") : event.title;
        case QuantityColumn:
            return QLocale().toString(event.quantity);
        case ValueColumn:
            return event.value ? QLocale().toString(*event.value, 'f', 2) : QString();
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (!counted)
            return tr("After the studio's time: the engine does not count this event yet");
        if (index.column() == TitleColumn)
            return event.title;
        if (index.column() == TimeColumn)
            return QDateTime::fromSecsSinceEpoch(event.time, Qt::UTC).toString(Qt::ISODate);
        return {};
    case Qt::ForegroundRole:
        if (!counted || (index.column() == TitleColumn && event.title.isEmpty()))
            return QBrush(QPalette().color(QPalette::PlaceholderText));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == QuantityColumn || index.column() == ValueColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case SkuRole:
        return event.sku;
    case TimeRole:
        return event.time;
    case CountedRole:
        return counted;
    default:
        return {};
    }
}

QVariant PersonEventModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return int((section == QuantityColumn || section == ValueColumn ? Qt::AlignRight : Qt::AlignLeft)
            | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time (UTC)");
    case TypeColumn:
        return tr("Event");
    case SkuColumn:
        return tr("SKU");
    case TitleColumn:
        return tr("Item");
    case QuantityColumn:
        return tr("Qty");
    case ValueColumn:
        return tr("Value");
    default:
        return {};
    }
}

} // namespace Vitrine
