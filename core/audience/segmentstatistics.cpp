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

/** 0..3 for f, m, x and unknown: the order of the gender buckets. */
int genderIndex(char gender)
{
    return gender == 'f' ? 0 : gender == 'm' ? 1 : gender == 'x' ? 2 : 3;
}

const std::array<const char *, 4> kGenders = {"f", "m", "x", "unknown"};

/** The members' known countries (index, count), the largest first, ties by name. */
std::vector<std::pair<int, int>> countryRanking(const Snapshot &s, const PersonSet &members)
{
    std::vector<int> counts(size_t(s.countryCount()), 0);
    members.forEach([&](int u) {
        if (s.country(u) >= 0)
            ++counts[size_t(s.country(u))];
    });
    std::vector<std::pair<int, int>> ranking;
    for (int c = 0; c < s.countryCount(); ++c) {
        if (counts[size_t(c)])
            ranking.emplace_back(c, counts[size_t(c)]);
    }
    std::sort(ranking.begin(), ranking.end(), [&s](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : s.countryName(a.first) < s.countryName(b.first);
    });
    return ranking;
}

/** Each item's category at `level` (shallower items at their own), or -1. */
std::vector<int> categoryAtLevel(const Snapshot &s, int level)
{
    std::vector<int> levelOf(size_t(s.itemCount()), -1);
    for (int item = 0; item < s.itemCount(); ++item) {
        const std::vector<int> chain = s.categoryChain(item); // leaf first
        if (!chain.empty())
            levelOf[size_t(item)] = chain[chain.size() >= size_t(level) ? chain.size() - size_t(level) : 0];
    }
    return levelOf;
}

/** Counts of one kind of favourite (categories or brands) from one pass over the events. */
struct Tally
{
    explicit Tally(size_t size)
        : all(size, 0)
        , mine(size, 0)
        , people(size, 0)
        , lastSeen(size, -1)
    { }

    void add(int target, int user, bool member)
    {
        if (target < 0)
            return;
        ++all[size_t(target)];
        if (!member)
            return;
        ++mine[size_t(target)];
        if (lastSeen[size_t(target)] != user) {
            lastSeen[size_t(target)] = user;
            ++people[size_t(target)];
        }
    }
    void merge(const Tally &other)
    {
        for (size_t i = 0; i < all.size(); ++i) {
            all[i] += other.all[i];
            mine[i] += other.mine[i];
            people[i] += other.people[i];
        }
    }

    std::vector<qint64> all, mine;
    std::vector<int> people;
    std::vector<int> lastSeen;
};

/** The members' favourites with share and lift, the most events first (ties by name). */
template<typename Entry, typename Fill>
std::vector<Entry> favourites(const Tally &tally, int top, Fill fill, QString Entry::*name)
{
    qint64 allTotal = 0, memberTotal = 0;
    for (size_t i = 0; i < tally.all.size(); ++i) {
        allTotal += tally.all[i];
        memberTotal += tally.mine[i];
    }
    std::vector<Entry> list;
    for (size_t i = 0; i < tally.all.size(); ++i) {
        if (!tally.mine[i])
            continue;
        Entry entry;
        fill(entry, int(i));
        entry.events = tally.mine[i];
        entry.people = tally.people[i];
        entry.share = double(tally.mine[i]) / double(memberTotal);
        const double everybody = double(tally.all[i]) / double(allTotal);
        entry.lift = everybody > 0 ? entry.share / everybody : 0.0;
        list.push_back(entry);
    }
    std::sort(list.begin(), list.end(), [name](const Entry &a, const Entry &b) {
        return a.events != b.events ? a.events > b.events : a.*name < b.*name;
    });
    if (int(list.size()) > top)
        list.resize(size_t(std::max(0, top)));
    return list;
}

