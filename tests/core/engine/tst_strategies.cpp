// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/modelcache.h"
#include "engine/strategies/affinitystrategy.h"
#include "engine/strategies/becauseviewedstrategy.h"
#include "engine/strategies/bestsellersstrategy.h"
#include "engine/strategies/boughttogetherstrategy.h"
#include "engine/strategies/cooccurrencestrategy.h"
#include "engine/strategies/demographicstrategy.h"
#include "engine/strategies/newarrivalsstrategy.h"
#include "engine/strategies/onsalestrategy.h"
#include "engine/strategies/preferencestrategy.h"
#include "engine/strategies/recentlyviewedstrategy.h"
#include "engine/strategies/similaritemsstrategy.h"
#include "engine/strategies/trendingstrategy.h"
#include "engine/strategy.h"
#include "testcatalog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QTest>

#include <atomic>
#include <map>

using namespace Vitrine;
using namespace Vitrine::Test;

namespace {

using Factory = std::unique_ptr<Strategy> (*)(const StrategyContext &, const QJsonObject &, QString *);

const std::map<QString, Factory> &factories()
{
    static const std::map<QString, Factory> map = {
        {QStringLiteral("bestsellers"), &BestsellersStrategy::create},
        {QStringLiteral("trending"), &TrendingStrategy::create},
        {QStringLiteral("new"), &NewArrivalsStrategy::create},
        {QStringLiteral("on-sale"), &OnSaleStrategy::create},
        {QStringLiteral("demographic"), &DemographicStrategy::create},
        {QStringLiteral("similar"), &SimilarItemsStrategy::create},
        {QStringLiteral("also-viewed"), &CoOccurrenceStrategy::createAlsoViewed},
        {QStringLiteral("also-bought"), &CoOccurrenceStrategy::createAlsoBought},
        {QStringLiteral("bought-together"), &BoughtTogetherStrategy::create},
        {QStringLiteral("recently-viewed"), &RecentlyViewedStrategy::create},
        {QStringLiteral("affinity"), &AffinityStrategy::create},
        {QStringLiteral("because-viewed"), &BecauseViewedStrategy::create},
        {QStringLiteral("preference"), &PreferenceStrategy::create},
    };
    return map;
}

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

/** The time hand-built catalogs are looked at: 100 days after Day0. */
constexpr qint64 T = Day0 + 100 * Day;

/** A catalog, a snapshot of it and a model cache, with shortcuts to ask strategies. */
class Fixture
{
public:
    TestCatalog catalog;
    SnapshotPtr snapshot;
    std::unique_ptr<ModelCache> cache;

    void load(std::optional<qint64> asOf = T)
    {
        SnapshotOptions options;
        options.asOf = asOf;
        snapshot = catalog.snapshot(options);
        cache = std::make_unique<ModelCache>(snapshot);
    }

    std::unique_ptr<Strategy> make(
        const QString &name, const QJsonObject &params = {}, QString *error = nullptr)
    {
        QString message;
        const StrategyContext context {snapshot, cache.get(), {}};
        auto strategy = factories().at(name)(context, params, &message);
        if (error)
            *error = message;
        else if (!strategy)
            qWarning("%s", qPrintable(message));
        return strategy;
    }

    int item(const char *sku) const { return snapshot->itemIndexBySku(QString::fromLatin1(sku)); }
    int user(const char *id) const { return snapshot->userIndexByExternalId(QString::fromLatin1(id)); }

    RecommendRequest forUser(const char *id) const
    {
        RecommendRequest request;
        request.user = user(id);
        return request;
    }
    RecommendRequest forItem(const char *sku) const
    {
        RecommendRequest request;
        request.contextItem = item(sku);
        return request;
    }
    RecommendRequest forCart(std::initializer_list<const char *> skus) const
    {
        RecommendRequest request;
        for (const char *sku : skus)
            request.cart.push_back(item(sku));
        return request;
    }

