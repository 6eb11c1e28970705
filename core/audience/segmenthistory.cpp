// SPDX-License-Identifier: GPL-3.0-or-later
#include "segmenthistory.h"

#include "parallelranges.h"
#include "segmentevaluator.h"
#include "segmentlibrary.h"
#include "segmentrule.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>

#include <algorithm>
#include <atomic>
#include <bit>
#include <climits>
#include <cmath>
#include <mutex>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::SegmentHistory)
};

/** One bit per time of a run, per person. */
using Mask = quint16;
using Masks = std::vector<Mask>;
constexpr size_t TimesPerRun = 16;

} // namespace

struct SegmentHistory::Run
{
    Run(const PersonFeaturesPtr &features, const SegmentLibrary *library, const Progress &progress)
        : features(*features)
        , snapshot(*features->snapshot())
        , library(library)
        , evaluator(features, library)
        , progress(progress)
        , people(features->userCount())
    { }

    const PersonFeatures &features;
    const Snapshot &snapshot;
    const SegmentLibrary *library;
    SegmentEvaluator evaluator; ///< resolves names and tests profile conditions
    const Progress &progress;
    std::vector<qint64> times; ///< Unix seconds
    std::vector<qint64> limits; ///< the same relative to the snapshot's epoch, as events are
    Mask full = 0;
    int people = 0;
    QHash<QString, Masks> memo;
    QStringList stack;
    QString error;
    bool cancelled = false;
    /** Per score measure, per time, the thresholds of scores 2..5; built on first use. */
    QHash<int, std::vector<std::array<double, 4>>> thresholds;

    bool failed()
    {
        cancelled = cancelled || progress.isCancelled();
        return cancelled || !error.isEmpty();
    }
    void fail(const QString &message)
    {
        if (error.isEmpty())
            error = stack.isEmpty() ? message : Tr::tr("segment '%1': %2").arg(stack.last(), message);
    }

    /** result[u] = test(u, within[u]) & within[u] for everybody with a time left, on all cores. */
    template<typename Test> Masks pass(const Masks &within, const Test &test) const
    {
        Masks result(size_t(people), 0);
        parallelRanges(people, [&](int begin, int end) {
            for (int u = begin; u < end; ++u) {
                if (const Mask wanted = within[size_t(u)])
                    result[size_t(u)] = Mask(test(u, wanted) & wanted);
            }
        });
        return result;
    }
    /** The person's events up to the last time `wanted` asks about. */
    std::span<const Snapshot::Event> events(int user, Mask wanted) const
    {
        const auto all = snapshot.userEvents(user);
        const qint64 limit = limits[size_t(std::bit_width(unsigned(wanted)) - 1)];
        const auto last = std::upper_bound(all.begin(), all.end(), limit,
            [](qint64 time, const Snapshot::Event &e) { return time < e.time; });
        return all.first(size_t(last - all.begin()));
    }

    Masks node(const SegmentRule::Node &node, const Masks &within);
    Masks condition(const SegmentCondition &c, const Masks &within);
    Masks profile(const SegmentCondition &c, const Masks &within);
    Masks behaviour(const SegmentCondition &c, const Masks &within);
    Masks value(const SegmentCondition &c, const Masks &within);
    Masks affinity(const SegmentCondition &c, const Masks &within);
    const Masks *segment(const SegmentCondition &c);
    const std::vector<std::array<double, 4>> &scoreThresholds(ValueMeasure score);
};

SegmentHistory::SegmentHistory(PersonFeaturesPtr features, const SegmentLibrary *library)
    : m_features(std::move(features))
    , m_library(library)
{ }

SegmentHistory::~SegmentHistory() = default;

