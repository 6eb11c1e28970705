// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/database.h"
#include "storage/schema.h"
#include "storage/statement.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace Vitrine;

class TestDatabase : public QObject
{
    Q_OBJECT

private slots:
    void createsCurrentSchemaInWalMode()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new.vitrine"));
        Database db;
        QString error;
        QVERIFY2(db.open(path, Database::OpenMode::Create, &error), qPrintable(error));
        QCOMPARE(db.schemaVersion(), Database::SchemaVersion);
        QCOMPARE(db.queryInt(QStringLiteral("PRAGMA application_id")), qint64(Database::ApplicationId));
        QCOMPARE(db.queryInt(QStringLiteral("PRAGMA foreign_keys")), 1);
        Statement mode = db.prepare(QStringLiteral("PRAGMA journal_mode"));
        QCOMPARE(mode.step(), Statement::Step::Row);
        QCOMPARE(mode.text(0), QStringLiteral("wal"));
        for (const QString &table : Schema::configTables())
            QCOMPARE(db.queryInt(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = '%1'").arg(table)), 1);
    }

    void reopeningKeepsData()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("keep.vitrine"));
        {
            Database db;
            QVERIFY(db.open(path, Database::OpenMode::Create, nullptr));
            QVERIFY(db.exec(QStringLiteral("INSERT INTO items (sku, title) VALUES ('A', 'Alpha')")));
        }
        Database db;
        QVERIFY(db.open(path, Database::OpenMode::ReadOnly, nullptr));
        QCOMPARE(db.queryInt(QStringLiteral("SELECT count(*) FROM items")), 1);
    }

    void refusesCatalogFromNewerVersion()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("future.vitrine"));
        {
            Database db;
            QVERIFY(db.open(path, Database::OpenMode::Create, nullptr));
            QVERIFY(db.exec(QStringLiteral("PRAGMA user_version = %1").arg(Database::SchemaVersion + 1)));
        }
        Database db;
        QString error;
        QVERIFY(!db.open(path, Database::OpenMode::ReadWrite, &error));
        QVERIFY2(error.contains(QStringLiteral("written by a newer Vitrine")), qPrintable(error));
        QVERIFY(!db.isOpen());
    }

    void refusesForeignFiles_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("text file") << QByteArray("sku,title\nA,B\n") << QStringLiteral("not a Vitrine catalog");
        QTest::newRow("other sqlite") << QByteArray() << QStringLiteral("SQLite database of another program");
    }

    void refusesForeignFiles()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("foreign.db"));
        if (content.isEmpty()) {
            sqlite3 *raw = nullptr;
            QCOMPARE(sqlite3_open(path.toUtf8().constData(), &raw), SQLITE_OK);
            QCOMPARE(sqlite3_exec(raw, "CREATE TABLE t (x); INSERT INTO t VALUES (1);", nullptr, nullptr, nullptr), SQLITE_OK);
            sqlite3_close(raw);
        } else {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content.repeated(200));
        }
        const QByteArray before = [&] {
            QFile file(path);
            file.open(QIODevice::ReadOnly);
            return file.readAll();
        }();
        Database db;
        QString error;
        QVERIFY(!db.open(path, Database::OpenMode::ReadWrite, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);
    }

    void missingCatalogIsNotCreatedUnlessAsked()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("missing.vitrine"));
        Database db;
        QString error;
        QVERIFY(!db.open(path, Database::OpenMode::ReadWrite, &error));
        QVERIFY2(error.contains(QStringLiteral("no such catalog")), qPrintable(error));
        QVERIFY(!QFile::exists(path));
    }

    void transactionRollsBackUnlessCommitted()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.filePath(QStringLiteral("t.vitrine")), Database::OpenMode::Create, nullptr));
        {
            Transaction transaction(db);
            QVERIFY(transaction.isActive());
            QVERIFY(db.exec(QStringLiteral("INSERT INTO items (sku, title) VALUES ('A', 'Alpha')")));
        }
        QCOMPARE(db.queryInt(QStringLiteral("SELECT count(*) FROM items")), 0);
        {
            Transaction transaction(db);
            QVERIFY(db.exec(QStringLiteral("INSERT INTO items (sku, title) VALUES ('A', 'Alpha')")));
            QVERIFY(transaction.commit());
        }
        QCOMPARE(db.queryInt(QStringLiteral("SELECT count(*) FROM items")), 1);
    }

    void foreignKeysAndChecksHold()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.filePath(QStringLiteral("fk.vitrine")), Database::OpenMode::Create, nullptr));
        QString error;
        QVERIFY(!db.exec(QStringLiteral("INSERT INTO events (user_id, ts, item_id, type) VALUES (1, 0, 1, 0)"), &error));
        QVERIFY2(error.contains(QStringLiteral("FOREIGN KEY")), qPrintable(error));
        QVERIFY(!db.exec(QStringLiteral("INSERT INTO items (sku, title, attributes) VALUES ('A', 'B', 'not json')"), &error));
    }

    void dataVersionChangesWhenAnotherConnectionWrites()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("dv.vitrine"));
        Database reader;
        Database writer;
        QVERIFY(reader.open(path, Database::OpenMode::Create, nullptr));
        QVERIFY(writer.open(path, Database::OpenMode::ReadWrite, nullptr));
        const qint64 before = reader.dataVersion();
        QCOMPARE(reader.dataVersion(), before);
        QVERIFY(writer.exec(QStringLiteral("INSERT INTO items (sku, title) VALUES ('A', 'Alpha')")));
        QVERIFY(reader.dataVersion() != before);
    }
};

QTEST_APPLESS_MAIN(TestDatabase)
#include "tst_database.moc"
