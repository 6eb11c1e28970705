// SPDX-License-Identifier: GPL-3.0-or-later
#include "../engine/testcatalog.h"

#include "engine/strategy.h"
#include "eval/evaluator.h"
#include "eval/rankingmetrics.h"
#include "eval/temporalsplit.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <mutex>
#include <numeric>

using namespace Vitrine;
using namespace Vitrine::Test;

namespace {

constexpr double Eps = 1e-9;

bool near(double a, double b)
{
    return std::abs(a - b) < 1e-6;
}

/** Events from a flat list of (time, item) pairs. */
std::vector<Snapshot::Event> events(const QList<int> &timeItem)
{
    std::vector<Snapshot::Event> list;
    for (qsizetype i = 0; i + 1 < timeItem.size(); i += 2)
        list.push_back({timeItem[i], timeItem[i + 1], 0, 0, 1, 0.0f});
    return list;
}

QList<int> toList(const std::vector<int> &items)
{
    return QList<int>(items.begin(), items.end());
}

/**
 * Twelve items i0..i11 (indexes 0..11 in id order) and three people:
 *  - p4 has 4 distinct items: train-only;
 *  - p5 has 5: items 4 (day 1, again on day 9), 3 (day 2), 2 (day 3), then 7 and 5 both on day 5,
 *    7 written first. By (first time, id): 4, 3, 2, 5, 7, so 7 is held out, not 4;
 *  - p10 has 10: item i first on day 10 - i (item 9 again on day 20), so by time 9, 8, ..., 0
 *    and the last two, items 1 and 0, are held out.
 */
void fillSmall(TestCatalog &catalog)
{
    for (int i = 0; i < 12; ++i)
        catalog.item(QStringLiteral("i%1").arg(i));
    catalog.user(QStringLiteral("p4"));
    catalog.user(QStringLiteral("p5"));
    catalog.user(QStringLiteral("p10"));
    for (int i = 0; i < 4; ++i)
        catalog.event(QStringLiteral("p4"), QStringLiteral("i%1").arg(i), 0, Day0 + (i + 1) * Day);
    catalog.event(QStringLiteral("p5"), QStringLiteral("i4"), 0, Day0 + 1 * Day);
    catalog.event(QStringLiteral("p5"), QStringLiteral("i3"), 1, Day0 + 2 * Day);
    catalog.event(QStringLiteral("p5"), QStringLiteral("i2"), 0, Day0 + 3 * Day);
    catalog.event(QStringLiteral("p5"), QStringLiteral("i7"), 3, Day0 + 5 * Day);
    catalog.event(QStringLiteral("p5"), QStringLiteral("i5"), 0, Day0 + 5 * Day);
    catalog.event(QStringLiteral("p5"), QStringLiteral("i4"), 3, Day0 + 9 * Day);
    for (int i = 0; i < 10; ++i)
        catalog.event(QStringLiteral("p10"), QStringLiteral("i%1").arg(i), 0, Day0 + (10 - i) * Day);
    catalog.event(QStringLiteral("p10"), QStringLiteral("i9"), 2, Day0 + 20 * Day);
}

/** `people` people with 2..14 random distinct items out of `items`, from a fixed seed. */
void fillRandom(TestCatalog &catalog, int people, int items)
{
    QString error;
    Transaction transaction(catalog.db(), &error);
    QVERIFY2(transaction.isActive(), qPrintable(error));
    for (int i = 0; i < items; ++i)
        catalog.item(QStringLiteral("r%1").arg(i));
    QRandomGenerator random(42);
    for (int p = 0; p < people; ++p) {
        const QString person = QStringLiteral("q%1").arg(p);
        catalog.user(person);
        const int count = 2 + int(random.bounded(13));
        for (int e = 0; e < count; ++e) {
            const int item = int(random.bounded(items));
            catalog.event(person, QStringLiteral("r%1").arg(item), int(random.bounded(4)),
                Day0 + qint64(random.bounded(30)) * Day + e); // + e: no duplicate row
        }
    }
    QVERIFY2(transaction.commit(&error), qPrintable(error));
}

/** A fixed, person-dependent order of all items: (item * 7 + user * 3) mod items, truncated to n. */
Evaluator::Ranker shuffledRanker(int itemCount)
{
    return [itemCount](int user, int n) {
        std::vector<int> items(static_cast<size_t>(itemCount));
        std::iota(items.begin(), items.end(), 0);
        std::sort(items.begin(), items.end(), [&](int a, int b) {
            const int ka = (a * 7 + user * 3) % itemCount;
            const int kb = (b * 7 + user * 3) % itemCount;
            return ka != kb ? ka < kb : a < b;
        });
        items.resize(size_t(std::min(n, itemCount)));
        return items;
    };
}

/** A strategy that proposes items n-1, n-2, ... 0 with a score per item, and remembers what it was asked. */
class CountdownStrategy : public Strategy
{
public:
    QString name() const override { return QStringLiteral("countdown"); }
    bool isPersonal() const override { return true; }
    std::vector<ScoredItem> candidates(const RecommendRequest &request, int n) const override
    {
        {
            std::lock_guard lock(m_mutex);
            m_asked.push_back({request.user, request.k, n});
        }
        std::vector<ScoredItem> items;
        for (int i = n - 1; i >= 0; --i)
            items.push_back({i, float(i)});
        return items;
    }
    QString explain(const RecommendRequest &, int) const override { return {}; }