    QStringList skus(const std::vector<ScoredItem> &items) const
    {
        QStringList result;
        for (const ScoredItem &entry : items)
            result.append(snapshot->sku(entry.item));
        return result;
    }

    QStringList top(const Strategy &strategy, const RecommendRequest &request, int n = 10) const
    {
        return skus(strategy.candidates(request, n));
    }

    QString explain(const Strategy &strategy, const RecommendRequest &request, const char *sku) const
    {
        return strategy.explain(request, item(sku));
    }
};

QStringList list(std::initializer_list<const char *> values)
{
    QStringList result;
    for (const char *value : values)
        result.append(QString::fromLatin1(value));
    return result;
}

/** A small random shop (fixed seed) for properties every strategy must have. */
void fillShop(TestCatalog &catalog)
{
    quint64 state = 42;
    auto next = [&state](int bound) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return int((state >> 33) % quint64(bound));
    };
    const char *categories[] = {"Outdoor > Jackets", "Outdoor > Tents", "Fashion > Women > Knitwear",
        "Fashion > Men > Shirts", "Home > Kitchen"};
    const char *brands[] = {"Nordvik", "Fjell", "Ullmo", "Kasa"};
    const char *colors[] = {"black", "grey", "red", "blue"};
    const char *words[] = {"Merino", "Classic", "Light", "Storm", "Cotton", "Travel"};
    const char *activities[] = {"hiking", "diving", "skiing", "museums"};
    QVERIFY(catalog.db().exec(QStringLiteral("BEGIN")));
    for (int i = 0; i < 40; ++i) {
        TestCatalog::ItemSpec spec;
        spec.sku = QStringLiteral("I%1").arg(i);
        spec.title = QStringLiteral("%1 %2 %3")
                         .arg(QLatin1String(words[next(6)]), QLatin1String(words[next(6)]),
                             QString::fromLatin1(categories[i % 5]).section(QStringLiteral(" > "), -1));
        spec.category = QLatin1String(categories[i % 5]);
        spec.brand = QLatin1String(brands[next(4)]);
        spec.price = 10 + next(500);
        spec.salePrice = i % 5 == 0 ? spec.price * (0.5 + next(40) / 100.0) : -1;
        spec.createdAt = T - next(120) * Day;
        spec.attributes = QJsonObject {{QStringLiteral("color"), QLatin1String(colors[next(4)])},
            {QStringLiteral("activities"),
                QJsonArray {QLatin1String(activities[next(4)]), QLatin1String(activities[next(4)])}}};
        catalog.item(spec);
    }
    const char *countries[] = {"Denmark", "Sweden", "Norway"};
    const char *genders[] = {"f", "m", "x", ""};
    for (int u = 0; u < 30; ++u) {
        TestCatalog::UserSpec spec;
        spec.externalId = QStringLiteral("U%1").arg(u);
        spec.gender = QLatin1String(genders[next(4)]);
        spec.birthYear = 1950 + next(55);
        spec.country = QLatin1String(countries[next(3)]);
        spec.attributes = QJsonObject {{QStringLiteral("budget"), 100 + next(400)},
            {QStringLiteral("favorite_activities"), QJsonArray {QLatin1String(activities[next(4)])}}};
        catalog.user(spec);
    }
    const int types[] = {0, 0, 0, 0, 0, 0, 1, 1, 2, 3, 3, 4};
    for (int e = 0; e < 1500; ++e) {
        const int u = next(30);
        const int i = (u * 7 + next(12) * next(4)) % 40; // people keep to a few items, so pairs repeat
        catalog.event(QStringLiteral("U%1").arg(u), QStringLiteral("I%1").arg(i), types[next(12)],
            T - next(120 * 24) * 3600, 1 + next(2));
    }
    for (int u = 0; u < 30; ++u) { // orders of two items that recur, for basket association
        const qint64 when = T - (1 + next(100)) * Day;
        catalog.event(QStringLiteral("U%1").arg(u), QStringLiteral("I%1").arg(u % 5 * 2), 3, when);
        catalog.event(QStringLiteral("U%1").arg(u), QStringLiteral("I%1").arg(u % 5 * 2 + 1), 3, when + 600);
    }
    QVERIFY(catalog.db().exec(QStringLiteral("COMMIT")));
}

} // namespace

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

    void bestsellersCountsOnlyTheWindow();
    void bestsellersAsOfExcludesLaterEvents();
    void trendingPrefersTheRisingItem();
    void newArrivalsNewestFirst();
    void onSaleByDiscountThenPopularity();
    void demographicDiffersByGroup_data();
    void demographicDiffersByGroup();
    void demographicWindowAndFields();
    void similarSameCategoryAndBrandFirst();
    void coOccurrenceAnchors();
    void boughtTogetherSupportAndLift();
    void recentlyViewedOrder();
    void affinityPrefersTheLikedCategory();
    void becauseViewedUsesTheLastViewedItem();
    void preferenceBudgetAndActivities();
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

