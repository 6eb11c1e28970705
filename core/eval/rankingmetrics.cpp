// SPDX-License-Identifier: GPL-3.0-or-later
#include "rankingmetrics.h"

#include <algorithm>
#include <cmath>

namespace Vitrine {

namespace {

bool contains(std::span<const int> sorted, int item)
{
    return std::binary_search(sorted.begin(), sorted.end(), item);
}

size_t cut(std::span<const int> recommended, int k)
{
    return std::min(recommended.size(), size_t(std::max(k, 0)));
}

} // namespace

int RankingMetrics::hits(std::span<const int> recommended, std::span<const int> test, int k)
{
    int count = 0;
    const size_t n = cut(recommended, k);
    for (size_t i = 0; i < n; ++i)
        count += contains(test, recommended[i]) ? 1 : 0;
    return count;
}

double RankingMetrics::recall(std::span<const int> recommended, std::span<const int> test, int k)
{
    if (test.empty())
        return 0;
    return double(hits(recommended, test, k)) / double(test.size());
}

double RankingMetrics::ndcg(std::span<const int> recommended, std::span<const int> test, int k)
{
    if (test.empty() || k <= 0)
        return 0;
    double dcg = 0;
    const size_t n = cut(recommended, k);
    for (size_t i = 0; i < n; ++i) {
        if (contains(test, recommended[i]))
            dcg += 1.0 / std::log2(double(i) + 2.0); // rank i + 1
    }
    double ideal = 0;
    const size_t positions = std::min(test.size(), size_t(k));
    for (size_t i = 0; i < positions; ++i)
        ideal += 1.0 / std::log2(double(i) + 2.0);
    return dcg / ideal;
}

std::map<int, Metrics> RankingMetrics::aggregate(const std::vector<std::vector<int>> &tests,
    const std::vector<std::vector<int>> &recommended, const std::vector<int> &ks, int itemCount,
    const std::vector<int> *rows)
{
    std::map<int, Metrics> byK;
    const size_t rowCount = rows ? rows->size() : tests.size();
    for (const int k : ks) {
        Metrics metrics;
        double recallSum = 0;
        double ndcgSum = 0;
        int hitPeople = 0;
        int people = 0;
        std::vector<char> covered(size_t(std::max(itemCount, 0)), 0);
        for (size_t r = 0; r < rowCount; ++r) {
            const size_t row = rows ? size_t((*rows)[r]) : r;
            const std::vector<int> &test = tests[row];
            if (test.empty())
                continue;
            const std::vector<int> &list = recommended[row];
            ++people;
            const int h = hits(list, test, k);
            recallSum += double(h) / double(test.size());
            ndcgSum += ndcg(list, test, k);
            hitPeople += h > 0 ? 1 : 0;
            const size_t n = cut(list, k);
            for (size_t i = 0; i < n; ++i) {
                const int item = list[i];
                if (item >= 0 && item < itemCount && !covered[size_t(item)]) {
                    covered[size_t(item)] = 1;
                    ++metrics.coveredItems;
                }
            }
        }
        if (people > 0) {
            metrics.recall = recallSum / people;
            metrics.ndcg = ndcgSum / people;
            metrics.hitRate = double(hitPeople) / people;
        }
        if (itemCount > 0)
            metrics.coverage = double(metrics.coveredItems) / itemCount;
        byK[k] = metrics;
    }
    return byK;
}

} // namespace Vitrine
