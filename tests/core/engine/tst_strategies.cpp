// SPDX-License-Identifier: GPL-3.0-or-later
#include "strategyfixture.h"

#include "engine/strategyregistry.h"

using namespace Vitrine;
using namespace Vitrine::Test;

// Every strategy: construction, parameters, cancellation, determinism; then the item-centred ones.
class TestStrategies : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void createsWithDefaults_data();
    void createsWithDefaults();
    void refusesBadParameters_data();
    void refusesBadParameters();
    void stopsWhenCancelled();
    void deterministicAndWellFormed_data();
    void deterministicAndWellFormed();
    void sharesModelsBetweenStrategies();
    void paramSpecsAreWhatTheCheckAccepts_data();
    void paramSpecsAreWhatTheCheckAccepts();
    void paramSpecsOfBestsellers();

    void bestsellersCountsOnlyTheWindow();
    void bestsellersAsOfExcludesLaterEvents();
    void trendingPrefersTheRisingItem();
    void newArrivalsNewestFirst();
    void onSaleByDiscountThenPopularity();
};

void TestStrategies::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestStrategies::createsWithDefaults_data()
{
    QTest::addColumn<QString>("name");
    for (const auto &[name, factory] : factories())
        QTest::newRow(qPrintable(name)) << name;
}

void TestStrategies::createsWithDefaults()
{
    QFETCH(QString, name);
    Fixture f;
    fillShop(f.catalog);
    f.load();
    QString error;
    const auto strategy = f.make(name, {}, &error);
    QVERIFY2(strategy, qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(strategy->name(), name);
}

void TestStrategies::refusesBadParameters_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("params");
    QTest::addColumn<QString>("message");

    QTest::newRow("unknown key")
        << QStringLiteral("bestsellers") << QByteArray(R"({"windw": 7})")
        << QStringLiteral("bestsellers: unknown parameter 'windw' (parameters: window_days, event)");
    QTest::newRow("string for a number")
        << QStringLiteral("bestsellers") << QByteArray(R"({"window_days": "30"})")
        << QStringLiteral("bestsellers: parameter 'window_days'");
    QTest::newRow("unknown event") << QStringLiteral("bestsellers") << QByteArray(R"({"event": "teleport"})")
                                   << QStringLiteral("bestsellers: parameter 'event'");
    QTest::newRow("zero days") << QStringLiteral("trending") << QByteArray(R"({"recent_days": 0})")
                               << QStringLiteral("trending: parameter 'recent_days'");
    QTest::newRow("negative age") << QStringLiteral("new") << QByteArray(R"({"max_age_days": -1})")
                                  << QStringLiteral("new: parameter 'max_age_days'");
    QTest::newRow("discount as text") << QStringLiteral("on-sale") << QByteArray(R"({"min_discount": "x"})")
                                      << QStringLiteral("on-sale: parameter 'min_discount'");
    QTest::newRow("unknown match field")
        << QStringLiteral("demographic") << QByteArray(R"({"match": ["gender", "shoe_size"]})")
        << QStringLiteral("demographic: parameter 'match'");
    QTest::newRow("segment not yet") << QStringLiteral("demographic") << QByteArray(R"({"segment": "vip"})")
                                     << QStringLiteral("demographic: unknown parameter 'segment'");
    QTest::newRow("unknown weight") << QStringLiteral("similar")
                                    << QByteArray(R"({"weights": {"colour": 1}})")
                                    << QStringLiteral(
                                           "similar: parameter 'weights' has an unknown key 'colour'");
    QTest::newRow("fractional count") << QStringLiteral("also-viewed") << QByteArray(R"({"min_count": 1.5})")
                                      << QStringLiteral("also-viewed: parameter 'min_count'");
    QTest::newRow("no anchors") << QStringLiteral("also-bought") << QByteArray(R"({"anchors": 0})")
                                << QStringLiteral("also-bought: parameter 'anchors'");
    QTest::newRow("zero support") << QStringLiteral("bought-together") << QByteArray(R"({"min_support": 0})")
                                  << QStringLiteral("bought-together: parameter 'min_support'");
    QTest::newRow("unknown event in list")
        << QStringLiteral("recently-viewed") << QByteArray(R"({"events": ["view", "smell"]})")
        << QStringLiteral("recently-viewed: parameter 'events'");
    QTest::newRow("bool for a number")
        << QStringLiteral("affinity") << QByteArray(R"({"half_life_days": true})")
        << QStringLiteral("affinity: parameter 'half_life_days'");
    QTest::newRow("text for a count")
        << QStringLiteral("because-viewed") << QByteArray(R"({"anchors": "one"})")
        << QStringLiteral("because-viewed: parameter 'anchors'");
    QTest::newRow("number in a map") << QStringLiteral("preference")
                                     << QByteArray(R"({"list_attributes": {"favorite_activities": 3}})")
                                     << QStringLiteral("preference: parameter 'list_attributes'");
    QTest::newRow("misspelt") << QStringLiteral("preference") << QByteArray(R"({"budget": "budget"})")
                              << QStringLiteral("preference: unknown parameter 'budget'");
}