namespace {

void fillPeople(TestCatalog &catalog)
{
    for (const char *sku : {"W", "M", "S", "G"})
        catalog.item(QLatin1String(sku));
    struct Person
    {
        const char *id;
        const char *gender;
        const char *country;
        int birthYear;
        std::vector<const char *> bought;
    };
    const Person people[] = {
        {"f1", "f", "Denmark", 1990, {"W", "G"}},
        {"f2", "f", "Denmark", 1991, {"W"}},
        {"f3", "f", "Denmark", 1970, {"W"}},
        {"m1", "m", "Denmark", 1990, {"M", "G"}},
        {"m2", "m", "Denmark", 1975, {"M", "G"}},
        {"s1", "f", "Sweden", 1990, {"S", "G"}},
        {"s2", "f", "Sweden", 1990, {"S", "G"}},
        {"o1", "f", "Norway", 1990, {"M"}},
        {"x1", "", "Denmark", 0, {}},
        {"n1", "f", "", 0, {}},
    };
    for (const Person &person : people) {
        catalog.user({QLatin1String(person.id), QLatin1String(person.gender), person.birthYear,
            QLatin1String(person.country)});
        for (const char *sku : person.bought)
            catalog.event(QLatin1String(person.id), QLatin1String(sku), 3, T - 5 * Day);
    }
    for (int i = 0; i < 5; ++i) // long ago: outside the default 90 days
        catalog.event(QStringLiteral("m1"), QStringLiteral("S"), 3, T - (200 + i) * Day);
}

} // namespace

void TestStrategies::demographicDiffersByGroup_data()
{
    QTest::addColumn<QString>("person");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("reason");

    QTest::newRow("woman in Denmark")
        << QStringLiteral("f1") << QStringLiteral("W") << QStringLiteral("popular with women in Denmark");
    QTest::newRow("man in Denmark") << QStringLiteral("m1") << QStringLiteral("M")
                                    << QStringLiteral("popular with men in Denmark");
    QTest::newRow("woman in Sweden") << QStringLiteral("s1") << QStringLiteral("S")
                                     << QStringLiteral("popular with women in Sweden");
    QTest::newRow("group too small") << QStringLiteral("o1") << QStringLiteral("W")
                                     << QStringLiteral("popular with women");
    QTest::newRow("gender unknown") << QStringLiteral("x1") << QStringLiteral("W")
                                    << QStringLiteral("popular with people in Denmark");
    QTest::newRow("country unknown") << QStringLiteral("n1") << QStringLiteral("W")
                                     << QStringLiteral("popular with women");
    QTest::newRow("anonymous") << QStringLiteral("") << QStringLiteral("G")
                               << QStringLiteral("popular overall");
}

void TestStrategies::demographicDiffersByGroup()
{
    QFETCH(QString, person);
    QFETCH(QString, first);
    QFETCH(QString, reason);
    Fixture f;
    fillPeople(f.catalog);
    f.load();
    const auto demographic = f.make(QStringLiteral("demographic"), json(R"({"min_people": 2})"));
    QVERIFY(demographic->isPersonal());
    RecommendRequest request;
    request.user = f.snapshot->userIndexByExternalId(person);
    const auto top = demographic->candidates(request, 4);
    QVERIFY(!top.empty());
    QCOMPARE(f.snapshot->sku(top.front().item), first);
    QCOMPARE(demographic->explain(request, top.front().item), reason);
}

