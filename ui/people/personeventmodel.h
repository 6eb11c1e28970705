// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/personquery.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace Vitrine {

/** One person's events as a table, latest first; events after the studio's time are greyed. */
class PersonEventModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TimeColumn,
        TypeColumn,
        SkuColumn,
        TitleColumn,
        QuantityColumn,
        ValueColumn,
        ColumnCount
    };

    enum Role
    {
        SkuRole = Qt::UserRole + 1, ///< the item's SKU
        TimeRole, ///< Unix seconds
        CountedRole, ///< whether the engine counts the event (at or before its time)
    };

    explicit PersonEventModel(QObject *parent = nullptr);

    /** Shows @p events (oldest first, as PersonQuery reads them). */
    void setEvents(QList<PersonEvent> events);
    /** The engine's time: later events are shown as not counted; none: all count. */
    void setAsOf(std::optional<qint64> asOf);
    const QList<PersonEvent> &events() const { return m_events; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const PersonEvent &eventAt(int row) const { return m_events.at(m_events.size() - 1 - row); }

    QList<PersonEvent> m_events;
    std::optional<qint64> m_asOf;
};

} // namespace Vitrine
