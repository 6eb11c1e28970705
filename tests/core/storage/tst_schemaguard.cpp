// SPDX-License-Identifier: GPL-3.0-or-later
// A catalog is data, not code: a file another program changed the schema of is refused before
// anything runs, and a damaged or full file says so instead of "not an error".
#include "../../common/rowsdigest.h"

#include "storage/database.h"
#include "storage/importer.h"
#include "storage/schemaguard.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace Vitrine;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run cli(const QString &catalog, const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("VITRINE_DB"), catalog);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(VITRINE_CLI), arguments);
    if (!process.waitForFinished(120000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        process.readAllStandardOutput(), process.readAllStandardError()};
}

/** Runs SQL on a file the way another program (the sqlite3 shell) would, outside Vitrine. */
bool tamper(const QString &path, const QByteArray &sql, QByteArray *error)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open(path.toUtf8().constData(), &db) != SQLITE_OK) {
        *error = sqlite3_errmsg(db);
        sqlite3_close(db);
        return false;
    }
    char *message = nullptr;
    const bool ok = sqlite3_exec(db, sql.constData(), nullptr, nullptr, &message) == SQLITE_OK;
    if (!ok)
        *error = message;
    sqlite3_free(message);
    sqlite3_close(db); // the last connection checkpoints the WAL into the file
    return ok;
}

qint64 rootPage(const QString &path, const char *table)
{
    sqlite3 *db = nullptr;
    sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2(db, "SELECT rootpage FROM sqlite_schema WHERE name = ?", -1, &stmt, nullptr);
    sqlite3_bind_text(stmt, 1, table, -1, SQLITE_STATIC);
    const qint64 page = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : 0;
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return page;
}

} // namespace

