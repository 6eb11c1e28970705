// SPDX-License-Identifier: GPL-3.0-or-later
#include "testcatalog.h"

#include <QJsonDocument>
#include <QTest>

using namespace Vitrine;
using namespace Vitrine::Test;

class TestSnapshot : public QObject
{
    Q_OBJECT

private:
    /** Two people, three items, five events over three days. */
    void fill(TestCatalog &catalog)
    {
        catalog.item({QStringLiteral("A"), QStringLiteral("Alpha"), QStringLiteral("Outdoor > Jackets > Shell"),
                      QStringLiteral("Nordvik"), 100.0, 80.0, 5});
        catalog.item({QStringLiteral("B"), QStringLiteral("Beta"), QStringLiteral("Outdoor > Tents"), QStringLiteral("Fjell"),
                      50.0, -1.0, 0});
        catalog.item({QStringLiteral("C"), QStringLiteral("Gamma"), QString(), QString(), -1.0, -1.0, -1});
        catalog.user({QStringLiteral("u1"), QStringLiteral("f"), 1990, QStringLiteral("Denmark"), QStringLiteral("Aarhus")});
        catalog.user({QStringLiteral("u2"), QStringLiteral("m"), 0, QStringLiteral("Norway")});
        catalog.event(QStringLiteral("u1"), QStringLiteral("A"), 0, Day0 + 10);
        catalog.event(QStringLiteral("u1"), QStringLiteral("A"), 3, Day0 + 20);
        catalog.event(QStringLiteral("u1"), QStringLiteral("B"), 0, Day0 + Day);
        catalog.event(QStringLiteral("u2"), QStringLiteral("B"), 0, Day0 + 2 * Day);
        catalog.event(QStringLiteral("u2"), QStringLiteral("C"), 4, Day0 + 3 * Day);
    }

private slots:
    void itemsPeopleAndCategories()
    {
        TestCatalog catalog;
        fill(catalog);
        const SnapshotPtr s = catalog.snapshot();
        QCOMPARE(s->itemCount(), 3);
        QCOMPARE(s->userCount(), 2);
        const int a = s->itemIndexBySku(QStringLiteral("A"));
        QCOMPARE(s->title(a), QStringLiteral("Alpha"));
        QVERIFY(s->onSale(a));
        QCOMPARE(s->discount(a), 0.2f);
        QCOMPARE(s->currentPrice(a), 80.0f);
        const int b = s->itemIndexBySku(QStringLiteral("B"));
        QVERIFY(!s->inStock(b));
        QVERIFY(s->inStock(s->itemIndexBySku(QStringLiteral("C")))); // unknown stock counts as available
        QCOMPARE(s->categoryChain(a).size(), size_t(3));
        const int outdoor = s->categoryByPath(QStringLiteral("Outdoor"));
        QVERIFY(outdoor >= 0);
        QVERIFY(s->inCategory(a, outdoor));
        QVERIFY(s->inCategory(b, outdoor));
        QVERIFY(!s->inCategory(s->itemIndexBySku(QStringLiteral("C")), outdoor));
        QCOMPARE(s->brandName(s->brand(a)), QStringLiteral("Nordvik"));
        const int u1 = s->userIndexByExternalId(QStringLiteral("u1"));
        QCOMPARE(s->gender(u1), 'f');
        QCOMPARE(s->countryName(s->country(u1)), QStringLiteral("Denmark"));
        QCOMPARE(s->age(u1), 2026 - 1990);
        QCOMPARE(s->age(s->userIndexByExternalId(QStringLiteral("u2"))), -1);
    }

    void eventsAsCompressedRows()
    {
        TestCatalog catalog;
        fill(catalog);
        const SnapshotPtr s = catalog.snapshot();
        QCOMPARE(s->eventCount(), 5);
        const int u1 = s->userIndexByExternalId(QStringLiteral("u1"));
        const auto events = s->userEvents(u1);
        QCOMPARE(events.size(), size_t(3));
        QCOMPARE(s->toUnix(events[0].time), Day0 + 10);
        QCOMPARE(events[1].type, quint8(3));
        const int b = s->itemIndexBySku(QStringLiteral("B"));
        QCOMPARE(s->itemEvents(b).size(), size_t(2));
        QCOMPARE(s->itemEvents(b)[0].user, u1);
        // Weighted strengths: view 1 + purchase 8 on A.
        const auto items = s->userItems(u1);
        QCOMPARE(items.size(), size_t(2));
        QCOMPARE(items[0].index, s->itemIndexBySku(QStringLiteral("A")));
        QCOMPARE(items[0].weight, 9.0f);
        QCOMPARE(s->itemUsers(b).size(), size_t(2));
        QCOMPARE(s->asOf(), Day0 + 3 * Day);
    }