void TestStrategies::demographicWindowAndFields()
{
    Fixture f;
    fillPeople(f.catalog);
    f.load();
    const auto year = f.make(QStringLiteral("demographic"), json(R"({"min_people": 2, "window_days": 365})"));
    QCOMPARE(f.top(*year, f.forUser("m1"), 1), list({"S"})); // m1's old purchases now count
    const auto byCountry
        = f.make(QStringLiteral("demographic"), json(R"({"min_people": 2, "match": ["country"]})"));
    QCOMPARE(f.top(*byCountry, f.forUser("m1")), f.top(*byCountry, f.forUser("f1")));
    QCOMPARE(f.explain(*byCountry, f.forUser("m1"), "W"), QStringLiteral("popular with people in Denmark"));
    const auto byAge = f.make(
        QStringLiteral("demographic"), json(R"({"min_people": 2, "match": ["gender", "age_band"]})"));
    // Women in their thirties (born 1990/91, as of 2026): f1, f2, s1, s2, o1.
    QCOMPARE(f.explain(*byAge, f.forUser("f2"), "W"), QStringLiteral("popular with women aged 30–39"));
    QCOMPARE(f.top(*byAge, f.forUser("f2"), 2), list({"G", "W"}));
}

void TestStrategies::similarSameCategoryAndBrandFirst()
{
    Fixture f;
    auto add = [&](const char *sku, const char *title, const char *category, const char *brand,
                   QJsonObject attributes) {
        f.catalog.item({QLatin1String(sku), QLatin1String(title), QLatin1String(category),
            QLatin1String(brand), 10, -1, 10, Day0, attributes});
    };
    const QJsonObject wool {{QStringLiteral("material"), QStringLiteral("wool")}};
    add("Ctx", "Merino Sweater", "Fashion > Women > Knitwear", "Nordvik", wool);
    add("Boots", "Hiking Boots", "Outdoor > Footwear", "Fjell", {});
    add("Cotton", "Cotton Pullover", "Fashion > Women > Knitwear", "Fjell", {});
    add("Cardigan", "Merino Cardigan", "Fashion > Women > Knitwear", "Nordvik", wool);
    add("Scarf", "Wool Scarf", "Fashion > Women > Accessories", "Nordvik", wool);
    f.catalog.user(QStringLiteral("ann"));
    f.catalog.event(QStringLiteral("ann"), QStringLiteral("Ctx"), 0, T - 2 * Day);
    f.catalog.event(QStringLiteral("ann"), QStringLiteral("Cotton"), 0, T - 1 * Day);
    f.load();

    const auto similar = f.make(QStringLiteral("similar"));
    const QStringList top = f.top(*similar, f.forItem("Ctx"));
    QCOMPARE(top.value(0), QStringLiteral("Cardigan"));
    QVERIFY(!top.contains(QStringLiteral("Ctx")));
    QVERIFY(!top.contains(QStringLiteral("Boots")));
    QCOMPARE(top.size(), 3);
    QCOMPARE(f.explain(*similar, f.forItem("Ctx"), "Cardigan"),
        QStringLiteral("similar to Merino Sweater: same category, same brand, also wool, similar name"));
    QCOMPARE(f.explain(*similar, f.forItem("Ctx"), "Scarf"),
        QStringLiteral("similar to Merino Sweater: also in Women, same brand, also wool"));

    // Without an item on screen: the person's last item (Cotton) is the anchor.
    const QStringList fromHistory = f.top(*similar, f.forUser("ann"));
    QVERIFY(!fromHistory.contains(QStringLiteral("Cotton")));
    QVERIFY(fromHistory.contains(QStringLiteral("Ctx")));
    QVERIFY(f.explain(*similar, f.forUser("ann"), "Ctx")
                .startsWith(QLatin1String("similar to Cotton Pullover: same category")));

    // Only the category counts: the three knitwear items tie and go by item index.
    const auto categoryOnly = f.make(
        QStringLiteral("similar"), json(R"({"weights": {"brand": 0, "attributes": 0, "title": 0}})"));
    QCOMPARE(f.top(*categoryOnly, f.forItem("Ctx")), list({"Cotton", "Cardigan", "Scarf"}));
    QCOMPARE(f.explain(*categoryOnly, f.forItem("Ctx"), "Cardigan"),
        QStringLiteral("similar to Merino Sweater: same category"));
}