    struct Asked
    {
        int user;
        int k;
        int n;
    };
    mutable std::mutex m_mutex;
    mutable std::vector<Asked> m_asked;
};

} // namespace

class TestEvaluation : public QObject
{
    Q_OBJECT

private slots:
    void testCount_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<double>("holdout");
        QTest::addColumn<int>("minItems");
        QTest::addColumn<int>("expected");
        QTest::newRow("none") << 0 << 0.2 << 5 << 0;
        QTest::newRow("4 is train-only") << 4 << 0.2 << 5 << 0;
        QTest::newRow("5 holds out 1") << 5 << 0.2 << 5 << 1; // floor(1.0)
        QTest::newRow("9 holds out 1") << 9 << 0.2 << 5 << 1; // floor(1.8)
        QTest::newRow("10 holds out 2") << 10 << 0.2 << 5 << 2; // floor(2.0)
        QTest::newRow("14 holds out 2") << 14 << 0.2 << 5 << 2; // floor(2.8)
        QTest::newRow("15 holds out 3") << 15 << 0.2 << 5 << 3; // floor(3.0), not 2.999...
        QTest::newRow("35 holds out 7") << 35 << 0.2 << 5 << 7; // floor(7.0)
        QTest::newRow("at least 1") << 6 << 0.1 << 5 << 1; // max(1, floor(0.6))
        QTest::newRow("half of 5") << 5 << 0.5 << 5 << 2; // floor(2.5)
        QTest::newRow("min items 3") << 3 << 0.2 << 3 << 1;
        QTest::newRow("below min items 3") << 2 << 0.2 << 3 << 0;
    }

    void testCount()
    {
        QFETCH(int, n);
        QFETCH(double, holdout);
        QFETCH(int, minItems);
        QFETCH(int, expected);
        QCOMPARE(TemporalSplit::testCount(n, holdout, minItems), expected);
    }

    void splitEvents_data()
    {
        QTest::addColumn<QList<int>>("timeItem"); // (time, item) pairs in the snapshot's order
        QTest::addColumn<QList<int>>("train"); // by item index
        QTest::addColumn<QList<int>>("test");

        QTest::newRow("n = 4 is not evaluated")
            << QList<int> {1, 3, 2, 1, 3, 0, 4, 2} << QList<int> {0, 1, 2, 3} << QList<int> {};
        QTest::newRow("n = 5 holds out the last")
            << QList<int> {1, 8, 2, 6, 3, 4, 4, 9, 5, 1} << QList<int> {4, 6, 8, 9} << QList<int> {1};
        // Items 10..19 at times 20..11: time order is 19, 18, ..., 10, so 11 and 10 are last.
        QTest::newRow("n = 10 holds out 2")
            << QList<int> {11, 19, 12, 18, 13, 17, 14, 16, 15, 15, 16, 14, 17, 13, 18, 12, 19, 11, 20, 10}
            << QList<int> {12, 13, 14, 15, 16, 17, 18, 19} << QList<int> {10, 11};
        // Items 9 and 4 both at time 50: by id, 4 comes first and 9 is the last.
        QTest::newRow("tie broken by item id") << QList<int> {1, 0, 2, 1, 3, 2, 4, 3, 50, 9, 50, 4}
                                               << QList<int> {0, 1, 2, 3, 4} << QList<int> {9};
        // The same tie with the higher id listed last still holds out 9.
        QTest::newRow("tie, other order") << QList<int> {1, 0, 2, 1, 3, 2, 4, 3, 50, 4, 50, 9}
                                          << QList<int> {0, 1, 2, 3, 4} << QList<int> {9};
        // Item 2 is met at time 1 and again at 100: its first time counts, so 7 (time 40) is last.
        QTest::newRow("repeat uses first time") << QList<int> {1, 2, 10, 5, 20, 6, 30, 3, 40, 7, 100, 2}
                                                << QList<int> {2, 3, 5, 6} << QList<int> {7};
        // Five events but only four distinct items.
        QTest::newRow("repeats do not count twice")
            << QList<int> {1, 1, 2, 2, 3, 3, 4, 4, 5, 1} << QList<int> {1, 2, 3, 4} << QList<int> {};
    }

    void splitEvents()
    {
        QFETCH(QList<int>, timeItem);
        QFETCH(QList<int>, train);
        QFETCH(QList<int>, test);
        const std::vector<Snapshot::Event> list = events(timeItem);
        std::vector<int> trainItems, testItems;
        TemporalSplit::splitEvents(list, 0.2, 5, &trainItems, &testItems);
        QCOMPARE(toList(trainItems), train);
        QCOMPARE(toList(testItems), test);
    }

    void splitOfSnapshot()
    {
        TestCatalog catalog;
        fillSmall(catalog);
        const SnapshotPtr s = catalog.snapshot();
        const TemporalSplit split = TemporalSplit::build(*s);
        const int p4 = s->userIndexByExternalId(QStringLiteral("p4"));
        const int p5 = s->userIndexByExternalId(QStringLiteral("p5"));
        const int p10 = s->userIndexByExternalId(QStringLiteral("p10"));
        QCOMPARE(split.userCount(), 3);
        QVERIFY(!split.isEvaluated(p4));
        QCOMPARE(toList(split.trainItems(p4)), (QList<int> {0, 1, 2, 3}));
        QCOMPARE(toList(split.testItems(p5)), QList<int> {7});
        QCOMPARE(toList(split.trainItems(p5)), (QList<int> {2, 3, 4, 5}));
        QCOMPARE(toList(split.testItems(p10)), (QList<int> {0, 1}));
        QCOMPARE(toList(split.trainItems(p10)), (QList<int> {2, 3, 4, 5, 6, 7, 8, 9}));
        QCOMPARE(toList(split.evaluatedUsers()), (QList<int> {p5, p10}));
        QCOMPARE(split.testItemCount(), 3);
    }

    void trainSnapshotHasNoTestPairs()
    {
        TestCatalog catalog;
        fillSmall(catalog);
        const SnapshotPtr s = catalog.snapshot();
        const TemporalSplit split = TemporalSplit::build(*s);
        const SnapshotPtr train = Evaluator::trainSnapshot(*s, split);
        QVERIFY(train);
        const int p5 = s->userIndexByExternalId(QStringLiteral("p5"));
        // 4 + 6 + 11 events; p5 loses its one event of item 7, p10 those of items 0 and 1.
        QCOMPARE(s->eventCount(), 21);
        QCOMPARE(train->eventCount(), 18);
        for (int u = 0; u < s->userCount(); ++u) {
            for (const Snapshot::Event &event : train->userEvents(u))
                QVERIFY(
                    !std::binary_search(split.testItems(u).begin(), split.testItems(u).end(), event.item));
        }
        // Both events of p5's train item 4 stay, including the one after the held-out item.
        const auto p5Events = train->userEvents(p5);
        QCOMPARE(std::count_if(
                     p5Events.begin(), p5Events.end(), [](const Snapshot::Event &e) { return e.item == 4; }),
            2);
        // Item 7 keeps p10's event (train for p10) but loses p5's.
        QCOMPARE(s->itemEvents(7).size(), size_t(2));
        QCOMPARE(train->itemEvents(7).size(), size_t(1));
        QVERIFY(train->itemEvents(7)[0].user != p5);
    }

    void metricsByHand()
    {
        // Three people with test items, one without (skipped), a catalog of 10 items.
        const std::vector<std::vector<int>> tests = {{2, 5, 9}, {7}, {0, 4}, {}};
        const std::vector<std::vector<int>> recommended = {{5, 1, 9, 2}, {3, 7}, {1, 3, 6}, {8}};
        const double l3 = std::log2(3.0), l5 = std::log2(5.0);

        // A at K = 3: top [5, 1, 9], hits 5 (rank 1) and 9 (rank 3): recall 2/3,
        //   DCG = 1 + 1/log2(4) = 1.5, ideal over min(3, 3) = 3: 1 + 1/log2(3) + 1/2 = 2.1309.
        const double ndcgA3 = 1.5 / (1.0 + 1.0 / l3 + 0.5);
        QVERIFY(near(RankingMetrics::recall(recommended[0], tests[0], 3), 2.0 / 3.0));
        QVERIFY(near(RankingMetrics::ndcg(recommended[0], tests[0], 3), ndcgA3));
        QVERIFY(near(ndcgA3, 0.7039180));
        // A at K = 10: all of 5, 1, 9, 2: recall 1, DCG 1 + 1/2 + 1/log2(5), same ideal (3 positions).
        QVERIFY(near(RankingMetrics::recall(recommended[0], tests[0], 10), 1.0));
        QVERIFY(near(
            RankingMetrics::ndcg(recommended[0], tests[0], 10), (1.5 + 1.0 / l5) / (1.0 + 1.0 / l3 + 0.5)));
        // B at K = 3: [3, 7], hit at rank 2: recall 1, DCG 1/log2(3), ideal over min(3, 1) = 1: 1.
        QVERIFY(near(RankingMetrics::ndcg(recommended[1], tests[1], 3), 1.0 / l3));
        QCOMPARE(RankingMetrics::hits(recommended[2], tests[2], 3), 0);

        const std::map<int, Metrics> byK = RankingMetrics::aggregate(tests, recommended, {1, 3}, 10);
        QCOMPARE(byK.size(), size_t(2));
        // K = 1: A [5] hits (recall 1/3, NDCG 1/1), B [3] and C [1] miss.
        const Metrics &at1 = byK.at(1);
        QVERIFY(near(at1.recall, (1.0 / 3.0) / 3.0)); // 0.1111
        QVERIFY(near(at1.ndcg, 1.0 / 3.0));
        QVERIFY(near(at1.hitRate, 1.0 / 3.0));
        QCOMPARE(at1.coveredItems, 3); // {5, 3, 1}; D is not evaluated
        QVERIFY(near(at1.coverage, 0.3));
        // K = 3: recall (2/3 + 1 + 0) / 3 = 5/9, NDCG (0.7039 + 0.6309 + 0) / 3 = 0.4449,
        //   hit rate 2/3, coverage {5, 1, 9, 3, 7, 6} = 6/10.
        const Metrics &at3 = byK.at(3);
        QVERIFY(near(at3.recall, 5.0 / 9.0));
        QVERIFY(near(at3.ndcg, (ndcgA3 + 1.0 / l3) / 3.0));
        QVERIFY(near(at3.ndcg, 0.4449493));
        QVERIFY(near(at3.hitRate, 2.0 / 3.0));
        QCOMPARE(at3.coveredItems, 6);
        QVERIFY(near(at3.coverage, 0.6));

        // A subset: only rows 1 and 3 (B and the empty D): one person, B.
        const std::vector<int> rows = {1, 3};
        const std::map<int, Metrics> subset
            = RankingMetrics::aggregate(tests, recommended, {1, 3}, 10, &rows);
        QVERIFY(near(subset.at(3).recall, 1.0));
        QVERIFY(near(subset.at(3).hitRate, 1.0));
        QVERIFY(near(subset.at(1).hitRate, 0.0));
        QVERIFY(near(subset.at(3).coverage, 0.2)); // {3, 7}
    }

    void fullRunByHand()
    {
        TestCatalog catalog;
        fillSmall(catalog);
        const SnapshotPtr s = catalog.snapshot();
        const int p5 = s->userIndexByExternalId(QStringLiteral("p5"));
        const int p10 = s->userIndexByExternalId(QStringLiteral("p10"));

        std::mutex mutex;
        std::map<int, int> asked; // person -> n
        bool trainClean = true;
        qint64 trainEvents = 0;
        const auto factory = [&](const SnapshotPtr &train, QString *) -> Evaluator::Ranker {
            trainEvents = train->eventCount();
            for (const Snapshot::Event &event : train->userEvents(p5))
                trainClean = trainClean && event.item != 7;
            for (const Snapshot::Event &event : train->userEvents(p10))
                trainClean = trainClean && event.item != 0 && event.item != 1;
            // Every item in index order, cut at n; train items come back and must be dropped.
            return [&](int user, int n) {
                {
                    std::lock_guard lock(mutex);
                    asked[user] = n;
                }
                std::vector<int> items(size_t(std::min(n, 12)));
                std::iota(items.begin(), items.end(), 0);
                return items;
            };
        };
        EvaluationOptions options;
        options.ks = {5, 2};
        options.subject = QStringLiteral("index-order");
        const EvaluationResult result = Evaluator::run(s, factory, options);
        QVERIFY2(result.ok, qPrintable(result.error));
        QVERIFY(!result.cancelled);
        QVERIFY(trainClean);
        QCOMPARE(trainEvents, 18);
        QCOMPARE(result.users, 2);
        QCOMPARE(result.testItems, 3);
        QCOMPARE(result.ks, (std::vector<int> {2, 5}));
        // Asked for max K + |train|: p5 5 + 4 = 9, p10 5 + 8 = 13; the p4 (train-only) never.
        QCOMPARE(asked.size(), size_t(2));
        QCOMPARE(asked[p5], 9);
        QCOMPARE(asked[p10], 13);

        // p5: 0..8 without train {2, 3, 4, 5} = [0, 1, 6, 7, 8], test {7} at rank 4.
        // p10: 0..11 without train {2..9} = [0, 1, 10, 11], test {0, 1} at ranks 1 and 2.
        QCOMPARE(toList(result.recommended[0]), (QList<int> {0, 1, 6, 7, 8}));
        QCOMPARE(toList(result.recommended[1]), (QList<int> {0, 1, 10, 11}));
        for (size_t row = 0; row < result.evaluatedUsers.size(); ++row) {
            for (const int item : result.recommended[row]) {
                const std::vector<int> trainItems
                    = row == 0 ? std::vector<int> {2, 3, 4, 5} : std::vector<int> {2, 3, 4, 5, 6, 7, 8, 9};
                QVERIFY(!std::binary_search(trainItems.begin(), trainItems.end(), item));
            }
        }
        // K = 2: p5 [0, 1] misses, p10 [0, 1] hits both (recall 1, NDCG 1):
        //   recall 0.5, NDCG 0.5, hit rate 0.5, coverage {0, 1} = 2/12.
        const Metrics &at2 = result.byK.at(2);
        QVERIFY(near(at2.recall, 0.5));
        QVERIFY(near(at2.ndcg, 0.5));
        QVERIFY(near(at2.hitRate, 0.5));
        QVERIFY(near(at2.coverage, 2.0 / 12.0));
        // K = 5: p5 hit at rank 4: recall 1, NDCG (1/log2 5) / 1 = 0.4307; p10 recall 1, NDCG 1:
        //   recall 1, NDCG 0.7153, hit rate 1, coverage {0, 1, 6, 7, 8, 10, 11} = 7/12.
        const Metrics &at5 = result.byK.at(5);
        QVERIFY(near(at5.recall, 1.0));
        QVERIFY(near(at5.ndcg, (1.0 / std::log2(5.0) + 1.0) / 2.0));
        QVERIFY(near(at5.ndcg, 0.7153383));
        QVERIFY(near(at5.hitRate, 1.0));
        QVERIFY(near(at5.coverage, 7.0 / 12.0));

        const QJsonObject json = result.toJson(QStringLiteral("strategy"));
        QCOMPARE(json.value(QLatin1String("strategy")).toString(), QStringLiteral("index-order"));
        QCOMPARE(json.value(QLatin1String("k")).toArray(), (QJsonArray {2, 5}));
        QCOMPARE(json.value(QLatin1String("users")).toInt(), 2);
        QCOMPARE(json.value(QLatin1String("test_items")).toInt(), 3);
        QCOMPARE(json.value(QLatin1String("holdout")).toDouble(), 0.2);
        const QJsonObject metrics = json.value(QLatin1String("metrics")).toObject();
        QCOMPARE(metrics.size(), 8);
        QVERIFY(near(metrics.value(QLatin1String("recall@2")).toDouble(), 0.5));
        QVERIFY(near(metrics.value(QLatin1String("ndcg@5")).toDouble(), 0.7153383));
        QVERIFY(near(metrics.value(QLatin1String("hitrate@5")).toDouble(), 1.0));
        QVERIFY(near(metrics.value(QLatin1String("coverage@5")).toDouble(), 7.0 / 12.0));
        QVERIFY(!json.contains(QLatin1String("groups")));
    }

    void jsonSingleKAndSlot()
    {
        EvaluationResult result;
        result.ok = true;
        result.subject = QStringLiteral("home-picks");
        result.ks = {10};
        result.holdout = 0.25;
        result.users = 3;
        result.testItems = 4;
        result.byK[10] = Metrics {0.5, 0.25, 0.75, 0.1, 1};
        result.groups.append(GroupMetrics {QStringLiteral("VIP"), 1, 2, {{10, Metrics {1, 1, 1, 0.05, 1}}}});
        const QJsonObject json = result.toJson(QStringLiteral("slot"));
        QCOMPARE(json.value(QLatin1String("slot")).toString(), QStringLiteral("home-picks"));
        QVERIFY(!json.contains(QLatin1String("strategy")));
        QCOMPARE(json.value(QLatin1String("k")).toInt(), 10);
        QCOMPARE(json.value(QLatin1String("holdout")).toDouble(), 0.25);
        const QJsonObject metrics = json.value(QLatin1String("metrics")).toObject();
        QCOMPARE(metrics.keys(),
            (QStringList {QStringLiteral("coverage@10"), QStringLiteral("hitrate@10"),
                QStringLiteral("ndcg@10"), QStringLiteral("recall@10")}));
        QCOMPARE(metrics.value(QLatin1String("hitrate@10")).toDouble(), 0.75);
        const QJsonArray groups = json.value(QLatin1String("groups")).toArray();
        QCOMPARE(groups.size(), 1);
        const QJsonObject vip = groups.at(0).toObject();
        QCOMPARE(vip.value(QLatin1String("name")).toString(), QStringLiteral("VIP"));
        QCOMPARE(vip.value(QLatin1String("users")).toInt(), 1);
        QCOMPARE(
            vip.value(QLatin1String("metrics")).toObject().value(QLatin1String("recall@10")).toDouble(), 1.0);
    }

    void trainItemsNeverRecommended()
    {
        TestCatalog catalog;
        fillRandom(catalog, 60, 25);
        const SnapshotPtr s = catalog.snapshot();
        const TemporalSplit split = TemporalSplit::build(*s);
        QVERIFY(split.evaluatedUsers().size() > 10);
        // The ranker puts the person's whole history first, then junk (an index out of range,
        // a duplicate), then every item.
        std::atomic_int shortLists {0};
        const auto ranker = [&](int user, int n) {
            std::vector<int> items;
            for (const Snapshot::Event &event : s->userEvents(user))
                items.push_back(event.item);
            items.push_back(-1);
            items.push_back(99);
            for (int i = 0; i < s->itemCount(); ++i)
                items.push_back(i);
            if (n < int(split.trainItems(user).size()) + 3)
                ++shortLists;
            return items;
        };
        EvaluationOptions options;
        options.ks = {3};
        const EvaluationResult result = Evaluator::rank(split, s->itemCount(), ranker, options);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(shortLists.load(), 0);
        for (size_t row = 0; row < result.evaluatedUsers.size(); ++row) {
            const std::vector<int> &train = split.trainItems(result.evaluatedUsers[row]);
            const std::vector<int> &top = result.recommended[row];
            QCOMPARE(top.size(), size_t(3));
            std::vector<int> sorted = top;
            std::sort(sorted.begin(), sorted.end());
            QVERIFY(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
            for (const int item : top) {
                QVERIFY(item >= 0 && item < s->itemCount());
                QVERIFY(!std::binary_search(train.begin(), train.end(), item));
            }
            // The history comes first, so its test items are the first recommended.
            const std::vector<int> &test = split.testItems(result.evaluatedUsers[row]);
            QCOMPARE(RankingMetrics::hits(top, test, 3), int(std::min<size_t>(test.size(), 3)));
        }
        QVERIFY(near(result.byK.at(3).hitRate, 1.0));
    }

    void deterministicAcrossThreads()
    {
        TestCatalog catalog;
        fillRandom(catalog, 200, 40);
        const SnapshotPtr s = catalog.snapshot();
        const TemporalSplit split = TemporalSplit::build(*s);
        EvaluationOptions options;
        options.ks = {1, 5, 10};
        options.threads = 1;
        const EvaluationResult one
            = Evaluator::rank(split, s->itemCount(), shuffledRanker(s->itemCount()), options);
        options.threads = 4;
        const EvaluationResult four
            = Evaluator::rank(split, s->itemCount(), shuffledRanker(s->itemCount()), options);
        QVERIFY(one.ok && four.ok);
        QCOMPARE(one.recommended, four.recommended);
        for (const int k : options.ks) {
            QCOMPARE(one.byK.at(k).recall, four.byK.at(k).recall); // bit for bit
            QCOMPARE(one.byK.at(k).ndcg, four.byK.at(k).ndcg);
            QCOMPARE(one.byK.at(k).coverage, four.byK.at(k).coverage);
        }
        // Metrics grow with K.
        QVERIFY(one.byK.at(1).recall <= one.byK.at(5).recall);
        QVERIFY(one.byK.at(5).recall <= one.byK.at(10).recall);
        QVERIFY(one.byK.at(1).coverage <= one.byK.at(10).coverage);
    }

    void breakdownSums()
    {
        TestCatalog catalog;
        fillRandom(catalog, 120, 30);
        const SnapshotPtr s = catalog.snapshot();
        // Groups by person index mod 4; group 3 ("Nobody") is never assigned, and every
        // eleventh person is in no group.
        std::vector<int> groupOfUser(size_t(s->userCount()));
        for (int u = 0; u < s->userCount(); ++u)
            groupOfUser[size_t(u)] = u % 11 == 0 ? -1 : u % 3;
        const QStringList names
            = {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"), QStringLiteral("Nobody")};
        EvaluationOptions options;
        options.ks = {5, 10};
        options.groupOfUser = groupOfUser;
        options.groupNames = names;
        const auto factory = [&](const SnapshotPtr &train, QString *) {
            return shuffledRanker(train->itemCount());
        };
        const EvaluationResult result = Evaluator::run(s, factory, options);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.groups.size(), 4);
        QCOMPARE(result.groups[3].name, QStringLiteral("Nobody"));
        QCOMPARE(result.groups[3].users, 0);
        QCOMPARE(result.groups[3].byK.at(10).recall, 0.0);

        // Without the ungrouped people, the groups add up to the whole: people, test items, and
        // each mean weighted by group size.
        std::vector<int> ungrouped;
        for (size_t row = 0; row < result.evaluatedUsers.size(); ++row) {
            if (groupOfUser[size_t(result.evaluatedUsers[row])] < 0)
                ungrouped.push_back(int(row));
        }
        QVERIFY(!ungrouped.empty());
        const std::map<int, Metrics> rest = RankingMetrics::aggregate(
            result.tests, result.recommended, result.ks, result.itemCount, &ungrouped);
        int users = int(ungrouped.size());
        qint64 testItems = 0;
        for (const int row : ungrouped)
            testItems += qint64(result.tests[size_t(row)].size());
        for (const GroupMetrics &group : result.groups) {
            users += group.users;
            testItems += group.testItems;
        }
        QCOMPARE(users, result.users);
        QCOMPARE(testItems, result.testItems);
        for (const int k : result.ks) {
            double recall = rest.at(k).recall * double(ungrouped.size());
            double ndcg = rest.at(k).ndcg * double(ungrouped.size());
            double hitRate = rest.at(k).hitRate * double(ungrouped.size());
            for (const GroupMetrics &group : result.groups) {
                recall += group.byK.at(k).recall * group.users;
                ndcg += group.byK.at(k).ndcg * group.users;
                hitRate += group.byK.at(k).hitRate * group.users;
                QVERIFY(group.byK.at(k).coverage <= result.byK.at(k).coverage + Eps);
            }
            QVERIFY(near(recall / result.users, result.byK.at(k).recall));
            QVERIFY(near(ndcg / result.users, result.byK.at(k).ndcg));
            QVERIFY(near(hitRate / result.users, result.byK.at(k).hitRate));
        }
        // Breaking down again afterwards gives the same as asking up front.
        const QList<GroupMetrics> again = result.breakdown(groupOfUser, names);
        QCOMPARE(again.size(), 4);
        QCOMPARE(again[1].users, result.groups[1].users);
        QCOMPARE(again[1].byK.at(5).ndcg, result.groups[1].byK.at(5).ndcg);
        QCOMPARE(
            result.toJson(QStringLiteral("strategy")).value(QLatin1String("groups")).toArray().size(), 4);
    }

    void cancellation()
    {
        TestCatalog catalog;
        fillRandom(catalog, 200, 30);
        const SnapshotPtr s = catalog.snapshot();
        const auto factory = [&](const SnapshotPtr &train, QString *) {
            return shuffledRanker(train->itemCount());
        };

        // Cancelled before it starts.
        std::atomic_bool cancelled {true};
        EvaluationResult result = Evaluator::run(s, factory, {}, Progress({}, &cancelled));
        QVERIFY(result.cancelled);
        QVERIFY(!result.ok);

        // Cancelled by the first ranking: the run stops without metrics.
        cancelled = false;
        std::atomic_int calls {0};
        const auto cancelling = [&](const SnapshotPtr &train, QString *) -> Evaluator::Ranker {
            const Evaluator::Ranker inner = shuffledRanker(train->itemCount());
            return [&, inner](int user, int n) {
                ++calls;
                cancelled = true;
                return inner(user, n);
            };
        };
        EvaluationOptions options;
        options.threads = 1;
        result = Evaluator::run(s, cancelling, options, Progress({}, &cancelled));
        QVERIFY(result.cancelled);
        QVERIFY(!result.ok);
        QVERIFY(result.byK.empty());
        QCOMPARE(calls.load(), 1);

        // Cancelled while training: the factory gives up.
        cancelled = false;
        const auto training = [&](const SnapshotPtr &, QString *) -> Evaluator::Ranker {
            cancelled = true;
            return {};
        };
        result = Evaluator::run(s, training, {}, Progress({}, &cancelled));
        QVERIFY(result.cancelled);
    }

    void progressReported()
    {
        TestCatalog catalog;
        fillRandom(catalog, 200, 30);
        const SnapshotPtr s = catalog.snapshot();
        qint64 lastDone = -1;
        qint64 lastTotal = -1;
        QStringList stages;
        const Progress progress([&](const QString &stage, qint64 done, qint64 total) {
            if (!stages.contains(stage))
                stages.append(stage);
            lastDone = done;
            lastTotal = total;
        });
        const auto factory = [&](const SnapshotPtr &train, QString *) {
            return shuffledRanker(train->itemCount());
        };
        const EvaluationResult result = Evaluator::run(s, factory, {}, progress);
        QVERIFY(result.ok);
        QCOMPARE(stages.size(), 3);
        QCOMPARE(lastTotal, qint64(result.users));
        QCOMPARE(lastDone, lastTotal);
    }

    void strategyRanker()
    {
        auto strategy = std::make_shared<CountdownStrategy>();
        const Evaluator::Ranker ranker = Evaluator::strategyRanker(std::shared_ptr<const Strategy>(strategy));
        QCOMPARE(toList(ranker(3, 4)), (QList<int> {3, 2, 1, 0}));
        QCOMPARE(strategy->m_asked.size(), size_t(1));
        QCOMPARE(strategy->m_asked[0].user, 3);
        QCOMPARE(strategy->m_asked[0].k, 4);
        QCOMPARE(strategy->m_asked[0].n, 4);

        // Through a run: the strategy is asked for max K + |train| and its train items dropped.
        TestCatalog catalog;
        fillSmall(catalog);
        const SnapshotPtr s = catalog.snapshot();
        CountdownStrategy countdown;
        EvaluationOptions options;
        options.ks = {3};
        const EvaluationResult result = Evaluator::run(
            s, [&](const SnapshotPtr &, QString *) { return Evaluator::strategyRanker(countdown); }, options);
        QVERIFY2(result.ok, qPrintable(result.error));
        // p5 (train {2, 3, 4, 5}) is asked for 3 + 4 = 7: 6..0 without train = [6, 1, 0].
        // p10 (train {2..9}) is asked for 3 + 8 = 11: 10..0 without train = [10, 1, 0].
        QCOMPARE(toList(result.recommended[0]), (QList<int> {6, 1, 0}));
        QCOMPARE(toList(result.recommended[1]), (QList<int> {10, 1, 0}));
        // Recall@3: p5 0/1, p10 2/2 -> 0.5. NDCG@3 for p10: (1/log2 3 + 1/2) / (1 + 1/log2 3).
        QVERIFY(near(result.byK.at(3).recall, 0.5));
        const double l3 = std::log2(3.0);
        QVERIFY(near(result.byK.at(3).ndcg, (1.0 / l3 + 0.5) / (1.0 + 1.0 / l3) / 2.0));
    }

    void badInput_data()
    {
        QTest::addColumn<QList<int>>("ks");
        QTest::addColumn<double>("holdout");
        QTest::addColumn<int>("minItems");
        QTest::newRow("no K") << QList<int> {} << 0.2 << 5;
        QTest::newRow("K = 0") << QList<int> {10, 0} << 0.2 << 5;
        QTest::newRow("holdout 0") << QList<int> {10} << 0.0 << 5;
        QTest::newRow("holdout 1") << QList<int> {10} << 1.0 << 5;
        QTest::newRow("min items 1") << QList<int> {10} << 0.2 << 1;
        QTest::newRow("nobody has 20 items") << QList<int> {10} << 0.2 << 20;
    }

    void badInput()
    {
        QFETCH(QList<int>, ks);
        QFETCH(double, holdout);
        QFETCH(int, minItems);
        TestCatalog catalog;
        fillSmall(catalog);
        const SnapshotPtr s = catalog.snapshot();
        bool built = false;
        EvaluationOptions options;
        options.ks = std::vector<int>(ks.begin(), ks.end());
        options.holdout = holdout;
        options.minItems = minItems;
        const EvaluationResult result = Evaluator::run(
            s,
            [&](const SnapshotPtr &train, QString *) {
                built = true;
                return shuffledRanker(train->itemCount());
            },
            options);
        QVERIFY(!result.ok);
        QVERIFY(!result.cancelled);
        QVERIFY(!result.error.isEmpty());
        QVERIFY(!built); // nothing is trained for options that cannot work
    }

    void factoryFailure()
    {
        TestCatalog catalog;
        fillSmall(catalog);
        const SnapshotPtr s = catalog.snapshot();
        const EvaluationResult result = Evaluator::run(s,
            [](const SnapshotPtr &, QString *error) -> Evaluator::Ranker {
                *error = QStringLiteral("unknown strategy \"nope\"");
                return {};
            },
            {});
        QVERIFY(!result.ok);
        QVERIFY(!result.cancelled);
        QCOMPARE(result.error, QStringLiteral("unknown strategy \"nope\""));
    }
};

QTEST_APPLESS_MAIN(TestEvaluation)
#include "tst_evaluation.moc"