class TestSchemaGuard : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_template;
    QString m_items;

    /** A fresh copy of the demo catalog. */
    QString copy(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        QFile::remove(path);
        QFile::copy(m_template, path);
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        return path;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_template = m_dir.filePath(QStringLiteral("template.vitrine"));
        const Run run = cli(m_template,
            {QStringLiteral("-q"), QStringLiteral("demo"), QStringLiteral("--users"), QStringLiteral("80"),
                QStringLiteral("--items"), QStringLiteral("60"), QStringLiteral("--events"),
                QStringLiteral("2000"), QStringLiteral("--seed"), QStringLiteral("3")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(!QFile::exists(m_template + QStringLiteral("-wal"))
            || QFileInfo(m_template + QStringLiteral("-wal")).size() == 0);
        m_items = m_dir.filePath(QStringLiteral("new-items.csv"));
        QFile file(m_items);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("sku,title,price\nNEW-1,A new thing,10\nNEW-2,Another,12\n");
    }

    void vitrinesOwnSchemaPasses()
    {
        const QString path = copy(QStringLiteral("own.vitrine"));
        Database db;
        QString error;
        QVERIFY2(db.open(path, Database::OpenMode::ReadWrite, &error), qPrintable(error));
        QString problem;
        QCOMPARE(
            SchemaGuard::check(db.handle(), Database::SchemaVersion, &problem), SchemaGuard::Result::Matches);
        // A new, empty file is version 0 with nothing in it; creating it runs the migrations.
        Database fresh;
        QVERIFY2(
            fresh.open(m_dir.filePath(QStringLiteral("fresh.vitrine")), Database::OpenMode::Create, &error),
            qPrintable(error));
        QCOMPARE(SchemaGuard::check(fresh.handle(), Database::SchemaVersion, &problem),
            SchemaGuard::Result::Matches);
    }

    void analyzeStatisticsAreData()
    {
        // ANALYZE (e.g. from the sqlite3 shell) adds sqlite_stat1: the planner's numbers, not code.
        const QString path = copy(QStringLiteral("analyzed.vitrine"));
        QByteArray error;
        QVERIFY2(tamper(path, "ANALYZE", &error), error.constData());
        const Run run = cli(path, {QStringLiteral("stats")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
    }

    void tamperedCatalogIsRefused_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<QString>("problem");
        QTest::newRow("trigger rewriting addresses on import")
            << QByteArray(
                   "CREATE TRIGGER evil AFTER INSERT ON items BEGIN UPDATE users SET city = 'PWNED'; END;")
            << QStringLiteral("trigger 'evil' is not Vitrine's");
        QTest::newRow("trigger on update of events")
            << QByteArray("CREATE TRIGGER sneaky BEFORE UPDATE ON events BEGIN DELETE FROM meta; END;")
            << QStringLiteral("trigger 'sneaky' is not Vitrine's");
        QTest::newRow("view in place of a table")
            << QByteArray("PRAGMA foreign_keys = OFF; DROP TABLE items;"
                          " CREATE VIEW items AS SELECT 1 AS id, 'X' AS sku, 'Fake' AS title;")
            << QStringLiteral("'items' is a view, not Vitrine's table");
        QTest::newRow("extra view") << QByteArray("CREATE VIEW spy AS SELECT email FROM users;")
                                    << QStringLiteral("view 'spy' is not Vitrine's");
        QTest::newRow("extra table") << QByteArray("CREATE TABLE notes (x);")
                                     << QStringLiteral("table 'notes' is not Vitrine's");
        QTest::newRow("extra index") << QByteArray("CREATE INDEX users_city ON users (city);")
                                     << QStringLiteral("index 'users_city' is not Vitrine's");
        QTest::newRow("altered table") << QByteArray("ALTER TABLE users ADD COLUMN note TEXT;")
                                       << QStringLiteral("table 'users' was altered");
        QTest::newRow("dropped check") << QByteArray(
            "PRAGMA writable_schema = ON;"
            " UPDATE sqlite_schema SET sql = replace(sql, 'CHECK (price IS NULL OR price >= 0)', '')"
            " WHERE name = 'items';") << QStringLiteral("table 'items' was altered");
        QTest::newRow("dropped index") << QByteArray("DROP INDEX items_category;")
                                       << QStringLiteral("index 'items_category' is missing");
    }

    void tamperedCatalogIsRefused()
    {
        QFETCH(QByteArray, sql);
        QFETCH(QString, problem);
        const QString path = copy(QStringLiteral("tampered.vitrine"));
        QByteArray tamperError;
        QVERIFY2(tamper(path, sql, &tamperError), tamperError.constData());
        const QByteArray before = Testing::fileDigest(path);

        // An import is where a trigger did its damage; reading commands are refused as well.
        for (const QStringList &arguments :
            {QStringList {QStringLiteral("import"), QStringLiteral("items"), m_items},
                QStringList {QStringLiteral("stats")},
                QStringList {QStringLiteral("export"), QStringLiteral("users"), QStringLiteral("--out"),
                    m_dir.filePath(QStringLiteral("users.csv"))}}) {
            const Run run = cli(path, arguments);
            QVERIFY2(run.exitCode == 2, run.err.constData());
            QVERIFY2(
                run.err.contains("the catalog's schema was changed by another program"), run.err.constData());
            QVERIFY2(run.err.contains(problem.toUtf8()), run.err.constData());
            QVERIFY2(run.err.contains("Vitrine will not open it"), run.err.constData());
            QVERIFY2(run.err.contains(path.toUtf8()), run.err.constData());
        }
        QCOMPARE(Testing::fileDigest(path), before);

        // The core library refuses it in every mode, so the studio does too.
        for (const Database::OpenMode mode : {Database::OpenMode::ReadOnly, Database::OpenMode::ReadWrite}) {
            Database db;
            QString error;
            QVERIFY(!db.open(path, mode, &error));
            QVERIFY2(error.contains(problem), qPrintable(error));
            QVERIFY(!db.isOpen());
        }
        QCOMPARE(Testing::fileDigest(path), before);
    }

    void triggersNeverFireThroughVitrine()
    {
        // In depth: even a trigger that appears while a catalog is open (another program adding
        // it then) does not run inside Vitrine's writes.
        const QString path = copy(QStringLiteral("live.vitrine"));
        Database db;
        QString error;
        QVERIFY2(db.open(path, Database::OpenMode::ReadWrite, &error), qPrintable(error));
        QByteArray tamperError;
        QVERIFY2(tamper(path,
                     "CREATE TRIGGER late AFTER INSERT ON items BEGIN UPDATE users SET city = 'PWNED'; END;",
                     &tamperError),
            tamperError.constData());
        ImportOptions options;
        options.kind = ImportKind::Items;
        options.path = m_items;
        const ImportReport report = Importer().run(db, options);
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(db.queryInt(QStringLiteral("SELECT count(*) FROM items WHERE sku LIKE 'NEW-%'")), qint64(2));
        QCOMPARE(db.queryInt(QStringLiteral("SELECT count(*) FROM users WHERE city = 'PWNED'")), qint64(0));
    }

    void damagedPageIsNamed_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("stats") << QStringList {QStringLiteral("stats")};
        QTest::newRow("export users") << QStringList {QStringLiteral("export"), QStringLiteral("users"),
            QStringLiteral("--out"), QStringLiteral("users.csv")};
        QTest::newRow("import users")
            << QStringList {QStringLiteral("import"), QStringLiteral("users"), QStringLiteral("users.csv")};
    }

    void damagedPageIsNamed()
    {
        QFETCH(QStringList, arguments);
        // The header and the schema are intact; the page at the root of the people table is not.
        const QString path = copy(QStringLiteral("damaged.vitrine"));
        const qint64 page = rootPage(path, "users");
        QVERIFY(page > 1);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.seek((page - 1) * 4096));
            file.write(QByteArray("\xde\xad\xbe\xef", 4).repeated(1024));
        }
        QFile people(m_dir.filePath(QStringLiteral("users.csv")));
        QVERIFY(people.open(QIODevice::WriteOnly));
        people.write("external_id,name\nNEW-U1,Someone\n");
        people.close();
        for (QString &argument : arguments) {
            if (argument == QLatin1String("users.csv"))
                argument = people.fileName();
        }
        const Run run = cli(path, arguments);
        QVERIFY2(run.exitCode == 2, run.err.constData());
        QVERIFY2(run.err.contains(
                     "the catalog is damaged (database disk image is malformed); restore it from a backup"),
            run.err.constData());
        QVERIFY2(!run.err.contains("not an error"), run.err.constData());
        QVERIFY2(!run.err.contains("not a Vitrine catalog"), run.err.constData());
    }

    void fullDiskSaysDiskFull()
    {
        // A catalog that may not grow stands in for a full disk: SQLite fails the same way.
        const QString path = copy(QStringLiteral("full.vitrine"));
        Database db;
        QString error;
        QVERIFY2(db.open(path, Database::OpenMode::ReadWrite, &error), qPrintable(error));
        const QByteArray before = Testing::dataDigest(db);
        const qint64 pages = db.queryInt(QStringLiteral("PRAGMA page_count"));
        QVERIFY(db.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages)));
        const QString file = m_dir.filePath(QStringLiteral("many-items.csv"));
        {
            QFile csv(file);
            QVERIFY(csv.open(QIODevice::WriteOnly));
            csv.write("sku,title,price\n");
            for (int i = 0; i < 5000; ++i)
                csv.write(QStringLiteral("BIG-%1,A long title for item number %1 to fill pages,%2\n")
                              .arg(i)
                              .arg(i % 90 + 1)
                              .toUtf8());
        }
        ImportOptions options;
        options.kind = ImportKind::Items;
        options.path = file;
        const ImportReport report = Importer().run(db, options);
        QVERIFY(!report.ok);
        QVERIFY2(report.error.contains(
                     QStringLiteral("disk full (database or disk is full); free some space and try again")),
            qPrintable(report.error));
        QCOMPARE(Testing::dataDigest(db), before);
    }
};

QTEST_APPLESS_MAIN(TestSchemaGuard)

#include "tst_schemaguard.moc"