void TestStrategies::coOccurrenceAnchors()
{
    Fixture f;
    for (const char *sku : {"A", "B", "C", "D"})
        f.catalog.item(QLatin1String(sku));
    for (const char *user : {"p1", "p2", "p3", "p4", "p5", "v1", "v2"})
        f.catalog.user(QLatin1String(user));
    auto both = [&](const char *user, const char *first, const char *second, int type) {
        f.catalog.event(QLatin1String(user), QLatin1String(first), type, T - 3 * Day);
        f.catalog.event(QLatin1String(user), QLatin1String(second), type, T - 2 * Day);
    };
    for (const char *user : {"p1", "p2", "p3"})
        both(user, "A", "B", 3);
    both("p4", "A", "C", 3);
    both("p5", "B", "D", 3);
    both("v1", "A", "D", 0);
    both("v2", "A", "D", 0);
    f.load();

    const auto bought = f.make(QStringLiteral("also-bought"));
    QCOMPARE(f.top(*bought, f.forItem("A")), list({"B"})); // C: only one person, below min_count
    QCOMPARE(
        f.explain(*bought, f.forItem("A"), "B"), QStringLiteral("3 people who bought A also bought this"));
    const auto loose = f.make(QStringLiteral("also-bought"), json(R"({"min_count": 1})"));
    QCOMPARE(f.top(*loose, f.forItem("A")), list({"B", "C"}));
    QCOMPARE(
        f.explain(*loose, f.forItem("A"), "C"), QStringLiteral("one person who bought A also bought this"));
    QCOMPARE(f.top(*loose, f.forCart({"B"})), list({"A", "D"}));
    QCOMPARE(f.top(*loose, f.forCart({"A", "B"})), list({"C", "D"})); // the cart is never proposed
    QCOMPARE(f.top(*loose, f.forUser("p4")), list({"B"})); // from p4's purchases, C and A

    const auto viewed = f.make(QStringLiteral("also-viewed"));
    QCOMPARE(f.top(*viewed, f.forItem("A")), list({"D"})); // purchases are not views
    QCOMPARE(
        f.explain(*viewed, f.forItem("A"), "D"), QStringLiteral("2 people who viewed A also viewed this"));
    QVERIFY(f.top(*viewed, {}).isEmpty());
}

