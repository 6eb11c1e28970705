// SPDX-License-Identifier: GPL-3.0-or-later
#include "personfeatures.h"

#include "catalog/eventtype.h"
#include "parallelranges.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonValue>

#include <algorithm>
#include <atomic>
#include <cmath>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::PersonFeatures)
};

constexpr qint64 SecondsPerDay = 86400;
/** Paid per unit below this share of the list price: bought on sale (half a percent for rounding). */
constexpr double SaleThreshold = 0.995;

qint64 dayOf(qint64 unixSeconds)
{
    return unixSeconds >= 0 ? unixSeconds / SecondsPerDay : (unixSeconds - SecondsPerDay + 1) / SecondsPerDay;
}

} // namespace

PersonFeaturesPtr PersonFeatures::compute(SnapshotPtr snapshot, const PersonFeaturesOptions &options,
    const Progress &progress, const PersonFeaturesPtr &base)
{
    std::shared_ptr<PersonFeatures> features(new PersonFeatures);
    PersonFeatures &f = *features;
    const Snapshot &s = *snapshot;
    f.m_snapshot = snapshot;
    f.m_asOf = options.asOf.value_or(s.asOf());
    f.m_asOfYear = QDateTime::fromSecsSinceEpoch(f.m_asOf, Qt::UTC).date().year();
    f.m_halfLifeDays = std::max(0.0, options.affinityHalfLifeDays);
    const bool related = base && base->m_snapshot == snapshot && base->m_halfLifeDays == f.m_halfLifeDays;
    const bool incremental = related && base->m_asOf <= f.m_asOf;
    f.m_weights = related ? base->m_weights : std::make_shared<WeightCache>();

    if (related) {
        f.m_itemTopic = base->m_itemTopic;
        f.m_topics = base->m_topics;
        f.m_topicByName = base->m_topicByName;
    } else {
        // Topics: the content items' "topic" attribute, interned like categories and brands.
        f.m_itemTopic.assign(size_t(s.itemCount()), -1);
        for (int item = 0; item < s.itemCount(); ++item) {
            const QJsonValue topic = s.attributes(item).value(QLatin1String("topic"));
            if (!topic.isString() || topic.toString().isEmpty())
                continue;
            auto it = f.m_topicByName.constFind(topic.toString());
            if (it == f.m_topicByName.constEnd()) {
                it = f.m_topicByName.insert(topic.toString(), int(f.m_topics.size()));
                f.m_topics.push_back(topic.toString());
            }
            f.m_itemTopic[size_t(item)] = it.value();
        }
    }

    const int n = s.userCount();
    if (incremental) {
        f.m_eventCount = base->m_eventCount;
        f.m_nextTime = base->m_nextTime;
        f.m_purchases = base->m_purchases;
        f.m_salePurchases = base->m_salePurchases;
        f.m_orders = base->m_orders;
        f.m_spend = base->m_spend;
        f.m_monetary = base->m_monetary;
        f.m_firstPurchase = base->m_firstPurchase;
        f.m_lastPurchase = base->m_lastPurchase;
    } else {
        f.m_eventCount.assign(size_t(n), 0);
        f.m_nextTime.assign(size_t(n), 0);
        f.m_purchases.assign(size_t(n), 0);
        f.m_salePurchases.assign(size_t(n), 0);
        f.m_orders.assign(size_t(n), 0);
        f.m_spend.assign(size_t(n), 0.0);
        f.m_firstPurchase.assign(size_t(n), 0);
        f.m_lastPurchase.assign(size_t(n), 0);
    }
    f.m_monetary.resize(size_t(n));

    progress.report(Tr::tr("Computing person features"), 0, 2);
    const qint64 limit = f.m_asOf - s.epoch();
    std::atomic_bool cancelled = false;
    parallelRanges(n, [&](int begin, int end) {
        for (int u = begin; u < end; ++u) {
            if ((u & 4095) == 0 && progress.isCancelled()) {
                cancelled = true;
                return;
            }
            if (incremental && f.m_nextTime[size_t(u)] > limit)
                continue; // nothing new since the base: most people in a month
            const auto events = s.userEvents(u);
            const int from = f.m_eventCount[size_t(u)];
            const auto last = std::upper_bound(events.begin() + from, events.end(), limit,
                [](qint64 time, const Snapshot::Event &e) { return time < e.time; });
            f.applyEvents(u, from, int(last - events.begin()));
        }
    });
    if (cancelled)
        return nullptr;
    progress.report(Tr::tr("Computing person features"), 1, 2);
    f.m_buyers = int(std::count_if(f.m_purchases.begin(), f.m_purchases.end(), [](int p) { return p > 0; }));

    // The base's affinity sums carry over, plus the events in between.
    if (incremental) {
        std::lock_guard lock(base->m_mutex);
        for (size_t d = 0; d < f.m_denominators.size(); ++d) {
            if (base->m_denominators[d].empty())
                continue;
            f.m_denominators[d] = base->m_denominators[d];
            f.addWeights(f.itemMask(Dimension(d), -1), f.m_denominators[d], &base->m_eventCount);
        }
        for (auto it = base->m_columns.constBegin(); it != base->m_columns.constEnd(); ++it) {
            auto column = std::make_shared<Column>(*it.value());
            if (column->target >= 0)
                f.addWeights(
                    f.itemMask(column->dimension, column->target), column->sums, &base->m_eventCount);
            column->shares = f.shares(column->sums, column->dimension);
            f.m_columns.insert(it.key(), column);
        }
    }
    progress.report(Tr::tr("Computing person features"), 2, 2);
    return features;
}

