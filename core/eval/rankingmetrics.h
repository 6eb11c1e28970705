// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics.h"

#include <map>
#include <span>
#include <vector>

namespace Vitrine {

/**
 * The arithmetic of offline evaluation, apart from any snapshot or strategy so it can be
 * checked by hand: per person Recall@K (hits / test size) and NDCG@K (binary gains, discount
 * 1/log2(rank + 1) with 1-based ranks, ideal DCG over min(K, test size) positions), and their
 * aggregation with hit rate and catalog coverage.
 *
 * Recommended lists are best first and already free of the person's train items; test sets
 * are sorted by item index.
 */
class RankingMetrics
{
public:
    /** Test items among the first k recommended. */
    static int hits(std::span<const int> recommended, std::span<const int> test, int k);
    static double recall(std::span<const int> recommended, std::span<const int> test, int k);
    static double ndcg(std::span<const int> recommended, std::span<const int> test, int k);

    /**
     * Metrics at each k over the people `rows` (indexes into tests/recommended; nullptr means
     * all of them), summed in row order so the result does not depend on threads. People with
     * an empty test set are skipped. itemCount is the catalog size that coverage divides by.
     */
    static std::map<int, Metrics> aggregate(const std::vector<std::vector<int>> &tests,
        const std::vector<std::vector<int>> &recommended, const std::vector<int> &ks, int itemCount,
        const std::vector<int> *rows = nullptr);
};

} // namespace Vitrine