void TestStrategies::boughtTogetherSupportAndLift()
{
    Fixture f;
    for (const char *sku : {"A", "B", "C", "D"})
        f.catalog.item(QLatin1String(sku));
    int people = 0;
    auto basket = [&](std::initializer_list<const char *> skus) {
        const QString user = QStringLiteral("p%1").arg(++people);
        f.catalog.user(user);
        int minute = 0;
        for (const char *sku : skus)
            f.catalog.event(user, QLatin1String(sku), 3, T - 4 * Day + 600 * minute++);
    };
    for (int i = 0; i < 4; ++i)
        basket({"A", "B"});
    basket({"A", "C"});
    basket({"A", "C"});
    for (int i = 0; i < 4; ++i)
        basket({"D"});
    basket({"C"});
    f.catalog.user(QStringLiteral("late"));
    f.catalog.event(QStringLiteral("late"), QStringLiteral("A"), 3, T - 10 * Day);
    f.catalog.event(QStringLiteral("late"), QStringLiteral("B"), 3, T - 5 * Day);
    f.load();

    // 13 baskets; A in 7, B in 5, C in 3; A with B 4 times, A with C twice.
    const auto together = f.make(QStringLiteral("bought-together"));
    QCOMPARE(f.top(*together, f.forCart({"A"})), list({"B"}));
    QCOMPARE(f.explain(*together, f.forCart({"A"}), "B"),
        QStringLiteral("bought together with A in 4 orders (lift 1.5)"));
    QCOMPARE(f.top(*together, f.forItem("A")), list({"B"}));
    QCOMPARE(f.top(*together, f.forUser("p1")), list({})); // the last basket {A, B} is the anchor
    QCOMPARE(f.top(*together, f.forUser("p5")), list({"B"}));

    const auto loose = f.make(QStringLiteral("bought-together"), json(R"({"min_support": 2})"));
    QCOMPARE(f.top(*loose, f.forCart({"A"})), list({"B", "C"}));
    QCOMPARE(f.explain(*loose, f.forCart({"A"}), "C"),
        QStringLiteral("bought together with A in 2 orders (lift 1.2)"));
    QVERIFY(f.explain(*loose, f.forCart({"A"}), "D").isEmpty());

    // A week-long basket joins "late"'s two purchases: 12 baskets, A with B 5 times.
    const auto week = f.make(QStringLiteral("bought-together"), json(R"({"basket_hours": 168})"));
    QCOMPARE(f.explain(*week, f.forCart({"B"}), "A"),
        QStringLiteral("bought together with B in 5 orders (lift 1.7)"));
}

void TestStrategies::recentlyViewedOrder()
{
    Fixture f;
    for (const char *sku : {"A", "B", "C", "D"})
        f.catalog.item(QLatin1String(sku));
    f.catalog.user(QStringLiteral("ann"));
    f.catalog.event(QStringLiteral("ann"), QStringLiteral("A"), 0, T - 9 * Day);
    f.catalog.event(QStringLiteral("ann"), QStringLiteral("B"), 0, T - 8 * Day);
    f.catalog.event(QStringLiteral("ann"), QStringLiteral("A"), 0, T - 7 * Day);
    f.catalog.event(QStringLiteral("ann"), QStringLiteral("C"), 3, T - 6 * Day); // a purchase, not a view
    f.catalog.event(QStringLiteral("ann"), QStringLiteral("D"), 1, T - 5 * Day);
    f.load();

    const auto recent = f.make(QStringLiteral("recently-viewed"));
    QCOMPARE(f.top(*recent, f.forUser("ann")), list({"D", "A", "B"}));
    QCOMPARE(f.top(*recent, f.forUser("ann"), 2), list({"D", "A"}));
    RecommendRequest onA = f.forUser("ann");
    onA.contextItem = f.item("A");
    QCOMPARE(f.top(*recent, onA), list({"D", "B"}));
    QCOMPARE(f.explain(*recent, f.forUser("ann"), "B"), QStringLiteral("you viewed this 8 days ago"));
    QVERIFY(f.top(*recent, {}).isEmpty());
    QCOMPARE(
        f.top(*f.make(QStringLiteral("recently-viewed"), json(R"({"max_age_days": 7.5})")), f.forUser("ann")),
        list({"D", "A"}));
    QCOMPARE(
        f.top(*f.make(QStringLiteral("recently-viewed"), json(R"({"events": "all"})")), f.forUser("ann")),
        list({"D", "C", "A", "B"}));
    f.load(T - 7 * Day - 1); // before the second view of A
    QCOMPARE(f.top(*f.make(QStringLiteral("recently-viewed")), f.forUser("ann")), list({"B", "A"}));
}

