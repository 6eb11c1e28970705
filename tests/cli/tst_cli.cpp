// SPDX-License-Identifier: GPL-3.0-or-later
// vitrine-cli end to end, through QProcess: the contract scripts depend on.
#include <QCryptographicHash>
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
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
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
