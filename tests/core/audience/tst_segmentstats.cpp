// SPDX-License-Identifier: GPL-3.0-or-later
// Segment statistics: composition, value and favourite categories by hand on a tiny catalog;
// size at month ends (also against snapshots read at each month end, and against evaluating the
// rule afresh at each month end on a catalog whose events sit on the boundaries); overlap and the UpSet
// sums; what a slot shows members; the members' export; priorities and the starter segments.
#include "../engine/testcatalog.h"
#include "audience/personfeatures.h"
#include "audience/segmentevaluator.h"
#include "audience/segmentexporter.h"
#include "audience/segmenthistory.h"
#include "audience/segmentlibrary.h"
#include "audience/segmentoverlap.h"
#include "audience/segmentpriority.h"
#include "audience/segmentstatistics.h"
#include "audience/startersegments.h"
#include "demo/demogenerator.h"
#include "engine/recommender.h"
#include "storage/configstore.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <set>
#include <tuple>

using namespace Vitrine;
using namespace Vitrine::Test;

namespace {

/** 2026-04-11T00:00:00Z */
constexpr qint64 T = Day0 + 100 * Day;
/** 2026-02-28T23:59:59Z, the last second of February */
constexpr qint64 FebruaryEnd = 1772323199;

SegmentRule rule(const char *json)
{
    QString error;
    auto parsed = SegmentRule::fromText(QByteArray(json), &error);
    if (!parsed)
        qFatal("test rule does not parse: %s", qPrintable(error));
    return *parsed;
}

void buildCatalog(TestCatalog &c)
{
    using Item = TestCatalog::ItemSpec;
    c.item(Item {QStringLiteral("SKU-1"), {}, QStringLiteral("Outdoor > Hiking > Jackets"),
        QStringLiteral("Fjell"), 100});
    c.item(Item {QStringLiteral("SKU-2"), {}, QStringLiteral("Outdoor > Hiking > Boots"),
        QStringLiteral("Fjell"), 200, 150});
    c.item(Item {
        QStringLiteral("SKU-3"), {}, QStringLiteral("Home > Kitchen > Cookware"), QStringLiteral("Kok"), 50});
    c.item(Item {QStringLiteral("SKU-4"), {}, {}, {}, 10});
    using User = TestCatalog::UserSpec;
    c.user(User {QStringLiteral("ann"), QStringLiteral("f"), 1990, QStringLiteral("Denmark")});
    c.user(User {QStringLiteral("bob"), QStringLiteral("m"), 2000, QStringLiteral("Sweden")});
    c.user(User {QStringLiteral("cat")});
    c.user(User {QStringLiteral("eve"), QStringLiteral("f"), 1996, QStringLiteral("Denmark")});
    c.user(User {QStringLiteral("fay"), QStringLiteral("f"), 1980, QStringLiteral("Norway")});
    c.user(User {QStringLiteral("gus"), QStringLiteral("m"), 1970, QStringLiteral("Denmark")});
    c.user(User {QStringLiteral("hal"), QStringLiteral("m"), 1985, QStringLiteral("Finland")});
    c.user(User {QStringLiteral("ida"), QStringLiteral("x"), 2010, QStringLiteral("Iceland")});
    c.event(QStringLiteral("ann"), QStringLiteral("SKU-1"), 3, T - 10 * Day, 1, 100);
    c.event(QStringLiteral("ann"), QStringLiteral("SKU-2"), 3, T - 10 * Day + 3600, 1, 150);
    c.event(QStringLiteral("ann"), QStringLiteral("SKU-3"), 3, T - 40 * Day, 1, 50);
    c.event(QStringLiteral("bob"), QStringLiteral("SKU-2"), 3, T - 90 * Day, 2);
    c.event(QStringLiteral("eve"), QStringLiteral("SKU-3"), 3, T, 1, 50);
    c.event(QStringLiteral("fay"), QStringLiteral("SKU-4"), 3, T - 20 * Day, 1, 10);
    c.event(QStringLiteral("gus"), QStringLiteral("SKU-3"), 3, T - 50 * Day, 1, 50);
    c.event(QStringLiteral("gus"), QStringLiteral("SKU-3"), 3, T - 49 * Day, 1, 50);
    c.event(QStringLiteral("hal"), QStringLiteral("SKU-1"), 3, T - 200 * Day, 1, 100);
    c.event(QStringLiteral("ida"), QStringLiteral("SKU-4"), 3, FebruaryEnd, 1, 10);
}

/** 2026-04-15T00:00:00Z: the boundary catalog's as_of, half a month after its last month end. */
constexpr qint64 BoundaryAsOf = 1776211200;

/**
 * People whose events fall on month ends (the last second, one before, one after) and on the
 * edges of 30- and 90-day windows back from them, spread over 18 months: the places where one
 * walk over all month ends could differ from evaluating each month end on its own.
 */
void buildBoundaryCatalog(TestCatalog &c)
{
    using Item = TestCatalog::ItemSpec;
    const QStringList skus {QStringLiteral("B-1"), QStringLiteral("B-2"), QStringLiteral("B-3"),
        QStringLiteral("B-4"), QStringLiteral("B-5"), QStringLiteral("B-6")};
    c.item(Item {skus[0], {}, QStringLiteral("Outdoor > Hiking"), QStringLiteral("Fjell"), 100});
    c.item(Item {skus[1], {}, QStringLiteral("Outdoor > Camping"), QStringLiteral("Fjell"), 240, 180});
    c.item(Item {skus[2], {}, QStringLiteral("Home > Kitchen"), QStringLiteral("Kok"), 35});
    c.item(Item {skus[3], {}, {}, {}, -1}); // no price, no category
    c.item(Item {skus[4], {}, QStringLiteral("Home > Garden"), QStringLiteral("Kok"), 60, 45});
    Item article {skus[5], {}, QStringLiteral("Journal > Outdoor"), {}, -1};
    article.content = true;
    article.attributes = QJsonObject {{QStringLiteral("topic"), QStringLiteral("Hiking")}};
    c.item(article);
    std::vector<qint64> edges;
    for (const qint64 end : SegmentStatistics::monthEnds(BoundaryAsOf, 18)) {
        for (const qint64 back : {qint64(0), 30 * Day, 90 * Day}) {
            for (const qint64 offset : {qint64(-1), qint64(0), qint64(1)})
                edges.push_back(end - back + offset);
        }
    }
    const qint64 start = SegmentStatistics::monthEnds(BoundaryAsOf, 18).front() - 60 * Day;
    quint32 seed = 12345;
    const auto next = [&seed](quint32 bound) {
        seed = seed * 1664525u + 1013904223u;
        return (seed >> 8) % bound;
    };
    std::set<std::tuple<int, qint64, int, int>> seen;
    QVERIFY(c.db().exec(QStringLiteral("BEGIN")));
    const QStringList countries {
        QStringLiteral("Denmark"), QStringLiteral("Sweden"), QStringLiteral("Norway")};
    for (int person = 0; person < 80; ++person) {
        const QString id = QStringLiteral("p%1").arg(person);
        // Birth years around the as_of year's cut for "age at least 30".
        c.user(TestCatalog::UserSpec {id, {}, person % 7 ? 1990 + int(next(12)) : 0, countries[person % 3]});
        const int events = int(next(25));
        for (int e = 0; e < events; ++e) {
            const qint64 ts = next(2) ? edges[next(quint32(edges.size()))]
                                      : start + qint64(next(quint32(BoundaryAsOf - start)));
            const int type = std::array {0, 0, 2, 3, 3, 4}[next(6)];
            const int item = type == 4 ? 5 : int(next(5));
            const int quantity = 1 + int(next(3));
            const double value = next(3) ? -1.0 : quantity * (20.0 + next(200));
            if (!seen.contains({person, ts, item, type})) // one event per person, time, item and type
                c.event(id, skus[item], type, ts, quantity, value);
            seen.insert({person, ts, item, type});
        }
    }
    QVERIFY(c.db().exec(QStringLiteral("COMMIT")));
}

PersonSet people(const Snapshot &s, std::initializer_list<const char *> ids)
{
    PersonSet set(s.userCount());
    for (const char *id : ids)
        set.insert(s.userIndexByExternalId(QLatin1String(id)));
    return set;
}

QString bucketsText(const std::vector<SegmentBucket> &buckets)
{
    QStringList parts;
    for (const SegmentBucket &bucket : buckets)
        parts.append(QStringLiteral("%1:%2").arg(bucket.name).arg(bucket.count));
    return parts.join(QLatin1Char(' '));
}

} // namespace