void TestStrategies::refusesBadParameters()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, params);
    QFETCH(QString, message);
    Fixture f;
    f.catalog.item(QStringLiteral("A"));
    f.load();
    QString error;
    const auto strategy = f.make(name, QJsonDocument::fromJson(params).object(), &error);
    QVERIFY(!strategy);
    QVERIFY2(error.startsWith(message), qPrintable(error));
    QVERIFY(f.cache->keys().isEmpty()); // nothing trained for a refused slot
}

void TestStrategies::stopsWhenCancelled()
{
    Fixture f;
    fillShop(f.catalog);
    f.load();
    std::atomic_bool cancelled = true;
    const StrategyContext context {f.snapshot, f.cache.get(), Progress({}, &cancelled)};
    for (const char *name :
        {"bestsellers", "similar", "also-bought", "bought-together", "demographic", "affinity"}) {
        QString error;
        const auto strategy = factories().at(QLatin1String(name))(context, {}, &error);
        QVERIFY2(!strategy, name);
        QVERIFY2(error.startsWith(QLatin1String(name)) && error.contains(QLatin1String("cancelled")),
            qPrintable(error));
    }
    QVERIFY(f.cache->keys().isEmpty());
}

void TestStrategies::deterministicAndWellFormed_data()
{
    createsWithDefaults_data();
}

void TestStrategies::deterministicAndWellFormed()
{
    QFETCH(QString, name);
    Fixture f;
    fillShop(f.catalog);
    f.load();
    const auto first = f.make(name);
    QVERIFY(first);
    // A second snapshot and cache: nothing shared, the same answers expected.
    Fixture g;
    g.snapshot = f.catalog.snapshot(f.snapshot->options());
    g.cache = std::make_unique<ModelCache>(g.snapshot);
    const auto second = g.make(name);
    QVERIFY(second);

    std::vector<RecommendRequest> requests;
    for (int user = -1; user < f.snapshot->userCount(); ++user) {
        RecommendRequest request;
        request.user = user;
        requests.push_back(request);
        request.contextItem = (user + 1) % f.snapshot->itemCount();
        requests.push_back(request);
        request.contextItem = -1;
        request.cart = {user + 3, user + 9};
        requests.push_back(request);
    }
    int answered = 0;
    for (const RecommendRequest &request : requests) {
        const auto a = first->candidates(request, 8);
        const auto b = second->candidates(request, 8);
        QCOMPARE(a.size(), b.size());
        QVERIFY(a.size() <= 8);
        answered += a.empty() ? 0 : 1;
        for (size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i].item, b[i].item);
            QCOMPARE(a[i].score, b[i].score);
            QVERIFY(a[i].item >= 0 && a[i].item < f.snapshot->itemCount());
            if (i > 0) // best first, equal scores by item index, no item twice
                QVERIFY(a[i - 1].score > a[i].score
                    || (a[i - 1].score == a[i].score && a[i - 1].item < a[i].item));
            QCOMPARE(first->explain(request, a[i].item), second->explain(request, a[i].item));
            QVERIFY2(!first->explain(request, a[i].item).isEmpty(),
                qPrintable(QStringLiteral("no reason for %1").arg(f.snapshot->sku(a[i].item))));
        }
        QVERIFY(first->candidates(request, 0).empty());
    }
    QVERIFY2(answered > 0, "the strategy never proposes anything on the random shop");
}

