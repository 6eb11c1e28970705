// SPDX-License-Identifier: GPL-3.0-or-later
// vitrine-cli end to end, through QProcess: the contract scripts depend on.
#include "../common/rowsdigest.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

QByteArray fileHash(const QString &path)
{
    return Vitrine::Testing::fileDigest(path);
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_catalog;

    Run cli(const QStringList &arguments, const QString &catalog = {})
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("VITRINE_DB"), catalog.isEmpty() ? m_catalog : catalog);
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(VITRINE_CLI), arguments);
        if (!process.waitForFinished(120000))
            return {};
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
                process.readAllStandardError()};
    }

    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        file.open(QIODevice::WriteOnly);
        file.write(content);
        return path;
    }

    /** The catalog's tables as the CLI exports them: equal hashes mean equal data. */
    QByteArray catalogHash()
    {
        QByteArray all;
        for (const char *kind : {"items", "users", "events"}) {
            const QString out = m_dir.filePath(QStringLiteral("hash-%1.csv").arg(QLatin1String(kind)));
            if (cli({QStringLiteral("-q"), QStringLiteral("export"), QLatin1String(kind), QStringLiteral("--out"), out}).exitCode != 0)
                return {};
            all += fileHash(out);
        }
        return all;
    }

private slots:
    void initTestCase()
    {
        m_catalog = m_dir.filePath(QStringLiteral("demo.vitrine"));
        const Run run = cli({QStringLiteral("demo"), QStringLiteral("--users"), QStringLiteral("300"), QStringLiteral("--items"),
                             QStringLiteral("200"), QStringLiteral("--events"), QStringLiteral("8000"), QStringLiteral("--seed"),
                             QStringLiteral("7"), QStringLiteral("--end"), QStringLiteral("2026-11-01")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(QFile::exists(m_catalog));
    }

    void helpAndVersion()
    {
        const Run help = cli({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char *command : {"demo", "import", "export", "stats"})
            QVERIFY2(help.out.contains(command), command);
        const Run version = cli({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith("vitrine-cli "));
    }

    void usageErrorsExitOne_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no command") << QStringList();
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
        QTest::newRow("unknown option") << QStringList{QStringLiteral("stats"), QStringLiteral("--colour")};
        QTest::newRow("bad import kind") << QStringList{QStringLiteral("import"), QStringLiteral("orders"), QStringLiteral("x.csv")};
        QTest::newRow("import without file") << QStringList{QStringLiteral("import"), QStringLiteral("items")};
        QTest::newRow("malformed map") << QStringList{QStringLiteral("import"), QStringLiteral("items"), QStringLiteral(VITRINE_CLI),
                                                      QStringLiteral("--map"), QStringLiteral("title")};
        QTest::newRow("export without --out") << QStringList{QStringLiteral("export"), QStringLiteral("items")};
        QTest::newRow("users not a number") << QStringList{QStringLiteral("demo"), QStringLiteral("--users"), QStringLiteral("many")};
    }

    void usageErrorsExitOne()
    {
        QFETCH(QStringList, arguments);
        const Run run = cli(arguments);
        QCOMPARE(run.exitCode, 1);
        QVERIFY(!run.err.isEmpty());
    }

    void statsJsonShowsTheSizes()
    {
        const Run run = cli({QStringLiteral("stats"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject stats = run.json();
        QCOMPARE(stats.value(QStringLiteral("users")).toInt(), 300);
        QCOMPARE(stats.value(QStringLiteral("items")).toInt(), 200);
        QCOMPARE(stats.value(QStringLiteral("events")).toInt(), 8000);
        QVERIFY(stats.value(QStringLiteral("content_items")).toInt() > 0);
        const Run text = cli({QStringLiteral("stats")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("8,000"));
    }

    void missingCatalogExitsThree()
    {
        const QString missing = m_dir.filePath(QStringLiteral("nope.vitrine"));
        const Run run = cli({QStringLiteral("--db"), missing, QStringLiteral("stats")});
        QCOMPARE(run.exitCode, 3);
        QVERIFY(run.err.contains("no such catalog"));
        QVERIFY(!QFile::exists(missing));
    }

    void foreignFileExitsTwo()
    {
        const QString path = write(QStringLiteral("notes.vitrine"), QByteArray("hello, I am not a database\n").repeated(100));
        const Run run = cli({QStringLiteral("--db"), path, QStringLiteral("stats")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("not a Vitrine catalog"));
    }

    void emptyFileIsNotACatalogYet()
    {
        const QString path = write(QStringLiteral("empty.vitrine"), QByteArray());
        const Run run = cli({QStringLiteral("--db"), path, QStringLiteral("stats")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("the file is empty, not a catalog yet"), run.err.constData());
        QCOMPARE(QFileInfo(path).size(), 0);
    }

    void failedImportIntoANewCatalogLeavesNoCatalog()
    {
        const QString path = m_dir.filePath(QStringLiteral("never-made.vitrine"));
        const QString file = write(QStringLiteral("bad-new.csv"), "sku,title,price\nNEW1,Broken,abc\n");
        const Run run = cli({QStringLiteral("--db"), path, QStringLiteral("import"), QStringLiteral("items"), file});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!QFileInfo::exists(path));
        QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")));
        // The same file, fixed, creates it.
        const QString good = write(QStringLiteral("good-new.csv"), "sku,title,price\nNEW1,Fixed,10\n");
        QCOMPARE(cli({QStringLiteral("--db"), path, QStringLiteral("import"), QStringLiteral("items"), good}).exitCode, 0);
        QVERIFY(QFileInfo::exists(path));
    }

    void configExportImportRoundTrip()
    {
        const QString file = m_dir.filePath(QStringLiteral("config.json"));
        const Run exported = cli({QStringLiteral("config"), QStringLiteral("export"), file});
        QVERIFY2(exported.exitCode == 0, exported.err.constData());
        QVERIFY(exported.out.contains("9 slots"));
        const Run again = cli({QStringLiteral("--json"), QStringLiteral("config"), QStringLiteral("import"), file});
        QVERIFY2(again.exitCode == 0, again.err.constData());
        const QJsonObject report = QJsonDocument::fromJson(again.out).object();
        QCOMPARE(report.value(QStringLiteral("changed")).toInt(), 0);
        QCOMPARE(report.value(QStringLiteral("added")).toInt(), 0);
        QVERIFY(report.value(QStringLiteral("unchanged")).toInt() > 20);
    }

    void configImportErrors_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("broken JSON") << QByteArray("{\"format\": ") << 2 << QStringLiteral("line 1: not valid JSON");
        QTest::newRow("a slot naming an unknown strategy")
            << QByteArray("{\"format\": \"vitrine-config\", \"version\": 1, \"slots\": "
                          "{\"home-for-you\": {\"strategies\": [\"bestseller\"]}}}")
            << 2 << QStringLiteral("slots.home-for-you: strategies[0]: unknown strategy 'bestseller'");
    }

    void configImportErrors()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const QByteArray before = fileHash(m_catalog);
        const Run run = cli({QStringLiteral("config"), QStringLiteral("import"), write(QStringLiteral("c.json"), content)});
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
        QVERIFY(run.err.contains("nothing was changed"));
        QCOMPARE(fileHash(m_catalog), before);
    }

    void demoRefusesToOverwrite()
    {
        const QByteArray before = fileHash(m_catalog);
        const Run run = cli({QStringLiteral("demo"), QStringLiteral("--users"), QStringLiteral("10")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("--replace"));
        QCOMPARE(fileHash(m_catalog), before);
    }

    void badImportExitsTwoAndChangesNothing()
    {
        const QByteArray before = catalogHash();
        QVERIFY(!before.isEmpty());
        const QString file = write(QStringLiteral("bad.csv"), "sku,title,price\nNEW1,Fine,10\nNEW2,Broken,abc\n");
        const Run run = cli({QStringLiteral("import"), QStringLiteral("items"), file});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("bad.csv:3: field 'price': \"abc\" is not a number"), run.err.constData());
        QVERIFY(run.err.contains("nothing was imported"));
        QCOMPARE(catalogHash(), before);
    }

    void importJsonReport()
    {
        const QString file = write(QStringLiteral("items.csv"), "sku,title,price,color\nCLI1,Trail Cap,19.5,red\n");
        const Run run = cli({QStringLiteral("--json"), QStringLiteral("import"), QStringLiteral("items"), file});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject report = run.json();
        QCOMPARE(report.value(QStringLiteral("inserted")).toInt(), 1);
        QCOMPARE(report.value(QStringLiteral("kind")).toString(), QStringLiteral("items"));
        QCOMPARE(report.value(QStringLiteral("attribute_columns")).toArray().first().toString(), QStringLiteral("color"));

        const Run again = cli({QStringLiteral("--json"), QStringLiteral("import"), QStringLiteral("items"), file});
        QCOMPARE(again.json().value(QStringLiteral("updated")).toInt(), 1);
        QCOMPARE(again.json().value(QStringLiteral("inserted")).toInt(), 0);
    }

    void dryRunAndSkipBad()
    {
        const QByteArray before = catalogHash();
        const QString file = write(QStringLiteral("mixed.csv"), "sku,title,price\nSB1,Good,1\nSB2,Bad,x\n");
        const Run dry = cli({QStringLiteral("import"), QStringLiteral("items"), file, QStringLiteral("--dry-run")});
        QCOMPARE(dry.exitCode, 2);
        QCOMPARE(catalogHash(), before);

        const Run skip = cli({QStringLiteral("import"), QStringLiteral("items"), file, QStringLiteral("--skip-bad")});
        QCOMPARE(skip.exitCode, 0);
        QVERIFY(skip.out.contains("Skipped 1 bad rows"));
        QVERIFY(QFile::exists(file + QStringLiteral(".rejected.csv")));
    }

    void recommendExplainsEveryItem()
    {
        const Run run = cli({QStringLiteral("--json"), QStringLiteral("recommend"), QStringLiteral("--slot"), QStringLiteral("home-for-you"),
                             QStringLiteral("--user"), QStringLiteral("U00001"), QStringLiteral("--k"), QStringLiteral("5")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject result = run.json();
        QCOMPARE(result.value(QStringLiteral("user")).toString(), QStringLiteral("U00001"));
        QCOMPARE(result.value(QStringLiteral("slot")).toString(), QStringLiteral("home-for-you"));
        const QJsonArray items = result.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 5);
        for (const QJsonValue &item : items) {
            QVERIFY(item.toObject().value(QStringLiteral("item")).toString().startsWith(QStringLiteral("SKU-")));
            QVERIFY(!item.toObject().value(QStringLiteral("reasons")).toArray().isEmpty());
            QVERIFY(item.toObject().value(QStringLiteral("score")).isDouble());
        }
        // The same question twice gives the same answer.
        const Run again = cli({QStringLiteral("--json"), QStringLiteral("recommend"), QStringLiteral("--slot"), QStringLiteral("home-for-you"),
                               QStringLiteral("--user"), QStringLiteral("U00001"), QStringLiteral("--k"), QStringLiteral("5")});
        QCOMPARE(again.json().value(QStringLiteral("items")), result.value(QStringLiteral("items")));

        const Run text = cli({QStringLiteral("recommend"), QStringLiteral("--slot"), QStringLiteral("home-bestsellers"),
                              QStringLiteral("--explain")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("bestsellers: bought"), text.out.constData());
    }

    void recommendWhyNot()
    {
        const QJsonObject shown = cli({QStringLiteral("--json"), QStringLiteral("recommend"), QStringLiteral("--slot"), QStringLiteral("home-bestsellers"),
                                       QStringLiteral("--k"), QStringLiteral("3")})
                                      .json();
        const QString first = shown.value(QStringLiteral("items")).toArray().first().toObject().value(QStringLiteral("item")).toString();
        const Run run = cli({QStringLiteral("--json"), QStringLiteral("recommend"), QStringLiteral("--slot"), QStringLiteral("home-bestsellers"),
                             QStringLiteral("--k"), QStringLiteral("3"), QStringLiteral("--why-not"), first});
        const QJsonObject why = run.json().value(QStringLiteral("why_not")).toObject();
        QCOMPARE(why.value(QStringLiteral("step")).toString(), QStringLiteral("shown"));
        QCOMPARE(why.value(QStringLiteral("position")).toInt(), 1);
    }

    void recommendErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString slot = QStringLiteral("--slot");
        QTest::newRow("unknown user") << QStringList{slot, QStringLiteral("home-for-you"), QStringLiteral("--user"), QStringLiteral("nobody")}
                                      << 3 << QStringLiteral("--user nobody: no such person");
        QTest::newRow("unknown slot") << QStringList{slot, QStringLiteral("home-for-me")} << 3 << QStringLiteral("--slot home-for-me: no such slot");
        QTest::newRow("unknown item") << QStringList{slot, QStringLiteral("product-similar"), QStringLiteral("--item"), QStringLiteral("SKU-X")}
                                      << 3 << QStringLiteral("--item SKU-X: no such item");
        QTest::newRow("unknown why-not") << QStringList{slot, QStringLiteral("home-bestsellers"), QStringLiteral("--why-not"), QStringLiteral("SKU-X")}
                                         << 3 << QStringLiteral("--why-not SKU-X: no such item");
        QTest::newRow("bad as-of") << QStringList{slot, QStringLiteral("home-bestsellers"), QStringLiteral("--as-of"), QStringLiteral("last week")}
                                   << 1 << QStringLiteral("--as-of last week is not a date");
        QTest::newRow("no slot") << QStringList{QStringLiteral("--user"), QStringLiteral("U00001")} << 1 << QStringLiteral("--slot is required");
    }

    void recommendErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const Run run = cli(QStringList{QStringLiteral("recommend")} + arguments);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
    }

    void asOfChangesWhatCounts()
    {
        const QJsonObject stats = cli({QStringLiteral("--json"), QStringLiteral("stats")}).json();
        const QString first = stats.value(QStringLiteral("first_event")).toString();
        // As of the first event, nothing has been bought yet: the slot falls back or shows nothing.
        const QJsonObject early = cli({QStringLiteral("--json"), QStringLiteral("recommend"), QStringLiteral("--slot"), QStringLiteral("home-bestsellers"),
                                       QStringLiteral("--as-of"), first})
                                      .json();
        const QJsonObject now = cli({QStringLiteral("--json"), QStringLiteral("recommend"), QStringLiteral("--slot"), QStringLiteral("home-bestsellers")}).json();
        QVERIFY(early.value(QStringLiteral("items")) != now.value(QStringLiteral("items")));
    }

    void trainCachesModelsForRecommend()
    {
        const Run run = cli({QStringLiteral("--json"), QStringLiteral("train")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonArray cached = run.json().value(QStringLiteral("cached_models")).toArray();
        QVERIFY(!cached.isEmpty());
        QVERIFY(cached.first().toObject().value(QStringLiteral("name")).toString().startsWith(QStringLiteral("ease:")));
        QVERIFY(cached.first().toObject().value(QStringLiteral("fresh")).toBool());
        const Run recommend = cli({QStringLiteral("recommend"), QStringLiteral("--slot"), QStringLiteral("email-picks"),
                                   QStringLiteral("--user"), QStringLiteral("U00002")});
        QCOMPARE(recommend.exitCode, 0);
    }

    void eventWeightsCanBeSet()
    {
        QCOMPARE(cli({QStringLiteral("weights"), QStringLiteral("--set"), QStringLiteral(R"({"wishlist": 3})")}).exitCode, 2);
        const Run set = cli({QStringLiteral("--json"), QStringLiteral("weights"), QStringLiteral("--set"),
                             QStringLiteral(R"({"purchase": 12, "half_life_days": 60})")});
        QCOMPARE(set.exitCode, 0);
        QCOMPARE(set.json().value(QStringLiteral("purchase")).toDouble(), 12.0);
        QCOMPARE(set.json().value(QStringLiteral("view")).toDouble(), 1.0);
        QCOMPARE(cli({QStringLiteral("--json"), QStringLiteral("weights")}).json().value(QStringLiteral("half_life_days")).toDouble(), 60.0);
        QCOMPARE(cli({QStringLiteral("weights"), QStringLiteral("--set"), QStringLiteral(R"({"purchase": 8, "half_life_days": 0})")}).exitCode, 0);
    }

    void evaluateJson()
    {
        const Run run = cli({QStringLiteral("--json"), QStringLiteral("evaluate"), QStringLiteral("--strategy"), QStringLiteral("ease"),
                             QStringLiteral("--k"), QStringLiteral("5,10")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject result = run.json();
        QCOMPARE(result.value(QStringLiteral("strategy")).toString(), QStringLiteral("ease"));
        QVERIFY(result.value(QStringLiteral("users")).toInt() > 0);
        const QJsonObject metrics = result.value(QStringLiteral("metrics")).toObject();
        for (const char *key : {"recall@5", "ndcg@5", "hitrate@5", "coverage@5", "recall@10", "ndcg@10", "hitrate@10", "coverage@10"})
            QVERIFY2(metrics.value(QLatin1String(key)).isDouble(), key);
        QVERIFY(metrics.value(QStringLiteral("recall@10")).toDouble() >= metrics.value(QStringLiteral("recall@5")).toDouble());

        const Run slot = cli({QStringLiteral("--json"), QStringLiteral("evaluate"), QStringLiteral("--slot"), QStringLiteral("home-bestsellers")});
        QCOMPARE(slot.exitCode, 0);
        QCOMPARE(slot.json().value(QStringLiteral("slot")).toString(), QStringLiteral("home-bestsellers"));

        QCOMPARE(cli({QStringLiteral("evaluate")}).exitCode, 1);
        QCOMPARE(cli({QStringLiteral("evaluate"), QStringLiteral("--strategy"), QStringLiteral("ease"), QStringLiteral("--slot"),
                      QStringLiteral("home-bestsellers")}).exitCode, 1);
        QCOMPARE(cli({QStringLiteral("evaluate"), QStringLiteral("--strategy"), QStringLiteral("ease"), QStringLiteral("--holdout"),
                      QStringLiteral("1.5")}).exitCode, 1);
    }

    void evaluateBySegment()
    {
        const Run run = cli({QStringLiteral("--json"), QStringLiteral("evaluate"), QStringLiteral("--strategy"), QStringLiteral("bestsellers"),
                             QStringLiteral("--segments"), QStringLiteral("vip,lapsed")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonArray groups = run.json().value(QStringLiteral("groups")).toArray();
        QCOMPARE(groups.size(), 2);
        QCOMPARE(groups.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("vip"));
        QVERIFY(groups.at(0).toObject().value(QStringLiteral("users")).toInt() <= run.json().value(QStringLiteral("users")).toInt());
        QVERIFY(groups.at(1).toObject().value(QStringLiteral("metrics")).toObject().contains(QStringLiteral("ndcg@10")));
        QCOMPARE(cli({QStringLiteral("evaluate"), QStringLiteral("--strategy"), QStringLiteral("bestsellers"), QStringLiteral("--segments"),
                      QStringLiteral("nobody-segment")}).exitCode, 3);
    }

    void genericEventsIntoANewCatalog()
    {
        const QString catalog = m_dir.filePath(QStringLiteral("analyst.vitrine"));
        const QString file = write(QStringLiteral("ratings.csv"), "user_id,item_id,ts\n1,10,1700000000\n1,11,1700000060\n2,10,1700000120\n");
        const Run missing = cli({QStringLiteral("import"), QStringLiteral("events"), file}, catalog);
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.contains("--create-missing"));

        const Run run = cli({QStringLiteral("import"), QStringLiteral("events"), file, QStringLiteral("--create-missing")}, catalog);
        QCOMPARE(run.exitCode, 0);
        const QJsonObject stats = cli({QStringLiteral("--json"), QStringLiteral("stats")}, catalog).json();
        QCOMPARE(stats.value(QStringLiteral("events")).toInt(), 3);
        QCOMPARE(stats.value(QStringLiteral("users")).toInt(), 2);
        QCOMPARE(stats.value(QStringLiteral("items")).toInt(), 2);
    }

    void genericEventsAreEnoughToTrainAndEvaluate()
    {
        // An analyst's export: people, items and times only, enough people with five or more items.
        QByteArray csv = "user_id,item_id,ts\n";
        for (int user = 0; user < 40; ++user) {
            for (int step = 0; step < 8; ++step) {
                const int item = (user % 4) * 10 + (step + user) % 10;
                csv += QByteArray::number(user) + ",i" + QByteArray::number(item) + "," + QByteArray::number(1700000000 + user * 1000 + step * 60) + "\n";
            }
        }
        const QString catalog = m_dir.filePath(QStringLiteral("generic.vitrine"));
        QCOMPARE(cli({QStringLiteral("import"), QStringLiteral("events"), write(QStringLiteral("generic.csv"), csv), QStringLiteral("--create-missing")},
                     catalog).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("train"), QStringLiteral("--models"), QStringLiteral("ease")}, catalog).exitCode, 0);
        const Run run = cli({QStringLiteral("--json"), QStringLiteral("evaluate"), QStringLiteral("--strategy"), QStringLiteral("ease")}, catalog);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.json().value(QStringLiteral("users")).toInt(), 40);
        QVERIFY(run.json().value(QStringLiteral("metrics")).toObject().value(QStringLiteral("hitrate@10")).toDouble() > 0.5);
    }

    void exportRoundTripThroughTheCommandLine()
    {
        const QString catalog = m_dir.filePath(QStringLiteral("copy.vitrine"));
        for (const char *kind : {"items", "users", "events"}) {
            const QString out = m_dir.filePath(QStringLiteral("rt-%1.json").arg(QLatin1String(kind)));
            QCOMPARE(cli({QStringLiteral("export"), QLatin1String(kind), QStringLiteral("--out"), out}).exitCode, 0);
            const Run imported = cli({QStringLiteral("import"), QLatin1String(kind), out}, catalog);
            QVERIFY2(imported.exitCode == 0, imported.err.constData());
        }
        const QJsonObject original = cli({QStringLiteral("--json"), QStringLiteral("stats")}).json();
        const QJsonObject copy = cli({QStringLiteral("--json"), QStringLiteral("stats")}, catalog).json();
        for (const char *key : {"items", "users", "events", "on_sale", "categories"})
            QCOMPARE(copy.value(QLatin1String(key)), original.value(QLatin1String(key)));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
