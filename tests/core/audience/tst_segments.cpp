// SPDX-License-Identifier: GPL-3.0-or-later
// Segment rules: parsing and its messages, every condition cross-checked against hand-written SQL
// on a hand-built catalog of edge cases and on a demo catalog, explanations, references and
// cycles. Priorities and the starter segments are in tst_segmentstats.
#include "../engine/testcatalog.h"
#include "audience/personfeatures.h"
#include "audience/segmentevaluator.h"
#include "audience/segmentlibrary.h"
#include "demo/demogenerator.h"
#include "storage/configstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include <sqlite3.h>

#include <cmath>
#include <functional>

using namespace Vitrine;
using namespace Vitrine::Test;

namespace {

/** The time the hand-built catalog is looked at: 2026-04-11T00:00:00Z. */
constexpr qint64 T = Day0 + 100 * Day;
/** The demo catalog's last day is 2026-03-31; it is looked at mid-March, so later events exist. */
const QDate DemoEnd(2026, 3, 31);
constexpr qint64 DemoAsOf = 1773576000; // 2026-03-15T12:00:00Z

std::optional<SegmentRule> parse(const QByteArray &json, QString *error = nullptr)
{
    QString message;
    auto rule = SegmentRule::fromText(json, &message);
    if (error)
        *error = message;
    return rule;
}

SegmentRule rule(const QByteArray &json)
{
    QString error;
    auto parsed = parse(json, &error);
    if (!parsed)
        qFatal("test rule does not parse: %s", qPrintable(error));
    return *parsed;
}

QSet<QString> ids(const Snapshot &snapshot, const PersonSet &set)
{
    QSet<QString> result;
    set.forEach([&](int user) { result.insert(snapshot.externalId(user)); });
    return result;
}

QSet<QString> names(std::initializer_list<const char *> list)
{
    QSet<QString> result;
    for (const char *name : list)
        result.insert(QLatin1String(name));
    return result;
}

/** The people, items and events of the edge cases, each with the case it stands for. */
void buildEdgeCatalog(TestCatalog &c)
{
    using Item = TestCatalog::ItemSpec;
    // Skus, categories, brands and topics that the demo catalog has too, so one SQL fits both.
    c.item(Item {QStringLiteral("SKU-00001"), {}, QStringLiteral("Outdoor > Hiking > Jackets"),
        QStringLiteral("Tuva Studio"), 100});
    c.item(Item {QStringLiteral("SKU-00002"), {}, QStringLiteral("Outdoor > Hiking > Boots"),
        QStringLiteral("Fjordline"), 200, 150});
    c.item(Item {QStringLiteral("SKU-00003"), {}, QStringLiteral("Home > Kitchen > Cookware"),
        QStringLiteral("Tuva Studio"), 50});
    Item article {QStringLiteral("SKU-00004"), {}, QStringLiteral("Journal > Outdoor > Hiking"), {}, -1};
    article.content = true;
    article.attributes = {{QStringLiteral("topic"), QStringLiteral("Hiking")}};
    c.item(article);
    article.sku = QStringLiteral("SKU-00005");
    article.category = QStringLiteral("Journal > Fashion > Style Guides");
    article.attributes = {{QStringLiteral("topic"), QStringLiteral("Style Guides")}};
    c.item(article);
    c.item(Item {QStringLiteral("SKU-00006"), {}, {}, {}, -1}); // no category, brand or price

    using User = TestCatalog::UserSpec;
    const auto attrs = [](const char *json) {
        return QJsonDocument::fromJson(QByteArray(json)).object();
    };
    c.user(User {QStringLiteral("ann"), QStringLiteral("f"), 1990, QStringLiteral("Denmark"),
        QStringLiteral("Copenhagen"), true, attrs(R"({"loyalty": "gold", "score": 5})")});
    c.user(User {QStringLiteral("bob"), QStringLiteral("m"), 2000, QStringLiteral("Sweden"),
        QStringLiteral("Stockholm"), false, attrs(R"({"loyalty": "silver"})")});
    c.user(User {QStringLiteral("cat"), {}, 0, {}, {}, false}); // nothing known, no events
    c.user(User {
        QStringLiteral("dan"), QStringLiteral("m"), 1997, QStringLiteral("Sweden"), QStringLiteral("Malmö")});
    c.user(User {QStringLiteral("eve"), QStringLiteral("f"), 1996, QStringLiteral("Denmark"),
        QStringLiteral("Aarhus"), true, attrs(R"({"loyalty": "bronze", "score": 2.5})")});
    c.user(User {QStringLiteral("fay"), QStringLiteral("f"), 1980, QStringLiteral("Norway"),
        QStringLiteral("Oslo"), true, attrs(R"({"loyalty": null})")});
    c.user(User {QStringLiteral("gus"), QStringLiteral("m"), 1970, QStringLiteral("Denmark"),
        QStringLiteral("Aarhus")});
    c.user(User {QStringLiteral("hal"), QStringLiteral("m"), 1985, QStringLiteral("Finland"),
        QStringLiteral("Helsinki")});

    const QString s1 = QStringLiteral("SKU-00001"), s2 = QStringLiteral("SKU-00002"),
                  s3 = QStringLiteral("SKU-00003"), s4 = QStringLiteral("SKU-00004"),
                  s5 = QStringLiteral("SKU-00005"), s6 = QStringLiteral("SKU-00006");
    // ann: two orders (two purchases on one day, one on sale), three recent views, three reads.
    c.event(QStringLiteral("ann"), s1, 3, T - 10 * Day, 1, 100);
    c.event(QStringLiteral("ann"), s2, 3, T - 10 * Day + 3600, 1, 150);
    c.event(QStringLiteral("ann"), s3, 3, T - 40 * Day, 1, 50);
    for (int d : {12, 11})
        c.event(QStringLiteral("ann"), s1, 0, T - d * Day);
    c.event(QStringLiteral("ann"), s1, 0, T - 10 * Day - 600);
    for (int d : {5, 4, 3})
        c.event(QStringLiteral("ann"), s4, 4, T - d * Day);
    // bob: a purchase without a value (2 × the sale price) exactly 90 days before as_of.
    c.event(QStringLiteral("bob"), s2, 2, T - 90 * Day - 60, 2);
    c.event(QStringLiteral("bob"), s2, 3, T - 90 * Day, 2);
    // dan: only events after as_of.
    c.event(QStringLiteral("dan"), s3, 3, T + 5 * Day, 1, 50);
    c.event(QStringLiteral("dan"), s1, 0, T + Day);
    // eve: a purchase exactly at as_of, a view a day outside 90 days, a read.
    c.event(QStringLiteral("eve"), s3, 3, T, 1, 50);
    c.event(QStringLiteral("eve"), s1, 0, T - 91 * Day);
    c.event(QStringLiteral("eve"), s5, 4, T - 2 * Day);
    // fay: a purchase of an item without a price or value: a buyer who spent 0.
    c.event(QStringLiteral("fay"), s6, 0, T - 20 * Day - 600);
    c.event(QStringLiteral("fay"), s6, 0, T - 20 * Day - 300);
    c.event(QStringLiteral("fay"), s6, 3, T - 20 * Day);
    // gus and hal: the same total spend (a tie at a quintile border); gus's cart exactly 30 days back.
    c.event(QStringLiteral("gus"), s3, 3, T - 50 * Day, 1, 50);
    c.event(QStringLiteral("gus"), s3, 3, T - 49 * Day, 1, 50);
    c.event(QStringLiteral("gus"), s1, 2, T - 30 * Day);
    c.event(QStringLiteral("hal"), s1, 3, T - 200 * Day, 1, 100);
    c.event(QStringLiteral("hal"), s4, 4, T - 200 * Day + 600);
}

/** exp2() for the SQL of affinities, whether or not this SQLite has math functions. */
void registerExp2(Database &db)
{
    sqlite3_create_function(
        db.handle(), "vexp2", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
        [](sqlite3_context *context, int, sqlite3_value **values) {
            sqlite3_result_double(context, std::exp2(sqlite3_value_double(values[0])));
        },
        nullptr, nullptr);
}

/**
 * The features of the class comment of PersonFeatures, written independently in SQL: purchases,
 * spend, orders per UTC day, scores from rank(), decayed event weights (default type weights,
 * 30-day half-life). ?1 is as_of.
 */
const char *const kSqlPrefix = R"(
WITH p AS MATERIALIZED (
    SELECT e.user_id AS user_id, e.ts AS ts,
        coalesce(e.value, e.quantity * (CASE WHEN i.sale_price IS NOT NULL AND i.price IS NOT NULL
            AND i.sale_price < i.price THEN i.sale_price ELSE i.price END), 0) AS spend,
        CASE WHEN e.value IS NULL THEN (i.sale_price IS NOT NULL AND i.price IS NOT NULL AND i.sale_price < i.price)
             ELSE (i.price IS NOT NULL AND e.value / e.quantity < i.price * 0.995) END AS sale
    FROM events e JOIN items i ON i.id = e.item_id WHERE e.type = 3 AND e.ts <= ?1),
f AS MATERIALIZED (
    SELECT user_id, count(*) AS purchases, count(DISTINCT ts / 86400) AS orders, round(sum(spend), 2) AS monetary,
        min(ts) AS first_ts, max(ts) AS last_ts, sum(sale) AS sales
    FROM p GROUP BY user_id),
r AS MATERIALIZED (
    SELECT user_id,
        1 + (5 * (rank() OVER (ORDER BY last_ts) - 1)) / count(*) OVER () AS recency_score,
        1 + (5 * (rank() OVER (ORDER BY orders) - 1)) / count(*) OVER () AS frequency_score,
        1 + (5 * (rank() OVER (ORDER BY monetary) - 1)) / count(*) OVER () AS monetary_score
    FROM f),
w AS MATERIALIZED (
    SELECT e.user_id AS user_id, i.category AS category, i.brand AS brand,
        json_extract(i.attributes, '$.topic') AS topic,
        (CASE e.type WHEN 0 THEN 1.0 WHEN 1 THEN 2.0 WHEN 2 THEN 4.0 WHEN 3 THEN 8.0 ELSE 3.0 END)
            * vexp2(-(?1 - e.ts) / (86400.0 * 30)) AS w
    FROM events e JOIN items i ON i.id = e.item_id WHERE e.ts <= ?1)
SELECT u.external_id FROM users u LEFT JOIN f ON f.user_id = u.id LEFT JOIN r ON r.user_id = u.id WHERE )";