class TestSegmentStats : public QObject
{
    Q_OBJECT

private:
    TestCatalog m_catalog;
    PersonFeaturesPtr m_features;
    TestCatalog m_demo;
    PersonFeaturesPtr m_demoFeatures;

private slots:
    void initTestCase();
    void statisticsByHand();
    void categoriesAtOtherLevels();
    void statisticsOnTheDemo();
    void peopleBehindEachBar_data();
    void peopleBehindEachBar();
    void monthEnds();
    void sizeOverTimeByHand();
    void sizeOverTimeMatchesSnapshots();
    void sizeOverTimeMatchesEachMonthEnd_data();
    void sizeOverTimeMatchesEachMonthEnd();
    void overlapByHand();
    void overlapOnTheDemo();
    void overlapWithInlineRules();
    void overlapWithInlineRulesFromTheCli();
    void shownBySlot();
    void exportMembers();
    void priorities();
    void starterSegments();
};

void TestSegmentStats::initTestCase()
{
    buildCatalog(m_catalog);
    m_features = PersonFeatures::compute(m_catalog.snapshot({T, {}}));
    DemoOptions demo;
    demo.users = 2000;
    demo.items = 500;
    demo.events = 60000;
    demo.seed = 5;
    demo.endDate = QDate(2026, 3, 31);
    QVERIFY(DemoGenerator(demo).generate(m_demo.db()).ok);
    QString error;
    QVERIFY2(StarterSegments::install(m_demo.db(), &error), qPrintable(error));
    m_demoFeatures = PersonFeatures::compute(m_demo.snapshot());
}