double PersonFeatures::PersonValue::monetary() const
{
    return std::round(spend * 100.0) / 100.0;
}

void PersonFeatures::addEvents(const Snapshot &s, std::span<const Snapshot::Event> events, PersonValue &value)
{
    double spend = value.spend;
    qint64 lastDay = value.purchases ? dayOf(value.lastPurchase) : std::numeric_limits<qint64>::min();
    for (const Snapshot::Event &e : events) {
        if (e.type != quint8(EventType::Purchase))
            continue;
        const double price = s.price(e.item);
        bool sale;
        if (std::isnan(e.value)) {
            const double current = s.currentPrice(e.item);
            spend += std::isnan(current) ? 0.0 : current * e.quantity;
            sale = s.onSale(e.item);
        } else {
            spend += e.value;
            sale = !std::isnan(price) && double(e.value) / e.quantity < price * SaleThreshold;
        }
        const qint64 ts = s.toUnix(e.time);
        if (value.purchases++ == 0)
            value.firstPurchase = ts;
        value.lastPurchase = ts;
        value.salePurchases += sale ? 1 : 0;
        if (dayOf(ts) != lastDay) {
            lastDay = dayOf(ts);
            ++value.orders;
        }
    }
    value.spend = spend;
}

void PersonFeatures::applyEvents(int user, int from, int to)
{
    const size_t u = size_t(user);
    const auto events = m_snapshot->userEvents(user);
    PersonValue value {
        m_purchases[u], m_salePurchases[u], m_orders[u], m_spend[u], m_firstPurchase[u], m_lastPurchase[u]};
    addEvents(*m_snapshot, events.subspan(size_t(from), size_t(to - from)), value);
    m_purchases[u] = value.purchases;
    m_salePurchases[u] = value.salePurchases;
    m_orders[u] = value.orders;
    m_spend[u] = value.spend;
    m_monetary[u] = value.monetary();
    m_firstPurchase[u] = value.firstPurchase;
    m_lastPurchase[u] = value.lastPurchase;
    m_eventCount[u] = to;
    m_nextTime[u] = size_t(to) < events.size() ? events[size_t(to)].time : std::numeric_limits<qint32>::max();
}

double PersonFeatures::scoreKey(ValueMeasure score, const PersonValue &value)
{
    // Higher keys are better: a later last purchase, more orders, more spend.
    switch (score) {
    case ValueMeasure::RecencyScore:
        return double(value.lastPurchase);
    case ValueMeasure::FrequencyScore:
        return double(value.orders);
    default:
        return value.monetary();
    }
}