/** "count of the person's events up to as_of that satisfy `where`" */
QString events(const char *where)
{
    return QStringLiteral("(SELECT count(*) FROM events e JOIN items i ON i.id = e.item_id"
                          " WHERE e.user_id = u.id AND e.ts <= ?1 AND %1)")
        .arg(QLatin1String(where));
}

/** "the person's affinity to items matching `target` (among items matching `has`) is ≥ x" */
QString affinity(const char *target, const char *has, double atLeast)
{
    return QStringLiteral(
        "u.id IN (SELECT user_id FROM w GROUP BY user_id HAVING coalesce(sum(CASE WHEN %1 THEN w END), 0)"
        " / sum(CASE WHEN %2 THEN w END) >= %3)")
        .arg(QLatin1String(target), QLatin1String(has))
        .arg(atLeast);
}

const char *const kAge = "(CAST(strftime('%Y', ?1, 'unixepoch') AS INTEGER) - u.birth_year)";

QSet<QString> sqlMembers(Database &db, const QString &where, qint64 asOf, QString *error)
{
    QSet<QString> result;
    Statement stmt = db.prepare(QLatin1String(kSqlPrefix) + where, error);
    if (!stmt.isValid())
        return result;
    stmt.bind(1, asOf);
    while (stmt.step() == Statement::Step::Row)
        result.insert(stmt.text(0));
    return result;
}

} // namespace