void TestSegmentStats::statisticsByHand()
{
    const Snapshot &s = *m_features->snapshot();
    const SegmentStats stats = SegmentStatistics(m_features).compute(people(s, {"ann", "bob", "eve", "cat"}));
    QCOMPARE(stats.size, 4);
    QCOMPARE(stats.population, 8);
    QCOMPARE(stats.share, 0.5);
    QCOMPARE(stats.asOf, T);
    QCOMPARE(bucketsText(stats.genders), QStringLiteral("f:2 m:1 x:0 unknown:1"));
    QCOMPARE(stats.genders[0].share, 0.5);
    // ann is 36, bob 26, eve 30 in 2026; cat's age is unknown.
    QCOMPARE(bucketsText(stats.ageBands),
        QStringLiteral("under 20:0 20-29:1 30-39:2 40-49:0 50-59:0 60+:0 unknown:1"));
    QCOMPARE(bucketsText(stats.countries), QStringLiteral("Denmark:2 Sweden:1 unknown:1"));
    QCOMPARE(stats.buyers, 3);
    // ann 300, bob 2 × 150 (no value: the sale price), eve 50, cat 0; orders 2 + 1 + 1 + 0.
    QCOMPARE(stats.averageSpend, 162.5);
    QCOMPARE(stats.averageOrders, 1.0);
    QCOMPARE(stats.averageOrderValue, 162.5);
    QCOMPARE(stats.populationAverageSpend, 870.0 / 8);
    QCOMPARE(stats.populationAverageOrders, 9.0 / 8);
    // The members bought 3 times in Outdoor > Hiking (2 people) and twice in Home > Kitchen;
    // everybody 4 and 4 (SKU-4 has no category), so Hiking's lift is 0.6 / 0.5.
    QCOMPARE(stats.categoryEvent, QStringLiteral("purchase"));
    QCOMPARE(int(stats.topCategories.size()), 2);
    QCOMPARE(stats.topCategories[0].path, QStringLiteral("Outdoor > Hiking"));
    QCOMPARE(stats.topCategories[0].events, 3);
    QCOMPARE(stats.topCategories[0].people, 2);
    QCOMPARE(stats.topCategories[0].share, 0.6);
    QCOMPARE(stats.topCategories[0].lift, 1.2);
    QCOMPARE(stats.topCategories[1].path, QStringLiteral("Home > Kitchen"));
    QCOMPARE(stats.topCategories[1].lift, 0.8);
    const QJsonObject json = stats.toJson();
    QCOMPARE(json.value(QLatin1String("size")).toInt(), 4);
    QCOMPARE(json.value(QLatin1String("value")).toObject().value(QLatin1String("average_spend")).toDouble(),
        162.5);
    QCOMPARE(
        json.value(QLatin1String("composition")).toObject().value(QLatin1String("country")).toArray().size(),
        3);

    // Brands as categories: Fjell 3 of the members' 5 purchases (ann, bob), everybody's 4 of 8.
    QCOMPARE(int(stats.topBrands.size()), 2);
    QCOMPARE(std::tuple(stats.topBrands[0].name, stats.topBrands[0].events, stats.topBrands[0].people),
        std::tuple(QStringLiteral("Fjell"), qint64(3), 2));
    QCOMPARE(std::pair(stats.topBrands[0].lift, stats.topBrands[1].lift), std::pair(1.2, 0.8));
    // Recency ranks hal, bob, gus, ida, fay, ann, eve (1 + ⌊5 × worse / 7⌋): 1 1 2 3 3 4 5; ann and
    // gus have two orders (frequency 4), the others one (1). cat never bought.
    const SegmentRfmGrid &rfm = stats.rfm;
    QCOMPARE(std::tuple(rfm.cell(4, 4), rfm.cell(1, 1), rfm.cell(5, 1), rfm.neverBought, rfm.total()),
        std::tuple(1, 1, 1, 1, 4));
    const SegmentRfmGrid &all = stats.populationRfm;
    QCOMPARE(std::tuple(all.cell(1, 1), all.cell(2, 4), all.cell(3, 1), all.total()), std::tuple(2, 1, 2, 8));
    const auto field
        = [&json](const char *a, const char *b) { return json[QLatin1String(a)][QLatin1String(b)]; };
    QCOMPARE(field("top_brands", "brands")[0][QLatin1String("brand")].toString(), QStringLiteral("Fjell"));
    QCOMPARE(field("rfm", "members")[QLatin1String("cells")][3][3].toInt(), 1);

    const SegmentStats empty = SegmentStatistics(m_features).compute(PersonSet(s.userCount()));
    QCOMPARE(empty.size, 0);
    QCOMPARE(empty.averageSpend, 0.0);
    QVERIFY(empty.topCategories.empty());
}

void TestSegmentStats::categoriesAtOtherLevels()
{
    const Snapshot &s = *m_features->snapshot();
    const PersonSet members = people(s, {"ann", "bob", "eve", "cat"});
    SegmentStatsOptions options;
    options.categoryLevel = 1;
    SegmentStats stats = SegmentStatistics(m_features).compute(members, options);
    QCOMPARE(stats.topCategories[0].path, QStringLiteral("Outdoor"));
    QCOMPARE(stats.topCategories[1].path, QStringLiteral("Home"));
    options.categoryLevel = 3;
    stats = SegmentStatistics(m_features).compute(members, options);
    QStringList paths;
    for (const SegmentCategory &category : stats.topCategories)
        paths.append(QStringLiteral("%1=%2").arg(category.path).arg(category.events));
    // Equal counts go in path order.
    QCOMPARE(paths,
        (QStringList {QStringLiteral("Home > Kitchen > Cookware=2"),
            QStringLiteral("Outdoor > Hiking > Boots=2"), QStringLiteral("Outdoor > Hiking > Jackets=1")}));
    options.categoryEvent = EventType::View;
    QVERIFY(SegmentStatistics(m_features).compute(members, options).topCategories.empty());
}

void TestSegmentStats::statisticsOnTheDemo()
{
    const SegmentLibrary library = SegmentLibrary::load(m_demo.db());
    SegmentEvaluator evaluator(m_demoFeatures, &library);
    const SegmentMembers vip = evaluator.evaluate(QStringLiteral("vip"));
    QVERIFY(vip.ok);
    SegmentStatsOptions options;
    options.topCategories = 1000;
    const SegmentStats stats = SegmentStatistics(m_demoFeatures).compute(vip.members, options);
    QCOMPARE(stats.size, vip.count());
    for (const auto *buckets : {&stats.genders, &stats.ageBands, &stats.countries}) {
        int sum = 0;
        for (const SegmentBucket &bucket : *buckets)
            sum += bucket.count;
        QCOMPARE(sum, stats.size);
    }
    double shares = 0;
    for (const SegmentCategory &category : stats.topCategories) {
        shares += category.share;
        QVERIFY(category.people <= stats.size && category.people <= category.events);
    }
    QVERIFY(qAbs(shares - 1.0) < 1e-9);
    // The top spend quintile spends far more than everybody on average, and all of it buys.
    QCOMPARE(stats.buyers, stats.size);
    QVERIFY(stats.averageSpend > 2 * stats.populationAverageSpend);
}

