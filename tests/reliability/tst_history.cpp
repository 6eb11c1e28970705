// SPDX-License-Identifier: GPL-3.0-or-later
// History and backup: every save of a configuration object keeps the version before it, the command
// line lists, shows and restores them, and `backup` copies a catalog that others are using.
#include "../common/rowsdigest.h"
#include "clirunner.h"

#include "storage/backup.h"
#include "storage/configstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Vitrine;
using namespace Vitrine::Reliability;

namespace {

QByteArray fileHash(const QString &path)
{
    return Testing::fileDigest(path);
}

} // namespace

class TestHistory : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_catalog;

    CliRun cli(const QStringList &arguments) { return runCli(m_catalog, arguments); }

    bool save(const QString &kind, const QString &key, const QJsonObject &definition)
    {
        Database db;
        QString error;
        if (!db.open(m_catalog, Database::OpenMode::ReadWrite, &error)
            || !ConfigStore(db).save(kind, key, definition, &error)) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        return true;
    }

    std::optional<ConfigObject> current(const QString &kind, const QString &key)
    {
        Database db;
        if (!db.open(m_catalog, Database::OpenMode::ReadOnly, nullptr))
            return std::nullopt;
        return ConfigStore(db).get(kind, key);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_catalog = m_dir.filePath(QStringLiteral("history.vitrine"));
        const CliRun demo = cli({QStringLiteral("-q"), QStringLiteral("demo"), QStringLiteral("--users"),
            QStringLiteral("300"), QStringLiteral("--items"), QStringLiteral("200"),
            QStringLiteral("--events"), QStringLiteral("8000"), QStringLiteral("--seed"), QStringLiteral("7"),
            QStringLiteral("--end"), QStringLiteral("2026-11-01")});
        QVERIFY2(demo.exitCode == 0, demo.describe());
    }

    void everySaveKeepsThePreviousVersion()
    {
        const std::optional<ConfigObject> original
            = current(QStringLiteral("slots"), QStringLiteral("home-bestsellers"));
        QVERIFY(original);
        QCOMPARE(original->version, 1);
        QJsonObject renamed = original->definition;
        renamed.insert(QStringLiteral("title"), QStringLiteral("Top sellers"));
        QVERIFY(save(QStringLiteral("slots"), QStringLiteral("home-bestsellers"), renamed));
        renamed.insert(QStringLiteral("title"), QStringLiteral("Most popular"));
        QVERIFY(save(QStringLiteral("slots"), QStringLiteral("home-bestsellers"), renamed));

        const CliRun list = cli({QStringLiteral("--json"), QStringLiteral("history"), QStringLiteral("list"),
            QStringLiteral("slot"), QStringLiteral("home-bestsellers")});
        QVERIFY2(list.exitCode == 0, list.describe());
        QCOMPARE(list.json().value(QStringLiteral("current")).toInt(), 3);
        const QJsonArray versions = list.json().value(QStringLiteral("versions")).toArray();
        QCOMPARE(versions.size(), 3);
        const QStringList titles {QStringLiteral("Most popular"), QStringLiteral("Top sellers"),
            original->definition.value(QStringLiteral("title")).toString()};
        for (int i = 0; i < 3; ++i) {
            const QJsonObject version = versions.at(i).toObject();
            QCOMPARE(version.value(QStringLiteral("version")).toInt(), 3 - i);
            QCOMPARE(version.value(QStringLiteral("current")).toBool(), i == 0);
            QCOMPARE(version.value(QStringLiteral("title")).toString(), titles.at(i));
        }
        const CliRun text = cli({QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("slot"),
            QStringLiteral("home-bestsellers")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("version 3 is current"), text.out.constData());
        QVERIFY(text.out.contains("Top sellers"));
    }

    void showPrintsOneVersion()
    {
        const std::optional<ConfigObject> now
            = current(QStringLiteral("slots"), QStringLiteral("home-bestsellers"));
        QVERIFY(now);
        const CliRun plain = cli({QStringLiteral("history"), QStringLiteral("show"), QStringLiteral("slot"),
            QStringLiteral("home-bestsellers"), QStringLiteral("2")});
        QVERIFY2(plain.exitCode == 0, plain.describe());
        // The definition itself, ready to be edited or imported.
        const QJsonObject definition = QJsonDocument::fromJson(plain.out).object();
        QCOMPARE(definition.value(QStringLiteral("title")).toString(), QStringLiteral("Top sellers"));
        QCOMPARE(definition.value(QStringLiteral("strategies")),
            now->definition.value(QStringLiteral("strategies")));

        const CliRun json = cli({QStringLiteral("--json"), QStringLiteral("history"), QStringLiteral("show"),
            QStringLiteral("slot"), QStringLiteral("home-bestsellers"), QStringLiteral("3")});
        QCOMPARE(json.exitCode, 0);
        QCOMPARE(json.json().value(QStringLiteral("current")).toBool(), true);
        QCOMPARE(json.json().value(QStringLiteral("definition")).toObject(), now->definition);
    }

    void restoreSavesTheOldVersionAsANewOne()
    {
        const CliRun restore = cli({QStringLiteral("history"), QStringLiteral("restore"),
            QStringLiteral("slot"), QStringLiteral("home-bestsellers"), QStringLiteral("1")});
        QVERIFY2(restore.exitCode == 0, restore.describe());
        QVERIFY2(restore.out.contains("as version 4"), restore.out.constData());
        const std::optional<ConfigObject> now
            = current(QStringLiteral("slots"), QStringLiteral("home-bestsellers"));
        QCOMPARE(now->version, 4);
        QCOMPARE(now->definition.value(QStringLiteral("title")).toString(), QStringLiteral("Bestsellers"));
        // What people see follows: the slot's title is the restored one.
        const CliRun recommend = cli({QStringLiteral("-q"), QStringLiteral("--json"),
            QStringLiteral("recommend"), QStringLiteral("--slot"), QStringLiteral("home-bestsellers")});
        QCOMPARE(recommend.json().value(QStringLiteral("title")).toString(), QStringLiteral("Bestsellers"));

        // The restore is itself a version, so it can be undone.
        const CliRun undo
            = cli({QStringLiteral("--json"), QStringLiteral("history"), QStringLiteral("restore"),
                QStringLiteral("slot"), QStringLiteral("home-bestsellers"), QStringLiteral("3")});
        QVERIFY2(undo.exitCode == 0, undo.describe());
        QCOMPARE(undo.json().value(QStringLiteral("version")).toInt(), 5);
        QCOMPARE(current(QStringLiteral("slots"), QStringLiteral("home-bestsellers"))
                     ->definition.value(QStringLiteral("title"))
                     .toString(),
            QStringLiteral("Most popular"));
        const CliRun list = cli({QStringLiteral("--json"), QStringLiteral("history"), QStringLiteral("list"),
            QStringLiteral("slot"), QStringLiteral("home-bestsellers")});
        QCOMPARE(list.json().value(QStringLiteral("versions")).toArray().size(), 5);

        // Restoring the current version changes nothing.
        const CliRun same
            = cli({QStringLiteral("--json"), QStringLiteral("history"), QStringLiteral("restore"),
                QStringLiteral("slot"), QStringLiteral("home-bestsellers"), QStringLiteral("5")});
        QCOMPARE(same.exitCode, 0);
        QCOMPARE(same.json().value(QStringLiteral("changed")).toBool(), false);
        QCOMPARE(current(QStringLiteral("slots"), QStringLiteral("home-bestsellers"))->version, 5);
    }

    void restoreRefusesWhatNoLongerMakesSense_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QByteArray>("old");
        QTest::addColumn<QString>("message");
        QTest::newRow("slot without strategies")
            << QStringLiteral("slot") << QByteArray(R"({"strategies": []})")
            << QStringLiteral("strategies: a slot needs at least one strategy");
        QTest::newRow("segment on an unknown field")
            << QStringLiteral("segment")
            << QByteArray(R"({"rule": {"all": [{"profile": {"field": "planet", "equals": "Mars"}}]}})")
            << QStringLiteral("rule.all[0].profile.field: unknown profile field 'planet'");
        QTest::newRow("layout naming a slot removed since")
            << QStringLiteral("layout")
            << QByteArray(
                   R"({"title": "Old home", "blocks": [{"id": "a", "type": "slot", "slot": "gone-slot"}]})")
            << QStringLiteral("unknown slot 'gone-slot'");
        QTest::newRow("campaign with a broken template")
            << QStringLiteral("campaign")
            << QByteArray(
                   R"({"title": "Old", "from": {"name": "Shop", "email": "news@shop.example.com"}, "subject": "{{^segments.vip}}Hi", "html": "<p>Hi</p>"})")
            << QStringLiteral("subject");
        QTest::newRow("segment naming one removed since")
            << QStringLiteral("segment") << QByteArray(R"({"rule": {"all": [{"segment": "gone"}]}})")
            << QStringLiteral("rule.all[0].segment: no segment named 'gone'");
    }

    void restoreRefusesWhatNoLongerMakesSense()
    {
        QFETCH(QString, kind);
        QFETCH(QByteArray, old);
        QFETCH(QString, message);
        // An old version written before today's checks (or by hand): it sits in the history only.
        const QString key
            = QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'));
        {
            Database db;
            QVERIFY(db.open(m_catalog, Database::OpenMode::ReadWrite, nullptr));
            Statement insert = db.prepare(QStringLiteral("INSERT INTO config_history (kind, key, version, "
                                                         "definition, updated_at) VALUES (?, ?, 1, ?, 0)"));
            insert.bind(1, kind + QLatin1Char('s'));
            insert.bind(2, key);
            insert.bind(3, old);
            QVERIFY(insert.run());
        }
        const QByteArray before = fileHash(m_catalog);
        const CliRun restore
            = cli({QStringLiteral("history"), QStringLiteral("restore"), kind, key, QStringLiteral("1")});
        QCOMPARE(restore.exitCode, 2);
        QVERIFY2(QString::fromUtf8(restore.err).contains(message), restore.err.constData());
        QVERIFY(restore.err.contains("nothing was changed"));
        QVERIFY(!current(kind + QLatin1Char('s'), key));
        QCOMPARE(fileHash(m_catalog), before);
    }

    void everyKindKeepsItsHistory_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QByteArray>("first");
        QTest::addColumn<QByteArray>("second");
        QTest::newRow("segment")
            << QStringLiteral("segment")
            << QByteArray(
                   R"({"title": "Danes", "rule": {"all": [{"profile": {"field": "country", "equals": "Denmark"}}]}})")
            << QByteArray(
                   R"({"title": "Swedes", "rule": {"all": [{"profile": {"field": "country", "equals": "Sweden"}}]}})");
        QTest::newRow("slot") << QStringLiteral("slot")
                              << QByteArray(R"({"title": "New", "strategies": ["new"]})")
                              << QByteArray(R"({"title": "Trending", "strategies": ["trending"]})");
        QTest::newRow("layout")
            << QStringLiteral("layout")
            << QByteArray(
                   R"({"title": "Home", "kind": "page", "blocks": [{"id": "best", "type": "slot", "slot": "home-bestsellers", "k": 4}]})")
            << QByteArray(
                   R"({"title": "Home, summer", "kind": "page", "blocks": [{"id": "new", "type": "slot", "slot": "home-new-arrivals", "k": 8}]})");
        QTest::newRow("banner")
            << QStringLiteral("banner")
            << QByteArray(R"({"group": "home-hero", "title": "Sale", "link": "/sale", "priority": 1})")
            << QByteArray(R"({"group": "home-hero", "title": "Big sale", "link": "/sale", "priority": 5})");
        QTest::newRow("campaign")
            << QStringLiteral("campaign")
            << QByteArray(
                   R"({"title": "Weekly", "from": {"name": "Shop", "email": "news@shop.example.com"}, "subject": "Hi {{person.first_name}}", "html": "<p>Hi {{person.first_name}}</p>{{> picks}}", "blocks": [{"id": "picks", "type": "slot", "slot": "email-picks", "k": 4}]})")
            << QByteArray(
                   R"({"title": "Weekly", "from": {"name": "Shop", "email": "news@shop.example.com"}, "subject": "Hello {{person.first_name}}", "html": "<p>Hello {{person.first_name}}</p>{{> picks}}", "blocks": [{"id": "picks", "type": "slot", "slot": "email-picks", "k": 6}]})");
    }

    void everyKindKeepsItsHistory()
    {
        QFETCH(QString, kind);
        QFETCH(QByteArray, first);
        QFETCH(QByteArray, second);
        const QString table = kind + QLatin1Char('s');
        const QString key = QStringLiteral("history-%1").arg(kind);
        QVERIFY(save(table, key, QJsonDocument::fromJson(first).object()));
        QVERIFY(save(table, key, QJsonDocument::fromJson(second).object()));

        const CliRun list
            = cli({QStringLiteral("--json"), QStringLiteral("history"), QStringLiteral("list"), kind, key});
        QVERIFY2(list.exitCode == 0, list.describe());
        QCOMPARE(list.json().value(QStringLiteral("versions")).toArray().size(), 2);

        const CliRun restore
            = cli({QStringLiteral("history"), QStringLiteral("restore"), kind, key, QStringLiteral("1")});
        QVERIFY2(restore.exitCode == 0, restore.describe());
        const std::optional<ConfigObject> now = current(table, key);
        QCOMPARE(now->version, 3);
        QCOMPARE(now->definition, QJsonDocument::fromJson(first).object());
    }

    void aRemovedObjectCanBeBroughtBack()
    {
        const QString key = QStringLiteral("history-banner");
        {
            Database db;
            QVERIFY(db.open(m_catalog, Database::OpenMode::ReadWrite, nullptr));
            QVERIFY(ConfigStore(db).remove(QStringLiteral("banners"), key));
        }
        const CliRun list = cli({QStringLiteral("--json"), QStringLiteral("history"), QStringLiteral("list"),
            QStringLiteral("banner"), key});
        QVERIFY2(list.exitCode == 0, list.describe());
        QVERIFY(list.json().value(QStringLiteral("current")).isNull());
        QCOMPARE(list.json().value(QStringLiteral("versions")).toArray().size(), 3);

        const CliRun restore = cli({QStringLiteral("history"), QStringLiteral("restore"),
            QStringLiteral("banner"), key, QStringLiteral("2")});
        QVERIFY2(restore.exitCode == 0, restore.describe());
        // Numbered after its history, so no earlier version is overwritten.
        const std::optional<ConfigObject> back = current(QStringLiteral("banners"), key);
        QVERIFY(back);
        QCOMPARE(back->version, 4);
        QCOMPARE(back->definition.value(QStringLiteral("title")).toString(), QStringLiteral("Big sale"));
        const CliRun after = cli({QStringLiteral("--json"), QStringLiteral("history"), QStringLiteral("list"),
            QStringLiteral("banner"), key});
        QCOMPARE(after.json().value(QStringLiteral("versions")).toArray().size(), 4);
    }

    void aKeyCreatedAgainContinuesItsVersions()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.filePath(QStringLiteral("again.vitrine")), Database::OpenMode::Create, nullptr));
        ConfigStore store(db);
        const QString kind = QStringLiteral("banners");
        const QString key = QStringLiteral("sale");
        QVERIFY(store.save(kind, key, {{QStringLiteral("title"), QStringLiteral("one")}}));
        QVERIFY(store.save(kind, key, {{QStringLiteral("title"), QStringLiteral("two")}}));
        QVERIFY(store.remove(kind, key));
        QVERIFY(store.save(kind, key, {{QStringLiteral("title"), QStringLiteral("three")}}));
        QVERIFY(store.save(kind, key, {{QStringLiteral("title"), QStringLiteral("four")}}));
        QCOMPARE(store.get(kind, key)->version, 4);
        QStringList titles;
        for (const ConfigObject &old : store.history(kind, key))
            titles.append(old.definition.value(QStringLiteral("title")).toString());
        QCOMPARE(titles, QStringList({QStringLiteral("three"), QStringLiteral("two"), QStringLiteral("one")}));
    }

    void historyErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString history = QStringLiteral("history");
        QTest::newRow("no subcommand")
            << QStringList {history} << 1 << QStringLiteral("subcommand is required");
        QTest::newRow("unknown kind")
            << QStringList {history, QStringLiteral("list"), QStringLiteral("widget"), QStringLiteral("x")}
            << 1 << QStringLiteral("widget not in");
        QTest::newRow("no key") << QStringList {history, QStringLiteral("list"), QStringLiteral("slot")} << 1
                                << QStringLiteral("key is required");
        QTest::newRow("version not a number") << QStringList {history, QStringLiteral("show"),
            QStringLiteral("slot"), QStringLiteral("home-on-sale"), QStringLiteral("latest")}
                                              << 1 << QStringLiteral("latest");
        QTest::newRow("version zero") << QStringList {history, QStringLiteral("restore"),
            QStringLiteral("slot"), QStringLiteral("home-on-sale"), QStringLiteral("0")}
                                      << 1 << QStringLiteral("they start at 1");
        QTest::newRow("unknown key") << QStringList {history, QStringLiteral("list"), QStringLiteral("slot"),
            QStringLiteral("home-for-me")}
                                     << 3 << QStringLiteral("no slot named 'home-for-me'");
        QTest::newRow("unknown version") << QStringList {history, QStringLiteral("restore"),
            QStringLiteral("slot"), QStringLiteral("home-on-sale"), QStringLiteral("42")}
                                         << 3 << QStringLiteral("has no version 42");
    }

    void historyErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const QByteArray before = fileHash(m_catalog);
        const CliRun run = cli(arguments);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
        QCOMPARE(fileHash(m_catalog), before);
    }

    void backupCopiesTheCatalogWhileItIsWritten()
    {
        // A big import holds the write lock while the backup runs beside it.
        const QString events = m_dir.filePath(QStringLiteral("events.csv"));
        QVERIFY(writeEventsCsv(events, 300000, 300, 200, QDateTime(QDate(2026, 9, 1), QTime(0, 0), Qt::UTC)));
        const qint64 before = queryCount(m_catalog, QStringLiteral("SELECT count(*) FROM events"));
        const std::unique_ptr<QProcess> writer
            = startCli(m_catalog, {QStringLiteral("import"), QStringLiteral("events"), events});
        QByteArray seen;
        QVERIFY2(waitForStage(*writer, QStringLiteral("Reading events.csv"), 0, &seen), seen.constData());

        const QString copy = m_dir.filePath(QStringLiteral("copy.vitrine"));
        const CliRun backup
            = cli({QStringLiteral("-q"), QStringLiteral("--json"), QStringLiteral("backup"), copy});
        writer->waitForFinished(-1);
        QVERIFY2(backup.exitCode == 0, backup.describe());
        QCOMPARE(finished(*writer).exitCode, 0);
        QCOMPARE(backup.json().value(QStringLiteral("file")).toString(), copy);
        QCOMPARE(backup.json().value(QStringLiteral("bytes")).toInteger(), QFileInfo(copy).size());

        // The copy is a sound catalog from one moment: before the import or after it.
        QCOMPARE(integrityCheck(copy), QStringLiteral("ok"));
        const qint64 copied = queryCount(copy, QStringLiteral("SELECT count(*) FROM events"));
        QVERIFY2(copied == before || copied == before + 300000, QByteArray::number(copied));
        const CliRun stats = runCli(copy, {QStringLiteral("--json"), QStringLiteral("stats")});
        QVERIFY2(stats.exitCode == 0, stats.describe());
        QCOMPARE(stats.json().value(QStringLiteral("items")).toInt(), 200);
        // Nothing is left beside it but the copy (and SQLite's side files, once opened).
        for (const QString &name :
            QDir(m_dir.path()).entryList({QStringLiteral("copy.vitrine*")}, QDir::Files))
            QVERIFY2(!name.contains(QStringLiteral("partial")), qPrintable(name));
    }

    void backupRefusesToOverwrite()
    {
        const QByteArray catalog = fileHash(m_catalog);
        for (const QString &target : {m_catalog, m_catalog + QStringLiteral("-wal"),
                 m_dir.filePath(QStringLiteral("./history.vitrine"))}) {
            const CliRun run = cli({QStringLiteral("backup"), target, QStringLiteral("--replace")});
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.contains("is the catalog being backed up"), run.err.constData());
        }
        QCOMPARE(fileHash(m_catalog), catalog);

        const QString existing = m_dir.filePath(QStringLiteral("notes.txt"));
        QFile file(existing);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("keep me\n");
        file.close();
        const CliRun refused = cli({QStringLiteral("backup"), existing});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains("already exists"), refused.err.constData());
        QCOMPARE(fileHash(existing), QCryptographicHash::hash("keep me\n", QCryptographicHash::Sha256));

        const CliRun replaced
            = cli({QStringLiteral("-q"), QStringLiteral("backup"), existing, QStringLiteral("--replace")});
        QVERIFY2(replaced.exitCode == 0, replaced.describe());
        QCOMPARE(integrityCheck(existing), QStringLiteral("ok"));

        QCOMPARE(cli({QStringLiteral("backup"), m_dir.filePath(QStringLiteral("no/such/folder.vitrine"))})
                     .exitCode,
            2);
        QCOMPARE(runCli(m_dir.filePath(QStringLiteral("missing.vitrine")),
                     {QStringLiteral("backup"), m_dir.filePath(QStringLiteral("x.vitrine"))})
                     .exitCode,
            3);
        QCOMPARE(cli({QStringLiteral("backup")}).exitCode, 1);
    }

    void backupRestartsWhenTheCatalogChangesAndStillFinishes()
    {
        // Another connection writes between every step: SQLite starts the copy again each time,
        // until the backup copies the rest in one step from one consistent state.
        Database source;
        Database other;
        QVERIFY(source.open(m_catalog, Database::OpenMode::ReadOnly, nullptr));
        QVERIFY(other.open(m_catalog, Database::OpenMode::ReadWrite, nullptr));
        int writes = 0;
        const Progress progress([&](const QString &, qint64 done, qint64 total) {
            if (done < total
                && other.exec(QStringLiteral(
                    "INSERT INTO items (sku, title) VALUES ('RESTART-%1', 'Written during the backup')")
                                  .arg(writes)))
                ++writes;
        });
        CatalogBackup backup(source);
        backup.setPagesPerStep(8);
        const QString target = m_dir.filePath(QStringLiteral("restarted.vitrine"));
        const BackupReport report = backup.run(target, progress);
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.restarts, CatalogBackup::MaxRestarts);
        QCOMPARE(queryCount(target, QStringLiteral("SELECT count(*) FROM items WHERE sku LIKE 'RESTART-%'")),
            qint64(writes));
        QCOMPARE(integrityCheck(target), QStringLiteral("ok"));
    }

    void cancelledBackupLeavesNoFile()
    {
        Database source;
        QVERIFY(source.open(m_catalog, Database::OpenMode::ReadOnly, nullptr));
        std::atomic_bool cancel = false;
        const Progress progress([&](const QString &, qint64, qint64) { cancel = true; }, &cancel);
        CatalogBackup backup(source);
        backup.setPagesPerStep(4);
        const QString target = m_dir.filePath(QStringLiteral("cancelled.vitrine"));
        const BackupReport report = backup.run(target, progress);
        QVERIFY(!report.ok);
        QVERIFY(report.cancelled);
        QVERIFY(!QFile::exists(target));
        QCOMPARE(
            QDir(m_dir.path()).entryList({QStringLiteral("cancelled.vitrine*")}, QDir::Files), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestHistory)
#include "tst_history.moc"