class TestSegments : public QObject
{
    Q_OBJECT

private:
    TestCatalog m_edge;
    TestCatalog m_demo;
    SegmentLibrary m_library;
    PersonFeaturesPtr m_edgeFeatures;
    PersonFeaturesPtr m_edgeLaterFeatures;
    PersonFeaturesPtr m_demoFeatures;

    void crossCheckRows();
    void crossCheck(TestCatalog &catalog, const PersonFeaturesPtr &features, bool demo);

private slots:
    void initTestCase();


    void crossCheckEdgeCases_data() { crossCheckRows(); }
    void crossCheckEdgeCases() { crossCheck(m_edge, m_edgeFeatures, false); }
    /** The same at as_of over a snapshot that also holds the later events (dan's). */
    void crossCheckFutureEvents_data() { crossCheckRows(); }
    void crossCheckFutureEvents() { crossCheck(m_edge, m_edgeLaterFeatures, false); }
    void crossCheckDemo_data() { crossCheckRows(); }
    void crossCheckDemo() { crossCheck(m_demo, m_demoFeatures, true); }

    void edgeCases_data();
    void edgeCases();
    void featuresByHand();
    void scoresWithFewBuyers();
    void asOfWithoutReloading();
    void unknownNamesWarn();
    void explanation();
    void referencesAndCycles();
    void funnelCountsEveryNode_data();
    void funnelCountsEveryNode();
};

void TestSegments::initTestCase()
{
    buildEdgeCatalog(m_edge);
    SnapshotOptions options;
    options.asOf = T;
    m_edgeFeatures = PersonFeatures::compute(m_edge.snapshot(options));
    PersonFeaturesOptions atT;
    atT.asOf = T;
    m_edgeLaterFeatures = PersonFeatures::compute(m_edge.snapshot(), atT);

    DemoOptions demo;
    demo.users = 2000;
    demo.items = 500;
    demo.events = 60000;
    demo.seed = 11;
    demo.endDate = DemoEnd;
    QVERIFY(DemoGenerator(demo).generate(m_demo.db()).ok);
    options.asOf = DemoAsOf;
    m_demoFeatures = PersonFeatures::compute(m_demo.snapshot(options));
    registerExp2(m_edge.db());
    registerExp2(m_demo.db());

    // A stored segment the reference rows use.
    SegmentDefinition danes;
    danes.name = QStringLiteral("danes");
    danes.rule = rule(R"({"profile": {"field": "country", "equals": "Denmark"}})");
    m_library.insert(danes);
}