bool SegmentHistory::evaluate(const SegmentRule &rule, const std::vector<qint64> &times, QString *error,
    const Progress &progress, const std::function<void(size_t, const Masks &)> &visit)
{
    const Snapshot &s = *m_features->snapshot();
    for (size_t first = 0; first < times.size(); first += TimesPerRun) {
        progress.report(Tr::tr("Size over time"), qint64(first), qint64(times.size()));
        Run run(m_features, m_library, progress);
        run.times.assign(times.begin() + qint64(first),
            times.begin() + qint64(std::min(times.size(), first + TimesPerRun)));
        for (qint64 time : run.times)
            run.limits.push_back(time - s.epoch());
        run.full = Mask((1u << run.times.size()) - 1);
        const Masks members = run.node(rule.root(), Masks(size_t(run.people), run.full));
        if (run.failed()) {
            if (error)
                *error = run.cancelled ? Tr::tr("cancelled") : run.error;
            return false;
        }
        visit(first, members);
    }
    progress.report(Tr::tr("Size over time"), qint64(times.size()), qint64(times.size()));
    return true;
}

std::vector<int> SegmentHistory::sizes(
    const SegmentRule &rule, const std::vector<qint64> &times, QString *error, const Progress &progress)
{
    std::vector<int> sizes(times.size(), 0);
    const bool ok = evaluate(rule, times, error, progress, [&](size_t first, const Masks &members) {
        for (Mask mask : members) {
            for (unsigned bits = mask; bits; bits &= bits - 1)
                ++sizes[first + size_t(std::countr_zero(bits))];
        }
    });
    return ok ? sizes : std::vector<int> {};
}

std::vector<PersonSet> SegmentHistory::members(
    const SegmentRule &rule, const std::vector<qint64> &times, QString *error, const Progress &progress)
{
    const int n = m_features->userCount();
    std::vector<PersonSet> sets(times.size(), PersonSet(n));
    const bool ok = evaluate(rule, times, error, progress, [&](size_t first, const Masks &members) {
        for (int u = 0; u < n; ++u) {
            for (unsigned bits = members[size_t(u)]; bits; bits &= bits - 1)
                sets[first + size_t(std::countr_zero(bits))].insert(u);
        }
    });
    return ok ? sets : std::vector<PersonSet> {};
}

Masks SegmentHistory::Run::node(const SegmentRule::Node &node, const Masks &within)
{
    using Kind = SegmentRule::Node::Kind;
    if (failed() || std::none_of(within.begin(), within.end(), [](Mask m) { return m != 0; }))
        return Masks(size_t(people), 0);
    switch (node.kind) {
    case Kind::All: {
        std::vector<const SegmentRule::Node *> order;
        for (const auto &child : node.children)
            order.push_back(&child);
        std::stable_sort(order.begin(), order.end(), [](auto a, auto b) {
            return SegmentEvaluator::cost(*a, true) < SegmentEvaluator::cost(*b, true);
        });
        Masks current = within;
        for (const SegmentRule::Node *child : order)
            current = this->node(*child, current);
        return current;
    }
    case Kind::Any: {
        Masks result(size_t(people), 0);
        Masks remaining = within;
        for (const auto &child : node.children) {
            const Masks got = this->node(child, remaining);
            for (size_t u = 0; u < result.size(); ++u) {
                result[u] |= got[u];
                remaining[u] &= Mask(~got[u]);
            }
        }
        return result;
    }
    case Kind::Not: {
        Masks base = within;
        const Masks got = this->node(node.children.front(), base);
        for (size_t u = 0; u < base.size(); ++u)
            base[u] &= Mask(~got[u]);
        return base;
    }
    case Kind::Condition:
        return condition(node.condition, within);
    }
    return Masks(size_t(people), 0);
}

Masks SegmentHistory::Run::condition(const SegmentCondition &c, const Masks &within)
{
    using Kind = SegmentCondition::Kind;
    switch (c.kind) {
    case Kind::Profile:
        return profile(c, within);
    case Kind::Behaviour:
        return behaviour(c, within);
    case Kind::Value:
        return value(c, within);
    case Kind::Affinity:
        return affinity(c, within);
    case Kind::Segment:
        if (const Masks *members = segment(c)) {
            Masks result = within;
            for (size_t u = 0; u < result.size(); ++u)
                result[u] &= (*members)[u];
            return result;
        }
        break;
    }
    return Masks(size_t(people), 0);
}

