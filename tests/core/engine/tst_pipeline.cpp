// SPDX-License-Identifier: GPL-3.0-or-later
// The slot pipeline's documented order, on a small shop whose bestseller counts are known.
#include "engine/recommender.h"
#include "engine/slotdefinition.h"
#include "engine/slotpipeline.h"
#include "testcatalog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Vitrine;
using namespace Vitrine::Test;

namespace {

QJsonObject json(const char *text)
{
    QJsonParseError error;
    const QJsonObject object = QJsonDocument::fromJson(QByteArray(text), &error).object();
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return object;
}

} // namespace

class TestPipeline : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestCatalog> m_catalog;
    SnapshotPtr m_snapshot;
    std::unique_ptr<ModelCache> m_models;

    /**
     * Eight items; P1..P6 bought 60, 50, 40, 30, 20, 10 times within the last days.
     * P2 is out of stock; P1/P2/P3 are Outdoor > Jackets (Nordvik), P4/P5 Outdoor > Tents,
     * P6 Home > Kitchen; N1 is new and unbought; A1 is an article.
     */
    void setUpShop()
    {
        m_catalog = std::make_unique<TestCatalog>();
        TestCatalog &c = *m_catalog;
        const auto product = [&](const char *sku, const char *category, const char *brand, double price, int stock,
                                 double sale = -1) {
            c.item({QLatin1String(sku), QStringLiteral("Item %1").arg(QLatin1String(sku)), QLatin1String(category),
                    QLatin1String(brand), price, sale, stock, Day0 - 200 * Day});
        };
        product("P1", "Outdoor > Jackets", "Nordvik", 100, 5);
        product("P2", "Outdoor > Jackets", "Nordvik", 120, 0);
        product("P3", "Outdoor > Jackets", "Nordvik", 80, 5);
        product("P4", "Outdoor > Tents", "Fjell", 300, 5);
        product("P5", "Outdoor > Tents", "Fjell", 250, 5, 150);
        product("P6", "Home > Kitchen", "Koke", 30, 5);
        c.item({QStringLiteral("N1"), QStringLiteral("New thing"), QStringLiteral("Home > Kitchen"), QStringLiteral("Koke"),
                40, -1, 5, Day0 + 9 * Day});
        c.item({QStringLiteral("A1"), QStringLiteral("An article"), QStringLiteral("Journal > Outdoor"), QString(), -1, -1, -1,
                Day0, {}, true});
        const int counts[] = {60, 50, 40, 30, 20, 10};
        for (int i = 0; i < 60; ++i)
            c.user(QStringLiteral("u%1").arg(i));
        for (int p = 0; p < 6; ++p) {
            for (int i = 0; i < counts[p]; ++i)
                c.event(QStringLiteral("u%1").arg(i), QStringLiteral("P%1").arg(p + 1), 3, Day0 + 8 * Day + p * 60 + i);
        }
        c.event(QStringLiteral("u59"), QStringLiteral("A1"), 4, Day0 + 9 * Day);
        SnapshotOptions options;
        options.asOf = Day0 + 10 * Day;
        m_snapshot = c.snapshot(options);
        m_models = std::make_unique<ModelCache>(m_snapshot);
    }

    std::unique_ptr<SlotPipeline> build(const char *definition)
    {
        QString error;
        const std::optional<SlotDefinition> slot = SlotDefinition::fromJson(QStringLiteral("test"), json(definition), &error);
        if (!slot)
            qFatal("bad slot: %s", qPrintable(error));
        std::unique_ptr<SlotPipeline> pipeline = SlotPipeline::build(*slot, {m_snapshot, m_models.get(), {}}, &error);
        if (!pipeline)
            qFatal("cannot build slot: %s", qPrintable(error));
        return pipeline;
    }

    QStringList skus(const SlotResult &result)
    {
        QStringList list;
        for (const RecommendedItem &item : result.items)
            list.append(m_snapshot->sku(item.item));
        return list;
    }

    int item(const char *sku) { return m_snapshot->itemIndexBySku(QLatin1String(sku)); }
    int user(int i) { return m_snapshot->userIndexByExternalId(QStringLiteral("u%1").arg(i)); }

