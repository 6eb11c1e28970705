// SPDX-License-Identifier: GPL-3.0-or-later
#include "temporalsplit.h"

#include <algorithm>
#include <cmath>

namespace Vitrine {

TemporalSplit TemporalSplit::build(const Snapshot &snapshot, double holdout, int minItems)
{
    TemporalSplit split;
    const int users = snapshot.userCount();
    split.m_train.resize(size_t(users));
    split.m_test.resize(size_t(users));
    for (int u = 0; u < users; ++u) {
        splitEvents(
            snapshot.userEvents(u), holdout, minItems, &split.m_train[size_t(u)], &split.m_test[size_t(u)]);
        if (!split.m_test[size_t(u)].empty()) {
            split.m_evaluated.push_back(u);
            split.m_testItems += qint64(split.m_test[size_t(u)].size());
        }
    }
    return split;
}

int TemporalSplit::testCount(int distinctItems, double holdout, int minItems)
{
    if (distinctItems < minItems || distinctItems <= 0)
        return 0;
    // The epsilon keeps 0.2·15 from landing a hair under 3 on some other holdout/n pair.
    const int held = int(std::floor(holdout * distinctItems + 1e-9));
    return std::clamp(held, 1, distinctItems);
}

std::vector<std::pair<qint32, int>> TemporalSplit::firstInteractions(std::span<const Snapshot::Event> events)
{
    // (item, time) sorted, so the first row of each item carries its earliest time whatever
    // order the events come in.
    std::vector<std::pair<int, qint32>> byItem;
    byItem.reserve(events.size());
    for (const Snapshot::Event &event : events)
        byItem.emplace_back(event.item, event.time);
    std::sort(byItem.begin(), byItem.end());

    std::vector<std::pair<qint32, int>> first;
    for (size_t i = 0; i < byItem.size(); ++i) {
        if (i == 0 || byItem[i].first != byItem[i - 1].first)
            first.emplace_back(byItem[i].second, byItem[i].first);
    }
    std::sort(first.begin(), first.end());
    return first;
}

void TemporalSplit::splitEvents(std::span<const Snapshot::Event> events, double holdout, int minItems,
    std::vector<int> *train, std::vector<int> *test)
{
    const std::vector<std::pair<qint32, int>> first = firstInteractions(events);
    const int n = int(first.size());
    const int held = testCount(n, holdout, minItems);
    train->clear();
    test->clear();
    train->reserve(size_t(n - held));
    test->reserve(size_t(held));
    for (int i = 0; i < n; ++i)
        (i < n - held ? train : test)->push_back(first[size_t(i)].second);
    std::sort(train->begin(), train->end());
    std::sort(test->begin(), test->end());
}

} // namespace Vitrine