const Masks *SegmentHistory::Run::segment(const SegmentCondition &c)
{
    const QString &name = c.segment;
    if (const auto it = memo.constFind(name); it != memo.constEnd())
        return &it.value();
    if (stack.contains(name)) {
        fail(Tr::tr("%1: %2 → %3 is a cycle; a segment cannot contain itself")
                 .arg(c.path, stack.mid(stack.indexOf(name)).join(QStringLiteral(" → ")), name));
        return nullptr;
    }
    const SegmentDefinition *definition = library ? library->find(name) : nullptr;
    if (!definition) {
        fail(Tr::tr("%1: no segment named '%2'").arg(c.path, name));
        return nullptr;
    }
    stack.append(name);
    Masks members = node(definition->rule.root(), Masks(size_t(people), full));
    stack.removeLast();
    if (failed())
        return nullptr;
    return &memo.insert(name, std::move(members)).value();
}

Masks SegmentHistory::Run::profile(const SegmentCondition &c, const Masks &within)
{
    // Only ages change with time, and only with the calendar year: one test per year.
    std::vector<std::pair<int, Mask>> years;
    for (size_t t = 0; t < times.size(); ++t) {
        const int year = QDateTime::fromSecsSinceEpoch(times[t], Qt::UTC).date().year();
        if (years.empty() || years.back().first != year)
            years.emplace_back(year, Mask(0));
        years.back().second |= Mask(1u << t);
    }
    if (c.field != SegmentCondition::Field::Age)
        years = {{years.back().first, full}};
    std::vector<std::function<bool(int)>> tests;
    for (const auto &[year, mask] : years)
        tests.push_back(evaluator.profileTest(c, year));
    return pass(within, [&](int u, Mask wanted) {
        Mask held = 0;
        for (size_t y = 0; y < years.size(); ++y) {
            if ((wanted & years[y].second) && tests[y](u))
                held |= years[y].second;
        }
        return held;
    });
}

Masks SegmentHistory::Run::behaviour(const SegmentCondition &c, const Masks &within)
{
    const std::vector<quint8> items = evaluator.behaviourItems(c);
    std::vector<qint32> windowStarts; // the first time each time's window counts
    for (qint64 time : times)
        windowStarts.push_back(
            c.withinDays ? snapshot.toRelative(time - qint64(*c.withinDays) * 86400) : INT_MIN);
    const int atMost = c.atMost.value_or(INT_MAX);
    return pass(within, [&](int u, Mask wanted) {
        std::array<int, TimesPerRun> counts {};
        size_t first = 0; // the first time at or after the event
        for (const Snapshot::Event &e : events(u, wanted)) {
            while (limits[first] < e.time)
                ++first;
            if (!((c.eventMask >> e.type) & 1u) || (!items.empty() && !items[size_t(e.item)]))
                continue;
            for (size_t t = first; t < times.size() && windowStarts[t] <= e.time; ++t)
                ++counts[t];
        }
        Mask held = 0;
        for (size_t t = 0; t < times.size(); ++t)
            held |= counts[t] >= c.atLeast && counts[t] <= atMost ? Mask(1u << t) : Mask(0);
        return held;
    });
}

const std::vector<std::array<double, 4>> &SegmentHistory::Run::scoreThresholds(ValueMeasure score)
{
    auto it = thresholds.find(int(score));
    if (it != thresholds.end())
        return it.value();
    // Every buyer's key at every time: scores rank all buyers, not only the candidates.
    std::vector<std::vector<double>> keys(times.size());
    std::mutex merge;
    parallelRanges(people, [&](int begin, int end) {
        std::vector<std::vector<double>> mine(times.size());
        for (int u = begin; u < end; ++u) {
            const auto all = events(u, full);
            PersonFeatures::PersonValue value;
            size_t from = 0;
            for (size_t t = 0; t < times.size(); ++t) {
                size_t to = from;
                while (to < all.size() && all[to].time <= limits[t])
                    ++to;
                PersonFeatures::addEvents(snapshot, all.subspan(from, to - from), value);
                from = to;
                if (value.purchases > 0)
                    mine[t].push_back(PersonFeatures::scoreKey(score, value));
            }
        }
        std::lock_guard lock(merge);
        for (size_t t = 0; t < times.size(); ++t)
            keys[t].insert(keys[t].end(), mine[t].begin(), mine[t].end());
    });
    std::vector<std::array<double, 4>> list;
    for (std::vector<double> &atTime : keys)
        list.push_back(PersonFeatures::scoreThresholds(atTime));
    return thresholds.insert(int(score), std::move(list)).value();
}

