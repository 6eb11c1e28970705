// SPDX-License-Identifier: GPL-3.0-or-later
#include "demopool.h"

#include "demo/demorandom.h"

#include <algorithm>

namespace Vitrine {

void DemoPool::add(int item, qint64 createdAt, double weight)
{
    m_items.push_back(item);
    m_created.push_back(createdAt);
    m_cumulative.push_back((m_cumulative.empty() ? 0 : m_cumulative.back()) + weight);
}

int DemoPool::available(qint64 t) const
{
    return int(std::upper_bound(m_created.begin(), m_created.end(), t) - m_created.begin());
}

int DemoPool::pick(DemoRandom &random, qint64 t) const
{
    const int n = available(t);
    if (n == 0)
        return -1;
    const double x = random.uniform() * m_cumulative[size_t(n) - 1];
    const auto index
        = std::upper_bound(m_cumulative.begin(), m_cumulative.begin() + n, x) - m_cumulative.begin();
    return m_items[size_t(std::min<qsizetype>(index, n - 1))];
}

int DemoPool::pickRecent(DemoRandom &random, qint64 from, qint64 t) const
{
    const int low = int(std::lower_bound(m_created.begin(), m_created.end(), from) - m_created.begin());
    const int high = available(t);
    return low < high ? m_items[size_t(low + random.below(high - low))] : -1;
}

} // namespace Vitrine