void TestStrategies::sharesModelsBetweenStrategies()
{
    Fixture f;
    fillShop(f.catalog);
    f.load();
    QVERIFY(f.make(QStringLiteral("similar")));
    QVERIFY(f.make(QStringLiteral("also-viewed")));
    const QStringList trained = f.cache->keys();
    QVERIFY(f.make(QStringLiteral("because-viewed")));
    QVERIFY(f.make(QStringLiteral("similar")));
    QCOMPARE(f.cache->keys().size(), trained.size()); // because-viewed reuses both models
    QVERIFY(f.make(QStringLiteral("similar"), json(R"({"weights": {"brand": 2}})")));
    QCOMPARE(f.cache->keys().size(), trained.size() + 1); // other weights, another model
}

void TestStrategies::paramSpecsAreWhatTheCheckAccepts_data()
{
    QTest::addColumn<QString>("name");
    for (const StrategyInfo &info : strategyInfos())
        QTest::newRow(qPrintable(info.name)) << info.name;
}

// An editor's form offers each parameter with its default and range: the check must accept the
// default and both ends, and refuse just past them, or the form would offer what Save refuses.
void TestStrategies::paramSpecsAreWhatTheCheckAccepts()
{
    QFETCH(QString, name);
    const std::vector<StrategyParamSpec> specs = strategyParamSpecs(name);
    QVERIFY2(!specs.empty(), "every strategy has parameters to tune");
    for (const StrategyParamSpec &spec : specs) {
        const auto accepts = [&](const QJsonValue &value) {
            QString error;
            const bool ok = checkStrategyParams(name, {{spec.key, value}}, &error);
            return ok;
        };
        if (spec.kind != StrategyParamSpec::Kind::Object)
            QVERIFY2(accepts(spec.defaultValue), qPrintable(spec.key + QStringLiteral(": its default is refused")));
        if (spec.kind == StrategyParamSpec::Kind::Number || spec.kind == StrategyParamSpec::Kind::Integer) {
            QVERIFY2(spec.minimum <= spec.maximum, qPrintable(spec.key));
            QVERIFY2(accepts(spec.minimum), qPrintable(spec.key + QStringLiteral(": minimum refused")));
            QVERIFY2(accepts(spec.maximum), qPrintable(spec.key + QStringLiteral(": maximum refused")));
            if (spec.maximum < 1e9) // else unbounded above
                QVERIFY2(!accepts(spec.maximum * 2 + 1), qPrintable(spec.key + QStringLiteral(": past the maximum accepted")));
        }
        if (spec.kind == StrategyParamSpec::Kind::Choice || spec.kind == StrategyParamSpec::Kind::Events) {
            for (const QString &choice : spec.choices)
                QVERIFY2(accepts(choice), qPrintable(spec.key + QStringLiteral(": ") + choice));
            QVERIFY(!accepts(QStringLiteral("no-such-choice")));
        }
        if (spec.kind == StrategyParamSpec::Kind::Boolean)
            QVERIFY(accepts(true) && accepts(false) && !accepts(1));
    }
    QVERIFY(strategyParamSpecs(QStringLiteral("no-such-strategy")).empty());
}

void TestStrategies::paramSpecsOfBestsellers()
{
    const std::vector<StrategyParamSpec> specs = strategyParamSpecs(QStringLiteral("bestsellers"));
    QCOMPARE(specs.size(), size_t(2));
    QCOMPARE(specs[0].key, QStringLiteral("window_days"));
    QCOMPARE(specs[0].kind, StrategyParamSpec::Kind::Number);
    QCOMPARE(specs[0].defaultValue.toDouble(), 30.0);
    QCOMPARE(specs[0].minimum, 1.0);
    QCOMPARE(specs[0].maximum, 3650.0);
    QCOMPARE(specs[1].key, QStringLiteral("event"));
    QCOMPARE(specs[1].kind, StrategyParamSpec::Kind::Events);
    QCOMPARE(specs[1].defaultValue.toString(), QStringLiteral("purchase"));
    QVERIFY(specs[1].choices.contains(QStringLiteral("view")));
}