Masks SegmentHistory::Run::value(const SegmentCondition &c, const Masks &within)
{
    const bool score = ValueMeasures::isScore(c.measure);
    const std::vector<std::array<double, 4>> *scoreLimits = score ? &scoreThresholds(c.measure) : nullptr;
    const auto holds = [&](const PersonFeatures::PersonValue &value, size_t t) {
        double v = std::numeric_limits<double>::quiet_NaN();
        if (!score) {
            v = PersonFeatures::measureOf(c.measure, value, times[t]);
        } else if (value.purchases > 0) {
            const double key = PersonFeatures::scoreKey(c.measure, value);
            v = 1;
            for (double threshold : (*scoreLimits)[t])
                v += key > threshold ? 1 : 0;
        }
        return !std::isnan(v) && (!c.min || v >= *c.min) && (!c.max || v <= *c.max);
    };
    // People without purchases between the first and the last time have the same sums at all of
    // them, known from the features when those stand at or after the last time: no walk.
    const bool known = features.asOf() >= times.back();
    // Scores rank against everybody at each time; days count from each time.
    const bool timed
        = score || c.measure == ValueMeasure::RecencyDays || c.measure == ValueMeasure::FirstPurchaseDays;
    return pass(within, [&](int u, Mask wanted) {
        Mask held = 0;
        if (known && (!features.isBuyer(u) || features.lastPurchase(u) <= times.front())) {
            const PersonFeatures::PersonValue value = features.value(u);
            if (!timed)
                return holds(value, 0) ? wanted : Mask(0);
            for (size_t t = 0; t < times.size(); ++t)
                held |= ((wanted >> t) & 1u) && holds(value, t) ? Mask(1u << t) : Mask(0);
            return held;
        }
        const auto all = snapshot.userEvents(u);
        PersonFeatures::PersonValue value;
        size_t from = 0;
        int evaluated = -1; // the purchases when last tested, for measures that only change with them
        bool heldNow = false;
        for (size_t t = 0; t < times.size() && (wanted >> t); ++t) {
            size_t to = from;
            while (to < all.size() && all[to].time <= limits[t])
                ++to;
            if (to > from)
                PersonFeatures::addEvents(snapshot, all.subspan(from, to - from), value);
            from = to;
            if (!((wanted >> t) & 1u))
                continue;
            if (timed || evaluated != value.purchases) {
                heldNow = holds(value, t);
                evaluated = value.purchases;
            }
            held |= heldNow ? Mask(1u << t) : Mask(0);
        }
        return held;
    });
}

Masks SegmentHistory::Run::affinity(const SegmentCondition &c, const Masks &within)
{
    const int target = evaluator.affinityTarget(c);
    const std::vector<quint8> any = features.itemMask(c.dimension, -1);
    const std::vector<quint8> mine
        = target >= 0 ? features.itemMask(c.dimension, target) : std::vector<quint8>(any.size(), 0);
    const std::vector<float> &weights = features.eventWeights();
    const Snapshot::Event *first = people ? snapshot.userEvents(0).data() : nullptr;
    const float threshold = float(c.threshold);
    return pass(within, [&](int u, Mask wanted) {
        const auto all = events(u, wanted);
        const float *weight = weights.data() + (all.data() - first);
        // The sums PersonFeatures::affinity() makes, in the same order, read at each time.
        double sum = 0, denominator = 0;
        Mask held = 0;
        size_t i = 0;
        for (size_t t = 0; t < times.size() && (wanted >> t); ++t) {
            for (; i < all.size() && all[i].time <= limits[t]; ++i) {
                if (any[size_t(all[i].item)])
                    denominator += weight[i];
                if (mine[size_t(all[i].item)])
                    sum += weight[i];
            }
            const float share = denominator > 0 ? float(std::min(1.0, sum / denominator)) : 0.0f;
            if (((wanted >> t) & 1u) && share >= threshold)
                held |= Mask(1u << t);
        }
        return held;
    });
}

} // namespace Vitrine
