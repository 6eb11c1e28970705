// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <optional>
#include <vector>

namespace Vitrine {

class Snapshot;

/**
 * What strategies read from one person's own events at request time: the items they touched
 * last, and when. Reads the person's time-ordered events from the end, so the cost follows
 * what is asked for, not the length of the history.
 */
class PersonHistory
{
public:
    /** The person's last `count` distinct items with an event in `typeMask`, most recent first. */
    static std::vector<int> recentItems(const Snapshot &snapshot, int user, quint8 typeMask, int count);
    /** When (Unix seconds) the person last had an event in `typeMask` on `item`; none if never. */
    static std::optional<qint64> lastTime(const Snapshot &snapshot, int user, int item, quint8 typeMask);
    /** The type of that last event, or -1. */
    static int lastType(const Snapshot &snapshot, int user, int item, quint8 typeMask);
};

} // namespace Vitrine
