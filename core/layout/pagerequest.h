// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <optional>
#include <vector>

namespace Vitrine {

/** Who a page is resolved for: snapshot indexes of the person (-1: anonymous), item and cart. */
struct PageRequest
{
    int user = -1;
    int contextItem = -1;
    std::vector<int> cart;
    /** The time schedules are judged at; none: the snapshot's as_of when it was given one, else now. */
    std::optional<qint64> asOf;
    /** Explain segment and banner decisions condition by condition (a preview); off for batches. */
    bool explain = true;
};

} // namespace Vitrine
