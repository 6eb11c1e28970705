// SPDX-License-Identifier: GPL-3.0-or-later
// Segment rules as text: the bitset they evaluate into, parsing and the message for every
// broken rule, definitions and the JSON round trip. Evaluation is in tst_segments.
#include "audience/personset.h"
#include "audience/segmentdefinition.h"
#include "audience/segmentrule.h"

#include <QJsonDocument>
#include <QTest>

using namespace Vitrine;

namespace {

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

} // namespace

class TestSegmentRules : public QObject
{
    Q_OBJECT

private slots:
    void personSet();
    void badRules_data();
    void badRules();
    void definitions();
    void rulesRoundTrip();
};

void TestSegmentRules::personSet()
{
    PersonSet a(130), b(130);
    for (int p : {0, 5, 64, 129})
        a.insert(p);
    for (int p : {5, 64, 100})
        b.insert(p);
    QCOMPARE(a.count(), 4);
    QCOMPARE(a.intersectionCount(b), 2);
    PersonSet both = a;
    both &= b;
    QCOMPARE(both.toList(), (std::vector<int> {5, 64}));
    PersonSet either = a;
    either |= b;
    QCOMPARE(either.count(), 5);
    PersonSet only = a;
    only -= b;
    QCOMPARE(only.toList(), (std::vector<int> {0, 129}));
    QCOMPARE(a.complement().count(), 126); // the bits past 130 stay clear
    QCOMPARE(PersonSet(130, true).count(), 130);
    QCOMPARE(PersonSet::fromList(130, {3, 3, 200, -1}).toList(), std::vector<int> {3});
}