void TestSegments::crossCheckRows()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("where");
    QTest::addColumn<bool>("splitsDemo");
    // The demo knows every gender, birth year and city: those rows take everybody or nobody there.
    const QStringList whole {QStringLiteral("gender unknown"), QStringLiteral("birth year unknown"),
        QStringLiteral("city known"), QStringLiteral("score at least 3")};
    const auto row = [whole](const char *name, const char *json, const QString &where) {
        QTest::newRow(name) << QByteArray(json) << where << !whole.contains(QLatin1String(name));
    };
    const auto sql = [](const char *text) {
        return QString::fromUtf8(text);
    };
    const QString age = QLatin1String(kAge);
    // Profile.
    row("gender f", R"({"profile": {"field": "gender", "equals": "f"}})", sql("u.gender = 'f'"));
    row("gender m or x", R"({"profile": {"field": "gender", "in": ["m", "x"]}})",
        sql("u.gender IN ('m', 'x')"));
    row("gender unknown", R"({"profile": {"field": "gender", "exists": false}})", sql("u.gender = ''"));
    row("age 20-29", R"({"profile": {"field": "age", "min": 20, "max": 29}})",
        QStringLiteral("u.birth_year > 0 AND %1 BETWEEN 20 AND 29").arg(age));
    row("age under 30", R"({"profile": {"field": "age", "max": 29}})",
        QStringLiteral("u.birth_year > 0 AND %1 <= 29").arg(age));
    row("age 30 or 45", R"({"profile": {"field": "age", "in": [30, 45]}})",
        QStringLiteral("u.birth_year > 0 AND %1 IN (30, 45)").arg(age));
    row("born in the 1990s", R"({"profile": {"field": "birth_year", "min": 1990, "max": 1999}})",
        sql("u.birth_year BETWEEN 1990 AND 1999"));
    row("birth year unknown", R"({"profile": {"field": "birth_year", "exists": false}})",
        sql("u.birth_year IS NULL"));
    row("in Denmark", R"({"profile": {"field": "country", "equals": "Denmark"}})",
        sql("u.country = 'Denmark'"));
    row("Nordic", R"({"profile": {"field": "country", "in": ["Denmark", "Sweden", "Norway"]}})",
        sql("u.country IN ('Denmark', 'Sweden', 'Norway')"));
    row("city known", R"({"profile": {"field": "city", "exists": true}})", sql("u.city <> ''"));
    row("in Aarhus", R"({"profile": {"field": "city", "equals": "Aarhus"}})", sql("u.city = 'Aarhus'"));
    row("consented", R"({"profile": {"field": "email_consent", "equals": true}})",
        sql("u.email_consent = 1"));
    row("loyalty gold or silver", R"({"profile": {"field": "attributes.loyalty", "in": ["gold", "silver"]}})",
        sql("json_type(u.attributes, '$.loyalty') = 'text' AND json_extract(u.attributes, '$.loyalty') IN "
            "('gold', 'silver')"));
    row("loyalty known", R"({"profile": {"field": "attributes.loyalty", "exists": true}})",
        sql("coalesce(json_type(u.attributes, '$.loyalty'), 'null') <> 'null'"));
    row("score at least 3", R"({"profile": {"field": "attributes.score", "min": 3}})",
        sql("json_type(u.attributes, '$.score') IN ('integer', 'real') AND json_extract(u.attributes, "
            "'$.score') >= 3"));
    // Behaviour.
    row("ever bought", R"({"behaviour": {"event": "purchase"}})", events("e.type = 3") + sql(" >= 1"));
    row("bought in 90 days", R"({"behaviour": {"event": "purchase", "within_days": 90}})",
        events("e.type = 3 AND e.ts >= ?1 - 90 * 86400") + sql(" >= 1"));
    row("nothing bought in 90 days",
        R"({"behaviour": {"event": "purchase", "within_days": 90, "at_most": 0}})",
        events("e.type = 3 AND e.ts >= ?1 - 90 * 86400") + sql(" = 0"));
    row("3 views in 30 days", R"({"behaviour": {"event": "view", "at_least": 3, "within_days": 30}})",
        events("e.type = 0 AND e.ts >= ?1 - 30 * 86400") + sql(" >= 3"));
    row("1-3 carts in 60 days",
        R"({"behaviour": {"event": "cart", "at_least": 1, "at_most": 3, "within_days": 60}})",
        events("e.type = 2 AND e.ts >= ?1 - 60 * 86400") + sql(" BETWEEN 1 AND 3"));
    row("bought outdoor", R"({"behaviour": {"event": "purchase", "category": "Outdoor"}})",
        events("e.type = 3 AND (i.category = 'Outdoor' OR i.category LIKE 'Outdoor > %')") + sql(" >= 1"));
    row("read outdoor twice",
        R"({"behaviour": {"event": "read", "category": "Journal > Outdoor", "at_least": 2}})",
        events("e.type = 4 AND (i.category = 'Journal > Outdoor' OR i.category LIKE 'Journal > Outdoor > %')")
            + sql(" >= 2"));
    row("brand twice", R"({"behaviour": {"event": "any", "brand": "Tuva Studio", "at_least": 2}})",
        events("i.brand = 'Tuva Studio'") + sql(" >= 2"));
    row("read about hiking", R"({"behaviour": {"event": "read", "topic": "Hiking"}})",
        events("e.type = 4 AND json_extract(i.attributes, '$.topic') = 'Hiking'") + sql(" >= 1"));
    row("viewed or bought an item", R"({"behaviour": {"event": ["view", "purchase"], "item": "SKU-00001"}})",
        events("e.type IN (0, 3) AND i.sku = 'SKU-00001'") + sql(" >= 1"));
    // Value.
    row("spend at least 500", R"({"value": {"measure": "monetary", "min": 500}})",
        sql("coalesce(f.monetary, 0) >= 500"));
    row("spend at most 100", R"({"value": {"measure": "monetary", "max": 100}})",
        sql("coalesce(f.monetary, 0) <= 100"));
    row("3 orders", R"({"value": {"measure": "frequency", "min": 3}})", sql("coalesce(f.orders, 0) >= 3"));
    row("2 purchases", R"({"value": {"measure": "purchases", "min": 2}})",
        sql("coalesce(f.purchases, 0) >= 2"));
    row("order value 100-300", R"({"value": {"measure": "aov", "min": 100, "max": 300}})",
        sql("f.monetary / f.orders BETWEEN 100 AND 300"));
    row("bought in 30 days", R"({"value": {"measure": "recency_days", "max": 30}})",
        sql("(?1 - f.last_ts) / 86400.0 <= 30"));
    row("quiet for 90 days", R"({"value": {"measure": "recency_days", "min": 90}})",
        sql("(?1 - f.last_ts) / 86400.0 >= 90"));
    row("new customers", R"({"value": {"measure": "first_purchase_days", "max": 30}})",
        sql("(?1 - f.first_ts) / 86400.0 <= 30"));
    row("on sale mostly", R"({"value": {"measure": "sale_share", "min": 0.5}})",
        sql("f.sales * 1.0 / f.purchases >= 0.5"));
    row("top spenders", R"({"value": {"measure": "monetary_score", "equals": 5}})",
        sql("r.monetary_score = 5"));
    row("recent buyers", R"({"value": {"measure": "recency_score", "min": 4}})", sql("r.recency_score >= 4"));
    row("rare buyers", R"({"value": {"measure": "frequency_score", "max": 2}})",
        sql("r.frequency_score <= 2"));
    // Affinity.
    row("likes outdoor", R"({"affinity": {"category": "Outdoor", "at_least": 0.3}})",
        affinity("category = 'Outdoor' OR category LIKE 'Outdoor > %'", "category <> ''", 0.3));
    row("likes kitchens", R"({"affinity": {"category": "Home > Kitchen", "at_least": 0.1}})",
        affinity("category = 'Home > Kitchen' OR category LIKE 'Home > Kitchen > %'", "category <> ''", 0.1));
    row("likes a brand", R"({"affinity": {"brand": "Tuva Studio", "at_least": 0.2}})",
        affinity("brand = 'Tuva Studio'", "brand <> ''", 0.2));
    row("likes hiking stories", R"({"affinity": {"topic": "Hiking", "at_least": 0.2}})",
        affinity("topic = 'Hiking'", "topic IS NOT NULL", 0.2));
    // Groups and references.
    row("women in Denmark",
        R"({"all": [{"profile": {"field": "gender", "equals": "f"}}, {"profile": {"field": "country", "equals": "Denmark"}}]})",
        sql("u.gender = 'f' AND u.country = 'Denmark'"));
    row("Swedes or big spenders",
        R"({"any": [{"profile": {"field": "country", "equals": "Sweden"}}, {"value": {"measure": "monetary", "min": 500}}]})",
        sql("u.country = 'Sweden' OR coalesce(f.monetary, 0) >= 500"));
    row("never bought", R"({"not": {"behaviour": {"event": "purchase"}}})",
        events("e.type = 3") + sql(" = 0"));
    row("lapsed",
        R"({"all": [{"behaviour": {"event": "purchase"}}, {"not": {"behaviour": {"event": "purchase", "within_days": 90}}}]})",
        events("e.type = 3") + sql(" >= 1 AND ") + events("e.type = 3 AND e.ts >= ?1 - 90 * 86400")
            + sql(" = 0"));
    row("nested",
        R"({"all": [{"any": [{"profile": {"field": "gender", "equals": "f"}}, {"affinity": {"category": "Outdoor", "at_least": 0.3}}]},
                              {"not": {"value": {"measure": "monetary", "max": 50}}}, {"behaviour": {"event": "view", "within_days": 60}}]})",
        QStringLiteral("(u.gender = 'f' OR %1) AND NOT coalesce(f.monetary, 0) <= 50 AND %2 >= 1")
            .arg(affinity("category = 'Outdoor' OR category LIKE 'Outdoor > %'", "category <> ''", 0.3),
                events("e.type = 0 AND e.ts >= ?1 - 60 * 86400")));
    row("danes who buy", R"({"all": [{"segment": "danes"}, {"behaviour": {"event": "purchase"}}]})",
        sql("u.country = 'Denmark' AND ") + events("e.type = 3") + sql(" >= 1"));
}

