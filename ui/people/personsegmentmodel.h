// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "personinsight.h"

#include <QStandardItemModel>

namespace Vitrine {

/**
 * Every stored segment for one person, as a tree: a row per segment (member or not), under it
 * the core's explanation, one row per condition with what it asks and what the person has.
 */
class PersonSegmentModel : public QStandardItemModel
{
    Q_OBJECT

public:
    enum Column
    {
        ConditionColumn,
        ActualColumn,
        ColumnCount
    };

    enum Role
    {
        SegmentNameRole = Qt::UserRole + 1, ///< on a segment's row: its name
        MemberRole, ///< on a segment's row: whether the person belongs
        HeldRole, ///< on a condition's row: whether it held
    };

    explicit PersonSegmentModel(QObject *parent = nullptr);

    void setInsight(const PersonInsight &insight);
    /** The segments the person belongs to, in the model's order. */
    QStringList memberSegments() const;
};

} // namespace Vitrine
