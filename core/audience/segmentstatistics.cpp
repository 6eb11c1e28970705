// SPDX-License-Identifier: GPL-3.0-or-later
#include "segmentstatistics.h"

#include "engine/recommender.h"
#include "parallelranges.h"
#include "segmentevaluator.h"
#include "segmenthistory.h"
#include "segmentrule.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>

#include <algorithm>
#include <array>
#include <mutex>

namespace Vitrine {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::SegmentStatistics)
};

std::vector<SegmentBucket> buckets(const std::vector<std::pair<QString, int>> &counts, int total)
{
    std::vector<SegmentBucket> list;
    for (const auto &[name, count] : counts)
        list.push_back({name, count, total > 0 ? double(count) / total : 0.0});
    return list;
}

/** The age bands of the composition chart; the last is "unknown". */
const std::array<const char *, 7> kAgeBands
    = {"under 20", "20-29", "30-39", "40-49", "50-59", "60+", "unknown"};

int ageBand(int age)
{
    if (age < 0)
        return 6;
    return age < 20 ? 0 : std::min(5, age / 10 - 1);
}

} // namespace

SegmentStatistics::SegmentStatistics(PersonFeaturesPtr features)
    : m_features(std::move(features))
{ }

SegmentStats SegmentStatistics::compute(
    const PersonSet &members, const SegmentStatsOptions &options, const Progress &progress) const
{
    const PersonFeatures &f = *m_features;
    const Snapshot &s = *f.snapshot();
    SegmentStats stats;
    stats.asOf = f.asOf();
    stats.population = f.userCount();
    stats.size = members.count();
    stats.share = stats.population > 0 ? double(stats.size) / stats.population : 0.0;
    progress.report(Tr::tr("Segment statistics"), 0, 2);

    // Composition and value, over the members.
    std::array<int, 4> genders {};
    std::array<int, kAgeBands.size()> ages {};
    std::vector<int> countries(size_t(s.countryCount()) + 1, 0);
    double spend = 0;
    qint64 orders = 0;
    members.forEach([&](int u) {
        const char g = s.gender(u);
        ++genders[g == 'f' ? 0 : g == 'm' ? 1 : g == 'x' ? 2 : 3];
        ++ages[size_t(ageBand(f.age(u)))];
        ++countries[size_t(s.country(u) + 1)];
        spend += f.monetary(u);
        orders += f.orders(u);
        stats.buyers += f.isBuyer(u) ? 1 : 0;
    });
    stats.genders = buckets({{QStringLiteral("f"), genders[0]}, {QStringLiteral("m"), genders[1]},
                                {QStringLiteral("x"), genders[2]}, {QStringLiteral("unknown"), genders[3]}},
        stats.size);
    std::vector<std::pair<QString, int>> ageCounts;
    for (size_t band = 0; band < kAgeBands.size(); ++band)
        ageCounts.emplace_back(QLatin1String(kAgeBands[band]), ages[band]);
    stats.ageBands = buckets(ageCounts, stats.size);
    std::vector<std::pair<QString, int>> countryCounts;
    for (int c = 0; c < s.countryCount(); ++c) {
        if (countries[size_t(c) + 1])
            countryCounts.emplace_back(s.countryName(c), countries[size_t(c) + 1]);
    }
    std::sort(countryCounts.begin(), countryCounts.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (int(countryCounts.size()) > options.topCountries) {
        int other = 0;
        for (size_t i = size_t(options.topCountries); i < countryCounts.size(); ++i)
            other += countryCounts[i].second;
        countryCounts.resize(size_t(options.topCountries));
        countryCounts.emplace_back(QStringLiteral("other"), other);
    }
    if (countries[0])
        countryCounts.emplace_back(QStringLiteral("unknown"), countries[0]);
    stats.countries = buckets(countryCounts, stats.size);
    stats.averageSpend = stats.size ? spend / stats.size : 0.0;
    stats.averageOrders = stats.size ? double(orders) / stats.size : 0.0;
    stats.averageOrderValue = orders ? spend / double(orders) : 0.0;
    double allSpend = 0;
    qint64 allOrders = 0;
    for (int u = 0; u < f.userCount(); ++u) {
        allSpend += f.monetary(u);
        allOrders += f.orders(u);
    }
    stats.populationAverageSpend = f.userCount() ? allSpend / f.userCount() : 0.0;
    stats.populationAverageOrders = f.userCount() ? double(allOrders) / f.userCount() : 0.0;
    progress.report(Tr::tr("Segment statistics"), 1, 2);

    // Favourite categories: one pass over everybody's events, the members' counted apart.
    stats.categoryEvent = eventTypeName(options.categoryEvent);
    stats.categoryLevel = options.categoryLevel;
    std::vector<int> levelOf(size_t(s.itemCount()), -1);
    for (int item = 0; item < s.itemCount(); ++item) {
        const std::vector<int> chain = s.categoryChain(item); // leaf first
        if (!chain.empty())
            levelOf[size_t(item)] = chain[chain.size() >= size_t(options.categoryLevel)
                    ? chain.size() - size_t(options.categoryLevel)
                    : 0];
    }
    const size_t categories = size_t(s.categoryCount());
    std::vector<qint64> allEvents(categories, 0), memberEvents(categories, 0);
    std::vector<int> memberPeople(categories, 0);
    std::mutex merge;
    const quint8 type = quint8(options.categoryEvent);
    parallelRanges(f.userCount(), [&](int begin, int end) {
        std::vector<qint64> all(categories, 0), mine(categories, 0);
        std::vector<int> people(categories, 0), lastSeen(categories, -1);
        for (int u = begin; u < end; ++u) {
            const bool member = members.contains(u);
            for (const Snapshot::Event &e : f.events(u)) {
                const int category = levelOf[size_t(e.item)];
                if (e.type != type || category < 0)
                    continue;
                ++all[size_t(category)];
                if (!member)
                    continue;
                ++mine[size_t(category)];
                if (lastSeen[size_t(category)] != u) {
                    lastSeen[size_t(category)] = u;
                    ++people[size_t(category)];
                }
            }
        }
        std::lock_guard lock(merge);
        for (size_t c = 0; c < categories; ++c) {
            allEvents[c] += all[c];
            memberEvents[c] += mine[c];
            memberPeople[c] += people[c];
        }
    });
    qint64 allTotal = 0, memberTotal = 0;
    for (size_t c = 0; c < categories; ++c) {
        allTotal += allEvents[c];
        memberTotal += memberEvents[c];
    }
    for (size_t c = 0; c < categories; ++c) {
        if (!memberEvents[c])
            continue;
        SegmentCategory entry;
        entry.category = int(c);
        entry.path = s.categoryInfo(int(c)).path;
        entry.events = memberEvents[c];
        entry.people = memberPeople[c];
        entry.share = double(memberEvents[c]) / double(memberTotal);
        const double everybody = double(allEvents[c]) / double(allTotal);
        entry.lift = everybody > 0 ? entry.share / everybody : 0.0;
        stats.topCategories.push_back(entry);
    }
    std::sort(stats.topCategories.begin(), stats.topCategories.end(), [](const auto &a, const auto &b) {
        return a.events != b.events ? a.events > b.events : a.path < b.path;
    });
    if (int(stats.topCategories.size()) > options.topCategories)
        stats.topCategories.resize(size_t(std::max(0, options.topCategories)));
    progress.report(Tr::tr("Segment statistics"), 2, 2);
    return stats;
}

std::vector<qint64> SegmentStatistics::monthEnds(qint64 asOf, int months)
{
    std::vector<qint64> ends;
    QDate month = QDateTime::fromSecsSinceEpoch(asOf, Qt::UTC).date();
    month = QDate(month.year(), month.month(), 1);
    while (int(ends.size()) < months) {
        const QDate last(month.year(), month.month(), month.daysInMonth());
        const qint64 end = QDateTime(last, QTime(23, 59, 59), Qt::UTC).toSecsSinceEpoch();
        if (end <= asOf)
            ends.push_back(end);
        month = month.addMonths(-1);
    }
    std::reverse(ends.begin(), ends.end());
    return ends;
}

std::vector<SegmentMonthSize> SegmentStatistics::sizeOverTime(const SegmentRule &rule,
    const SegmentLibrary *library, int months, QString *error, const Progress &progress) const
{
    std::vector<SegmentMonthSize> sizes;
    const std::vector<qint64> ends = monthEnds(m_features->asOf(), months);
    // All month ends in one walk over each person's events (SegmentHistory), with the counts
    // features computed at each month end would give.
    const std::vector<int> counts = SegmentHistory(m_features, library).sizes(rule, ends, error, progress);
    if (counts.size() != ends.size())
        return {};
    for (size_t i = 0; i < ends.size(); ++i) {
        SegmentMonthSize size;
        size.asOf = ends[i];
        size.month
            = QDateTime::fromSecsSinceEpoch(ends[i], Qt::UTC).date().toString(QStringLiteral("yyyy-MM"));
        size.size = counts[i];
        size.share = m_features->userCount() ? double(size.size) / m_features->userCount() : 0.0;
        sizes.push_back(size);
    }
    return sizes;
}

SegmentShown SegmentStatistics::shown(const PersonSet &members, Recommender &recommender, const QString &slot,
    int sample, int topItems, const Progress &progress) const
{
    SegmentShown shown;
    shown.slot = slot;
    if (!recommender.pipeline(slot, &shown.error, progress))
        return shown;
    const std::vector<int> people = members.toList();
    shown.members = int(people.size());
    shown.sampled = std::min(std::max(0, sample), shown.members);
    QHash<int, std::pair<int, qint64>> seen; // item → (members shown it, sum of positions)
    for (int j = 0; j < shown.sampled; ++j) {
        if ((j & 15) == 0) {
            progress.report(Tr::tr("Running the slot for members"), j, shown.sampled);
            if (progress.isCancelled()) {
                shown.error = Tr::tr("cancelled");
                return shown;
            }
        }
        // Evenly spread through the segment, so a sample of a sorted segment is not its start.
        RecommendRequest request;
        request.user = people[size_t(qint64(j) * shown.members / shown.sampled)];
        const SlotResult result = recommender.recommend(slot, request);
        if (!result.ok) {
            shown.error = result.error;
            return shown;
        }
        for (size_t position = 0; position < result.items.size(); ++position) {
            auto &entry = seen[result.items[position].item];
            ++entry.first;
            entry.second += qint64(position) + 1;
        }
    }
    progress.report(Tr::tr("Running the slot for members"), shown.sampled, shown.sampled);
    for (auto it = seen.constBegin(); it != seen.constEnd(); ++it) {
        shown.items.push_back({it.key(), it.value().first, double(it.value().first) / shown.sampled,
            double(it.value().second) / it.value().first});
    }
    std::sort(shown.items.begin(), shown.items.end(), [](const auto &a, const auto &b) {
        if (a.members != b.members)
            return a.members > b.members;
        return a.averagePosition != b.averagePosition ? a.averagePosition < b.averagePosition
                                                      : a.item < b.item;
    });
    if (int(shown.items.size()) > topItems)
        shown.items.resize(size_t(std::max(0, topItems)));
    shown.ok = true;
    return shown;
}

} // namespace Vitrine
