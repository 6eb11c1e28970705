// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/progress.h"
#include "engine/snapshot.h"
#include "valuemeasure.h"

#include <QHash>
#include <QString>

#include <array>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <vector>

namespace Vitrine {

struct PersonFeaturesOptions
{
    /** The time the features stand at; none means the snapshot's asOf(). Later events are ignored. */
    std::optional<qint64> asOf;
    /** Affinities halve every this many days (as the affinity strategy's default); 0: no fading. */
    double affinityHalfLifeDays = 30.0;
};

/**
 * What segments know about each person at one time, computed once per snapshot and as_of in a
 * few multithreaded passes over the events, then read by every segment evaluation.
 *
 * Value (RFM). A purchase is an event of type purchase at or before asOf(). Its spend is its
 * value, or quantity × the item's current price when the value is missing. An order is the
 * purchases of one person on one UTC calendar day. Monetary is the total spend rounded to cents;
 * the average order value is monetary / orders. A purchase is on sale when it was paid below the
 * list price (value / quantity < 0.995 × price) or, without a value, when the item is on sale now.
 * Quintile scores rank buyers only: score = 1 + ⌊5 × (buyers with a strictly worse value) /
 * buyers⌋, so equal values share a score. Without a purchase, recency, first purchase, average
 * order value, sale share and the scores are undefined (NaN, score 0).
 *
 * Affinity. Each event weighs its type's weight (the snapshot's EventWeights) halved every
 * affinityHalfLifeDays before asOf(). A person's affinity to a category (with its subtree) is the
 * weight of their events on its items divided by the weight of their events on items with any
 * category: a share in 0..1. Brands and topics (the items' "topic" attribute) likewise, each over
 * the items that have a brand or a topic. Affinity columns are built on first use and cached.
 *
 * Immutable after compute() except for those caches; safe to share between threads.
 */
class PersonFeatures
{
public:
    enum class Dimension
    {
        Category,
        Brand,
        Topic
    };

    /** One person's purchase sums at some time: what the value features are made of. */
    struct PersonValue
    {
        int purchases = 0;
        int salePurchases = 0;
        int orders = 0;
        double spend = 0; ///< unrounded, so later purchases add to it exactly
        qint64 firstPurchase = 0;
        qint64 lastPurchase = 0;

        /** The spend rounded to cents. */
        double monetary() const;
    };

    /** Adds the purchases among `events` (the person's next events, in time order) to `value`. */
    static void addEvents(
        const Snapshot &snapshot, std::span<const Snapshot::Event> events, PersonValue &value);
    /** A measure other than the scores at `asOf`; NaN where undefined (see the class comment). */
    static double measureOf(ValueMeasure measure, const PersonValue &value, qint64 asOf);
    /** What a score ranks buyers by: the last purchase, the orders or the monetary value. */
    static double scoreKey(ValueMeasure score, const PersonValue &value);
    /**
     * The four keys a buyer's key must beat for scores 2..5, from every buyer's key (reordered).
     * A buyer's score is 1 + the number of thresholds its key is above.
     */
    static std::array<double, 4> scoreThresholds(std::vector<double> &keys);

    /**
     * Computes the value features. `base`, when given for the same snapshot and half-life, lends
     * its event weights; when it also stands at or before the new as_of, the new features start
     * from its sums and add only the events in between (its affinity columns included), with the
     * same result as from scratch. That makes a series of month ends cost one pass in all.
     * Returns nullptr when cancelled.
     */
    static std::shared_ptr<const PersonFeatures> compute(SnapshotPtr snapshot,
        const PersonFeaturesOptions &options = {}, const Progress &progress = {},
        const std::shared_ptr<const PersonFeatures> &base = nullptr);

    const SnapshotPtr &snapshot() const { return m_snapshot; }
    qint64 asOf() const { return m_asOf; }
    double affinityHalfLifeDays() const { return m_halfLifeDays; }
    int userCount() const { return int(m_purchases.size()); }

    /** The person's events at or before asOf(), in time order. */
    std::span<const Snapshot::Event> events(int user) const
    {
        return m_snapshot->userEvents(user).first(size_t(m_eventCount[size_t(user)]));
    }
    /** Age at asOf() (its calendar year minus the birth year), or -1 when unknown. */
    int age(int user) const;