void TestSegments::crossCheck(TestCatalog &catalog, const PersonFeaturesPtr &features, bool demo)
{
    QFETCH(QByteArray, json);
    QFETCH(QString, where);
    QFETCH(bool, splitsDemo);
    SegmentEvaluator evaluator(features, &m_library);
    const SegmentMembers members = evaluator.evaluate(rule(json));
    QVERIFY2(members.ok, qPrintable(members.error));
    QVERIFY2(members.warnings.isEmpty(), qPrintable(members.warnings.join(QLatin1Char('\n'))));
    QString error;
    const QSet<QString> expected = sqlMembers(catalog.db(), where, features->asOf(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QSet<QString> actual = ids(*features->snapshot(), members.members);
    if (actual != expected) {
        const QStringList extra((actual - expected).values()), missing((expected - actual).values());
        QFAIL(qPrintable(
            QStringLiteral("%1 members, SQL %2; only in the evaluator: %3; only in SQL: %4")
                .arg(actual.size())
                .arg(expected.size())
                .arg(extra.mid(0, 10).join(QLatin1Char(' ')), missing.mid(0, 10).join(QLatin1Char(' ')))));
    }
    // Every explanation agrees with the evaluation, person by person.
    const SegmentRule parsed = rule(json);
    for (int user = 0; user < features->userCount(); user += demo ? 7 : 1) {
        const SegmentExplanation explanation = evaluator.explain(parsed, user);
        QVERIFY(explanation.ok);
        QCOMPARE(explanation.member, members.members.contains(user));
    }
    // On the demo every row splits the people: a check that passes on an empty set proves little.
    if (demo && splitsDemo)
        QVERIFY2(members.count() > 0 && members.count() < features->userCount(),
            qPrintable(QString::number(members.count())));
}

void TestSegments::edgeCases_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QSet<QString>>("expected");
    // The window's first second counts; events after as_of never do (dan has only those).
    QTest::newRow("window includes its first second")
        << QByteArray(R"({"behaviour": {"event": "purchase", "within_days": 90}})")
        << names({"ann", "bob", "eve", "fay", "gus"});
    QTest::newRow("a purchase at as_of")
        << QByteArray(R"({"behaviour": {"event": "purchase", "within_days": 1}})") << names({"eve"});
    QTest::newRow("cart exactly 30 days back")
        << QByteArray(R"({"behaviour": {"event": "cart", "within_days": 30}})") << names({"gus"});
    QTest::newRow("view a day outside")
        << QByteArray(R"({"behaviour": {"event": "view", "within_days": 90}})") << names({"ann", "fay"});
    QTest::newRow("only future events") << QByteArray(R"({"behaviour": {"event": "any"}})")
                                        << names({"ann", "bob", "eve", "fay", "gus", "hal"});
    QTest::newRow("no events, at most 0")
        << QByteArray(R"({"behaviour": {"event": "any", "at_most": 0}})") << names({"cat", "dan"});
    QTest::newRow("age 29 is under 30")
        << QByteArray(R"({"profile": {"field": "age", "max": 29}})") << names({"bob", "dan"});
    QTest::newRow("age 30 exactly") << QByteArray(R"({"profile": {"field": "age", "min": 30, "max": 30}})")
                                    << names({"eve"});
    QTest::newRow("recency of exactly 90 days")
        << QByteArray(R"({"value": {"measure": "recency_days", "min": 90}})") << names({"bob", "hal"});
    QTest::newRow("ties share a score")
        << QByteArray(R"({"value": {"measure": "monetary_score", "equals": 2}})") << names({"gus", "hal"});
    QTest::newRow("nobody reaches 5 with ties")
        << QByteArray(R"({"value": {"measure": "monetary_score", "min": 5}})") << QSet<QString>();
    QTest::newRow("two purchases on a day are one order")
        << QByteArray(R"({"value": {"measure": "frequency", "min": 2}})") << names({"ann", "gus"});
    QTest::newRow("missing value: 2 x sale price")
        << QByteArray(R"({"value": {"measure": "monetary", "min": 300, "max": 300}})")
        << names({"ann", "bob"});
    QTest::newRow("a buyer who spent 0")
        << QByteArray(R"({"value": {"measure": "monetary", "max": 0}})") << names({"cat", "dan", "fay"});
    QTest::newRow("sale share of 1 in 3")
        << QByteArray(R"({"value": {"measure": "sale_share", "min": 0.3, "max": 0.34}})") << names({"ann"});
    QTest::newRow("all in one topic")
        << QByteArray(R"({"affinity": {"topic": "Hiking", "at_least": 1}})") << names({"ann", "hal"});
    QTest::newRow("unknown attribute is not null")
        << QByteArray(R"({"profile": {"field": "attributes.loyalty", "exists": false}})")
        << names({"cat", "dan", "fay", "gus", "hal"});
    QTest::newRow("number equals number")
        << QByteArray(R"({"profile": {"field": "attributes.score", "equals": 5.0}})") << names({"ann"});
}

void TestSegments::edgeCases()
{
    QFETCH(QByteArray, json);
    QFETCH(QSet<QString>, expected);
    SegmentEvaluator evaluator(m_edgeFeatures);
    const SegmentMembers members = evaluator.evaluate(rule(json));
    QVERIFY2(members.ok, qPrintable(members.error));
    QCOMPARE(ids(*m_edgeFeatures->snapshot(), members.members), expected);
}

void TestSegments::featuresByHand()
{
    const PersonFeatures &f = *m_edgeFeatures;
    const Snapshot &s = *f.snapshot();
    const int ann = s.userIndexByExternalId(QStringLiteral("ann"));
    const int bob = s.userIndexByExternalId(QStringLiteral("bob"));
    const int dan = s.userIndexByExternalId(QStringLiteral("dan"));
    QCOMPARE(f.purchases(ann), 3);
    QCOMPARE(f.orders(ann), 2);
    QCOMPARE(f.monetary(ann), 300.0);
    QCOMPARE(f.measure(ValueMeasure::AverageOrderValue, ann), 150.0);
    QCOMPARE(f.measure(ValueMeasure::RecencyDays, ann), 10.0 - 3600.0 / 86400);
    QCOMPARE(f.measure(ValueMeasure::FirstPurchaseDays, ann), 40.0);
    QCOMPARE(f.measure(ValueMeasure::SaleShare, bob), 1.0);
    QCOMPARE(f.monetary(bob), 300.0);
    QCOMPARE(f.buyerCount(), 6);
    QVERIFY(!f.isBuyer(dan));
    QVERIFY(std::isnan(f.measure(ValueMeasure::RecencyDays, dan)));
    QCOMPARE(f.score(ValueMeasure::MonetaryScore, dan), 0);
    QCOMPARE(f.score(ValueMeasure::RecencyScore, s.userIndexByExternalId(QStringLiteral("eve"))), 5);
    // ann's interest: 3 reads of a Hiking article, and views/purchases of products with brands.
    const auto topic = f.affinity(PersonFeatures::Dimension::Topic, f.topicByName(QStringLiteral("Hiking")));
    QCOMPARE((*topic)[size_t(ann)], 1.0f);
    const auto outdoor
        = f.affinity(PersonFeatures::Dimension::Category, s.categoryByPath(QStringLiteral("Outdoor")));
    QVERIFY((*outdoor)[size_t(ann)] > 0.5f && (*outdoor)[size_t(ann)] < 1.0f);
    QCOMPARE((*outdoor)[size_t(dan)], 0.0f);
}

void TestSegments::scoresWithFewBuyers()
{
    // With fewer than five buyers some scores go unused, and nothing breaks.
    TestCatalog catalog;
    catalog.item(QStringLiteral("SKU-1"));
    for (const char *who : {"a", "b", "c"})
        catalog.user(QLatin1String(who));
    catalog.event(QStringLiteral("a"), QStringLiteral("SKU-1"), 3, T - Day, 1, 10);
    catalog.event(QStringLiteral("b"), QStringLiteral("SKU-1"), 3, T - Day, 1, 30);
    const PersonFeaturesPtr features = PersonFeatures::compute(catalog.snapshot({T, {}}));
    const Snapshot &s = *features->snapshot();
    QCOMPARE(features->score(ValueMeasure::MonetaryScore, s.userIndexByExternalId(QStringLiteral("a"))), 1);
    QCOMPARE(features->score(ValueMeasure::MonetaryScore, s.userIndexByExternalId(QStringLiteral("b"))),
        3); // 1 + ⌊5 × 1 / 2⌋
    QCOMPARE(features->score(ValueMeasure::MonetaryScore, s.userIndexByExternalId(QStringLiteral("c"))), 0);
    QCOMPARE(features->score(ValueMeasure::RecencyScore, s.userIndexByExternalId(QStringLiteral("b"))),
        1); // a tie
}

void TestSegments::asOfWithoutReloading()
{
    // Features at an earlier as_of over a later snapshot equal those of a snapshot read at it.
    const SnapshotPtr full = m_demo.snapshot();
    PersonFeaturesOptions options;
    options.asOf = DemoAsOf;
    const PersonFeaturesPtr earlier
        = PersonFeatures::compute(full, options, {}, PersonFeatures::compute(full));
    const char *const rules[] = {
        R"({"behaviour": {"event": "purchase", "within_days": 30}})",
        R"({"value": {"measure": "monetary_score", "equals": 5}})",
        R"({"value": {"measure": "recency_days", "max": 45}})",
        R"({"affinity": {"category": "Outdoor", "at_least": 0.3}})",
        R"({"profile": {"field": "age", "max": 29}})",
    };
    for (const char *text : rules) {
        const SegmentRule r = rule(text);
        const PersonSet a = SegmentEvaluator(earlier).evaluate(r).members;
        const PersonSet b = SegmentEvaluator(m_demoFeatures).evaluate(r).members;
        QVERIFY2(a == b, text);
    }
    QCOMPARE(earlier->buyerCount(), m_demoFeatures->buyerCount());

    // Grown from features 40 days older (with an affinity column built) equals from scratch,
    // to the last bit.
    const PersonFeaturesPtr latest = PersonFeatures::compute(full);
    options.asOf = DemoAsOf - 40 * Day;
    const PersonFeaturesPtr older = PersonFeatures::compute(full, options, {}, latest);
    const int outdoor = full->categoryByPath(QStringLiteral("Outdoor"));
    const int brand = full->brandByName(QStringLiteral("Tuva Studio"));
    older->affinity(PersonFeatures::Dimension::Category, outdoor);
    older->affinity(PersonFeatures::Dimension::Brand, brand);
    options.asOf = DemoAsOf;
    const PersonFeaturesPtr grown = PersonFeatures::compute(full, options, {}, older);
    const PersonFeaturesPtr scratch = PersonFeatures::compute(full, options, {}, latest);
    QCOMPARE(*grown->affinity(PersonFeatures::Dimension::Category, outdoor),
        *scratch->affinity(PersonFeatures::Dimension::Category, outdoor));
    QCOMPARE(*grown->affinity(PersonFeatures::Dimension::Brand, brand),
        *scratch->affinity(PersonFeatures::Dimension::Brand, brand));
    for (int user = 0; user < full->userCount(); ++user) {
        QCOMPARE(grown->monetary(user), scratch->monetary(user));
        QCOMPARE(grown->orders(user), scratch->orders(user));
        QCOMPARE(grown->events(user).size(), scratch->events(user).size());
        for (ValueMeasure measure :
            {ValueMeasure::RecencyScore, ValueMeasure::FrequencyScore, ValueMeasure::MonetaryScore})
            QCOMPARE(grown->score(measure, user), scratch->score(measure, user));
    }
}

void TestSegments::unknownNamesWarn()
{
    SegmentEvaluator evaluator(m_edgeFeatures);
    const SegmentMembers members
        = evaluator.evaluate(rule(R"({"any": [{"behaviour": {"event": "view", "category": "Outdor"}},
        {"profile": {"field": "country", "in": ["Danmark", "Sweden"]}}, {"affinity": {"topic": "Hikking", "at_least": 0.1}}]})"));
    QVERIFY(members.ok);
    QCOMPARE(ids(*m_edgeFeatures->snapshot(), members.members), names({"bob", "dan"}));
    QCOMPARE(members.warnings.size(), 3);
    QVERIFY2(
        members.warnings.at(0).startsWith(QLatin1String("any[0].behaviour.category: no category 'Outdor'")),
        qPrintable(members.warnings.at(0)));
    QVERIFY2(members.warnings.at(1).startsWith(
                 QLatin1String("any[1].profile.field: nobody has country 'Danmark'")),
        qPrintable(members.warnings.at(1)));
    QVERIFY2(members.warnings.at(2).startsWith(QLatin1String("any[2].affinity.topic: no topic 'Hikking'")),
        qPrintable(members.warnings.at(2)));
    // Category paths are matched however the separators are spaced.
    QVERIFY(evaluator.evaluate(rule(R"({"behaviour": {"event": "view", "category": "Outdoor>Hiking"}})"))
                .warnings.isEmpty());
}

