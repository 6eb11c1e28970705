// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <vector>

namespace Vitrine {

class DemoRandom;

/**
 * The demo items of one group (a category, a product line, the articles on a topic) in order of
 * creation with their running popularity, so picking among the items that exist at a given time
 * is a binary search. Items are indices into DemoCatalog::items().
 */
class DemoPool
{
public:
    /** Items must be added in order of creation. */
    void add(int item, qint64 createdAt, double weight);

    bool isEmpty() const { return m_items.empty(); }
    /** The oldest item; the pool must not be empty. */
    int first() const { return m_items.front(); }

    /** A popular item that existed at t; -1 when none did. */
    int pick(DemoRandom &random, qint64 t) const;
    /** Any item created in [from, t]; -1 when none was. */
    int pickRecent(DemoRandom &random, qint64 from, qint64 t) const;

private:
    int available(qint64 t) const;

    std::vector<int> m_items;
    std::vector<qint64> m_created;
    std::vector<double> m_cumulative;
};

} // namespace Vitrine