void TestSegmentStats::peopleBehindEachBar_data()
{
    QTest::addColumn<int>("facet"); // SegmentFacet
    int facet = 0;
    for (const char *name : {"gender", "age band", "country", "category", "brand", "rfm"})
        QTest::newRow(name) << facet++;
}

void TestSegmentStats::peopleBehindEachBar()
{
    // Clicking a bar lists its people: as many as the bar says, every one a member.
    QFETCH(int, facet);
    const SegmentRule viewers = rule(R"({"behaviour": {"event": "view", "at_least": 12}})");
    const PersonSet members = SegmentEvaluator(m_demoFeatures).evaluate(viewers).members;
    const SegmentStatsOptions options {.categoryLevel = 1, .topCountries = 3}; // 3: an "other" bar
    const SegmentStatistics statistics(m_demoFeatures);
    const SegmentStats stats = statistics.compute(members, options);
    std::array<std::vector<std::pair<QString, int>>, 6> bars; // by facet
    for (size_t i = 0; i < 3; ++i) {
        for (const SegmentBucket &bucket : *std::array {&stats.genders, &stats.ageBands, &stats.countries}[i])
            bars[i].emplace_back(bucket.name, bucket.count);
    }
    for (const SegmentCategory &category : stats.topCategories)
        bars[3].emplace_back(category.path, category.people);
    for (const SegmentBrand &brand : stats.topBrands)
        bars[4].emplace_back(brand.name, brand.people);
    for (int cell = 0; cell < 25; ++cell)
        bars[5].emplace_back(
            SegmentRfmGrid::cellKey(cell / 5 + 1, cell % 5 + 1), stats.rfm.cell(cell / 5 + 1, cell % 5 + 1));
    bars[5].emplace_back(SegmentRfmGrid::neverKey(), stats.rfm.neverBought);
    QVERIFY(bars[size_t(facet)].size() >= 3 && stats.size > 100 && stats.size < stats.population);
    for (const auto &[key, count] : bars[size_t(facet)]) {
        const PersonSet behind = statistics.peopleIn(members, SegmentFacet(facet), key, options);
        QVERIFY2(behind.count() == count && behind.intersectionCount(members) == count,
            qPrintable(QStringLiteral("%1: %2 people, not %3").arg(key).arg(behind.count()).arg(count)));
    }
    QVERIFY(statistics.peopleIn(members, SegmentFacet(facet), QStringLiteral("no such bar"), options).isEmpty());
}

void TestSegmentStats::monthEnds()
{
    const qint64 marchEnd = 1775001599; // 2026-03-31T23:59:59Z
    QCOMPARE(SegmentStatistics::monthEnds(marchEnd, 2), (std::vector<qint64> {FebruaryEnd, marchEnd}));
    QCOMPARE(SegmentStatistics::monthEnds(marchEnd - 1, 1), std::vector<qint64> {FebruaryEnd});
    QVERIFY(SegmentStatistics::monthEnds(marchEnd, 0).empty());
}

void TestSegmentStats::sizeOverTimeByHand()
{
    QString error;
    const auto sizes = SegmentStatistics(m_features)
                           .sizeOverTime(rule(R"({"behaviour": {"event": "purchase"}})"), nullptr, 4, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList text;
    for (const SegmentMonthSize &size : sizes)
        text.append(QStringLiteral("%1=%2").arg(size.month).arg(size.size));
    // hal bought in September, bob in January, gus in February; ida in February's last second;
    // ann and fay in March; eve only at as_of, in April.
    QCOMPARE(text,
        (QStringList {QStringLiteral("2025-12=1"), QStringLiteral("2026-01=2"), QStringLiteral("2026-02=4"),
            QStringLiteral("2026-03=6")}));
    QCOMPARE(sizes.back().share, 6.0 / 8);
    QCOMPARE(sizes[2].asOf, FebruaryEnd);
}

void TestSegmentStats::sizeOverTimeMatchesSnapshots()
{
    // Month-end features over today's snapshot give what a snapshot read at the month end gives,
    // for every kind of condition that depends on time.
    const SegmentRule composite = rule(R"({"all": [{"profile": {"field": "age", "max": 45}},
        {"behaviour": {"event": "view", "within_days": 60}}, {"value": {"measure": "monetary_score", "min": 3}},
        {"affinity": {"category": "Fashion", "at_least": 0.2}}]})");
    const SegmentLibrary library = SegmentLibrary::load(m_demo.db());
    QString error;
    const auto sizes = SegmentStatistics(m_demoFeatures).sizeOverTime(composite, &library, 3, &error);
    QCOMPARE(int(sizes.size()), 3);
    for (const SegmentMonthSize &size : sizes) {
        const PersonFeaturesPtr then = PersonFeatures::compute(m_demo.snapshot({size.asOf, {}}));
        const int expected = SegmentEvaluator(then, &library).evaluate(composite).count();
        QCOMPARE(size.size, expected);
        QVERIFY(expected > 0);
    }
    QVERIFY(sizes.front().size != sizes.back().size);
}

