// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventneed.h"

#include "catalog/eventtype.h"
#include "engine/snapshot.h"
#include "storage/timestamp.h"

#include <QCoreApplication>
#include <QStringList>

#include <cmath>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::EventNeed)
};

QString typeNames(quint8 mask)
{
    QStringList names;
    for (int type = 0; type < EventTypeCount; ++type) {
        if (mask & (1u << type))
            names.append(eventTypeName(EventType(type)));
    }
    return names.join(QStringLiteral(" or "));
}

} // namespace

QString eventNeedProblem(const Snapshot &snapshot, const QString &strategy, const EventNeed &need)
{
    if (!need.mask)
        return {};
    qint64 count = 0;
    std::optional<qint64> last;
    for (int type = 0; type < EventTypeCount; ++type) {
        if (!(need.mask & (1u << type)))
            continue;
        count += snapshot.eventCount(type);
        if (const std::optional<qint64> time = snapshot.lastEventTime(type); time && (!last || *time > *last))
            last = time;
    }
    if (count == 0) {
        // The types the catalog does have, and the most common one as the way out.
        int best = -1;
        QStringList present;
        for (int type = 0; type < EventTypeCount; ++type) {
            if (!snapshot.eventCount(type))
                continue;
            present.append(Tr::tr("%1 %2 events").arg(snapshot.eventCount(type)).arg(eventTypeName(EventType(type))));
            if (best < 0 || snapshot.eventCount(type) > snapshot.eventCount(best))
                best = type;
        }
        if (present.isEmpty())
            return Tr::tr("%1: the catalog has no events yet, so it has nothing to learn from").arg(strategy);
        const QString has = Tr::tr("it has %1").arg(present.join(Tr::tr(" and ")));
        if (need.eventKey.isEmpty())
            return Tr::tr("%1: the catalog has no %2 events (%3), so it shows nothing; use another strategy")
                .arg(strategy, typeNames(need.mask), has);
        return Tr::tr("%1: the catalog has no %2 events (%3), so it shows nothing; set \"%4\": \"%5\"")
            .arg(strategy, typeNames(need.mask), has, need.eventKey, eventTypeName(EventType(best)));
    }
    if (need.windowDays > 0 && last) {
        const qint64 since = snapshot.asOf() - qint64(std::llround(need.windowDays * 86400));
        if (*last < since) {
            const qint64 daysNeeded = (snapshot.asOf() - *last) / 86400 + 1;
            return Tr::tr("%1: no %2 events in the last %3 days before %4 (the latest is from %5), so it shows "
                          "nothing; set \"%6\": %7 or more")
                .arg(strategy, typeNames(need.mask))
                .arg(need.windowDays)
                .arg(Timestamp::toIso(snapshot.asOf()).left(10), Timestamp::toIso(*last).left(10), need.windowKey)
                .arg(daysNeeded);
        }
    }
    return {};
}

} // namespace Vitrine
