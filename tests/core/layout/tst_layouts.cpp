// SPDX-License-Identifier: GPL-3.0-or-later
// Layouts, variants, banners, category navigation and page resolution on a hand-made catalog.
#include "layoutfixture.h"

#include "demo/demogenerator.h"
#include "engine/recommender.h"
#include "layout/audiencecache.h"
#include "layout/bannerdefinition.h"
#include "layout/categorynavigation.h"
#include "layout/confignames.h"
#include "layout/layoutdefinition.h"
#include "layout/pagehtmlwriter.h"
#include "layout/pageresolver.h"
#include "session/enginesession.h"
#include "layout/startercontent.h"
#include "layout/traveldemo.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Vitrine;

namespace {

const char *kLayout = R"({
    "title": "Test home",
    "blocks": [
        {"id": "hero", "type": "banners", "group": "hero"},
        {"id": "nav", "type": "categories", "kind": "", "order": ["Outdoor", "Home"],
         "pinned_first": ["Fashion"], "pinned_last": ["Journal"]},
        {"id": "first", "type": "slot", "slot": "best"},
        {"id": "second", "type": "slot", "slot": "best-too"},
        {"id": "note", "type": "text", "text": "Hello <b>there</b>"}
    ],
    "variants": [
        {"segment": "norwegians", "title": "Norway home", "hide": ["note"], "order": ["second"]},
        {"segment": "big-spenders", "title": "Big home",
         "swap": [{"id": "second", "block": {"id": "picks", "type": "slot", "slot": "new-or-best"}}],
         "add": [{"after": "hero", "block": {"id": "thanks", "type": "text", "text": "Thanks"}}]}
    ]
})";

const std::pair<const char *, const char *> kBanners[] = {
    {"everyone", R"({"group": "hero", "title": "For everybody", "priority": 0})"},
    {"north-hikers", R"({"group": "hero", "title": "Hike the north", "priority": 30,
        "targeting": {"all": [{"profile": {"field": "country", "in": ["Norway"]}}, {"affinity": {"topic": "Hiking", "at_least": 0.3}}]}})"},
    {"norway",
        R"({"group": "hero", "title": "Hei Norge", "priority": 10, "targeting": {"segment": "norwegians"}})"},
    {"expired",
        R"({"group": "hero", "title": "Old sale", "priority": 100, "schedule": {"start": "2026-01-01", "end": "2026-03-01"}})"},
    {"future",
        R"({"group": "hero", "title": "Midsummer", "priority": 90, "schedule": {"start": "2026-06-20", "end": "2026-06-30"}})"},
};

QStringList L(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items)
        list.append(QLatin1String(item));
    return list;
}

QStringList skus(const ResolvedBlock *block)
{
    QStringList list;
    if (block) {
        for (const ResolvedItem &item : block->items)
            list.append(item.sku);
    }
    return list;
}

QStringList ids(const ResolvedPage &page)
{
    QStringList list;
    for (const ResolvedBlock &block : page.blocks)
        list.append(block.id);
    return list;
}

QStringList categoryNames(const ResolvedBlock *block)
{
    QStringList list;
    for (const ResolvedCategory &category : block->categories)
        list.append(category.name);
    return list;
}

} // namespace