/** Adds the person to their RFM cell, or to those who never bought. */
void addToGrid(const PersonFeatures &f, int user, SegmentRfmGrid &grid)
{
    const int recency = f.score(ValueMeasure::RecencyScore, user);
    const int frequency = f.score(ValueMeasure::FrequencyScore, user);
    if (recency < 1 || frequency < 1)
        ++grid.neverBought;
    else
        ++grid.cells[size_t(recency - 1)][size_t(frequency - 1)];
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

    // Composition, value and RFM cells, over the members.
    std::array<int, kGenders.size()> genders {};
    std::array<int, kAgeBands.size()> ages {};
    int unknownCountry = 0;
    double spend = 0;
    qint64 orders = 0;
    members.forEach([&](int u) {
        ++genders[size_t(genderIndex(s.gender(u)))];
        ++ages[size_t(ageBand(f.age(u)))];
        unknownCountry += s.country(u) < 0 ? 1 : 0;
        spend += f.monetary(u);
        orders += f.orders(u);
        stats.buyers += f.isBuyer(u) ? 1 : 0;
        addToGrid(f, u, stats.rfm);
    });
    std::vector<std::pair<QString, int>> genderCounts;
    for (size_t g = 0; g < kGenders.size(); ++g)
        genderCounts.emplace_back(QLatin1String(kGenders[g]), genders[g]);
    stats.genders = buckets(genderCounts, stats.size);
    std::vector<std::pair<QString, int>> ageCounts;
    for (size_t band = 0; band < kAgeBands.size(); ++band)
        ageCounts.emplace_back(QLatin1String(kAgeBands[band]), ages[band]);
    stats.ageBands = buckets(ageCounts, stats.size);
    std::vector<std::pair<QString, int>> countryCounts;
    int other = 0;
    for (const auto &[country, count] : countryRanking(s, members)) {
        if (int(countryCounts.size()) < options.topCountries)
            countryCounts.emplace_back(s.countryName(country), count);
        else
            other += count;
    }
    if (other)
        countryCounts.emplace_back(QStringLiteral("other"), other);
    if (unknownCountry)
        countryCounts.emplace_back(QStringLiteral("unknown"), unknownCountry);
    stats.countries = buckets(countryCounts, stats.size);
    stats.averageSpend = stats.size ? spend / stats.size : 0.0;
    stats.averageOrders = stats.size ? double(orders) / stats.size : 0.0;
    stats.averageOrderValue = orders ? spend / double(orders) : 0.0;
    double allSpend = 0;
    qint64 allOrders = 0;
    for (int u = 0; u < f.userCount(); ++u) {
        allSpend += f.monetary(u);
        allOrders += f.orders(u);
        addToGrid(f, u, stats.populationRfm);
    }
    stats.populationAverageSpend = f.userCount() ? allSpend / f.userCount() : 0.0;
    stats.populationAverageOrders = f.userCount() ? double(allOrders) / f.userCount() : 0.0;
    progress.report(Tr::tr("Segment statistics"), 1, 2);

    // Favourite categories and brands: one pass over everybody's events, the members' counted apart.
    stats.categoryEvent = eventTypeName(options.categoryEvent);
    stats.categoryLevel = options.categoryLevel;
    const std::vector<int> levelOf = categoryAtLevel(s, options.categoryLevel);
    Tally categories(size_t(s.categoryCount())), brands(size_t(s.brandCount()));
    std::mutex merge;
    const quint8 type = quint8(options.categoryEvent);
    parallelRanges(f.userCount(), [&](int begin, int end) {
        Tally myCategories(size_t(s.categoryCount())), myBrands(size_t(s.brandCount()));
        for (int u = begin; u < end; ++u) {
            const bool member = members.contains(u);
            for (const Snapshot::Event &e : f.events(u)) {
                if (e.type != type)
                    continue;
                myCategories.add(levelOf[size_t(e.item)], u, member);
                myBrands.add(s.brand(e.item), u, member);
            }
        }
        std::lock_guard lock(merge);
        categories.merge(myCategories);
        brands.merge(myBrands);
    });
    stats.topCategories = favourites<SegmentCategory>(
        categories, options.topCategories,
        [&s](SegmentCategory &entry, int c) {
            entry.category = c;
            entry.path = s.categoryInfo(c).path;
        },
        &SegmentCategory::path);
    stats.topBrands = favourites<SegmentBrand>(
        brands, options.topBrands,
        [&s](SegmentBrand &entry, int b) {
            entry.brand = b;
            entry.name = s.brandName(b);
        },
        &SegmentBrand::name);
    progress.report(Tr::tr("Segment statistics"), 2, 2);
    return stats;
}

