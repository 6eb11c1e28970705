// SPDX-License-Identifier: GPL-3.0-or-later
// `config export|import`: the whole configuration as one JSON file a team keeps in version
// control. Export is stable, import is all or nothing, every change keeps the version before it.
#include "../../common/rowsdigest.h"
#include "audience/startersegments.h"
#include "config/configbundle.h"
#include "demo/demogenerator.h"
#include "layout/startercontent.h"
#include "storage/configstore.h"
#include "storage/database.h"
#include "storage/statement.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Vitrine;

namespace {

/** A digest of every configuration table, the history and the meta table. */
QByteArray configFingerprint(const Database &db)
{
    return Testing::configDigest(db);
}

} // namespace

class TestConfigBundle : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    Database m_db;

    bool openDemo(Database &db, const QString &name, bool withContent = true)
    {
        QString error;
        if (!db.open(m_dir->filePath(name), Database::OpenMode::Create, &error))
            return false;
        DemoOptions options;
        options.users = 300;
        options.items = 200;
        options.events = 5000;
        options.endDate = QDate(2026, 11, 1);
        return DemoGenerator(options).generate(db).ok
            && (!withContent || (StarterSegments::install(db, &error) && installStarterContent(db, &error)));
    }

    QJsonObject exported()
    {
        QString error;
        const std::optional<ConfigBundle> bundle = ConfigBundle::fromCatalog(m_db, &error);
        if (!bundle)
            qFatal("cannot export: %s", qPrintable(error));
        return bundle->toJson();
    }

    ConfigImportReport importJson(const QJsonObject &json, ConfigImportOptions options = {})
    {
        QString error;
        const std::optional<ConfigBundle> bundle = ConfigBundle::fromJson(json, &error);
        if (!bundle) {
            ConfigImportReport report;
            report.error = error;
            return report;
        }
        return importConfig(m_db, *bundle, options);
    }

    int version(const char *kind, const char *key)
    {
        const std::optional<ConfigObject> object
            = ConfigStore(m_db).get(QString::fromLatin1(kind), QString::fromLatin1(key));
        return object ? object->version : 0;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(openDemo(m_db, QStringLiteral("shop.vitrine")));
    }

    void cleanup()
    {
        m_db.close();
        m_dir.reset();
    }

    void exportIsStableAndHasEverything()
    {
        QString error;
        const std::optional<ConfigBundle> first = ConfigBundle::fromCatalog(m_db, &error);
        QVERIFY2(first, qPrintable(error));
        const std::optional<ConfigBundle> second = ConfigBundle::fromCatalog(m_db, &error);
        QCOMPARE(first->toText(), second->toText()); // no timestamps: an unchanged catalog diffs empty
        const QJsonObject json = first->toJson();
        QCOMPARE(json.value(QStringLiteral("format")).toString(), QStringLiteral("vitrine-config"));
        for (const char *kind : {"segments", "slots", "layouts", "banners", "campaigns"}) {
            QVERIFY2(json.value(QLatin1String(kind)).toObject().size() > 0, kind);
            QCOMPARE(json.value(QLatin1String(kind)).toObject().size(),
                ConfigStore(m_db).list(QString::fromLatin1(kind)).size());
        }
        QVERIFY(json.value(QStringLiteral("slots")).toObject().contains(QStringLiteral("home-for-you")));
        QVERIFY(json.value(QStringLiteral("segment_priority")).isArray());
        QVERIFY(json.value(QStringLiteral("event_weights")).toObject().contains(QStringLiteral("purchase")));
        // Read back, it is the same document.
        const std::optional<ConfigBundle> read = ConfigBundle::fromText(first->toText(), &error);
        QVERIFY2(read, qPrintable(error));
        QCOMPARE(read->toText(), first->toText());
    }

    void importingTheSameFileChangesNothing()
    {
        const QByteArray before = configFingerprint(m_db);
        const ConfigImportReport report = importJson(exported());
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.count(ConfigImportReport::Change::Unchanged), report.entries.size());
        QVERIFY(!report.priorityChanged);
        QVERIFY(!report.weightsChanged);
        QCOMPARE(configFingerprint(m_db), before); // no version bumped, nothing in the history
    }

    void anotherCatalogGetsTheSameConfiguration()
    {
        const QJsonObject json = exported();
        Database other;
        QVERIFY(openDemo(other, QStringLiteral("other.vitrine"), false));
        QString error;
        const ConfigImportReport report = importConfig(other, *ConfigBundle::fromJson(json, &error));
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.count(ConfigImportReport::Change::Added), report.entries.size());
        QVERIFY(report.priorityChanged);
        QCOMPARE(ConfigBundle::fromCatalog(other, &error)->toText(), ConfigBundle::fromCatalog(m_db, &error)->toText());
    }

    void aChangedObjectKeepsItsPreviousVersion()
    {
        QJsonObject json = exported();
        QJsonObject slotDefs = json.value(QStringLiteral("slots")).toObject();
        QJsonObject slot = slotDefs.value(QStringLiteral("home-on-sale")).toObject();
        const QJsonObject original = slot;
        slot.insert(QStringLiteral("title"), QStringLiteral("Sale, picked for you"));
        slotDefs.insert(QStringLiteral("home-on-sale"), slot);
        json.insert(QStringLiteral("slots"), slotDefs);
        QJsonObject weights = json.value(QStringLiteral("event_weights")).toObject();
        weights.insert(QStringLiteral("view"), 0.5);
        json.insert(QStringLiteral("event_weights"), weights);

        const ConfigImportReport report = importJson(json);
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.count(ConfigImportReport::Change::Changed), 1);
        QVERIFY(report.weightsChanged);
        QCOMPARE(version("slots", "home-on-sale"), 2);
        const QList<ConfigObject> history = ConfigStore(m_db).history(QStringLiteral("slots"), QStringLiteral("home-on-sale"));
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.front().definition, original);
    }

    void dryRunWritesNothing()
    {
        QJsonObject json = exported();
        QJsonObject slotDefs = json.value(QStringLiteral("slots")).toObject();
        slotDefs.remove(QStringLiteral("home-bestsellers"));
        json.insert(QStringLiteral("slots"), slotDefs);
        const QByteArray before = configFingerprint(m_db);
        ConfigImportOptions options;
        options.dryRun = true;
        options.prune = true;
        const ConfigImportReport report = importJson(json, options);
        // home-bestsellers is on the home page, so pruning it is refused even in a dry run.
        QVERIFY(!report.ok);
        QVERIFY2(report.error.contains(QStringLiteral("layouts.home: blocks[3].slot: unknown slot 'home-bestsellers'")),
            qPrintable(report.error));
        QCOMPARE(configFingerprint(m_db), before);

        options.prune = false;
        const ConfigImportReport fine = importJson(json, options);
        QVERIFY2(fine.ok, qPrintable(fine.error));
        QCOMPARE(configFingerprint(m_db), before);
    }

    void pruneNeverBreaksWhatTheFileLeavesAlone()
    {
        // The file has slots only; pruning home-bestsellers would break the home page it does not
        // mention, so nothing happens.
        QJsonObject slotDefs = exported().value(QStringLiteral("slots")).toObject();
        slotDefs.remove(QStringLiteral("home-bestsellers"));
        const QJsonObject json {{QStringLiteral("format"), QStringLiteral("vitrine-config")},
            {QStringLiteral("version"), 1}, {QStringLiteral("slots"), slotDefs}};
        const QByteArray before = configFingerprint(m_db);
        ConfigImportOptions options;
        options.prune = true;
        const ConfigImportReport report = importJson(json, options);
        QVERIFY(!report.ok);
        QVERIFY2(report.error.startsWith(QStringLiteral("layouts.home (in the catalog, not in the file) would break: "
                                                        "blocks[3].slot: unknown slot 'home-bestsellers'")),
            qPrintable(report.error));
        QCOMPARE(configFingerprint(m_db), before);
    }

    void pruneRemovesWhatTheFileDoesNotHave()
    {
        QJsonObject json = exported();
        QJsonObject banners = json.value(QStringLiteral("banners")).toObject();
        const QString dropped = banners.keys().constLast();
        banners.remove(dropped);
        json = QJsonObject {{QStringLiteral("format"), QStringLiteral("vitrine-config")},
            {QStringLiteral("version"), 1}, {QStringLiteral("banners"), banners}};
        ConfigImportOptions options;
        options.prune = true;
        const ConfigImportReport report = importJson(json, options);
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.count(ConfigImportReport::Change::Removed), 1);
        QVERIFY(!ConfigStore(m_db).get(QStringLiteral("banners"), dropped));
        QCOMPARE(ConfigStore(m_db).history(QStringLiteral("banners"), dropped).size(), 1); // restorable
        QVERIFY(!ConfigStore(m_db).list(QStringLiteral("slots")).isEmpty()); // other kinds untouched
    }

    void objectsOfTheFileMayReferToEachOther()
    {
        QJsonObject json = exported();
        QJsonObject segments = json.value(QStringLiteral("segments")).toObject();
        segments.insert(QStringLiteral("big-spenders"),
            QJsonObject {{QStringLiteral("rule"),
                QJsonObject {{QStringLiteral("value"),
                    QJsonObject {{QStringLiteral("measure"), QStringLiteral("monetary")}, {QStringLiteral("min"), 500}}}}}});
        segments.insert(QStringLiteral("big-spenders-in-denmark"),
            QJsonObject {{QStringLiteral("rule"),
                QJsonObject {{QStringLiteral("all"),
                    QJsonArray {QJsonObject {{QStringLiteral("segment"), QStringLiteral("big-spenders")}},
                        QJsonObject {{QStringLiteral("profile"),
                            QJsonObject {{QStringLiteral("field"), QStringLiteral("country")},
                                {QStringLiteral("equals"), QStringLiteral("Denmark")}}}}}}}}});
        json.insert(QStringLiteral("segments"), segments);
        QJsonArray priority = json.value(QStringLiteral("segment_priority")).toArray();
        priority.prepend(QStringLiteral("big-spenders-in-denmark"));
        json.insert(QStringLiteral("segment_priority"), priority);
        const ConfigImportReport report = importJson(json);
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.count(ConfigImportReport::Change::Added), 2);
        QVERIFY(report.priorityChanged);
    }

    void badFiles_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        const auto with = [](const char *section, const char *key, const QByteArray &definition) {
            return QByteArray("{\"format\": \"vitrine-config\", \"version\": 1, \"") + section + "\": {\"" + key
                + "\": " + definition + "}}";
        };
        QTest::newRow("not JSON") << QByteArray("{\n  \"format\": \n") << QStringLiteral("line 3: not valid JSON");
        QTest::newRow("not an object") << QByteArray("[1, 2]") << QStringLiteral("expected a JSON object");
        QTest::newRow("another program's JSON") << QByteArray("{\"name\": \"x\"}")
                                                << QStringLiteral("format: expected \"vitrine-config\"");
        QTest::newRow("newer format") << QByteArray("{\"format\": \"vitrine-config\", \"version\": 9}")
                                      << QStringLiteral("version: 9 is newer than this Vitrine reads");
        QTest::newRow("unknown section") << QByteArray("{\"format\": \"vitrine-config\", \"version\": 1, \"widgets\": {}}")
                                         << QStringLiteral("widgets: unknown section");
        QTest::newRow("section not an object")
            << QByteArray("{\"format\": \"vitrine-config\", \"version\": 1, \"slots\": []}")
            << QStringLiteral("slots: must be a JSON object of definitions by key");
        QTest::newRow("definition not an object") << with("slots", "a", "42") << QStringLiteral("slots.a: must be a JSON object");
        QTest::newRow("slot without strategies") << with("slots", "empty-slot", "{\"strategies\": []}")
                                                 << QStringLiteral("slots.empty-slot: strategies:");
        QTest::newRow("bad key") << with("slots", "Bad Key", "{\"strategies\": [\"bestsellers\"]}")
                                 << QStringLiteral("slots.Bad Key: 'Bad Key' is not a valid key");
        QTest::newRow("slot naming an unknown strategy") << with("slots", "s", "{\"strategies\": [\"bestseller\"]}")
                                                         << QStringLiteral("slots.s: strategies[0]: unknown strategy 'bestseller'");
        QTest::newRow("slot naming an unknown category")
            << with("slots", "s", "{\"strategies\": [\"bestsellers\"], \"filters\": {\"categories\": [\"Garden\"]}}")
            << QStringLiteral("slots.s: filters.categories: the catalog has no category 'Garden'");
        QTest::newRow("slot pinning an unknown item")
            << with("slots", "s", "{\"strategies\": [\"bestsellers\"], \"pins\": [{\"sku\": \"NOPE\", \"position\": 1}]}")
            << QStringLiteral("slots.s: pins: the catalog has no item 'NOPE'");
        QTest::newRow("layout naming a missing slot")
            << with("layouts", "page", "{\"blocks\": [{\"id\": \"a\", \"type\": \"slot\", \"slot\": \"nope\"}]}")
            << QStringLiteral("layouts.page: blocks[0].slot: unknown slot 'nope'");
        QTest::newRow("segment cycle in the file")
            << QByteArray("{\"format\": \"vitrine-config\", \"version\": 1, \"segments\": {\n"
                "                   \"a\": {\"rule\": {\"segment\": \"b\"}}, \"b\": {\"rule\": {\"segment\": \"a\"}}}}")
            << QStringLiteral("cycle");
        QTest::newRow("unknown segment in the priority")
            << QByteArray("{\"format\": \"vitrine-config\", \"version\": 1, \"segment_priority\": [\"vip\", \"ghosts\"]}")
            << QStringLiteral("segment_priority:");
        QTest::newRow("bad event weights")
            << QByteArray("{\"format\": \"vitrine-config\", \"version\": 1, \"event_weights\": {\"view\": -1}}")
            << QStringLiteral("event_weights: event weight 'view' must be a number of at least 0");
        QTest::newRow("campaign with a broken template")
            << with("campaigns", "broken", "{\"title\": \"x\", \"segment\": \"vip\", \"subject\": \"Hi {{#name}}\", \"body\": \"x\"}")
            << QStringLiteral("campaigns.broken:");
    }

    void badFiles()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        const QByteArray before = configFingerprint(m_db);
        QString error;
        std::optional<ConfigBundle> bundle = ConfigBundle::fromText(text, &error);
        if (bundle) {
            const ConfigImportReport report = importConfig(m_db, *bundle);
            QVERIFY(!report.ok);
            QVERIFY(report.entries.isEmpty());
            error = report.error;
        }
        QVERIFY2(error.contains(message), qPrintable(error));
        QCOMPARE(configFingerprint(m_db), before);
    }
};

QTEST_GUILESS_MAIN(TestConfigBundle)
#include "tst_configbundle.moc"