std::array<double, 4> PersonFeatures::scoreThresholds(std::vector<double> &keys)
{
    // score ≥ s exactly when at least k = ⌈(s−1)·buyers/5⌉ buyers are strictly worse, that is
    // when the value beats the k-th smallest: four order statistics instead of a sort, each
    // searched for above the previous one.
    std::array<double, 4> thresholds {};
    const qint64 buyers = qint64(keys.size());
    qint64 start = 0;
    for (int s = 2; s <= 5 && buyers > 0; ++s) {
        const qint64 k = ((s - 1) * buyers + 4) / 5;
        if (k - 1 >= start) // else k repeats (fewer than five buyers): already in place
            std::nth_element(keys.begin() + start, keys.begin() + (k - 1), keys.end());
        thresholds[size_t(s - 2)] = keys[size_t(k - 1)];
        start = k;
    }
    return thresholds;
}

const std::vector<quint8> &PersonFeatures::scores(size_t which) const
{
    std::call_once(m_scoresOnce[which], [this, which] {
        const int n = userCount();
        const ValueMeasure measure = std::array {
            ValueMeasure::RecencyScore, ValueMeasure::FrequencyScore, ValueMeasure::MonetaryScore}[which];
        const auto key = [this, measure](int u) {
            return scoreKey(measure, value(u));
        };
        std::vector<double> keys;
        keys.reserve(size_t(m_buyers));
        for (int u = 0; u < n; ++u) {
            if (isBuyer(u))
                keys.push_back(key(u));
        }
        const std::array<double, 4> thresholds = scoreThresholds(keys);
        std::vector<quint8> &scores = m_scores[which];
        scores.assign(size_t(n), 0);
        for (int u = 0; u < n; ++u) {
            if (!isBuyer(u))
                continue;
            const double value = key(u);
            quint8 score = 1;
            for (double threshold : thresholds)
                score += value > threshold ? 1 : 0;
            scores[size_t(u)] = score;
        }
    });
    return m_scores[which];
}

int PersonFeatures::age(int user) const
{
    const int year = m_snapshot->birthYear(user);
    return year > 0 ? m_asOfYear - year : -1;
}

int PersonFeatures::score(ValueMeasure measure, int user) const
{
    switch (measure) {
    case ValueMeasure::RecencyScore:
        return scores(0)[size_t(user)];
    case ValueMeasure::FrequencyScore:
        return scores(1)[size_t(user)];
    case ValueMeasure::MonetaryScore:
        return scores(2)[size_t(user)];
    default:
        return 0;
    }
}

double PersonFeatures::measureOf(ValueMeasure measure, const PersonValue &value, qint64 asOf)
{
    const bool buyer = value.purchases > 0;
    constexpr double none = std::numeric_limits<double>::quiet_NaN();
    switch (measure) {
    case ValueMeasure::RecencyDays:
        return buyer ? double(asOf - value.lastPurchase) / SecondsPerDay : none;
    case ValueMeasure::FirstPurchaseDays:
        return buyer ? double(asOf - value.firstPurchase) / SecondsPerDay : none;
    case ValueMeasure::Frequency:
        return value.orders;
    case ValueMeasure::Purchases:
        return value.purchases;
    case ValueMeasure::Monetary:
        return value.monetary();
    case ValueMeasure::AverageOrderValue:
        return buyer ? value.monetary() / value.orders : none;
    case ValueMeasure::SaleShare:
        return buyer ? double(value.salePurchases) / value.purchases : none;
    case ValueMeasure::RecencyScore:
    case ValueMeasure::FrequencyScore:
    case ValueMeasure::MonetaryScore:
        break;
    }
    return none;
}

double PersonFeatures::measure(ValueMeasure measure, int user) const
{
    switch (measure) {
    case ValueMeasure::RecencyScore:
    case ValueMeasure::FrequencyScore:
    case ValueMeasure::MonetaryScore:
        return isBuyer(user) ? double(score(measure, user)) : std::numeric_limits<double>::quiet_NaN();
    case ValueMeasure::Monetary: // the common ones without gathering the rest
        return m_monetary[size_t(user)];
    case ValueMeasure::Frequency:
        return m_orders[size_t(user)];
    default:
        return measureOf(measure, value(user), m_asOf);
    }
}