void TestSegmentStats::sizeOverTimeMatchesEachMonthEnd_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("boundary"); // the boundary catalog, else the demo
    const auto row = [](const char *name, const char *json) {
        QTest::newRow(qPrintable(QStringLiteral("boundary: %1").arg(QLatin1String(name))))
            << QByteArray(json) << true;
        QTest::newRow(qPrintable(QStringLiteral("demo: %1").arg(QLatin1String(name))))
            << QByteArray(json) << false;
    };
    row("window", R"({"behaviour": {"event": "purchase", "within_days": 30, "at_least": 2}})");
    row("window at most", R"({"behaviour": {"event": ["view", "cart"], "within_days": 90, "at_most": 3}})");
    row("window on a category",
        R"({"behaviour": {"event": "view", "category": "Outdoor", "within_days": 30}})");
    row("did not buy lately", R"({"all": [{"behaviour": {"event": "purchase"}},
        {"not": {"behaviour": {"event": "purchase", "within_days": 90}}}]})");
    row("recency", R"({"value": {"measure": "recency_days", "max": 30}})");
    row("first purchase", R"({"value": {"measure": "first_purchase_days", "min": 60, "max": 200}})");
    row("rfm scores", R"({"all": [{"value": {"measure": "recency_score", "min": 3}},
        {"value": {"measure": "frequency_score", "min": 2}}, {"value": {"measure": "monetary_score", "max": 4}}]})");
    row("value mix",
        R"({"any": [{"value": {"measure": "aov", "min": 150}}, {"value": {"measure": "sale_share", "min": 0.5}},
        {"value": {"measure": "monetary", "min": 400, "max": 900}}, {"value": {"measure": "frequency", "min": 4}}]})");
    row("affinity", R"({"affinity": {"category": "Outdoor", "at_least": 0.5}})");
    row("affinity brand and topic", R"({"any": [{"affinity": {"brand": "Kok", "at_least": 0.3}},
        {"affinity": {"topic": "Hiking", "at_least": 0.2}}]})");
    row("segment references", R"({"all": [{"segment": "recent"}, {"not": {"segment": "big"}},
        {"profile": {"field": "age", "min": 30}}]})");
    row("profile and unknown names",
        R"({"any": [{"profile": {"field": "country", "in": ["Sweden", "Atlantis"]}},
        {"behaviour": {"event": "purchase", "category": "No > Such"}}, {"affinity": {"brand": "Nobody", "at_least": 0}}]})");
}