private slots:
    void initTestCase() { setUpShop(); }

    void ranksAndFiltersOutOfStock()
    {
        const auto slot = build(R"({"strategies": ["bestsellers"], "filters": {"exclude_bought": false}, "max_items": 4})");
        const SlotResult result = slot->run({});
        QVERIFY(result.ok);
        QCOMPARE(skus(result), QStringList({QStringLiteral("P1"), QStringLiteral("P3"), QStringLiteral("P4"), QStringLiteral("P5")}));
        QVERIFY(result.items.front().reasons.first().startsWith(QStringLiteral("bestsellers: ")));
    }

    void sameCallSameAnswer()
    {
        const auto slot = build(R"({"strategies": ["bestsellers", {"name": "new", "weight": 0.5}], "max_items": 6})");
        RecommendRequest request;
        request.user = user(59);
        const SlotResult first = slot->run(request);
        const SlotResult second = slot->run(request);
        QCOMPARE(skus(first), skus(second));
        QCOMPARE(QJsonDocument(first.toJson(*m_snapshot, request)).toJson(),
                 QJsonDocument(second.toJson(*m_snapshot, request)).toJson());
    }

    void excludesWhatThePersonBought()
    {
        const auto slot = build(R"({"strategies": ["bestsellers"], "max_items": 3})");
        RecommendRequest request;
        request.user = user(35); // bought P1, P2, P3 (counts 60, 50, 40 reach u0..u39)
        QCOMPARE(skus(slot->run(request)), QStringList({QStringLiteral("P4"), QStringLiteral("P5"), QStringLiteral("P6")}));
    }

    void diversityCapHolds()
    {
        const auto slot = build(R"({"strategies": ["bestsellers"], "filters": {"exclude_bought": false},
                                     "diversity": {"max_per_category": 1}, "max_items": 3})");
        QCOMPARE(skus(slot->run({})), QStringList({QStringLiteral("P1"), QStringLiteral("P4"), QStringLiteral("P6")}));
        const auto byBrand = build(R"({"strategies": ["bestsellers"], "filters": {"exclude_bought": false},
                                       "diversity": {"max_per_brand": 2}, "max_items": 4})");
        QCOMPARE(skus(byBrand->run({})), QStringList({QStringLiteral("P1"), QStringLiteral("P3"), QStringLiteral("P4"), QStringLiteral("P5")}));
    }

    void pinsGoWhereTheyArePutOnce()
    {
        const auto slot = build(R"({"strategies": ["bestsellers"], "filters": {"exclude_bought": false},
                                     "pins": [{"sku": "P6", "position": 1}, {"sku": "P3", "position": 3}], "max_items": 4})");
        const SlotResult result = slot->run({});
        QCOMPARE(skus(result), QStringList({QStringLiteral("P6"), QStringLiteral("P1"), QStringLiteral("P3"), QStringLiteral("P4")}));
        QVERIFY(result.items[0].pinned);
        QVERIFY(result.items[0].reasons.first().contains(QStringLiteral("pinned at position 1")));
        QCOMPARE(skus(result).count(QStringLiteral("P3")), 1);
    }

    void pinnedItemStillObeysFilters()
    {
        const auto slot = build(R"({"strategies": ["bestsellers"], "filters": {"exclude_bought": false},
                                     "pins": [{"sku": "P2", "position": 1}], "max_items": 2})");
        QCOMPARE(skus(slot->run({})), QStringList({QStringLiteral("P1"), QStringLiteral("P3")}));
    }

    void fallbackNeverReturnsAFilteredItem()
    {
        // Only Kitchen items under 35 are allowed; bestsellers then gives P6 alone, and the
        // fallback must not bring in N1 (40) or the out-of-stock P2.
        const auto slot = build(R"({"strategies": [{"name": "bestsellers", "params": {"window_days": 1}}],
                                     "filters": {"exclude_bought": false, "categories": ["Home"], "price": {"max": 35}},
                                     "fallback": ["new", {"name": "bestsellers", "params": {"window_days": 365}}],
                                     "min_items": 3, "max_items": 3})");
        const SlotResult result = slot->run({});
        QCOMPARE(skus(result), QStringList({QStringLiteral("P6")}));
        QVERIFY(result.usedFallback);
        QCOMPARE(result.items.front().fallback, QStringLiteral("bestsellers"));
    }

    void fallbackFillsUpWhenTooFewRemain()
    {
        const auto slot = build(R"({"strategies": [{"name": "bestsellers", "params": {"window_days": 1}}],
                                     "filters": {"exclude_bought": false, "categories": ["Home"]},
                                     "fallback": ["new", "bestsellers"], "min_items": 2, "max_items": 2})");
        const SlotResult result = slot->run({});
        QCOMPARE(skus(result), QStringList({QStringLiteral("N1"), QStringLiteral("P6")}));
        QCOMPARE(result.items[1].fallback, QStringLiteral("bestsellers"));
        QVERIFY(result.items[0].reasons.first().startsWith(QStringLiteral("filled in by fallback new")));
    }

    void pageDedupeAndContext()
    {
        const auto slot = build(R"({"strategies": ["bestsellers"], "filters": {"exclude_bought": false}, "max_items": 2})");
        RecommendRequest request;
        request.onPage = {item("P1")};
        request.contextItem = item("P3");
        QCOMPARE(skus(slot->run(request)), QStringList({QStringLiteral("P4"), QStringLiteral("P5")}));
    }

    void relativePriceFollowsTheCurrentItem()
    {
        const auto slot = build(R"({"strategies": ["bestsellers"], "filters": {"exclude_bought": false,
                                     "relative_price": {"min": 0.5, "max": 1.5}}, "max_items": 5})");
        RecommendRequest request;
        request.contextItem = item("P4"); // 300: allowed 150..450, and P5 costs 150 on sale
        QCOMPARE(skus(slot->run(request)), QStringList({QStringLiteral("P5")}));
    }

    void boostsAndBuriesReorder()
    {
        const auto slot = build(R"({"strategies": ["bestsellers"], "filters": {"exclude_bought": false},
                                     "boosts": [{"when": {"on_sale": true}, "factor": 3, "label": "Sale"},
                                                {"when": {"brand": "Nordvik"}, "factor": 0.1}], "max_items": 3})");
        const SlotResult result = slot->run({});
        QCOMPARE(skus(result), QStringList({QStringLiteral("P5"), QStringLiteral("P4"), QStringLiteral("P6")}));
        QCOMPARE(result.items.front().boosts, QStringList({QStringLiteral("Sale ×3")}));
    }

    void whyNot_data()
    {
        QTest::addColumn<QString>("sku");
        QTest::addColumn<int>("step");
        QTest::addColumn<QString>("message");
        QTest::newRow("shown") << QStringLiteral("P4") << int(WhyNot::Step::Shown) << QStringLiteral("is shown at position 2");
        QTest::newRow("out of stock") << QStringLiteral("P2") << int(WhyNot::Step::Filtered)
                                      << QStringLiteral("removed by the filter in_stock: it is out of stock");
        QTest::newRow("diversity") << QStringLiteral("P3") << int(WhyNot::Step::Diversity)
                                   << QStringLiteral("already 1 items from Outdoor > Jackets");
        QTest::newRow("below cut") << QStringLiteral("P6") << int(WhyNot::Step::BelowCut) << QStringLiteral("ranked 5, below the 2 shown");
        QTest::newRow("not a candidate") << QStringLiteral("N1") << int(WhyNot::Step::NotCandidate)
                                         << QStringLiteral("not a candidate: none of bestsellers");
    }

    void whyNot()
    {
        QFETCH(QString, sku);
        QFETCH(int, step);
        QFETCH(QString, message);
        const auto slot = build(R"({"strategies": ["bestsellers"], "filters": {"exclude_bought": false},
                                     "diversity": {"max_per_category": 1}, "max_items": 2})");
        const SlotResult result = slot->run({}, m_snapshot->itemIndexBySku(sku));
        QVERIFY(result.whyNot.has_value());
        QVERIFY2(result.whyNot->message.contains(message), qPrintable(result.whyNot->message));
        QCOMPARE(int(result.whyNot->step), step);
    }

    void badDefinitions_data()
    {
        QTest::addColumn<QByteArray>("definition");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty strategy name") << QByteArray(R"({"strategies": [""]})")
                                             << QStringLiteral("strategies[0]: a strategy name must not be empty");
        QTest::newRow("no strategies") << QByteArray(R"({"strategies": []})") << QStringLiteral("strategies: a slot needs at least one strategy");
        QTest::newRow("unknown key") << QByteArray(R"({"strategies": ["new"], "filter": {}})") << QStringLiteral("filter: unknown key");
        QTest::newRow("bad weight") << QByteArray(R"({"strategies": [{"name": "new", "weight": "high"}]})")
                                    << QStringLiteral("strategies[0].weight: must be a number");
        QTest::newRow("bad price") << QByteArray(R"({"strategies": ["new"], "filters": {"price": {"min": "cheap"}}})")
                                   << QStringLiteral("filters.price.min: must be a number");
        QTest::newRow("bad kind") << QByteArray(R"({"strategies": ["new"], "filters": {"kind": "service"}})")
                                  << QStringLiteral("filters.kind: must be \"product\" or \"content\"");
        QTest::newRow("bad boost") << QByteArray(R"({"strategies": ["new"], "boosts": [{"when": {"colour": "red"}, "factor": 2}]})")
                                   << QStringLiteral("boosts[0].when: unknown condition 'colour'");
        QTest::newRow("pin position") << QByteArray(R"({"strategies": ["new"], "pins": [{"sku": "P1", "position": 0}]})")
                                      << QStringLiteral("pins[0].position: must be a number from 1");
        QTest::newRow("min above max") << QByteArray(R"({"strategies": ["new"], "min_items": 5, "max_items": 2})")
                                       << QStringLiteral("min_items: is above max_items");
        QTest::newRow("normalisation") << QByteArray(R"({"strategies": ["new"], "normalisation": "softmax"})")
                                       << QStringLiteral("normalisation: must be rank, max, minmax, zscore or none");
    }

    void badDefinitions()
    {
        QFETCH(QByteArray, definition);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!SlotDefinition::fromJson(QStringLiteral("x"), QJsonDocument::fromJson(definition).object(), &error));
        QVERIFY2(error.contains(message), qPrintable(error));
    }

    void unbuildableSlots_data()
    {
        QTest::addColumn<QByteArray>("definition");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown strategy") << QByteArray(R"({"strategies": ["bestseller"]})")
                                          << QStringLiteral("strategies[0]: unknown strategy 'bestseller'");
        QTest::newRow("unknown category") << QByteArray(R"({"strategies": ["new"], "filters": {"categories": ["Garden"]}})")
                                          << QStringLiteral("filters.categories: the catalog has no category 'Garden'");
        QTest::newRow("unknown pin") << QByteArray(R"({"strategies": ["new"], "pins": [{"sku": "NOPE"}]})")
                                     << QStringLiteral("pins: the catalog has no item 'NOPE'");
    }

    void unbuildableSlots()
    {
        QFETCH(QByteArray, definition);
        QFETCH(QString, message);
        QString error;
        const std::optional<SlotDefinition> slot = SlotDefinition::fromJson(QStringLiteral("x"), QJsonDocument::fromJson(definition).object(), &error);
        QVERIFY2(slot, qPrintable(error));
        QVERIFY(!SlotPipeline::build(*slot, {m_snapshot, m_models.get(), {}}, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
    }

    void definitionRoundTripsThroughJson()
    {
        const QJsonObject original = json(R"({"strategies": [{"name": "bestsellers", "weight": 2}], "filters": {"price": {"max": 50}},
                                             "boosts": [{"when": {"on_sale": true}, "factor": 1.5, "label": "Sale"}],
                                             "pins": [{"sku": "P6", "position": 2}], "diversity": {"max_per_brand": 1},
                                             "fallback": ["new"], "min_items": 2, "max_items": 5})");
        QString error;
        const std::optional<SlotDefinition> first = SlotDefinition::fromJson(QStringLiteral("x"), original, &error);
        QVERIFY2(first, qPrintable(error));
        const std::optional<SlotDefinition> second = SlotDefinition::fromJson(QStringLiteral("x"), first->toJson(), &error);
        QVERIFY2(second, qPrintable(error));
        QCOMPARE(second->toJson(), first->toJson());
    }

    void recommenderRunsStoredSlots()
    {
        Recommender recommender(m_snapshot);
        QString error;
        const std::optional<SlotDefinition> slot = SlotDefinition::fromJson(QStringLiteral("home"), json(R"({"strategies": ["bestsellers"], "max_items": 2})"), &error);
        recommender.setSlot(*slot);
        QCOMPARE(skus(recommender.recommend(QStringLiteral("home"), {})), QStringList({QStringLiteral("P1"), QStringLiteral("P3")}));
        const SlotResult missing = recommender.recommend(QStringLiteral("nope"), {});
        QVERIFY(!missing.ok);
        QVERIFY(missing.error.contains(QStringLiteral("no slot named 'nope' (slots: home)")));
    }
};

QTEST_APPLESS_MAIN(TestPipeline)
#include "tst_pipeline.moc"
