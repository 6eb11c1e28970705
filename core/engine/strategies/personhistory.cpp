// SPDX-License-Identifier: GPL-3.0-or-later
#include "personhistory.h"

#include "engine/snapshot.h"

#include <algorithm>

namespace Vitrine {

std::vector<int> PersonHistory::recentItems(const Snapshot &snapshot, int user, quint8 typeMask, int count)
{
    std::vector<int> items;
    if (user < 0 || user >= snapshot.userCount() || count <= 0)
        return items;
    const auto events = snapshot.userEvents(user);
    // Events at the same second are ordered by item id; reading backwards keeps that stable.
    for (auto it = events.rbegin(); it != events.rend() && int(items.size()) < count; ++it) {
        if (!(typeMask & (1u << it->type)))
            continue;
        if (std::find(items.begin(), items.end(), it->item) == items.end())
            items.push_back(it->item);
    }
    return items;
}

std::optional<qint64> PersonHistory::lastTime(const Snapshot &snapshot, int user, int item, quint8 typeMask)
{
    if (user < 0 || user >= snapshot.userCount())
        return std::nullopt;
    const auto events = snapshot.userEvents(user);
    for (auto it = events.rbegin(); it != events.rend(); ++it) {
        if (it->item == item && (typeMask & (1u << it->type)))
            return snapshot.toUnix(it->time);
    }
    return std::nullopt;
}

int PersonHistory::lastType(const Snapshot &snapshot, int user, int item, quint8 typeMask)
{
    if (user < 0 || user >= snapshot.userCount())
        return -1;
    const auto events = snapshot.userEvents(user);
    for (auto it = events.rbegin(); it != events.rend(); ++it) {
        if (it->item == item && (typeMask & (1u << it->type)))
            return it->type;
    }
    return -1;
}

} // namespace Vitrine
