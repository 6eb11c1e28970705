// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/personquery.h"
#include "personinsight.h"

#include <QList>

#include <optional>

class QChart;

namespace Vitrine {

/** The person page's charts, built from data already read (nothing here reads the catalog). */
class PersonCharts
{
public:
    /**
     * Events per week (weeks start on Monday, UTC), stacked by event type, from the first
     * event's week to the last one's; nullptr when there are no events.
     */
    static QChart *eventsPerWeek(const QList<PersonEvent> &events);
    /** The strongest @p limit affinities as horizontal bars in percent; nullptr when there are none. */
    static QChart *affinities(
        const QString &title, const QList<PersonInsight::Affinity> &affinities, int limit);

    /** The Monday 00:00 UTC of the week @p unixSeconds falls in. */
    static qint64 weekStart(qint64 unixSeconds);
};

} // namespace Vitrine