    bool isBuyer(int user) const { return m_purchases[size_t(user)] > 0; }
    int buyerCount() const { return m_buyers; }
    int purchases(int user) const { return m_purchases[size_t(user)]; }
    int orders(int user) const { return m_orders[size_t(user)]; }
    double monetary(int user) const { return m_monetary[size_t(user)]; }
    /** Unix seconds of the first and last purchase; 0 without one. */
    qint64 firstPurchase(int user) const { return m_firstPurchase[size_t(user)]; }
    qint64 lastPurchase(int user) const { return m_lastPurchase[size_t(user)]; }
    int score(ValueMeasure measure, int user) const;
    /** The purchase sums the value measures are made of. */
    PersonValue value(int user) const
    {
        const size_t u = size_t(user);
        return {m_purchases[u], m_salePurchases[u], m_orders[u], m_spend[u], m_firstPurchase[u],
            m_lastPurchase[u]};
    }
    /** Any measure; NaN where undefined (see the class comment). */
    double measure(ValueMeasure measure, int user) const;

    int topicCount() const { return int(m_topics.size()); }
    const QString &topicName(int topic) const { return m_topics[size_t(topic)]; }
    int topicByName(const QString &name) const { return m_topicByName.value(name, -1); }
    /** The item's topic, or -1. */
    int topic(int item) const { return m_itemTopic[size_t(item)]; }

    /**
     * Every person's affinity to one category, brand or topic (by the snapshot's index, or
     * topicByName()), built on first use and cached. Thread-safe.
     */
    std::shared_ptr<const std::vector<float>> affinity(Dimension dimension, int target) const;
    /** Builds the event weights now, so that later affinity columns cost one pass each. */
    void prepareAffinities() const { eventWeights(); }
    /**
     * Each event's decayed weight, in the snapshot's event order, built on first use and shared
     * with features computed from these as a base. Relative to the snapshot's as_of: the factor
     * that separates them from weights at any other as_of cancels in the shares.
     */
    const std::vector<float> &eventWeights() const;
    /** Marks the target's items, or with target -1 the items that have the dimension at all. */
    std::vector<quint8> itemMask(Dimension dimension, int target) const;

private:
    struct WeightCache
    {
        std::once_flag once;
        std::vector<float> weights; ///< per event of the snapshot, in its order
    };
    struct Column
    {
        Dimension dimension;
        int target;
        std::vector<double> sums; ///< per person, the weight of their events on the target
        std::shared_ptr<const std::vector<float>> shares;
    };

    PersonFeatures() = default;
    /**
     * Adds to sums[u] the weights of the person's events on the marked items, from event
     * from[u] (0 without `from`) up to asOf(); sums start at 0 when empty.
     */
    void addWeights(
        const std::vector<quint8> &itemMask, std::vector<double> &sums, const std::vector<int> *from) const;
    std::shared_ptr<const std::vector<float>> shares(
        const std::vector<double> &sums, Dimension dimension) const;
    void applyEvents(int user, int from, int to);
    /** The quintile scores of recency (0), frequency (1) or monetary (2), built on first use. */
    const std::vector<quint8> &scores(size_t which) const;

    SnapshotPtr m_snapshot;
    qint64 m_asOf = 0;
    int m_asOfYear = 0;
    double m_halfLifeDays = 30.0;
    int m_buyers = 0;
    std::vector<int> m_eventCount;
    std::vector<qint32> m_nextTime; ///< the time of each person's first event after asOf, or the maximum
    std::vector<int> m_purchases;
    std::vector<int> m_salePurchases;
    std::vector<int> m_orders;
    std::vector<double> m_spend; ///< unrounded, so later purchases add to it exactly
    std::vector<double> m_monetary; ///< m_spend rounded to cents
    std::vector<qint64> m_firstPurchase;
    std::vector<qint64> m_lastPurchase;
    mutable std::array<std::once_flag, 3> m_scoresOnce;
    mutable std::array<std::vector<quint8>, 3> m_scores; ///< recency, frequency, monetary

    std::vector<int> m_itemTopic;
    std::vector<QString> m_topics;
    QHash<QString, int> m_topicByName;

    std::shared_ptr<WeightCache> m_weights;
    mutable std::mutex m_mutex;
    mutable std::array<std::vector<double>, 3> m_denominators; ///< weightSums() of each dimension
    mutable QHash<qint64, std::shared_ptr<Column>> m_columns;
};

using PersonFeaturesPtr = std::shared_ptr<const PersonFeatures>;

} // namespace Vitrine