void TestSegments::explanation()
{
    SegmentEvaluator evaluator(m_edgeFeatures, &m_library);
    const int ann = m_edgeFeatures->snapshot()->userIndexByExternalId(QStringLiteral("ann"));
    const SegmentExplanation e
        = evaluator.explain(rule(R"({"all": [{"value": {"measure": "monetary", "min": 250}},
        {"profile": {"field": "country", "equals": "Sweden"}}, {"behaviour": {"event": "purchase", "within_days": 30}},
        {"segment": "danes"}, {"affinity": {"topic": "Hiking", "at_least": 0.5}}]})"),
            ann);
    QVERIFY2(e.ok, qPrintable(e.error));
    QVERIFY(!e.member);
    const QStringList lines = e.toLines();
    QCOMPARE(lines.value(0), QStringLiteral("✗ all of these (4 of 5 hold)"));
    QCOMPARE(lines.value(1), QStringLiteral("  ✓ total spend ≥ 250.00 — 300.00"));
    QCOMPARE(lines.value(2), QStringLiteral("  ✗ country is Sweden — Denmark"));
    QCOMPARE(
        lines.value(3), QStringLiteral("  ✓ purchase at least once in the last 30 days — 2 matching events"));
    QCOMPARE(lines.value(4), QStringLiteral("  ✓ in segment danes — member"));
    QCOMPARE(lines.value(5), QStringLiteral("    ✓ country is Denmark — Denmark"));
    QCOMPARE(lines.value(6), QStringLiteral("  ✓ affinity to topic Hiking ≥ 0.50 — 1.00"));
    const QJsonObject json = e.toJson();
    QCOMPARE(json.value(QLatin1String("user")).toString(), QStringLiteral("ann"));
    QCOMPARE(json.value(QLatin1String("member")).toBool(), false);
    const QJsonObject second = json.value(QLatin1String("explanation"))
                                   .toObject()
                                   .value(QLatin1String("children"))
                                   .toArray()
                                   .at(1)
                                   .toObject();
    QCOMPARE(second.value(QLatin1String("path")).toString(), QStringLiteral("all[1].profile"));
    QCOMPARE(second.value(QLatin1String("actual")).toString(), QStringLiteral("Denmark"));
    QCOMPARE(second.value(QLatin1String("held")).toBool(), false);
    // Someone with nothing: the value is "no purchases", not 0.
    const int cat = m_edgeFeatures->snapshot()->userIndexByExternalId(QStringLiteral("cat"));
    const SegmentExplanation none
        = evaluator.explain(rule(R"({"value": {"measure": "recency_days", "max": 30}})"), cat);
    QCOMPARE(
        none.toLines(), QStringList {QStringLiteral("✗ days since the last purchase ≤ 30.0 — no purchases")});
}