void TestSegmentRules::badRules_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    const QByteArray p = R"({"profile": {"field": "gender", "equals": "f"}})";
    const auto row = [](const char *name, const QByteArray &json, const char *message) {
        QTest::newRow(name) << json << QString::fromUtf8(message);
    };
    row("syntax", R"({"all": [)", "rule: not valid JSON at character");
    row("not an object", "[1]", "rule: must be an object");
    row("empty object", "{}", "rule: empty");
    row("two keys", "{\"all\": [" + p + "], \"any\": [" + p + "]}", "rule: has 2 keys");
    row("unknown key", R"({"some": []})", "some: unknown field");
    row("empty group", R"({"all": []})", "all: empty group");
    row("nested empty group", "{\"all\": [" + p + ", {\"any\": []}]}", "all[1].any: empty group");
    row("group not a list", R"({"any": {}})", "any: must be a list");
    row("not with a list", "{\"not\": [" + p + "]}", "not: must be an object");
    row("within_days text",
        "{\"all\": [" + p + ", " + p
            + R"(, {"any": [{"behaviour": {"event": "purchase", "within_days": "30"}}]}]})",
        "all[2].any[0].behaviour.within_days: must be a whole number");
    row("within_days fraction", R"({"behaviour": {"event": "purchase", "within_days": 1.5}})",
        "behaviour.within_days: must be a whole number");
    row("within_days zero", R"({"behaviour": {"event": "purchase", "within_days": 0}})",
        "behaviour.within_days: must be a whole number");
    row("unknown event", R"({"behaviour": {"event": "buyy"}})", "behaviour.event: unknown event type 'buyy'");
    row("bad event in list", R"({"behaviour": {"event": ["view", 3]}})",
        "behaviour.event[1]: unknown event type");
    row("missing event", R"({"behaviour": {"at_least": 2}})", "behaviour.event: missing");
    row("unknown behaviour field", R"({"behaviour": {"event": "view", "when": 3}})",
        "behaviour.when: unknown field");
    row("at_least above at_most", R"({"behaviour": {"event": "view", "at_least": 3, "at_most": 2}})",
        "behaviour.at_least: must not be above at_most");
    row("negative at_least", R"({"behaviour": {"event": "view", "at_least": -1}})",
        "behaviour.at_least: must be a whole number");
    row("empty category", R"({"behaviour": {"event": "view", "category": ""}})",
        "behaviour.category: must be a non-empty string");
    row("unknown profile field", R"({"profile": {"field": "shoe_size", "equals": 3}})",
        "profile.field: unknown profile field 'shoe_size'");
    row("missing profile field", R"({"profile": {"equals": 3}})", "profile.field: missing");
    row("no operator", R"({"profile": {"field": "gender"}})",
        "profile: needs one of equals, in, min/max or exists");
    row("two operators", R"({"profile": {"field": "gender", "equals": "f", "in": ["m"]}})",
        "profile: use only one of");
    row("bad gender", R"({"profile": {"field": "gender", "equals": "female"}})",
        "profile.equals: must be \"f\", \"m\" or \"x\"");
    row("bad gender in list", R"({"profile": {"field": "gender", "in": ["f", "q"]}})",
        "profile.in[1]: must be \"f\"");
    row("country range", R"({"profile": {"field": "country", "min": 3}})",
        "profile.min: country has no range");
    row("age as text", R"({"profile": {"field": "age", "equals": "thirty"}})",
        "profile.equals: must be a whole number");
    row("age min above max", R"({"profile": {"field": "age", "min": 40, "max": 30}})",
        "profile.min: must not be above max");
    row("age max as text", R"({"profile": {"field": "age", "max": "30"}})", "profile.max: must be a number");
    row("in not a list", R"({"profile": {"field": "country", "in": "Denmark"}})",
        "profile.in: must be a non-empty list");
    row("consent exists", R"({"profile": {"field": "email_consent", "exists": true}})",
        "profile.exists: email_consent is always known");
    row("consent as text", R"({"profile": {"field": "email_consent", "equals": "yes"}})",
        "profile.equals: must be true or false");
    row("attribute null", R"({"profile": {"field": "attributes.tier", "equals": null}})",
        "profile.equals: must be a string, a number or true/false");
    row("exists not bool", R"({"profile": {"field": "city", "exists": 1}})",
        "profile.exists: must be true or false");
    row("unknown profile key", R"({"profile": {"field": "city", "exists": true, "case": 1}})",
        "profile.case: unknown field");
    row("unknown measure", R"({"value": {"measure": "spend", "min": 3}})",
        "value.measure: unknown measure 'spend'");
    row("missing measure", R"({"value": {"min": 3}})", "value.measure: missing");
    row("no bound", R"({"value": {"measure": "monetary"}})", "value: needs min, max or equals");
    row("equals and min", R"({"value": {"measure": "monetary", "equals": 3, "min": 1}})",
        "value: use either equals or min/max");
    row("score 6", R"({"value": {"measure": "monetary_score", "equals": 6}})",
        "value.equals: must be a whole number from 1 to 5");
    row("frequency fraction", R"({"value": {"measure": "frequency", "min": 1.5}})",
        "value.min: must be a whole number");
    row("share above 1", R"({"value": {"measure": "sale_share", "min": 1.5}})",
        "value.min: must be a share from 0 to 1");
    row("negative spend", R"({"value": {"measure": "monetary", "min": -5}})",
        "value.min: must not be negative");
    row("spend as text", R"({"value": {"measure": "monetary", "max": "5"}})", "value.max: must be a number");
    row("value min above max", R"({"value": {"measure": "aov", "min": 50, "max": 10}})",
        "value.min: must not be above max");
    row("two targets", R"({"affinity": {"category": "Outdoor", "brand": "X", "at_least": 0.2}})",
        "affinity: needs exactly one of category, brand or topic");
    row("no target", R"({"affinity": {"at_least": 0.2}})", "affinity: needs exactly one of");
    row("missing at_least", R"({"affinity": {"topic": "Hiking"}})", "affinity.at_least: missing");
    row("at_least above 1", R"({"affinity": {"topic": "Hiking", "at_least": 1.5}})",
        "affinity.at_least: must be a share from 0 to 1");
    row("unknown affinity key", R"({"affinity": {"topic": "Hiking", "at_least": 0.5, "score": 1}})",
        "affinity.score: unknown field");
    row("segment not a name", R"({"segment": 3})", "segment: must be the name of a segment");
    row("condition not an object", R"({"all": [{"value": 5}]})", "all[0].value: must be an object");
    QByteArray deep = p;
    for (int i = 0; i < 40; ++i)
        deep = "{\"not\": " + deep + "}";
    row("too deep", deep, "not.not.not");
}