void TestSegmentStats::sizeOverTimeMatchesEachMonthEnd()
{
    // The slow, obviously right way: features computed afresh at each month end, the rule
    // evaluated on them. One walk over all month ends must give the same people, not just as many.
    QFETCH(QByteArray, json);
    QFETCH(bool, boundary);
    static TestCatalog boundaryCatalog;
    static SnapshotPtr boundarySnapshot;
    if (!boundarySnapshot) {
        buildBoundaryCatalog(boundaryCatalog);
        boundarySnapshot = boundaryCatalog.snapshot({BoundaryAsOf, {}});
    }
    const SnapshotPtr snapshot = boundary ? boundarySnapshot : m_demoFeatures->snapshot();
    const PersonFeaturesPtr features = PersonFeatures::compute(snapshot);
    SegmentLibrary library;
    for (const auto &[name, text] :
        {std::pair {"recent", R"({"behaviour": {"event": "purchase", "within_days": 60}})"},
            std::pair {"big", R"({"value": {"measure": "monetary_score", "min": 5}})"}}) {
        SegmentDefinition definition;
        definition.name = QLatin1String(name);
        definition.rule = rule(text);
        library.insert(definition);
    }
    const SegmentRule tested = rule(json.constData());
    // 18 month ends: more than one run of 16, and two New Years for the ages.
    const std::vector<qint64> ends = SegmentStatistics::monthEnds(features->asOf(), 18);
    QCOMPARE(int(ends.size()), 18);
    QString error;
    const std::vector<PersonSet> history = SegmentHistory(features, &library).members(tested, ends, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(history.size(), ends.size());
    const auto sizes = SegmentStatistics(features).sizeOverTime(tested, &library, 18, &error);
    QCOMPARE(sizes.size(), ends.size());
    int changes = 0;
    for (size_t i = 0; i < ends.size(); ++i) {
        PersonFeaturesOptions options;
        options.asOf = ends[i];
        const PersonFeaturesPtr then = PersonFeatures::compute(snapshot, options);
        const SegmentMembers expected = SegmentEvaluator(then, &library).evaluate(tested);
        QVERIFY2(expected.ok, qPrintable(expected.error));
        const QString month = QDateTime::fromSecsSinceEpoch(ends[i], Qt::UTC).toString(Qt::ISODate);
        QVERIFY2(history[i] == expected.members,
            qPrintable(QStringLiteral("%1: %2 members, %3 evaluated there")
                           .arg(month)
                           .arg(history[i].count())
                           .arg(expected.members.count())));
        QCOMPARE(sizes[i].size, expected.count());
        changes += i > 0 && !(history[i] == history[i - 1]) ? 1 : 0;
    }
    // A rule whose members never change would not test the month ends.
    if (!json.contains("Atlantis"))
        QVERIFY(changes > 0);
}

void TestSegmentStats::overlapByHand()
{
    const auto set = [](std::vector<int> list) {
        return PersonSet::fromList(10, list);
    };
    QString error;
    const auto overlap
        = SegmentOverlap::compute({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")},
            {set({0, 1, 2, 3}), set({2, 3, 4}), set({3, 5})}, &error);
    QVERIFY2(overlap, qPrintable(error));
    QCOMPARE(overlap->sizes(), (std::vector<int> {4, 3, 2}));
    QCOMPARE(overlap->pair(0, 1), 2);
    QCOMPARE(overlap->pair(1, 0), 2);
    QCOMPARE(overlap->pair(0, 2), 1);
    QCOMPARE(overlap->pair(2, 2), 2);
    QCOMPARE(overlap->jaccard(0, 1), 0.4);
    QCOMPARE(overlap->unionSize(), 6);
    QStringList text;
    for (const auto &intersection : overlap->intersections()) {
        QStringList names;
        for (int i : intersection.segments)
            names.append(overlap->names().at(i));
        text.append(QStringLiteral("%1=%2/%3")
                        .arg(names.join(QLatin1Char('&')))
                        .arg(intersection.exclusive)
                        .arg(intersection.inclusive));
    }
    QCOMPARE(text,
        (QStringList {QStringLiteral("a=2/4"), QStringLiteral("b=1/3"), QStringLiteral("c=1/2"),
            QStringLiteral("a&b=1/2"), QStringLiteral("a&b&c=1/1")}));
    const QJsonObject json = overlap->toJson();
    QCOMPARE(json.value(QLatin1String("in_none")).toInt(), 4);
    QCOMPARE(json.value(QLatin1String("matrix")).toArray().at(0).toArray().at(1).toInt(), 2);

    QVERIFY(!SegmentOverlap::compute(
        {QStringLiteral("a"), QStringLiteral("b")}, {set({1}), PersonSet::fromList(11, {1})}, &error));
    std::vector<PersonSet> many(21, set({1}));
    QStringList names;
    for (int i = 0; i < 21; ++i)
        names.append(QString::number(i));
    QVERIFY(!SegmentOverlap::compute(names, many, &error));
    QVERIFY2(error.contains(QLatin1String("at most 20")), qPrintable(error));
}

void TestSegmentStats::overlapOnTheDemo()
{
    const SegmentLibrary library = SegmentLibrary::load(m_demo.db());
    SegmentEvaluator evaluator(m_demoFeatures, &library);
    const QStringList names = library.names();
    std::vector<PersonSet> sets;
    PersonSet any(m_demoFeatures->userCount());
    for (const QString &name : names) {
        sets.push_back(evaluator.evaluate(name).members);
        any |= sets.back();
    }
    QString error;
    const auto overlap = SegmentOverlap::compute(names, sets, &error);
    QVERIFY2(overlap, qPrintable(error));
    QCOMPARE(overlap->unionSize(), any.count());
    int exclusiveSum = 0;
    std::vector<int> perSegment(size_t(names.size()), 0);
    for (const auto &intersection : overlap->intersections()) {
        exclusiveSum += intersection.exclusive;
        for (int i : intersection.segments)
            perSegment[size_t(i)] += intersection.exclusive;
        // Inclusive: everybody in all of these, whatever else they are in.
        PersonSet all(m_demoFeatures->userCount(), true);
        for (int i : intersection.segments)
            all &= sets[size_t(i)];
        QCOMPARE(intersection.inclusive, all.count());
    }
    QCOMPARE(exclusiveSum, overlap->unionSize());
    for (qsizetype i = 0; i < names.size(); ++i) {
        QCOMPARE(perSegment[size_t(i)], sets[size_t(i)].count());
        for (qsizetype j = 0; j < names.size(); ++j)
            QCOMPARE(overlap->pair(int(i), int(j)), sets[size_t(i)].intersectionCount(sets[size_t(j)]));
    }
    // VIP and lapsed overlap; new customers and lapsed cannot (a first purchase within 30 days).
    const int vip = int(names.indexOf(QStringLiteral("vip"))),
              lapsed = int(names.indexOf(QStringLiteral("lapsed")));
    const int fresh = int(names.indexOf(QStringLiteral("new-customers")));
    QVERIFY(overlap->pair(vip, lapsed) > 0);
    QCOMPARE(overlap->pair(fresh, lapsed), 0);
}

void TestSegmentStats::overlapWithInlineRules()
{
    const SegmentLibrary library = SegmentLibrary::load(m_demo.db());
    const SegmentRule outdoor = rule(R"({"affinity": {"category": "Outdoor", "at_least": 0.3}})");
    std::vector<SegmentOverlap::Input> inputs {{QStringLiteral("vip"), std::nullopt},
        {QStringLiteral("outdoor"), outdoor},
        {QStringLiteral("outdoor-vip"), rule(R"({"all": [{"segment": "vip"},
            {"affinity": {"category": "Outdoor", "at_least": 0.3}}]})")}};
    QString error;
    QVERIFY2(SegmentOverlap::checkInputs(library, inputs, &error), qPrintable(error));
    SegmentEvaluator evaluator(m_demoFeatures, &library);
    const auto overlap = SegmentOverlap::evaluate(evaluator, inputs, &error);
    QVERIFY2(overlap, qPrintable(error));
    QCOMPARE(overlap->names(),
        (QStringList {QStringLiteral("vip"), QStringLiteral("outdoor"), QStringLiteral("outdoor-vip")}));
    SegmentEvaluator fresh(m_demoFeatures, &library);
    const PersonSet vip = fresh.evaluate(QStringLiteral("vip")).members;
    const PersonSet likesOutdoor = fresh.evaluate(outdoor).members;
    QCOMPARE(overlap->sizes(),
        (std::vector<int> {vip.count(), likesOutdoor.count(), vip.intersectionCount(likesOutdoor)}));
    QCOMPARE(overlap->pair(0, 1), vip.intersectionCount(likesOutdoor));
    QCOMPARE(overlap->pair(1, 2), overlap->sizes()[2]); // the third is inside both others
    QVERIFY(overlap->sizes()[2] > 0);

    // Refused before anything is evaluated, each with the input named.
    using Inputs = std::vector<SegmentOverlap::Input>;
    const std::vector<std::pair<Inputs, QString>> refused {
        {Inputs {{QStringLiteral("nosuch"), std::nullopt}}, QStringLiteral("no segment named 'nosuch'")},
        {Inputs {{QStringLiteral("vip"), outdoor}}, QStringLiteral("inline rule 'vip': a stored segment")},
        {Inputs {{QStringLiteral("a"), outdoor}, {QStringLiteral("a"), outdoor}},
            QStringLiteral("'a' is named twice")},
        {Inputs {{QStringLiteral("Bad Name"), outdoor}}, QStringLiteral("inline rule 'Bad Name': ")},
        {Inputs {{QStringLiteral("r"), rule(R"({"segment": "missing"})")}},
            QStringLiteral("inline rule 'r': ")},
    };
    for (auto [bad, message] : refused) {
        error.clear();
        QVERIFY(!SegmentOverlap::checkInputs(library, bad, &error));
        QVERIFY2(error.startsWith(message), qPrintable(error));
    }
    Inputs everything;
    QVERIFY(SegmentOverlap::checkInputs(library, everything, &error));
    QCOMPARE(int(everything.size()), library.size()); // none given: every stored segment
}

void TestSegmentStats::overlapWithInlineRulesFromTheCli()
{
    if (!QFileInfo::exists(QStringLiteral(VITRINE_CLI)))
        QSKIP("vitrine-cli is not built");
    const auto cli = [this](const QStringList &arguments) {
        QProcess process;
        process.start(QStringLiteral(VITRINE_CLI),
            QStringList {QStringLiteral("--db"), m_demo.path(), QStringLiteral("--json")} + arguments);
        process.waitForFinished(120000);
        return std::tuple {process.exitCode(),
            QJsonDocument::fromJson(process.readAllStandardOutput()).object(),
            QString::fromUtf8(process.readAllStandardError())};
    };
    const QString outdoor = QStringLiteral(R"({"affinity": {"category": "Outdoor", "at_least": 0.3}})");
    const auto [code, json, err] = cli({QStringLiteral("segment"), QStringLiteral("overlap"),
        QStringLiteral("vip"), QStringLiteral("--rule"), QStringLiteral("outdoor=") + outdoor});
    QVERIFY2(code == 0, qPrintable(err));
    QCOMPARE(json.value(QStringLiteral("segments")).toArray(),
        (QJsonArray {QStringLiteral("vip"), QStringLiteral("outdoor")}));
    SegmentLibrary library = SegmentLibrary::load(m_demo.db());
    SegmentEvaluator evaluator(m_demoFeatures, &library);
    QCOMPARE(json.value(QStringLiteral("sizes")).toArray(),
        (QJsonArray {evaluator.evaluate(QStringLiteral("vip")).count(),
            evaluator
                .evaluate(rule(R"({"affinity":
            {"category": "Outdoor", "at_least": 0.3}})"))
                .count()}));
    const auto [clashCode, clashJson, clashErr] = cli({QStringLiteral("segment"), QStringLiteral("overlap"),
        QStringLiteral("--rule"), QStringLiteral("vip=") + outdoor});
    QVERIFY(clashCode != 0);
    QVERIFY2(clashErr.contains(QStringLiteral("a stored segment has that name")), qPrintable(clashErr));
}

void TestSegmentStats::shownBySlot()
{
    const SnapshotPtr snapshot = m_features->snapshot();
    Recommender recommender(snapshot);
    QString error;
    const auto slot = SlotDefinition::fromJson(QStringLiteral("best"),
        QJsonDocument::fromJson(R"({
        "strategies": [{"name": "bestsellers", "params": {"window_days": 365}}],
        "filters": {"exclude_bought": false, "in_stock": false}, "max_items": 3})")
            .object(),
        &error);
    QVERIFY2(slot, qPrintable(error));
    recommender.setSlot(*slot);
    const SegmentStatistics statistics(m_features);
    const PersonSet members = people(*snapshot, {"ann", "eve"});
    const SegmentShown shown = statistics.shown(members, recommender, QStringLiteral("best"));
    QVERIFY2(shown.ok, qPrintable(shown.error));
    QCOMPARE(shown.members, 2);
    QCOMPARE(shown.sampled, 2);
    QVERIFY(!shown.isSample());
    // Not personal: both members see the same three items, in the same places.
    QCOMPARE(int(shown.items.size()), 3);
    for (size_t i = 0; i < shown.items.size(); ++i) {
        QCOMPARE(shown.items[i].members, 2);
        QCOMPARE(shown.items[i].share, 1.0);
        QCOMPARE(shown.items[i].averagePosition, double(i + 1));
    }
    RecommendRequest request;
    request.user = snapshot->userIndexByExternalId(QStringLiteral("ann"));
    const SlotResult direct = recommender.recommend(QStringLiteral("best"), request);
    QCOMPARE(shown.items[0].item, direct.items[0].item);
    QCOMPARE(snapshot->sku(shown.items[0].item), QStringLiteral("SKU-3")); // bought 4 times

    const SegmentShown sampled = statistics.shown(members, recommender, QStringLiteral("best"), 1);
    QCOMPARE(sampled.sampled, 1);
    QVERIFY(sampled.isSample());
    QVERIFY(
        sampled.toJson(*snapshot).value(QLatin1String("note")).toString().contains(QLatin1String("1 of 2")));
    const SegmentShown missing = statistics.shown(members, recommender, QStringLiteral("nope"));
    QVERIFY(!missing.ok);
    QVERIFY(!missing.error.isEmpty());
}

void TestSegmentStats::exportMembers()
{
    QTemporaryDir dir;
    const Snapshot &s = *m_features->snapshot();
    const PersonSet members = people(s, {"ann", "cat"});
    const QString csvPath = dir.filePath(QStringLiteral("members.csv"));
    SegmentExporter::Report report = SegmentExporter::write(*m_features, members, csvPath);
    QVERIFY2(report.ok, qPrintable(report.error));
    QCOMPARE(report.rows, 2);
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[0],
        QByteArray("external_id,gender,age,country,city,email_consent,orders,purchases,spend,first_purchase,"
                   "last_purchase"));
    QCOMPARE(
        lines[1], QByteArray("ann,f,36,Denmark,,1,2,3,300.00,2026-03-02T00:00:00Z,2026-04-01T01:00:00Z"));
    QCOMPARE(lines[2], QByteArray("cat,,,,,1,0,0,0.00,,"));

    const QString jsonPath = dir.filePath(QStringLiteral("members.json"));
    report = SegmentExporter::write(*m_features, members, jsonPath);
    QVERIFY2(report.ok, qPrintable(report.error));
    QFile json(jsonPath);
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonArray rows = QJsonDocument::fromJson(json.readAll()).array();
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).toObject().value(QLatin1String("spend")).toDouble(), 300.0);
    QVERIFY(rows.at(1).toObject().value(QLatin1String("age")).isNull());

    report = SegmentExporter::write(*m_features, members, dir.filePath(QStringLiteral("members.txt")));
    QVERIFY(!report.ok);
    QVERIFY(report.error.contains(QLatin1String(".csv or .json")));
}

