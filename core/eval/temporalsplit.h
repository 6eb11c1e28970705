// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/snapshot.h"

#include <span>
#include <utility>
#include <vector>

namespace Vitrine {

/**
 * The per-person split by time that `evaluate` scores on, so results compare with published
 * tables: each person's distinct items, each at the time of its first interaction (any event
 * type), sorted by (time, item id); a person with at least minItems distinct items holds out the
 * last max(1, floor(holdout·n)) as test and keeps the rest as train. People with fewer are
 * train-only and are not evaluated.
 *
 * Item indexes are in catalog-id order, so "by item id" and "by item index" are the same order.
 */
class TemporalSplit
{
public:
    static constexpr double DefaultHoldout = 0.2;
    static constexpr int DefaultMinItems = 5;

    TemporalSplit() = default;

    /** Splits every person of the snapshot. */
    static TemporalSplit build(
        const Snapshot &snapshot, double holdout = DefaultHoldout, int minItems = DefaultMinItems);

    /** How many of n distinct items are held out: 0 below minItems, else max(1, floor(holdout·n)). */
    static int testCount(int distinctItems, double holdout = DefaultHoldout, int minItems = DefaultMinItems);

    /** A person's distinct items as (first time, item), sorted by time then item index. */
    static std::vector<std::pair<qint32, int>> firstInteractions(std::span<const Snapshot::Event> events);

    /**
     * Splits one person's events into train and test items, both sorted by item index; test is
     * empty when the person has too few distinct items.
     */
    static void splitEvents(std::span<const Snapshot::Event> events, double holdout, int minItems,
        std::vector<int> *train, std::vector<int> *test);

    int userCount() const { return int(m_train.size()); }
    /** The person's train items, sorted by item index. */
    const std::vector<int> &trainItems(int user) const { return m_train[size_t(user)]; }
    /** The person's held-out items, sorted by item index; empty when not evaluated. */
    const std::vector<int> &testItems(int user) const { return m_test[size_t(user)]; }
    bool isEvaluated(int user) const { return !m_test[size_t(user)].empty(); }
    /** The people evaluated, by person index. */
    const std::vector<int> &evaluatedUsers() const { return m_evaluated; }
    /** Held-out items over everybody. */
    qint64 testItemCount() const { return m_testItems; }
    /** Per person (all of them, by index), the items whose events the train snapshot leaves out. */
    const std::vector<std::vector<int>> &testItemsPerUser() const { return m_test; }

private:
    std::vector<std::vector<int>> m_train;
    std::vector<std::vector<int>> m_test;
    std::vector<int> m_evaluated;
    qint64 m_testItems = 0;
};

} // namespace Vitrine