PersonSet SegmentStatistics::peopleIn(const PersonSet &members, SegmentFacet facet, const QString &key,
    const SegmentStatsOptions &options) const
{
    const PersonFeatures &f = *m_features;
    const Snapshot &s = *f.snapshot();
    PersonSet people(members.size());
    const auto keep = [&](const auto &test) {
        members.forEach([&](int u) {
            if (test(u))
                people.insert(u);
        });
    };
    // Members with an event of the counted type on one of the marked items.
    const auto keepActive = [&](const std::vector<quint8> &marked) {
        const quint8 type = quint8(options.categoryEvent);
        keep([&](int u) {
            const auto events = f.events(u);
            return std::any_of(events.begin(), events.end(),
                [&](const Snapshot::Event &e) { return e.type == type && marked[size_t(e.item)]; });
        });
    };
    switch (facet) {
    case SegmentFacet::Gender: {
        const auto it = std::find_if(kGenders.begin(), kGenders.end(),
            [&key](const char *name) { return key == QLatin1String(name); });
        if (it != kGenders.end())
            keep([&](int u) { return genderIndex(s.gender(u)) == int(it - kGenders.begin()); });
        break;
    }
    case SegmentFacet::AgeBand: {
        const auto it = std::find_if(kAgeBands.begin(), kAgeBands.end(),
            [&key](const char *name) { return key == QLatin1String(name); });
        if (it != kAgeBands.end())
            keep([&](int u) { return ageBand(f.age(u)) == int(it - kAgeBands.begin()); });
        break;
    }
    case SegmentFacet::Country:
        if (key == QLatin1String("unknown")) {
            keep([&](int u) { return s.country(u) < 0; });
        } else if (key == QLatin1String("other")) {
            // The countries compute() sums as "other": those after the top ones.
            std::vector<quint8> top(size_t(s.countryCount()), 0);
            const auto ranking = countryRanking(s, members);
            for (size_t i = 0; i < ranking.size() && int(i) < options.topCountries; ++i)
                top[size_t(ranking[i].first)] = 1;
            keep([&](int u) { return s.country(u) >= 0 && !top[size_t(s.country(u))]; });
        } else if (const int country = s.countryByName(key); country >= 0) {
            keep([&](int u) { return s.country(u) == country; });
        }
        break;
    case SegmentFacet::Category:
        if (const int category = s.categoryByPath(key); category >= 0) {
            const std::vector<int> levelOf = categoryAtLevel(s, options.categoryLevel);
            std::vector<quint8> marked(levelOf.size(), 0);
            for (size_t item = 0; item < levelOf.size(); ++item)
                marked[item] = levelOf[item] == category;
            keepActive(marked);
        }
        break;
    case SegmentFacet::Brand:
        if (const int brand = s.brandByName(key); brand >= 0) {
            std::vector<quint8> marked(size_t(s.itemCount()), 0);
            for (int item = 0; item < s.itemCount(); ++item)
                marked[size_t(item)] = s.brand(item) == brand;
            keepActive(marked);
        }
        break;
    case SegmentFacet::Rfm:
        for (int r = 1; r <= SegmentRfmGrid::Scores; ++r) {
            for (int fr = 1; fr <= SegmentRfmGrid::Scores; ++fr) {
                if (key == SegmentRfmGrid::cellKey(r, fr)) {
                    keep([&](int u) {
                        return f.score(ValueMeasure::RecencyScore, u) == r
                            && f.score(ValueMeasure::FrequencyScore, u) == fr;
                    });
                }
            }
        }
        if (key == SegmentRfmGrid::neverKey()) {
            keep([&](int u) {
                return f.score(ValueMeasure::RecencyScore, u) < 1
                    || f.score(ValueMeasure::FrequencyScore, u) < 1;
            });
        }
        break;
    }
    return people;
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