class TestLayouts : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Database m_db;
    EngineSessionPtr m_session;
    std::shared_ptr<const PageResolver> m_resolver;

    int user(const char *id) const
    {
        return m_resolver->snapshot()->userIndexByExternalId(QLatin1String(id));
    }

    ResolvedPage resolve(const char *id, std::optional<qint64> asOf = std::nullopt)
    {
        PageRequest request;
        request.user = id ? user(id) : -1;
        request.asOf = asOf;
        return m_resolver->resolve(QStringLiteral("test-home"), request);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(LayoutFixture::build(m_db, m_dir.filePath(QStringLiteral("fixture.vitrine"))));
        ConfigStore store(m_db);
        QString error;
        const auto layout
            = LayoutDefinition::fromJson(QStringLiteral("test-home"), LayoutFixture::json(kLayout), &error);
        QVERIFY2(layout, qPrintable(error));
        QVERIFY2(layout->check(ConfigNames::load(m_db), &error), qPrintable(error));
        QVERIFY(store.save(
            QStringLiteral("layouts"), QStringLiteral("test-home"), LayoutFixture::json(kLayout), &error));
        for (const auto &[key, definition] : kBanners) {
            const auto banner
                = BannerDefinition::fromJson(QLatin1String(key), LayoutFixture::json(definition), &error);
            QVERIFY2(banner, qPrintable(error));
            QVERIFY(store.save(
                QStringLiteral("banners"), QLatin1String(key), LayoutFixture::json(definition), &error));
        }
        m_session = EngineSession::open(m_db, {LayoutFixture::now(), false}, &error);
        QVERIFY2(m_session, qPrintable(error));
        m_resolver = m_session->pages(&error);
        QVERIFY2(m_resolver, qPrintable(error));
        QVERIFY2(
            m_resolver->problems().isEmpty(), qPrintable(m_resolver->problems().join(QLatin1Char('\n'))));
    }

    void badLayouts_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("no blocks") << QByteArray(R"({"title": "x"})") << QStringLiteral("blocks: missing");
        QTest::newRow("unknown block type")
            << QByteArray(R"({"blocks": [{"type": "slot", "slot": "best"}, {"type": "carousel"}]})")
            << QStringLiteral("blocks[1].type: unknown block type 'carousel'");
        QTest::newRow("slot without slot")
            << QByteArray(R"({"blocks": [{"type": "slot"}]})") << QStringLiteral("blocks[0].slot: missing");
        QTest::newRow("unknown key") << QByteArray(
            R"({"blocks": [{"type": "slot", "slot": "best", "size": 3}]})")
                                     << QStringLiteral("blocks[0].size: unknown key");
        QTest::newRow("duplicate id") << QByteArray(
            R"({"blocks": [{"type": "slot", "slot": "best"}, {"type": "slot", "slot": "best"}]})")
                                      << QStringLiteral("blocks[1].id: 'best' is used by blocks[0] too");
        QTest::newRow("k out of range")
            << QByteArray(R"({"blocks": [{"type": "slot", "slot": "best", "k": 0}]})")
            << QStringLiteral("blocks[0].k: must be a whole number from 1 to 100");
        QTest::newRow("hide unknown block")
            << QByteArray(R"({"blocks": [{"type": "slot", "slot": "best"}],
                                                "variants": [{"segment": "norwegians", "hide": ["best", "nope"]}]})")
            << QStringLiteral("variants[0].hide[1]: no block 'nope' in the layout");
        QTest::newRow("add after unknown")
            << QByteArray(R"({"blocks": [{"type": "slot", "slot": "best"}],
                                               "variants": [{"segment": "norwegians", "add": [{"after": "x", "block": {"type": "text"}}]}]})")
            << QStringLiteral("variants[0].add[0]: no block 'x' to place it next to");
        QTest::newRow("bad block in variant") << QByteArray(R"({"blocks": [{"type": "slot", "slot": "best"}],
                                                  "variants": [{"segment": "norwegians", "add": [{"block": {"type": "slot"}}]}]})")
                                              << QStringLiteral("variants[0].add[0].block.slot: missing");
        QTest::newRow("two variants, one segment")
            << QByteArray(R"({"blocks": [{"type": "slot", "slot": "best"}],
                                                       "variants": [{"segment": "norwegians"}, {"segment": "norwegians"}]})")
            << QStringLiteral("variants[1].segment: segment 'norwegians' has a variant already");
        QTest::newRow("pinned both ways")
            << QByteArray(
                   R"({"blocks": [{"type": "categories", "pinned_first": ["A"], "pinned_last": ["A"]}]})")
            << QStringLiteral("blocks[0].pinned_last: 'A' is pinned both first and last");
        // Checked against the catalog:
        QTest::newRow("unknown slot")
            << QByteArray(
                   R"({"blocks": [{"type": "slot", "slot": "best"}, {"type": "slot", "slot": "bestt"}]})")
            << QStringLiteral(
                   "blocks[1].slot: unknown slot 'bestt' (slots: best, best-too, new-or-best, nothing)");
        QTest::newRow("unknown segment") << QByteArray(
            R"({"blocks": [{"type": "slot", "slot": "best"}], "variants": [{"segment": "vips"}]})")
                                         << QStringLiteral("variants[0].segment: unknown segment 'vips'");
        QTest::newRow("unknown slot in variant")
            << QByteArray(R"({"blocks": [{"type": "slot", "slot": "best"}],
                                                     "variants": [{"segment": "norwegians", "add": [{"block": {"type": "slot", "slot": "x"}}]}]})")
            << QStringLiteral("variants[0].add[0].block.slot: unknown slot 'x'");
    }

    void badLayouts()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        QString error;
        const auto layout
            = LayoutDefinition::fromJson(QStringLiteral("x"), QJsonDocument::fromJson(json).object(), &error);
        if (layout)
            QVERIFY(!layout->check(ConfigNames::load(m_db), &error));
        QVERIFY2(error.startsWith(message), qPrintable(error));
    }

    void badBanners_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("no title") << QByteArray(R"({"group": "hero"})") << QStringLiteral("title: missing");
        QTest::newRow("bad rule") << QByteArray(
            R"({"group": "hero", "title": "x", "targeting": {"profile": {"field": "shoe_size", "equals": 1}}})")
                                  << QStringLiteral("targeting.profile.field: unknown profile field");
        QTest::newRow("bad date") << QByteArray(
            R"({"group": "hero", "title": "x", "schedule": {"start": "June"}})")
                                  << QStringLiteral("schedule.start: must be a date");
        QTest::newRow("end before start") << QByteArray(
            R"({"group": "hero", "title": "x", "schedule": {"start": "2026-06-02", "end": "2026-06-01"}})")
                                          << QStringLiteral(
                                                 "schedule.end: 2026-06-01T00:00:00Z is before the start");
        QTest::newRow("unknown segment")
            << QByteArray(R"({"group": "hero", "title": "x", "targeting": {"segment": "nobody"}})")
            << QStringLiteral("targeting.segment: unknown segment 'nobody'");
    }

    void badBanners()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        QString error;
        const auto banner
            = BannerDefinition::fromJson(QStringLiteral("b"), QJsonDocument::fromJson(json).object(), &error);
        if (banner)
            QVERIFY(!banner->check(ConfigNames::load(m_db), &error));
        QVERIFY2(error.startsWith(message), qPrintable(error));
    }

    void variantEditsBlocks()
    {
        const std::optional<LayoutDefinition> layout = m_resolver->layout(QStringLiteral("test-home"));
        QVERIFY(layout);
        const auto names = [](const std::vector<LayoutBlock> &blocks) {
            QStringList list;
            for (const LayoutBlock &block : blocks)
                list.append(block.id);
            return list;
        };
        QCOMPARE(names(layout->blocksFor(nullptr)), L({"hero", "nav", "first", "second", "note"}));
        QCOMPARE(names(layout->blocksFor(layout->variant(QStringLiteral("norwegians")))),
            L({"second", "hero", "nav", "first"}));
        QCOMPARE(names(layout->blocksFor(layout->variant(QStringLiteral("big-spenders")))),
            L({"hero", "thanks", "nav", "first", "picks", "note"}));
        // Round trip: what is saved reads back the same.
        QString error;
        const auto again = LayoutDefinition::fromJson(layout->key, layout->toJson(), &error);
        QVERIFY2(again, qPrintable(error));
        QCOMPARE(again->toJson(), layout->toJson());
    }

    void variantBySegmentPriority()
    {
        // U1 is a big spender and Norwegian: big-spenders comes first in the priority list.
        ResolvedPage page = resolve("U1");
        QCOMPARE(page.variant, QStringLiteral("big-spenders"));
        QCOMPARE(page.title, QStringLiteral("Big home"));
        QCOMPARE(ids(page), L({"hero", "thanks", "nav", "first", "picks", "note"}));
        QVERIFY2(
            page.variantReason.contains(QLatin1String("priority 1 of 3")), qPrintable(page.variantReason));
        QVERIFY(!page.variantExplanation.isEmpty());
        // U2 is only Norwegian.
        page = resolve("U2");
        QCOMPARE(page.variant, QStringLiteral("norwegians"));
        QCOMPARE(ids(page), L({"second", "hero", "nav", "first"}));
        QVERIFY2(page.variantReason.contains(QLatin1String("not in big-spenders")),
            qPrintable(page.variantReason));
        // U3 loves lamps, a segment without a variant here: the default.
        page = resolve("U3");
        QVERIFY(page.variant.isEmpty());
        QVERIFY2(page.variantReason.contains(QLatin1String("not in any segment with a variant")),
            qPrintable(page.variantReason));
        QCOMPARE(ids(page), L({"hero", "nav", "first", "second", "note"}));
        page = resolve(nullptr);
        QVERIFY(page.variant.isEmpty());
        QVERIFY(page.externalId.isEmpty());
    }

    void priorityOrderDecides()
    {
        // With Norwegians first, U1 (both) gets the Norwegian variant.
        AudienceCache audience(m_resolver->audience()->features(), m_resolver->audience()->library(),
            SegmentPriority({QStringLiteral("norwegians"), QStringLiteral("big-spenders")}));
        QString error;
        QCOMPARE(audience.firstMatch(
                     user("U1"), {QStringLiteral("big-spenders"), QStringLiteral("norwegians")}, &error),
            QStringLiteral("norwegians"));
        QCOMPARE(m_resolver->audience()->firstMatch(
                     user("U1"), {QStringLiteral("big-spenders"), QStringLiteral("norwegians")}, &error),
            QStringLiteral("big-spenders"));
    }

    void dedupeAcrossSlots()
    {
        const ResolvedPage page = resolve("U3");
        const QStringList first = skus(page.block(QStringLiteral("first")));
        const QStringList second = skus(page.block(QStringLiteral("second")));
        QCOMPARE(first.size(), 4);
        QCOMPARE(second.size(), 4);
        QCOMPARE(first.first(), QStringLiteral("SKU-J1")); // pinned
        for (const QString &sku : second)
            QVERIFY2(!first.contains(sku), qPrintable(sku + QStringLiteral(" is shown twice")));
        // In the Norwegian variant the second block comes first, so it gets the bestsellers.
        const ResolvedPage norwegian = resolve("U2");
        const QStringList before = skus(norwegian.block(QStringLiteral("second")));
        const QStringList after = skus(norwegian.block(QStringLiteral("first")));
        QCOMPARE(before.size(), 4);
        QVERIFY(before != second);
        for (const QString &sku : after) {
            if (sku != QLatin1String("SKU-J1"))
                QVERIFY2(!before.contains(sku), qPrintable(sku));
        }
    }

    void categoryOrderByAffinity()
    {
        // Default order: pinned Fashion, the merchandiser's Outdoor, Home, and pinned-last Journal.
        const ResolvedPage nobodyPage = resolve("U2");
        const ResolvedBlock *nobody = nobodyPage.block(QStringLiteral("nav"));
        QCOMPARE(categoryNames(nobody), L({"Fashion", "Outdoor", "Home", "Journal"}));
        QVERIFY(!nobody->personalOrder);
        QCOMPARE(nobody->categories[0].placement, QStringLiteral("pinned_first"));
        QCOMPARE(nobody->categories[3].placement, QStringLiteral("pinned_last"));
        // U3 buys lamps: Home moves before Outdoor, the pins stay.
        const ResolvedPage lampPage = resolve("U3");
        const ResolvedBlock *lamps = lampPage.block(QStringLiteral("nav"));
        QCOMPARE(categoryNames(lamps), L({"Fashion", "Home", "Outdoor", "Journal"}));
        QVERIFY(lamps->personalOrder);
        QCOMPARE(lamps->categories[1].placement, QStringLiteral("affinity"));
        QVERIFY2(lamps->categories[1].reason.contains(QLatin1String("purchase")),
            qPrintable(lamps->categories[1].reason));
        QVERIFY(lamps->categories[1].affinity > 0.5);
        // Without pins, U3's Fashion view (40 days ago) ranks after Home.
        LayoutBlock plain;
        plain.type = LayoutBlock::Type::Categories;
        plain.kind.clear();
        plain.eventMask = LayoutBlock::defaultEventMask();
        plain.max = 2;
        const CategoryNavigation navigation(m_resolver->snapshot(), plain);
        const auto result = navigation.order(user("U3"));
        QCOMPARE(result.categories.size(), size_t(2));
        QCOMPARE(result.categories[0].name, QStringLiteral("Home"));
        QCOMPARE(result.categories[1].name, QStringLiteral("Fashion"));
        // An unknown pinned category is left out and reported; an unknown parent fails the block.
        LayoutBlock pinned = plain;
        pinned.pinnedFirst = {QStringLiteral("Garden"), QStringLiteral("Outdoor")};
        const CategoryNavigation garden(m_resolver->snapshot(), pinned);
        QVERIFY(garden.error().isEmpty());
        QVERIFY(garden.warning().contains(QLatin1String("pinned_first: no category 'Garden'")));
        QCOMPARE(garden.order(user("U3")).categories.front().name, QStringLiteral("Outdoor"));
        LayoutBlock orphan = plain;
        orphan.parent = QStringLiteral("Garden");
        QVERIFY(CategoryNavigation(m_resolver->snapshot(), orphan).error().contains(QLatin1String("Garden")));
    }

    void bannerChoice()
    {
        // U1: Norwegian hiking reader: the targeted banner with priority 30 beats "norway" (10).
        ResolvedBlock hero = *resolve("U1").block(QStringLiteral("hero"));
        QVERIFY(hero.banner);
        QCOMPARE(hero.banner->key, QStringLiteral("north-hikers"));
        QVERIFY2(hero.bannerReason.contains(QLatin1String("priority 30")), qPrintable(hero.bannerReason));
        QVERIFY2(hero.bannerReason.contains(QLatin1String("Hiking")), qPrintable(hero.bannerReason));
        QVERIFY2(hero.bannerReason.contains(QLatin1String("Norway")), qPrintable(hero.bannerReason));
        const auto status = [&hero](const char *key) {
            for (const BannerCandidate &c : hero.candidates) {
                if (c.key == QLatin1String(key))
                    return c.status;
            }
            return QString();
        };
        QCOMPARE(status("expired"), QStringLiteral("not_scheduled"));
        QCOMPARE(status("future"), QStringLiteral("not_scheduled"));
        QCOMPARE(status("norway"), QStringLiteral("outranked"));
        QCOMPARE(status("everyone"), QStringLiteral("outranked"));
        // U2: Norwegian, no reading: the segment-targeted banner.
        hero = *resolve("U2").block(QStringLiteral("hero"));
        QCOMPARE(hero.banner->key, QStringLiteral("norway"));
        QCOMPARE(status("north-hikers"), QStringLiteral("not_targeted"));
        // U3 (Sweden) and an anonymous visitor: the banner for everybody.
        QCOMPARE(resolve("U3").block(QStringLiteral("hero"))->banner->key, QStringLiteral("everyone"));
        QCOMPARE(resolve(nullptr).block(QStringLiteral("hero"))->banner->key, QStringLiteral("everyone"));
        // At midsummer the scheduled banner (priority 90) wins for everybody.
        const qint64 midsummer = *Timestamp::parse(u"2026-06-24T12:00:00Z");
        QCOMPARE(
            resolve("U3", midsummer).block(QStringLiteral("hero"))->banner->key, QStringLiteral("future"));
        QCOMPARE(
            resolve("U1", midsummer).block(QStringLiteral("hero"))->banner->key, QStringLiteral("future"));
    }

    void htmlEscapesEverything()
    {
        const ResolvedPage page = resolve("U3");
        QCOMPARE(page.block(QStringLiteral("first"))->items.front().title,
            QStringLiteral("<script>alert(\"x\")</script> Storm Jacket"));
        const QString html = PageHtmlWriter().write(page);
        QVERIFY(html.startsWith(QLatin1String("<!DOCTYPE html>")));
        QVERIFY(!html.contains(QLatin1String("<script"), Qt::CaseInsensitive));
        QVERIFY(
            html.contains(QLatin1String("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Storm Jacket")));
        QVERIFY(!html.contains(QLatin1String("javascript:")));
        QVERIFY(html.contains(QLatin1String("Hello &lt;b&gt;there&lt;/b&gt;")));
        // Self-contained: no external stylesheet, script or image is loaded.
        QVERIFY(!html.contains(QLatin1String("<link")));
        QVERIFY(!html.contains(QLatin1String("<img")));
        QVERIFY(html.contains(QLatin1String("Content-Security-Policy")));
    }

    void deterministic()
    {
        QJsonObject a = resolve("U1").toJson();
        QJsonObject b = resolve("U1").toJson();
        a.remove(QStringLiteral("milliseconds"));
        b.remove(QStringLiteral("milliseconds"));
        QCOMPARE(a, b);
        QCOMPARE(a.value(QStringLiteral("variant")).toObject().value(QStringLiteral("segment")).toString(),
            QStringLiteral("big-spenders"));
        const QJsonArray blocks = a.value(QStringLiteral("blocks")).toArray();
        QCOMPARE(blocks.size(), 6);
        QCOMPARE(blocks.at(0)
                     .toObject()
                     .value(QStringLiteral("banner"))
                     .toObject()
                     .value(QStringLiteral("key"))
                     .toString(),
            QStringLiteral("north-hikers"));
    }

    void unknownLayoutAndPerson()
    {
        PageRequest request;
        const ResolvedPage page = m_resolver->resolve(QStringLiteral("nope"), request);
        QVERIFY(!page.ok);
        QVERIFY(page.error.contains(QLatin1String("test-home")));
    }

    void starterContentInstalls()
    {
        QTemporaryDir dir;
        Database db;
        QString error;
        QVERIFY(db.open(dir.filePath(QStringLiteral("demo.vitrine")), Database::OpenMode::Create, &error));
        DemoOptions options;
        options.users = 300;
        options.items = 200;
        options.events = 8000;
        options.endDate = QDate(2026, 11, 1);
        QVERIFY(DemoGenerator(options).generate(db).ok);
        QVERIFY2(installStarterContent(db, &error), qPrintable(error));
        const ConfigNames names = ConfigNames::load(db);
        ConfigStore store(db);
        for (const ConfigObject &object : store.list(QStringLiteral("layouts"))) {
            const auto layout = LayoutDefinition::fromJson(object.key, object.definition, &error);
            QVERIFY2(layout && layout->check(names, &error),
                qPrintable(object.key + QStringLiteral(": ") + error));
        }
        QCOMPARE(store.list(QStringLiteral("layouts")).size(), 3);
        QCOMPARE(store.list(QStringLiteral("banners")).size(), 7);
        QCOMPARE(store.list(QStringLiteral("campaigns")).size(), 2);
        // Installing again keeps what is there (a marketer's edits survive).
        const int version = store.get(QStringLiteral("layouts"), QStringLiteral("home"))->version;
        QVERIFY(installStarterContent(db, &error));
        QCOMPARE(store.get(QStringLiteral("layouts"), QStringLiteral("home"))->version, version);
    }

    void travelDemoMatchesPreferences()
    {
        QTemporaryDir dir;
        Database db;
        QString error;
        QVERIFY(db.open(dir.filePath(QStringLiteral("travel.vitrine")), Database::OpenMode::Create, &error));
        TravelDemoOptions options;
        options.people = 120;
        options.endDate = QDate(2026, 5, 1);
        const DemoResult result = TravelDemo::generate(db, options);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.users, 120);
        QVERIFY(result.items >= 30);
        QVERIFY(!TravelDemo::generate(db, options).ok); // not on a catalog that has data
        const EngineSessionPtr session = EngineSession::open(db, {}, &error);
        QVERIFY2(session, qPrintable(error));
        const auto resolver = session->pages(&error);
        QVERIFY2(resolver, qPrintable(error));
        PageRequest request;
        request.user = resolver->snapshot()->userIndexByExternalId(QStringLiteral("T0001"));
        const ResolvedPage page = resolver->resolve(QStringLiteral("travel-home"), request);
        QVERIFY2(page.ok, qPrintable(page.error));
        const ResolvedBlock *picks = page.block(QStringLiteral("for-you"));
        QVERIFY(picks && picks->items.size() >= 4);
        for (size_t i = 0; i < 3; ++i) {
            const ResolvedItem &item = picks->items[i];
            const QJsonArray activities
                = resolver->snapshot()->attributes(item.item).value(QStringLiteral("activities")).toArray();
            QVERIFY2(item.price <= 900, qPrintable(item.title));
            QVERIFY2(
                activities.contains(QStringLiteral("diving")) || activities.contains(QStringLiteral("beach")),
                qPrintable(item.title));
        }
    }
};

QTEST_APPLESS_MAIN(TestLayouts)
#include "tst_layouts.moc"