void TestSegmentStats::priorities()
{
    TestCatalog catalog;
    buildCatalog(catalog);
    QString error;
    for (const auto &[name, json] :
        {std::pair {"danes", R"({"profile": {"field": "country", "equals": "Denmark"}})"},
            std::pair {"women", R"({"profile": {"field": "gender", "equals": "f"}})"},
            std::pair {"buyers", R"({"behaviour": {"event": "purchase"}})"}}) {
        SegmentDefinition definition;
        definition.name = QLatin1String(name);
        definition.rule = rule(json);
        QVERIFY(SegmentLibrary::save(catalog.db(), definition, &error));
    }
    const SegmentLibrary library = SegmentLibrary::load(catalog.db());
    QCOMPARE(SegmentPriority::load(catalog.db(), &error)->order(), QStringList());
    QVERIFY(!SegmentPriority::save(
        catalog.db(), {QStringLiteral("danes"), QStringLiteral("ghost")}, library, &error));
    QCOMPARE(error, QStringLiteral("priority[1]: no segment named 'ghost'"));
    QVERIFY(!SegmentPriority::save(
        catalog.db(), {QStringLiteral("danes"), QStringLiteral("danes")}, library, &error));
    QVERIFY2(error.startsWith(QLatin1String("priority[1]: 'danes' is already")), qPrintable(error));
    const QStringList order {QStringLiteral("danes"), QStringLiteral("women"), QStringLiteral("buyers")};
    QVERIFY2(SegmentPriority::save(catalog.db(), order, library, &error), qPrintable(error));
    const auto priority = SegmentPriority::load(catalog.db(), &error);
    QCOMPARE(priority->order(), order);

    SegmentEvaluator evaluator(PersonFeatures::compute(catalog.snapshot({T, {}})), &library);
    const std::vector<int> winners = priority->assign(evaluator, &error);
    const Snapshot &s = evaluator.snapshot();
    const auto winner = [&](const char *who) {
        return winners[size_t(s.userIndexByExternalId(QLatin1String(who)))];
    };
    QCOMPARE(winner("eve"), 0); // a Danish woman: danes comes first
    QCOMPARE(winner("fay"), 1); // a Norwegian woman
    QCOMPARE(winner("bob"), 2); // a Swedish buyer
    QCOMPARE(winner("cat"), -1); // nothing known, nothing done
    QCOMPARE(priority->firstMatch(evaluator, s.userIndexByExternalId(QStringLiteral("fay")), &error),
        QStringLiteral("women"));
    QVERIFY(!SegmentLibrary::remove(catalog.db(), QStringLiteral("women"), &error));
    QVERIFY2(error.contains(QLatin1String("priority")), qPrintable(error));
}

