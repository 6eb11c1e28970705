// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Vitrine {

/**
 * Ranking quality at one cut-off K. Recall, NDCG and hit rate are averaged over the people
 * evaluated (each person counts once, whatever the size of their test set); coverage is the
 * share of the catalog that reached somebody's top K.
 */
struct Metrics
{
    double recall = 0;
    double ndcg = 0;
    double hitRate = 0;
    double coverage = 0;
    int coveredItems = 0; ///< distinct items in at least one top K
};

} // namespace Vitrine