void TestSegmentRules::badRules()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    QString error;
    QVERIFY(!parse(json, &error));
    QVERIFY2(error.startsWith(message), qPrintable(QStringLiteral("got: ") + error));
    if (QByteArray(QTest::currentDataTag()) == "too deep")
        QVERIFY2(error.contains(QLatin1String("nested more than 32")), qPrintable(error));
}

void TestSegmentRules::definitions()
{
    QString error;
    const QJsonObject good = QJsonDocument::fromJson(
        R"({"title": "VIP", "rule": {"all": [{"value": {"measure": "monetary_score", "equals": 5}}]}})")
                                 .object();
    const auto vip = SegmentDefinition::fromJson(QStringLiteral("vip"), good, &error);
    QVERIFY2(vip, qPrintable(error));
    QCOMPARE(vip->title, QStringLiteral("VIP"));
    QCOMPARE(vip->rule.root().children.front().condition.path, QStringLiteral("rule.all[0].value"));
    // Stored definitions name places from the document's root.
    const QJsonObject bad
        = QJsonDocument::fromJson(R"({"rule": {"all": [{"value": {"measure": "monetary", "min": "x"}}]}})")
              .object();
    QVERIFY(!SegmentDefinition::fromJson(QStringLiteral("vip"), bad, &error));
    QCOMPARE(error, QStringLiteral("rule.all[0].value.min: must be a number"));
    QVERIFY(!SegmentDefinition::fromJson(
        QStringLiteral("vip"), QJsonObject {{QStringLiteral("titel"), 1}}, &error));
    QVERIFY2(error.startsWith(QLatin1String("titel: unknown field")), qPrintable(error));
    QVERIFY(!SegmentDefinition::fromJson(QStringLiteral("vip"), QJsonObject {}, &error));
    QCOMPARE(error, QStringLiteral("rule: missing"));
    for (const char *name : {"", "VIP", "big spenders", "-x", "a/b"})
        QVERIFY2(!SegmentDefinition::isValidName(QLatin1String(name), &error), name);
    QVERIFY(SegmentDefinition::isValidName(QStringLiteral("under-30s_in-sweden"), &error));
}

void TestSegmentRules::rulesRoundTrip()
{
    const char *const rules[] = {
        R"({"all": [{"profile": {"field": "age", "min": 18, "max": 29}}, {"profile": {"field": "attributes.loyalty", "in": ["gold", 3, true]}}]})",
        R"({"any": [{"behaviour": {"event": ["view", "cart"], "at_least": 2, "at_most": 5, "within_days": 30, "category": "Outdoor", "brand": "B", "topic": "T", "item": "SKU-1"}}]})",
        R"({"not": {"value": {"measure": "recency_score", "equals": 5}}})",
        R"({"all": [{"affinity": {"brand": "Fjordline", "at_least": 0.25}}, {"segment": "vip"}, {"profile": {"field": "city", "exists": false}}]})",
        R"({"behaviour": {"event": "any", "at_least": 1}})",
    };
    for (const char *text : rules) {
        const SegmentRule first = rule(text);
        const QJsonObject json = first.toJson();
        QString error;
        const auto second = SegmentRule::fromJson(json, &error);
        QVERIFY2(second, qPrintable(error));
        QCOMPARE(second->toJson(), json);
    }
    QCOMPARE(rule(R"({"all": [{"segment": "a"}, {"not": {"segment": "b"}}, {"segment": "a"}]})")
                 .referencedSegments(),
        (QStringList {QStringLiteral("a"), QStringLiteral("b")}));
}


QTEST_APPLESS_MAIN(TestSegmentRules)
#include "tst_segmentrules.moc"