void TestSegmentStats::starterSegments()
{
    QString error;
    QCOMPARE(StarterSegments::definitions().size(), 7);
    QVERIFY2(StarterSegments::install(m_demo.db(), &error),
        qPrintable(error)); // again (see initTestCase): no change
    const SegmentLibrary library = SegmentLibrary::load(m_demo.db());
    QCOMPARE(library.size(), 7);
    QVERIFY(library.problems().isEmpty());
    QCOMPARE(ConfigStore(m_demo.db()).get(QStringLiteral("segments"), QStringLiteral("vip"))->version, 1);
    QCOMPARE(SegmentPriority::load(m_demo.db(), &error)->order(), StarterSegments::priority());
    SegmentEvaluator evaluator(m_demoFeatures, &library);
    for (const QString &name : library.names()) {
        const SegmentMembers members = evaluator.evaluate(name);
        QVERIFY2(members.ok && members.warnings.isEmpty(),
            qPrintable(name + members.error + members.warnings.join(QLatin1Char(' '))));
        QVERIFY2(members.count() > 0 && members.count() < m_demoFeatures->userCount() / 2, qPrintable(name));
    }
    // VIP is the top spend quintile: about a fifth of the buyers.
    const double vip = evaluator.evaluate(QStringLiteral("vip")).count();
    QVERIFY(std::abs(vip / m_demoFeatures->buyerCount() - 0.2) < 0.02);
}

QTEST_APPLESS_MAIN(TestSegmentStats)
#include "tst_segmentstats.moc"
