// SPDX-License-Identifier: GPL-3.0-or-later
#include "strategy.h"

#include <algorithm>
#include <cmath>

namespace Vitrine {

namespace {

bool better(const ScoredItem &a, const ScoredItem &b)
{
    if (a.score != b.score)
        return a.score > b.score;
    return a.item < b.item;
}

} // namespace

std::vector<ScoredItem> topN(const std::vector<float> &scores, int n)
{
    std::vector<ScoredItem> candidates;
    candidates.reserve(scores.size());
    for (size_t i = 0; i < scores.size(); ++i) {
        const float score = scores[i];
        if (!std::isnan(score) && score != -INFINITY)
            candidates.push_back({int(i), score});
    }
    return topN(std::move(candidates), n);
}

std::vector<ScoredItem> topN(std::vector<ScoredItem> candidates, int n)
{
    if (n <= 0)
        return {};
    if (int(candidates.size()) > n) {
        std::nth_element(candidates.begin(), candidates.begin() + n, candidates.end(), better);
        candidates.resize(size_t(n));
    }
    std::sort(candidates.begin(), candidates.end(), better);
    return candidates;
}

} // namespace Vitrine
