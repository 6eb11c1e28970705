// SPDX-License-Identifier: GPL-3.0-or-later
// Several programs on one catalog at once: one writes (an import, a training) while others read
// (stats, recommend, export, segment count, preview). Nobody may fail with "database is locked", and every
// reader sees the catalog as it was before the write or after it, never half-way.
#include "clirunner.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Vitrine;
using namespace Vitrine::Reliability;

namespace {

constexpr int Users = 2000;
constexpr int Items = 1000;
constexpr qint64 DemoEvents = 50000;
/** Enough that the import holds its write transaction for a while, well inside the busy timeout. */
constexpr qint64 ImportRows = 600000;

/** One reader: a command it repeats, and what it saw each time. */
struct Reader
{
    QString name;
    QStringList arguments;
    std::unique_ptr<QProcess> process;
    QList<CliRun> runs;
    int startedWhileWriting = 0;
    bool startedAfterWriting = false;
};

} // namespace

class TestConcurrency : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_catalog;
    QString m_events;

    /**
     * Runs `writer` to its end while five readers repeat their commands on the same catalog,
     * each starting again as soon as it finishes, and once more after the writer is done.
     */
    std::vector<Reader> readWhileWriting(const QStringList &writer, CliRun *writerRun)
    {
        std::vector<Reader> readers;
        readers.push_back({QStringLiteral("stats"),
            {QStringLiteral("-q"), QStringLiteral("--json"), QStringLiteral("stats")}, {}, {}, 0, false});
        readers.push_back({QStringLiteral("recommend"),
            {QStringLiteral("-q"), QStringLiteral("--json"), QStringLiteral("recommend"),
                QStringLiteral("--slot"), QStringLiteral("home-for-you"), QStringLiteral("--user"),
                QStringLiteral("U00001"), QStringLiteral("--k"), QStringLiteral("5")},
            {}, {}, 0, false});
        readers.push_back({QStringLiteral("export"),
            {QStringLiteral("-q"), QStringLiteral("--json"), QStringLiteral("export"),
                QStringLiteral("events"), QStringLiteral("--out"),
                m_dir.filePath(QStringLiteral("reader-export.csv"))},
            {}, {}, 0, false});
        readers.push_back({QStringLiteral("segment"),
            {QStringLiteral("-q"), QStringLiteral("--json"), QStringLiteral("segment"),
                QStringLiteral("count"), QStringLiteral("vip")},
            {}, {}, 0, false});
        readers.push_back({QStringLiteral("preview"),
            {QStringLiteral("-q"), QStringLiteral("--json"), QStringLiteral("preview"),
                QStringLiteral("--user"), QStringLiteral("U00001"), QStringLiteral("--layout"),
                QStringLiteral("home")},
            {}, {}, 0, false});

        const std::unique_ptr<QProcess> writing = startCli(m_catalog, writer);
        bool writerDone = false;
        for (;;) {
            // Events move every QProcess along; the writer's end is noticed here too.
            QTest::qWait(20);
            if (!writerDone && writing->state() == QProcess::NotRunning) {
                writerDone = true;
                *writerRun = finished(*writing);
            }
            bool running = false;
            for (Reader &reader : readers) {
                if (reader.process && reader.process->state() != QProcess::NotRunning) {
                    running = true;
                    continue;
                }
                if (reader.process) {
                    reader.runs.append(finished(*reader.process));
                    reader.process.reset();
                }
                // Keep reading while the writer works, then once more after it is done.
                if (!writerDone || !reader.startedAfterWriting) {
                    reader.startedAfterWriting = writerDone;
                    if (!writerDone)
                        ++reader.startedWhileWriting;
                    reader.process = startCli(m_catalog, reader.arguments);
                    running = true;
                }
            }
            if (writerDone && !running)
                break;
        }
        return readers;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_catalog = m_dir.filePath(QStringLiteral("shared.vitrine"));
        const CliRun demo = runCli(m_catalog,
            {QStringLiteral("-q"), QStringLiteral("demo"), QStringLiteral("--users"), QString::number(Users),
                QStringLiteral("--items"), QString::number(Items), QStringLiteral("--events"),
                QString::number(DemoEvents), QStringLiteral("--seed"), QStringLiteral("11"),
                QStringLiteral("--end"), QStringLiteral("2026-11-01")});
        QVERIFY2(demo.exitCode == 0, demo.describe());
        m_events = m_dir.filePath(QStringLiteral("events.csv"));
        QVERIFY(writeEventsCsv(
            m_events, ImportRows, Users, Items, QDateTime(QDate(2026, 9, 1), QTime(0, 0), Qt::UTC)));
    }

    void readersDuringAnImportSeeBeforeOrAfter()
    {
        CliRun writer;
        const std::vector<Reader> readers = readWhileWriting(
            {QStringLiteral("-q"), QStringLiteral("import"), QStringLiteral("events"), m_events}, &writer);
        QVERIFY2(writer.exitCode == 0, writer.describe());
        QCOMPARE(
            queryCount(m_catalog, QStringLiteral("SELECT count(*) FROM events")), DemoEvents + ImportRows);

        for (const Reader &reader : readers) {
            QVERIFY2(reader.startedWhileWriting > 0, qPrintable(reader.name));
            QVERIFY2(reader.runs.size() >= 2, qPrintable(reader.name));
            for (const CliRun &run : reader.runs) {
                QVERIFY2(run.exitCode == 0,
                    qPrintable(reader.name + QStringLiteral(": ") + QString::fromUtf8(run.describe())));
                QVERIFY2(!run.err.contains("locked"), qPrintable(reader.name));
                const QJsonObject json = run.json();
                if (reader.name == QLatin1String("stats")) {
                    const qint64 events = json.value(QStringLiteral("events")).toInteger();
                    QVERIFY2(events == DemoEvents || events == DemoEvents + ImportRows,
                        QByteArray::number(events));
                    // One consistent picture: the per-type counts add up to the total.
                    qint64 byType = 0;
                    const QJsonObject types = json.value(QStringLiteral("events_by_type")).toObject();
                    for (auto it = types.begin(); it != types.end(); ++it)
                        byType += it.value().toInteger();
                    QCOMPARE(byType, events);
                } else if (reader.name == QLatin1String("export")) {
                    const qint64 rows = json.value(QStringLiteral("rows")).toInteger();
                    QVERIFY2(rows == DemoEvents || rows == DemoEvents + ImportRows, QByteArray::number(rows));
                } else if (reader.name == QLatin1String("segment")) {
                    QCOMPARE(json.value(QStringLiteral("population")).toInt(), Users);
                } else if (reader.name == QLatin1String("preview")) {
                    QVERIFY(!json.value(QStringLiteral("blocks")).toArray().isEmpty());
                } else {
                    QCOMPARE(json.value(QStringLiteral("items")).toArray().size(), 5);
                }
            }
            qInfo("%s: %lld runs, %d started during the import", qPrintable(reader.name),
                static_cast<long long>(reader.runs.size()), reader.startedWhileWriting);
            // The last run started after the import: it sees all of it.
            const CliRun &last = reader.runs.constLast();
            if (reader.name == QLatin1String("stats"))
                QCOMPARE(last.json().value(QStringLiteral("events")).toInteger(), DemoEvents + ImportRows);
            else if (reader.name == QLatin1String("export"))
                QCOMPARE(last.json().value(QStringLiteral("rows")).toInteger(), DemoEvents + ImportRows);
        }
    }

    void readersDuringTrainingKeepWorking()
    {
        CliRun writer;
        const std::vector<Reader> readers = readWhileWriting(
            {QStringLiteral("-q"), QStringLiteral("--json"), QStringLiteral("train")}, &writer);
        QVERIFY2(writer.exitCode == 0, writer.describe());
        QVERIFY(!writer.json().value(QStringLiteral("cached_models")).toArray().isEmpty());
        const qint64 events = queryCount(m_catalog, QStringLiteral("SELECT count(*) FROM events"));
        for (const Reader &reader : readers) {
            QVERIFY2(reader.startedWhileWriting > 0, qPrintable(reader.name));
            for (const CliRun &run : reader.runs) {
                QVERIFY2(run.exitCode == 0,
                    qPrintable(reader.name + QStringLiteral(": ") + QString::fromUtf8(run.describe())));
                if (reader.name == QLatin1String("stats"))
                    QCOMPARE(run.json().value(QStringLiteral("events")).toInteger(), events);
            }
        }
    }

    void aSecondWriterWaitsInsteadOfFailing()
    {
        // Two imports and a change of settings at once: each waits for the write lock in turn
        // (an import small enough to stay well inside the 10 s busy timeout, even under ASan).
        constexpr qint64 rows = ImportRows / 3;
        const QString more = m_dir.filePath(QStringLiteral("more.csv"));
        QVERIFY(writeEventsCsv(more, rows, Users, Items, QDateTime(QDate(2026, 7, 1), QTime(0, 0), Qt::UTC)));
        const qint64 before = queryCount(m_catalog, QStringLiteral("SELECT count(*) FROM events"));
        const std::unique_ptr<QProcess> first = startCli(
            m_catalog, {QStringLiteral("-q"), QStringLiteral("import"), QStringLiteral("events"), more});
        const std::unique_ptr<QProcess> second = startCli(
            m_catalog, {QStringLiteral("-q"), QStringLiteral("import"), QStringLiteral("events"), more});
        const std::unique_ptr<QProcess> weights = startCli(m_catalog,
            {QStringLiteral("-q"), QStringLiteral("--json"), QStringLiteral("weights"),
                QStringLiteral("--set"), QStringLiteral(R"({"purchase": 9})")});
        for (QProcess *process : {first.get(), second.get(), weights.get()})
            process->waitForFinished(-1);
        for (QProcess *process : {first.get(), second.get(), weights.get()}) {
            const CliRun run = finished(*process);
            QVERIFY2(run.exitCode == 0, run.describe());
        }
        // The same file twice: the second import updates what the first added.
        QCOMPARE(queryCount(m_catalog, QStringLiteral("SELECT count(*) FROM events")), before + rows);
        QCOMPARE(runCli(m_catalog, {QStringLiteral("--json"), QStringLiteral("weights")})
                     .json()
                     .value(QStringLiteral("purchase"))
                     .toDouble(),
            9.0);
    }

    void dataVersionTellsAnotherProgramWrote()
    {
        Database db;
        QString error;
        QVERIFY2(db.open(m_catalog, Database::OpenMode::ReadOnly, &error), qPrintable(error));
        const qint64 start = db.dataVersion();

        // Reading elsewhere changes nothing: a long-running program need not refresh for it.
        QCOMPARE(runCli(m_catalog, {QStringLiteral("-q"), QStringLiteral("stats")}).exitCode, 0);
        QCOMPARE(runCli(m_catalog,
                     {QStringLiteral("-q"), QStringLiteral("recommend"), QStringLiteral("--slot"),
                         QStringLiteral("home-bestsellers")})
                     .exitCode,
            0);
        QCOMPARE(db.dataVersion(), start);

        const QString file = m_dir.filePath(QStringLiteral("one.csv"));
        QFile csv(file);
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("sku,title,price\nDV-1,Data version probe,9.5\n");
        csv.close();
        QCOMPARE(
            runCli(m_catalog, {QStringLiteral("-q"), QStringLiteral("import"), QStringLiteral("items"), file})
                .exitCode,
            0);
        const qint64 afterImport = db.dataVersion();
        QVERIFY(afterImport != start);
        // And the change is there to be read.
        QCOMPARE(db.queryInt(QStringLiteral("SELECT count(*) FROM items WHERE sku = 'DV-1'")), qint64(1));

        // A failed import writes nothing, so nothing needs refreshing either.
        csv.setFileName(m_dir.filePath(QStringLiteral("bad.csv")));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("sku,title,price\nDV-2,Broken,abc\n");
        csv.close();
        QCOMPARE(
            runCli(m_catalog,
                {QStringLiteral("-q"), QStringLiteral("import"), QStringLiteral("items"), csv.fileName()})
                .exitCode,
            2);
        QCOMPARE(db.dataVersion(), afterImport);
    }
};

QTEST_GUILESS_MAIN(TestConcurrency)
#include "tst_concurrency.moc"