void TestStrategies::affinityPrefersTheLikedCategory()
{
    Fixture f;
    auto add = [&](const char *sku, const char *category, const char *brand, double price) {
        f.catalog.item({QLatin1String(sku), {}, QLatin1String(category), QLatin1String(brand), price});
    };
    add("J0", "Outdoor > Jackets", "Nordvik", 200);
    add("T1", "Outdoor > Tents", "Fjell", 300);
    add("J2", "Outdoor > Jackets", "Fjell", 220);
    add("K1", "Fashion > Knitwear", "Ullmo", 80);
    add("J1", "Outdoor > Jackets", "Nordvik", 210);
    f.catalog.user(QStringLiteral("ann"));
    f.catalog.event(QStringLiteral("ann"), QStringLiteral("J0"), 0, T - 2 * Day);
    f.catalog.event(QStringLiteral("ann"), QStringLiteral("J0"), 3, T - 1 * Day);
    f.catalog.user(QStringLiteral("bob"));
    for (int i = 0; i < 4; ++i)
        f.catalog.event(QStringLiteral("bob"), QStringLiteral("K1"), 0, T - (200 + i) * Day);
    f.catalog.event(QStringLiteral("bob"), QStringLiteral("T1"), 0, T - 1 * Day);
    f.load();

    const auto affinity = f.make(QStringLiteral("affinity"), json(R"({"weights": {"price": 0}})"));
    QVERIFY(affinity->isPersonal());
    QCOMPARE(f.top(*affinity, f.forUser("ann")), list({"J0", "J1", "J2", "T1"})); // J0 is the more popular
    QCOMPARE(f.explain(*affinity, f.forUser("ann"), "J1"),
        QStringLiteral("you like Outdoor > Jackets and Nordvik"));
    QCOMPARE(f.explain(*affinity, f.forUser("ann"), "T1"), QStringLiteral("you like Outdoor"));
    QVERIFY(f.explain(*affinity, f.forUser("ann"), "K1").isEmpty());
    QVERIFY(f.top(*affinity, {}).isEmpty());

    // Recent interest outweighs older interest as it fades; without fading, the four old views win.
    QCOMPARE(f.top(*affinity, f.forUser("bob"), 1), list({"T1"}));
    const auto lasting
        = f.make(QStringLiteral("affinity"), json(R"({"weights": {"price": 0}, "half_life_days": 0})"));
    QCOMPARE(f.top(*lasting, f.forUser("bob"), 1), list({"K1"}));
}

void TestStrategies::becauseViewedUsesTheLastViewedItem()
{
    Fixture f;
    auto add = [&](const char *sku, const char *title, const char *category) {
        f.catalog.item(
            {QLatin1String(sku), QLatin1String(title), QLatin1String(category), QStringLiteral("Nordvik")});
    };
    add("Sweater", "Merino Sweater", "Fashion > Knitwear");
    add("Cardigan", "Merino Cardigan", "Fashion > Knitwear");
    add("Tent", "Storm Tent", "Outdoor > Tents");
    add("Stove", "Camp Stove", "Outdoor > Cooking");
    add("Mat", "Sleeping Mat", "Outdoor > Sleeping");
    f.catalog.user(QStringLiteral("ann"));
    f.catalog.event(QStringLiteral("ann"), QStringLiteral("Tent"), 0, T - 3 * Day);
    f.catalog.event(QStringLiteral("ann"), QStringLiteral("Sweater"), 0, T - 1 * Day);
    for (const char *user : {"u1", "u2"}) { // the tent is viewed with the mat
        f.catalog.user(QLatin1String(user));
        f.catalog.event(QLatin1String(user), QStringLiteral("Tent"), 0, T - 5 * Day);
        f.catalog.event(QLatin1String(user), QStringLiteral("Mat"), 0, T - 5 * Day + 60);
    }
    f.load();

    const auto because = f.make(QStringLiteral("because-viewed"));
    QCOMPARE(f.top(*because, f.forUser("ann"), 1), list({"Cardigan"}));
    QCOMPARE(f.explain(*because, f.forUser("ann"), "Cardigan"),
        QStringLiteral("because you viewed Merino Sweater"));
    QVERIFY(!f.top(*because, f.forUser("ann")).contains(QStringLiteral("Sweater")));

    const auto two = f.make(QStringLiteral("because-viewed"), json(R"({"anchors": 2})"));
    const QStringList top = f.top(*two, f.forUser("ann"));
    QVERIFY(top.contains(QStringLiteral("Mat"))); // co-viewed with the tent, the second anchor
    QCOMPARE(f.explain(*two, f.forUser("ann"), "Mat"), QStringLiteral("because you viewed Storm Tent"));
    QVERIFY(!top.contains(QStringLiteral("Tent")));
}