void TestStrategies::bestsellersCountsOnlyTheWindow()
{
    Fixture f;
    for (const char *sku : {"A", "B", "C"})
        f.catalog.item(QLatin1String(sku));
    for (const char *id : {"u1", "u2", "u3"})
        f.catalog.user(QLatin1String(id));
    f.catalog.event(QStringLiteral("u1"), QStringLiteral("A"), 3, T - 40 * Day, 5); // before the 30 days
    f.catalog.event(QStringLiteral("u1"), QStringLiteral("B"), 3, T - 10 * Day, 1);
    f.catalog.event(QStringLiteral("u2"), QStringLiteral("B"), 3, T - 2 * Day, 2);
    f.catalog.event(QStringLiteral("u3"), QStringLiteral("C"), 3, T - 1 * Day, 1);
    for (int i = 0; i < 6; ++i)
        f.catalog.event(QStringLiteral("u3"), QStringLiteral("A"), 0, T - i * Day); // views are not sales
    f.load();

    const auto bestsellers = f.make(QStringLiteral("bestsellers"));
    QCOMPARE(f.top(*bestsellers, {}), list({"B", "C"}));
    QCOMPARE(f.explain(*bestsellers, {}, "B"), QStringLiteral("bought 3 times in the last 30 days"));
    QCOMPARE(f.explain(*bestsellers, {}, "C"), QStringLiteral("bought once in the last 30 days"));
    QVERIFY(f.explain(*bestsellers, {}, "A").isEmpty());

    const auto longer = f.make(QStringLiteral("bestsellers"), json(R"({"window_days": 60})"));
    QCOMPARE(f.top(*longer, {}), list({"A", "B", "C"}));
    QCOMPARE(f.explain(*longer, {}, "A"), QStringLiteral("bought 5 times in the last 60 days"));

    const auto viewed = f.make(QStringLiteral("bestsellers"), json(R"({"event": "view", "window_days": 7})"));
    QCOMPARE(f.top(*viewed, {}), list({"A"}));
    QCOMPARE(f.explain(*viewed, {}, "A"), QStringLiteral("viewed 6 times this week"));
}

void TestStrategies::bestsellersAsOfExcludesLaterEvents()
{
    Fixture f;
    for (const char *sku : {"A", "B", "C"})
        f.catalog.item(QLatin1String(sku));
    f.catalog.user(QStringLiteral("u1"));
    f.catalog.event(QStringLiteral("u1"), QStringLiteral("A"), 3, T - 20 * Day);
    f.catalog.event(QStringLiteral("u1"), QStringLiteral("B"), 3, T - 8 * Day);
    f.catalog.event(QStringLiteral("u1"), QStringLiteral("C"), 3, T - 5 * Day, 4);

    f.load(T);
    QCOMPARE(f.top(*f.make(QStringLiteral("bestsellers")), {}), list({"C", "A", "B"}));
    f.load(T - 7 * Day); // C's sale has not happened yet
    const auto earlier = f.make(QStringLiteral("bestsellers"));
    QCOMPARE(f.top(*earlier, {}), list({"A", "B"}));
    QVERIFY(f.explain(*earlier, {}, "C").isEmpty());
    f.load(std::nullopt); // no as_of: the latest event's time, so all three count
    QCOMPARE(f.snapshot->asOf(), T - 5 * Day);
    QCOMPARE(f.top(*f.make(QStringLiteral("bestsellers")), {}), list({"C", "A", "B"}));
}