void TestSegments::referencesAndCycles()
{
    TestCatalog catalog;
    buildEdgeCatalog(catalog);
    QString error;
    SegmentDefinition a;
    a.name = QStringLiteral("a");
    a.rule = rule(R"({"profile": {"field": "gender", "equals": "f"}})");
    QVERIFY2(SegmentLibrary::save(catalog.db(), a, &error), qPrintable(error));
    SegmentDefinition b;
    b.name = QStringLiteral("b");
    b.rule = rule(R"({"all": [{"segment": "a"}, {"profile": {"field": "country", "equals": "Denmark"}}]})");
    QVERIFY2(SegmentLibrary::save(catalog.db(), b, &error), qPrintable(error));

    // A cycle through b, a reference to nothing, and a segment naming itself: refused, not saved.
    SegmentDefinition cyclic = a;
    cyclic.rule = rule(R"({"any": [{"profile": {"field": "age", "max": 20}}, {"not": {"segment": "b"}}]})");
    QVERIFY(!SegmentLibrary::save(catalog.db(), cyclic, &error));
    QCOMPARE(error,
        QStringLiteral("any[1].not.segment: a → b → a would be a cycle; a segment cannot contain itself"));
    SegmentDefinition ghost = a;
    ghost.rule = rule(R"({"all": [{"profile": {"field": "age", "max": 20}}, {"segment": "ghost"}]})");
    QVERIFY(!SegmentLibrary::save(catalog.db(), ghost, &error));
    QVERIFY2(error.startsWith(QLatin1String("all[1].segment: no segment named 'ghost'")), qPrintable(error));
    SegmentDefinition self = a;
    self.rule = rule(R"({"segment": "a"})");
    QVERIFY(!SegmentLibrary::save(catalog.db(), self, &error));
    QCOMPARE(error, QStringLiteral("segment: a segment cannot include itself ('a')"));
    QCOMPARE(ConfigStore(catalog.db()).get(QStringLiteral("segments"), QStringLiteral("a"))->version, 1);
    QCOMPARE(ConfigStore(catalog.db()).get(QStringLiteral("segments"), QStringLiteral("a"))->definition,
        a.toJson());

    // A segment in use is not removed.
    QVERIFY(!SegmentLibrary::remove(catalog.db(), QStringLiteral("a"), &error));
    QVERIFY2(error.contains(QLatin1String("used by b")), qPrintable(error));

    // Evaluation: references resolve and memoise; a cycle written behind the library's back is caught.
    SegmentLibrary library = SegmentLibrary::load(catalog.db());
    SegmentEvaluator evaluator(PersonFeatures::compute(catalog.snapshot({T, {}})), &library);
    const SegmentMembers members = evaluator.evaluate(QStringLiteral("b"));
    QVERIFY2(members.ok, qPrintable(members.error));
    QCOMPARE(ids(evaluator.snapshot(), members.members), names({"ann", "eve"}));
    QVERIFY(ConfigStore(catalog.db())
                .save(QStringLiteral("segments"), QStringLiteral("a"),
                    QJsonObject {{QStringLiteral("rule"), rule(R"({"segment": "b"})").toJson()}}));
    library = SegmentLibrary::load(catalog.db());
    SegmentEvaluator fresh(evaluator.features(), &library);
    const SegmentMembers broken = fresh.evaluate(QStringLiteral("b"));
    QVERIFY(!broken.ok);
    QVERIFY2(broken.error.contains(QStringLiteral("b → a → b is a cycle")), qPrintable(broken.error));
    QVERIFY(!fresh.explain(QStringLiteral("a"), 0).ok);
}