const std::vector<float> &PersonFeatures::eventWeights() const
{
    WeightCache &cache = *m_weights;
    std::call_once(cache.once, [this, &cache] {
        const Snapshot &s = *m_snapshot;
        cache.weights.resize(size_t(s.eventCount()));
        if (s.userCount() == 0)
            return;
        const Snapshot::Event *first = s.userEvents(0).data();
        // Relative to the snapshot's time: a constant factor away from the decay at any other
        // as_of, which cancels in the shares, so features at earlier month ends reuse them.
        const double reference = double(s.asOf());
        const double perSecond = m_halfLifeDays > 0 ? 1.0 / (SecondsPerDay * m_halfLifeDays) : 0.0;
        parallelRanges(s.userCount(), [&](int begin, int end) {
            for (int u = begin; u < end; ++u) {
                for (const Snapshot::Event &e : s.userEvents(u)) {
                    double weight = s.weights().weights[e.type];
                    if (perSecond > 0)
                        weight *= std::exp2(-std::max(0.0, reference - double(s.toUnix(e.time))) * perSecond);
                    cache.weights[size_t(&e - first)] = float(weight);
                }
            }
        });
    });
    return cache.weights;
}

std::vector<quint8> PersonFeatures::itemMask(Dimension dimension, int target) const
{
    const Snapshot &s = *m_snapshot;
    std::vector<quint8> mask(size_t(s.itemCount()), 0);
    for (int item = 0; item < s.itemCount(); ++item) {
        bool marked = false;
        switch (dimension) {
        case Dimension::Category:
            marked = target < 0 ? s.category(item) >= 0 : s.inCategory(item, target);
            break;
        case Dimension::Brand:
            marked = target < 0 ? s.brand(item) >= 0 : s.brand(item) == target;
            break;
        case Dimension::Topic:
            marked = target < 0 ? m_itemTopic[size_t(item)] >= 0 : m_itemTopic[size_t(item)] == target;
            break;
        }
        mask[size_t(item)] = marked ? 1 : 0;
    }
    return mask;
}

void PersonFeatures::addWeights(
    const std::vector<quint8> &itemMask, std::vector<double> &sums, const std::vector<int> *from) const
{
    const std::vector<float> &weights = eventWeights();
    const Snapshot &s = *m_snapshot;
    sums.resize(size_t(userCount()), 0.0);
    if (userCount() == 0)
        return;
    const Snapshot::Event *first = s.userEvents(0).data();
    parallelRanges(userCount(), [&](int begin, int end) {
        for (int u = begin; u < end; ++u) {
            const auto events = this->events(u);
            const size_t offset = size_t(events.data() - first);
            // Summed in event order from where the base stopped: the same additions as from scratch.
            double sum = sums[size_t(u)];
            for (size_t i = from ? size_t((*from)[size_t(u)]) : 0; i < events.size(); ++i) {
                if (itemMask[size_t(events[i].item)])
                    sum += weights[offset + i];
            }
            sums[size_t(u)] = sum;
        }
    });
}

std::shared_ptr<const std::vector<float>> PersonFeatures::shares(
    const std::vector<double> &sums, Dimension dimension) const
{
    const std::vector<double> &denominator = m_denominators[size_t(dimension)];
    auto shares = std::make_shared<std::vector<float>>(sums.size(), 0.0f);
    for (size_t u = 0; u < sums.size(); ++u) {
        // The same events summed in the same order: a person wholly in the target gets exactly 1.
        if (denominator[u] > 0)
            (*shares)[u] = float(std::min(1.0, sums[u] / denominator[u]));
    }
    return shares;
}

std::shared_ptr<const std::vector<float>> PersonFeatures::affinity(Dimension dimension, int target) const
{
    const qint64 key = qint64(dimension) << 32 | quint32(target);
    std::lock_guard lock(m_mutex);
    if (const auto cached = m_columns.value(key))
        return cached->shares;
    std::vector<double> &denominator = m_denominators[size_t(dimension)];
    if (denominator.empty())
        addWeights(itemMask(dimension, -1), denominator, nullptr);
    auto column = std::make_shared<Column>();
    column->dimension = dimension;
    column->target = target;
    if (target >= 0)
        addWeights(itemMask(dimension, target), column->sums, nullptr);
    else
        column->sums.assign(size_t(userCount()), 0.0); // an unknown target: nobody likes it
    column->shares = shares(column->sums, dimension);
    m_columns.insert(key, column);
    return column->shares;
}

} // namespace Vitrine