void TestStrategies::preferenceBudgetAndActivities()
{
    Fixture f;
    auto add = [&](const char *sku, const char *title, double price,
                   std::initializer_list<const char *> activities) {
        QJsonArray list;
        for (const char *activity : activities)
            list.append(QLatin1String(activity));
        f.catalog.item({QLatin1String(sku), QLatin1String(title), QStringLiteral("Trips"), {}, price, -1, 10,
            Day0, QJsonObject {{QStringLiteral("activities"), list}}});
    };
    add("Alps", "Alpine Trek", 1000, {"hiking", "skiing"});
    add("Reef", "Reef Week", 1100, {"diving", "beach"});
    add("Lux", "Luxury Lodge", 3000, {"hiking", "diving"});
    add("Both", "Coast and Peaks", 1150, {"Hiking", "diving"});
    add("City", "City Break", 500, {"museums"});
    f.catalog.user({QStringLiteral("eva"), QStringLiteral("f"), 1985, QStringLiteral("Denmark"), {}, true,
        QJsonObject {{QStringLiteral("budget"), 1200},
            {QStringLiteral("favorite_activities"),
                QJsonArray {QStringLiteral("hiking"), QStringLiteral("diving")}}}});
    f.catalog.user({QStringLiteral("ole"), QStringLiteral("m"), 1980, QStringLiteral("Denmark"), {}, true,
        QJsonObject {{QStringLiteral("budget_eur"), QStringLiteral("600")},
            {QStringLiteral("likes"), QStringLiteral("museums, beach")}}});
    f.catalog.user(QStringLiteral("tim")); // nothing declared: history only
    f.catalog.event(QStringLiteral("tim"), QStringLiteral("Reef"), 0, T - 3 * Day);
    f.catalog.event(QStringLiteral("tim"), QStringLiteral("Reef"), 3, T - 2 * Day);
    f.load();

    const auto preference = f.make(QStringLiteral("preference"));
    const QStringList top = f.top(*preference, f.forUser("eva"));
    QCOMPARE(top.mid(0, 3), list({"Both", "Reef", "Alps"})); // Reef: as good a match as Alps, more popular
    QCOMPARE(top.value(3), QStringLiteral("Lux")); // matches both but far over budget
    QVERIFY(!top.contains(QStringLiteral("City")));
    QCOMPARE(f.explain(*preference, f.forUser("eva"), "Both"),
        QStringLiteral("fits your budget of 1,200 and matches hiking, diving"));
    QCOMPARE(f.explain(*preference, f.forUser("eva"), "Lux"),
        QStringLiteral("150% over your budget of 1,200 and matches hiking, diving"));

    QCOMPARE(f.top(*preference, f.forUser("tim"), 1), list({"Reef"}));
    QVERIFY(f.explain(*preference, f.forUser("tim"), "Reef")
                .startsWith(QLatin1String("fits your usual price range")));
    QVERIFY(f.top(*preference, {}).isEmpty());

    const auto mapped = f.make(QStringLiteral("preference"),
        json(R"({"budget_attribute": "budget_eur", "list_attributes": {"likes": "activities"},
                                        "history": false})"));
    QCOMPARE(f.top(*mapped, f.forUser("ole"), 1), list({"City"}));
    QCOMPARE(f.explain(*mapped, f.forUser("ole"), "City"),
        QStringLiteral("fits your budget of 600 and matches museums"));
}

QTEST_APPLESS_MAIN(TestStrategies)
#include "tst_strategies.moc"
