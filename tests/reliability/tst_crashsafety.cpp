// SPDX-License-Identifier: GPL-3.0-or-later
// Crash safety: vitrine-cli is killed with SIGKILL in the middle of its work (a power cut, the OOM
// killer, a user's `kill -9`), and the catalog is opened again afterwards. It must be sound, and hold
// either everything the interrupted command would have written or nothing of it.
#include "clirunner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Vitrine;
using namespace Vitrine::Reliability;

namespace {

constexpr int Users = 2000;
constexpr int Items = 1000;
constexpr qint64 DemoEvents = 50000;
/** Big enough that reading and writing take a while, so a kill lands inside them. */
constexpr qint64 ImportRows = 1000000;

} // namespace

class TestCrashSafety : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_base; ///< the demo catalog, never touched after initTestCase
    QString m_events; ///< ImportRows new events for it
    QString m_loaded; ///< the demo catalog with the events imported (for the export)

    /**
     * Starts vitrine-cli and kills it with SIGKILL once it reports `stage` at `percent` or more.
     * Returns whether the kill landed while it was still working (it may finish first).
     */
    bool killDuring(const QString &catalog, const QStringList &arguments, const QString &stage, int percent,
        QByteArray *seen)
    {
        const std::unique_ptr<QProcess> process = startCli(catalog, arguments);
        if (!process->waitForStarted(-1))
            return false;
        const bool reached = waitForStage(*process, stage, percent, seen);
        if (reached)
            process->kill();
        process->waitForFinished(-1);
        *seen += process->readAllStandardError();
        return reached && process->exitStatus() == QProcess::CrashExit;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_base = m_dir.filePath(QStringLiteral("base.vitrine"));
        const CliRun demo = runCli(m_base,
            {QStringLiteral("-q"), QStringLiteral("demo"), QStringLiteral("--users"), QString::number(Users),
                QStringLiteral("--items"), QString::number(Items), QStringLiteral("--events"),
                QString::number(DemoEvents), QStringLiteral("--seed"), QStringLiteral("3"),
                QStringLiteral("--end"), QStringLiteral("2026-11-01")});
        QVERIFY2(demo.exitCode == 0, demo.describe());
        m_events = m_dir.filePath(QStringLiteral("events.csv"));
        QVERIFY(writeEventsCsv(
            m_events, ImportRows, Users, Items, QDateTime(QDate(2026, 9, 1), QTime(0, 0), Qt::UTC)));
    }

    void importKilledLeavesAllOrNothing_data()
    {
        QTest::addColumn<QString>("stage");
        QTest::addColumn<int>("percent");
        // The importer holds one write transaction from the first row read to the commit.
        QTest::newRow("while reading the file") << QStringLiteral("Reading events.csv") << 25;
        QTest::newRow("as writing starts") << QStringLiteral("Writing events") << 0;
        QTest::newRow("half-way through writing") << QStringLiteral("Writing events") << 50;
        QTest::newRow("three quarters written") << QStringLiteral("Writing events") << 75;
    }

    void importKilledLeavesAllOrNothing()
    {
        QFETCH(QString, stage);
        QFETCH(int, percent);
        const QString catalog = m_dir.filePath(QStringLiteral("import.vitrine"));
        bool landed = false;
        QByteArray seen;
        // A fast machine may finish the last quarter before the signal arrives; try again then.
        for (int attempt = 0; attempt < 3 && !landed; ++attempt) {
            QVERIFY(copyCatalog(m_base, catalog));
            landed = killDuring(catalog, {QStringLiteral("import"), QStringLiteral("events"), m_events},
                stage, percent, &seen);
        }
        QVERIFY2(landed, "the import always finished before it could be killed: " + seen);

        QCOMPARE(integrityCheck(catalog), QStringLiteral("ok"));
        const qint64 events = queryCount(catalog, QStringLiteral("SELECT count(*) FROM events"));
        QVERIFY2(events == DemoEvents || events == DemoEvents + ImportRows, QByteArray::number(events));
        QCOMPARE(queryCount(catalog, QStringLiteral("SELECT count(*) FROM users")), qint64(Users));
        QCOMPARE(queryCount(catalog, QStringLiteral("SELECT count(*) FROM items")), qint64(Items));
        // The catalog is still a working one: the commands people run next succeed.
        const CliRun stats = runCli(catalog, {QStringLiteral("--json"), QStringLiteral("stats")});
        QVERIFY2(stats.exitCode == 0, stats.describe());
        QCOMPARE(stats.json().value(QStringLiteral("events")).toInteger(), events);
    }

    void importAfterACrashCompletes()
    {
        // The same file, uninterrupted, on the catalog left by the last kill: everything arrives.
        const QString catalog = m_dir.filePath(QStringLiteral("import.vitrine"));
        if (!QFile::exists(catalog)) // run on its own
            QVERIFY(copyCatalog(m_base, catalog));
        const qint64 before = queryCount(catalog, QStringLiteral("SELECT count(*) FROM events"));
        const CliRun run = runCli(catalog,
            {QStringLiteral("-q"), QStringLiteral("--json"), QStringLiteral("import"),
                QStringLiteral("events"), m_events});
        QVERIFY2(run.exitCode == 0, run.describe());
        QCOMPARE(integrityCheck(catalog), QStringLiteral("ok"));
        const qint64 after = queryCount(catalog, QStringLiteral("SELECT count(*) FROM events"));
        QCOMPARE(after, DemoEvents + ImportRows);
        QVERIFY(before == DemoEvents || before == after);
        m_loaded = catalog;
    }

    void exportKilledLeavesNoFileLookingComplete_data()
    {
        QTest::addColumn<int>("percent");
        QTest::newRow("early") << 0;
        QTest::newRow("half-way") << 50;
        QTest::newRow("three quarters") << 75;
    }

    void exportKilledLeavesNoFileLookingComplete()
    {
        QFETCH(int, percent);
        if (m_loaded.isEmpty()) // run on its own
            importAfterACrashCompletes();
        QVERIFY(!m_loaded.isEmpty());
        const QString folder = m_dir.filePath(QStringLiteral("export-%1").arg(percent));
        QVERIFY(QDir().mkpath(folder));
        const QString out = QDir(folder).filePath(QStringLiteral("events.csv"));
        const qint64 events = queryCount(m_loaded, QStringLiteral("SELECT count(*) FROM events"));
        bool landed = false;
        QByteArray seen;
        for (int attempt = 0; attempt < 3 && !landed; ++attempt) {
            QFile::remove(out);
            landed = killDuring(m_loaded,
                {QStringLiteral("export"), QStringLiteral("events"), QStringLiteral("--out"), out},
                QStringLiteral("Exporting events"), percent, &seen);
            if (landed) {
                QVERIFY2(!QFile::exists(out), "a killed export left a file under the export's name");
            } else {
                // It finished first: then the file must have every row.
                QFile file(out);
                QVERIFY(file.open(QIODevice::ReadOnly));
                qint64 lines = 0;
                while (!file.atEnd()) {
                    file.readLine();
                    ++lines;
                }
                QCOMPARE(lines, events + 1);
            }
        }
        QVERIFY2(landed, "the export always finished before it could be killed: " + seen);
        // QSaveFile's unfinished temporary file (if the platform gives it a name) is all that remains.
        qInfo("left in the folder after the kill: %s",
            qPrintable(QDir(folder).entryList(QDir::Files).join(u',')));
        QCOMPARE(integrityCheck(m_loaded), QStringLiteral("ok"));

        // Exporting again works and gives the whole table.
        const CliRun again = runCli(m_loaded,
            {QStringLiteral("-q"), QStringLiteral("--json"), QStringLiteral("export"),
                QStringLiteral("events"), QStringLiteral("--out"), out});
        QVERIFY2(again.exitCode == 0, again.describe());
        QCOMPARE(again.json().value(QStringLiteral("rows")).toInteger(), events);
    }

    void emailExportKilledLeavesNoSendLookingComplete_data()
    {
        QTest::addColumn<QString>("out");
        QTest::addColumn<int>("percent");
        // A folder of .eml files is built as OUT.partial and renamed; a .jsonl goes through QSaveFile.
        QTest::newRow("folder, early") << QStringLiteral("send") << 0;
        QTest::newRow("folder, three quarters") << QStringLiteral("send") << 75;
        QTest::newRow("jsonl, half-way") << QStringLiteral("send.jsonl") << 50;
    }

    void emailExportKilledLeavesNoSendLookingComplete()
    {
        QFETCH(QString, out);
        QFETCH(int, percent);
        const QString catalog = m_dir.filePath(QStringLiteral("email.vitrine"));
        if (!QFile::exists(catalog)) {
            const CliRun demo = runCli(catalog,
                {QStringLiteral("-q"), QStringLiteral("demo"), QStringLiteral("--users"),
                    QStringLiteral("5000"), QStringLiteral("--items"), QStringLiteral("1000"),
                    QStringLiteral("--events"), QStringLiteral("100000"), QStringLiteral("--seed"),
                    QStringLiteral("9"), QStringLiteral("--end"), QStringLiteral("2026-11-01")});
            QVERIFY2(demo.exitCode == 0, demo.describe());
        }
        const QString folder
            = m_dir.filePath(QStringLiteral("email-%1-%2").arg(QString::number(percent), out));
        QVERIFY(QDir().mkpath(folder));
        const QString target = QDir(folder).filePath(out);
        const bool jsonl = out.endsWith(QLatin1String(".jsonl"));
        const QStringList arguments {QStringLiteral("email"), QStringLiteral("export"),
            QStringLiteral("--campaign"), QStringLiteral("weekly-newsletter"), QStringLiteral("--out"),
            target};

        bool landed = false;
        QByteArray seen;
        for (int attempt = 0; attempt < 3 && !landed; ++attempt) {
            QDir(target).removeRecursively();
            QFile::remove(target);
            landed = killDuring(catalog, arguments, QStringLiteral("Rendering e-mails"), percent, &seen);
        }
        QVERIFY2(landed, "the e-mail export always finished before it could be killed: " + seen);
        // Nothing under the name a sending tool would pick up.
        QVERIFY2(!QFileInfo::exists(target), qPrintable(QDir(folder).entryList().join(u',')));
        qInfo("left in the folder after the kill: %s",
            qPrintable(QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).join(u',')));
        QCOMPARE(integrityCheck(catalog), QStringLiteral("ok"));

        // The same export again, over whatever the kill left, finishes and is whole.
        QStringList again = arguments;
        again.prepend(QStringLiteral("--json"));
        again.prepend(QStringLiteral("-q"));
        const CliRun run = runCli(catalog, again);
        QVERIFY2(run.exitCode == 0, run.describe());
        const qint64 recipients = run.json().value(QStringLiteral("recipients")).toInteger();
        QVERIFY(recipients > 0);
        if (jsonl) {
            QFile file(target);
            QVERIFY(file.open(QIODevice::ReadOnly));
            qint64 lines = 0;
            while (!file.atEnd()) {
                if (!file.readLine().trimmed().isEmpty())
                    ++lines;
            }
            QCOMPARE(lines, recipients);
        } else {
            QCOMPARE(
                qint64(QDir(target).entryList({QStringLiteral("*.eml")}, QDir::Files).size()), recipients);
        }
    }

    void trainKilledKeepsTheCatalogSound_data()
    {
        QTest::addColumn<QString>("stage");
        QTest::addColumn<int>("percent");
        QTest::newRow("loading events") << QStringLiteral("Loading events") << 0;
        QTest::newRow("inverting the Gram matrix") << QStringLiteral("EASE: inverting the Gram matrix") << 0;
        // Right after this the model (tens of MiB) is written to the models table.
        QTest::newRow("model built, being saved") << QStringLiteral("EASE: building item weights") << 100;
    }

    void trainKilledKeepsTheCatalogSound()
    {
        QFETCH(QString, stage);
        QFETCH(int, percent);
        // Enough items that EASE's Gram matrix takes a moment and its model is a big write.
        const QString catalog = m_dir.filePath(QStringLiteral("train.vitrine"));
        const QString pristine = m_dir.filePath(QStringLiteral("train-base.vitrine"));
        if (!QFile::exists(pristine)) {
            const CliRun demo = runCli(pristine,
                {QStringLiteral("-q"), QStringLiteral("demo"), QStringLiteral("--users"),
                    QStringLiteral("5000"), QStringLiteral("--items"), QStringLiteral("3000"),
                    QStringLiteral("--events"), QStringLiteral("200000"), QStringLiteral("--seed"),
                    QStringLiteral("5"), QStringLiteral("--end"), QStringLiteral("2026-11-01")});
            QVERIFY2(demo.exitCode == 0, demo.describe());
        }
        const qint64 events = queryCount(pristine, QStringLiteral("SELECT count(*) FROM events"));
        const qint64 slotCount = queryCount(pristine, QStringLiteral("SELECT count(*) FROM slots"));

        bool landed = false;
        QByteArray seen;
        for (int attempt = 0; attempt < 3 && !landed; ++attempt) {
            QVERIFY(copyCatalog(pristine, catalog));
            landed = killDuring(catalog, {QStringLiteral("train")}, stage, percent, &seen);
        }
        QVERIFY2(landed, "train always finished before it could be killed: " + seen);

        QCOMPARE(integrityCheck(catalog), QStringLiteral("ok"));
        QCOMPARE(queryCount(catalog, QStringLiteral("SELECT count(*) FROM events")), events);
        QCOMPARE(queryCount(catalog, QStringLiteral("SELECT count(*) FROM slots")), slotCount);
        // A model row is there whole or not at all: none is empty.
        QCOMPARE(queryCount(catalog,
                     QStringLiteral("SELECT count(*) FROM models WHERE data IS NULL OR length(data) = 0")),
            qint64(0));

        const CliRun recommend = runCli(catalog,
            {QStringLiteral("--json"), QStringLiteral("-q"), QStringLiteral("recommend"),
                QStringLiteral("--slot"), QStringLiteral("email-picks"), QStringLiteral("--user"),
                QStringLiteral("U00002"), QStringLiteral("--k"), QStringLiteral("5")});
        QVERIFY2(recommend.exitCode == 0, recommend.describe());
        QCOMPARE(recommend.json().value(QStringLiteral("items")).toArray().size(), 5);

        // Training again finishes and leaves a fresh cached model.
        const CliRun train
            = runCli(catalog, {QStringLiteral("--json"), QStringLiteral("-q"), QStringLiteral("train")});
        QVERIFY2(train.exitCode == 0, train.describe());
        const QJsonArray cached = train.json().value(QStringLiteral("cached_models")).toArray();
        QVERIFY(!cached.isEmpty());
        for (const QJsonValue &model : cached)
            QVERIFY2(model.toObject().value(QStringLiteral("fresh")).toBool(),
                qPrintable(model.toObject().value(QStringLiteral("name")).toString()));
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