    void asOfExcludesLaterEvents()
    {
        TestCatalog catalog;
        fill(catalog);
        SnapshotOptions options;
        options.asOf = Day0 + Day;
        const SnapshotPtr s = catalog.snapshot(options);
        QCOMPARE(s->eventCount(), 3);
        QCOMPARE(s->asOf(), Day0 + Day);
        QVERIFY(s->userEvents(s->userIndexByExternalId(QStringLiteral("u2"))).empty());
        QVERIFY(s->watermark() != catalog.snapshot()->watermark());
    }

    void halfLifeDecaysOldEvents()
    {
        TestCatalog catalog;
        fill(catalog);
        SnapshotOptions options;
        options.weights = EventWeights();
        options.weights->halfLifeDays = 1.0;
        options.asOf = Day0 + 2 * Day + 10; // u1's view of A is two days old
        const SnapshotPtr s = catalog.snapshot(options);
        const int u1 = s->userIndexByExternalId(QStringLiteral("u1"));
        const float a = s->userItems(u1)[0].weight;
        QVERIFY(qAbs(a - (1.0f * 0.25f + 8.0f * std::exp2(-(2.0f * 86400 - 10) / 86400.0f))) < 1e-3f);
    }

    void catalogWeightsApplyAndChangeTheWatermark()
    {
        TestCatalog catalog;
        fill(catalog);
        const QString before = catalog.snapshot()->watermark();
        EventWeights weights;
        weights.weights[size_t(EventType::Purchase)] = 20.0f;
        QVERIFY(weights.save(catalog.db(), nullptr));
        const SnapshotPtr s = catalog.snapshot();
        QCOMPARE(s->weights(), weights);
        QCOMPARE(s->userItems(s->userIndexByExternalId(QStringLiteral("u1")))[0].weight, 21.0f);
        QVERIFY(s->watermark() != before);
    }

    void badWeightsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown type") << QByteArray(R"({"wishlist": 2})") << QStringLiteral("'wishlist' is not an event type");
        QTest::newRow("negative") << QByteArray(R"({"view": -1})") << QStringLiteral("event weight 'view' must be a number of at least 0");
        QTest::newRow("text") << QByteArray(R"({"half_life_days": "long"})") << QStringLiteral("'half_life_days' must be a number");
    }

    void badWeightsAreRefused()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!EventWeights::fromJson(QJsonDocument::fromJson(json).object(), &error));
        QVERIFY2(error.contains(message), qPrintable(error));
    }

    void withoutPairsDropsOnlyThosePairs()
    {
        TestCatalog catalog;
        fill(catalog);
        const SnapshotPtr s = catalog.snapshot();
        const int u1 = s->userIndexByExternalId(QStringLiteral("u1"));
        std::vector<std::vector<int>> removed(size_t(s->userCount()));
        removed[size_t(u1)] = {s->itemIndexBySku(QStringLiteral("A"))};
        const SnapshotPtr train = s->withoutPairs(removed);
        QCOMPARE(train->eventCount(), 3);
        QCOMPARE(train->userItems(u1).size(), size_t(1));
        QCOMPARE(train->itemEvents(s->itemIndexBySku(QStringLiteral("A"))).size(), size_t(0));
        QCOMPARE(s->eventCount(), 5); // the original is untouched
    }

    void anItemWithoutATitleIsShownByItsSku()
    {
        TestCatalog catalog;
        catalog.item({QStringLiteral("SKU-7"), QString(), QString(), QString(), 5.0, -1.0, 1});
        catalog.item({QStringLiteral("SKU-8"), QStringLiteral("Named"), QString(), QString(), 5.0, -1.0, 1});
        const SnapshotPtr s = catalog.snapshot();
        // What every preview, explanation and e-mail shows as the item's name.
        QCOMPARE(s->title(s->itemIndexBySku(QStringLiteral("SKU-7"))), QStringLiteral("SKU-7"));
        QCOMPARE(s->title(s->itemIndexBySku(QStringLiteral("SKU-8"))), QStringLiteral("Named"));
    }

    void emptyCatalog()
    {
        TestCatalog catalog;
        const SnapshotPtr s = catalog.snapshot();
        QCOMPARE(s->itemCount(), 0);
        QCOMPARE(s->eventCount(), 0);
    }
};

QTEST_APPLESS_MAIN(TestSnapshot)
#include "tst_snapshot.moc"
