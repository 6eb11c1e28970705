// SPDX-License-Identifier: GPL-3.0-or-later
#include "strategyfixture.h"

using namespace Vitrine;
using namespace Vitrine::Test;

// Strategies that depend on the person or the context item.
class TestPersonalStrategies : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
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

void TestPersonalStrategies::demographicDiffersByGroup_data()
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

void TestPersonalStrategies::demographicDiffersByGroup()
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

void TestPersonalStrategies::demographicWindowAndFields()
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

void TestPersonalStrategies::similarSameCategoryAndBrandFirst()
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

void TestPersonalStrategies::coOccurrenceAnchors()
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

void TestPersonalStrategies::boughtTogetherSupportAndLift()
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

void TestPersonalStrategies::recentlyViewedOrder()
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

void TestPersonalStrategies::affinityPrefersTheLikedCategory()
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

void TestPersonalStrategies::becauseViewedUsesTheLastViewedItem()
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

void TestPersonalStrategies::preferenceBudgetAndActivities()
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

QTEST_APPLESS_MAIN(TestPersonalStrategies)
#include "tst_personalstrategies.moc"
