// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <optional>
#include <vector>

namespace Vitrine {

/**
 * Who is asking and where: the person (or nobody), the item on screen, the cart, and the items
 * already placed higher on the same page. Indexes are the snapshot's dense item/person indexes.
 */
struct RecommendRequest
{
    int user = -1;            ///< -1: an anonymous visitor
    int contextItem = -1;     ///< the product page's item, -1 when none
    std::vector<int> cart;    ///< items in the cart
    std::vector<int> onPage;  ///< items already shown on the page (for page dedupe)
    int k = 0;                ///< how many items the slot returns at most; 0: the slot's max_items
    /**
     * The time the request is made at. Events, decay, item conditions and schedules are all
     * judged at the snapshot's as_of, so when set it must equal it (EngineSession sets it);
     * a request at another time is refused rather than answered at two times at once.
     */
    std::optional<qint64> asOf;
};

/** A candidate from a strategy: higher scores are better. */
struct ScoredItem
{
    int item;
    float score;
};

} // namespace Vitrine