void TestStrategies::trendingPrefersTheRisingItem()
{
    Fixture f;
    for (const char *sku : {"Steady", "Rising", "Quiet"})
        f.catalog.item(QLatin1String(sku));
    for (int u = 0; u < 10; ++u)
        f.catalog.user(QStringLiteral("u%1").arg(u));
    auto views = [&](const char *sku, int count, int fromDay, int toDay) { // spread over days before T
        for (int i = 0; i < count; ++i)
            f.catalog.event(QStringLiteral("u%1").arg(i % 10), QLatin1String(sku), 0,
                T - (fromDay + i % (toDay - fromDay + 1)) * Day - 3600);
    };
    views("Steady", 40, 7, 34);
    views("Steady", 10, 0, 6);
    views("Rising", 8, 7, 34);
    views("Rising", 12, 0, 6);
    views("Quiet", 1, 0, 0);
    f.load();

    const auto trending = f.make(QStringLiteral("trending"));
    QCOMPARE(f.top(*trending, {}), list({"Rising", "Steady", "Quiet"}));
    QCOMPARE(f.explain(*trending, {}, "Rising"), QStringLiteral("views up 500% this week"));
    QCOMPARE(f.explain(*trending, {}, "Steady"), QStringLiteral("10 views this week"));
    QCOMPARE(f.explain(*trending, {}, "Quiet"), QStringLiteral("1 view this week, none before"));

    // A larger prior damps the small riser: with 1 view, Quiet can never beat the busy items.
    const auto damped = f.make(QStringLiteral("trending"), json(R"({"prior": 50})"));
    QCOMPARE(f.top(*damped, {}).last(), QStringLiteral("Quiet"));
    // Purchases instead of views: none, so nothing trends.
    QVERIFY(f.top(*f.make(QStringLiteral("trending"), json(R"({"event": "purchase"})")), {}).isEmpty());
}

void TestStrategies::newArrivalsNewestFirst()
{
    Fixture f;
    auto add = [&](const char *sku, qint64 created) {
        TestCatalog::ItemSpec spec {QLatin1String(sku)};
        spec.createdAt = created;
        f.catalog.item(spec);
    };
    add("Old", T - 100 * Day);
    add("Week", T - 10 * Day);
    add("Fresh", T - 3 * Day - 600);
    add("Future", T + 5 * Day); // not yet in the shop at T
    add("Today", T - 3600);
    f.load();

    const auto arrivals = f.make(QStringLiteral("new"));
    QCOMPARE(f.top(*arrivals, {}), list({"Today", "Fresh", "Week"}));
    QCOMPARE(f.explain(*arrivals, {}, "Fresh"), QStringLiteral("new, added 3 days ago"));
    QCOMPARE(f.explain(*arrivals, {}, "Today"), QStringLiteral("new, added today"));
    QVERIFY(f.explain(*arrivals, {}, "Old").isEmpty());
    QCOMPARE(
        f.top(*f.make(QStringLiteral("new"), json(R"({"max_age_days": 5})")), {}), list({"Today", "Fresh"}));
    f.load(T + 6 * Day);
    QCOMPARE(f.top(*f.make(QStringLiteral("new")), {}, 1), list({"Future"}));
}

void TestStrategies::onSaleByDiscountThenPopularity()
{
    Fixture f;
    auto add = [&](const char *sku, double price, double sale) {
        TestCatalog::ItemSpec spec {QLatin1String(sku)};
        spec.price = price;
        spec.salePrice = sale;
        f.catalog.item(spec);
    };
    add("Full", 100, -1);
    add("Quiet20", 100, 80);
    add("Deep38", 100, 62);
    add("Busy20", 50, 40);
    add("Higher", 50, 60); // a "sale" price above the price is no sale
    f.catalog.user(QStringLiteral("u1"));
    for (int i = 0; i < 3; ++i)
        f.catalog.event(QStringLiteral("u1"), QStringLiteral("Busy20"), 0, T - i * Day);
    f.load();

    const auto sale = f.make(QStringLiteral("on-sale"));
    QCOMPARE(f.top(*sale, {}), list({"Deep38", "Busy20", "Quiet20"}));
    QCOMPARE(f.explain(*sale, {}, "Deep38"), QStringLiteral("38% off"));
    QCOMPARE(f.explain(*sale, {}, "Busy20"), QStringLiteral("20% off"));
    QVERIFY(f.explain(*sale, {}, "Full").isEmpty());
    QCOMPARE(
        f.top(*f.make(QStringLiteral("on-sale"), json(R"({"min_discount": 25})")), {}), list({"Deep38"}));
}

QTEST_APPLESS_MAIN(TestStrategies)
#include "tst_strategies.moc"