void TestSegments::funnelCountsEveryNode_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("one condition") << QByteArray(R"({"behaviour": {"event": "purchase"}})");
    QTest::newRow("all") << QByteArray(R"({"all": [{"behaviour": {"event": "view"}}, {"behaviour": {"event": "purchase"}},
        {"value": {"measure": "monetary", "min": 100}}]})");
    QTest::newRow("any") << QByteArray(R"({"any": [{"profile": {"field": "country", "equals": "Denmark"}},
        {"profile": {"field": "gender", "equals": "f"}}]})");
    QTest::newRow("nested not") << QByteArray(R"({"all": [{"behaviour": {"event": "view"}},
        {"not": {"any": [{"segment": "danes"}, {"value": {"measure": "frequency", "min": 3}}]}}]})");
}

/** Each node's count is that node alone as a rule; the running count is the group up to it; members equal evaluate(). */
void TestSegments::funnelCountsEveryNode()
{
    QFETCH(QByteArray, json);
    const SegmentRule whole = rule(json);
    SegmentEvaluator evaluator(m_demoFeatures, &m_library);
    const SegmentFunnel funnel = evaluator.funnel(whole);
    QVERIFY2(funnel.ok, qPrintable(funnel.error));
    QCOMPARE(funnel.members, SegmentEvaluator(m_demoFeatures, &m_library).evaluate(whole).members);
    QCOMPARE(funnel.step(QString())->reached, funnel.members.count());
    // Walk the JSON: every child of a group is a rule of its own, and the group so far is another.
    std::function<void(const QJsonObject &, const QString &)> check = [&](const QJsonObject &node, const QString &path) {
        const QString key = node.begin().key();
        if (key != QLatin1String("all") && key != QLatin1String("any"))
            return;
        QJsonArray upTo;
        const QJsonArray children = node.value(key).toArray();
        for (int i = 0; i < children.size(); ++i) {
            const QString childPath = QStringLiteral("%1%2[%3]").arg(path.isEmpty() ? QString() : path + QLatin1Char('.'), key).arg(i);
            const SegmentFunnel::Step *step = funnel.step(childPath);
            QVERIFY2(step, qPrintable(childPath));
            const SegmentRule alone = rule(QJsonDocument(children.at(i).toObject()).toJson());
            QCOMPARE(step->alone, SegmentEvaluator(m_demoFeatures, &m_library).evaluate(alone).count());
            upTo.append(children.at(i));
            const SegmentRule running = rule(QJsonDocument(QJsonObject {{key, upTo}}).toJson());
            QCOMPARE(step->reached, SegmentEvaluator(m_demoFeatures, &m_library).evaluate(running).count());
            check(children.at(i).toObject(), childPath);
        }
    };
    check(QJsonDocument::fromJson(json).object(), QString());
}

QTEST_APPLESS_MAIN(TestSegments)
#include "tst_segments.moc"
