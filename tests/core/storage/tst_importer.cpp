// SPDX-License-Identifier: GPL-3.0-or-later
#include "../../common/rowsdigest.h"
#include "storage/database.h"
#include "storage/importer.h"
#include "storage/importmapping.h"
#include "storage/statement.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Vitrine;

namespace {

/** A digest of everything the catalog holds, to prove a failed import changed nothing. */
QByteArray fingerprint(const Database &db)
{
    return Testing::dataDigest(db);
}

} // namespace

class TestImporter : public QObject
{
    Q_OBJECT

private:
    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir->filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write fixture");
        file.write(content);
        return path;
    }

    ImportReport import(ImportKind kind, const QString &path, ImportOptions options = {})
    {
        options.kind = kind;
        options.path = path;
        return Importer().run(m_db, options);
    }

    qint64 count(const char *sql) { return m_db.queryInt(QString::fromLatin1(sql)); }

    std::unique_ptr<QTemporaryDir> m_dir;
    Database m_db;

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QString error;
        QVERIFY2(m_db.open(m_dir->filePath(QStringLiteral("shop.vitrine")), Database::OpenMode::Create, &error),
                 qPrintable(error));
        // A small catalog every test starts from.
        QVERIFY(import(ImportKind::Items, write(QStringLiteral("base-items.csv"),
                                                "sku,title,category,price,sale_price,stock\n"
                                                "SKU1,Wool Sweater,Fashion > Women > Knitwear,49.95,,10\n"
                                                "SKU2,Rain Jacket,Outdoor > Jackets > Shell,120,99,3\n"))
                    .ok);
        QVERIFY(import(ImportKind::Users, write(QStringLiteral("base-users.csv"),
                                                "external_id,name,gender,birth_year,country,email_consent\n"
                                                "U1,Anna Berg,f,1990,Denmark,yes\n"
                                                "U2,Olav Lie,m,1985,Norway,no\n"))
                    .ok);
        QVERIFY(import(ImportKind::Events, write(QStringLiteral("base-events.csv"),
                                                 "user_id,item_id,type,ts\n"
                                                 "U1,SKU1,view,2026-03-01T10:00:00Z\n"
                                                 "U1,SKU1,purchase,2026-03-01T10:05:00Z\n"))
                    .ok);
    }

    void cleanup()
    {
        m_db.close();
        m_dir.reset();
    }

    void badInput_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");

        const int items = int(ImportKind::Items);
        const int users = int(ImportKind::Users);
        const int events = int(ImportKind::Events);
        QTest::newRow("wrong column count") << items << QByteArray("sku,title,price\nA,Alpha,10\nB,Beta\n")
                                            << QStringLiteral("bad.csv:3: expected 3 fields as in the header, found 2");
        QTest::newRow("bad number") << items << QByteArray("sku,title,price\nA,Alpha,abc\n")
                                    << QStringLiteral("bad.csv:2: field 'price': \"abc\" is not a number");
        QTest::newRow("decimal comma") << items << QByteArray("sku,title,price\nA,Alpha,\"12,50\"\n")
                                       << QStringLiteral("bad.csv:2: field 'price': \"12,50\" is not a number");
        QTest::newRow("negative price") << items << QByteArray("sku,title,price\nA,Alpha,-5\n")
                                        << QStringLiteral("bad.csv:2: field 'price': \"-5\" is negative");
        QTest::newRow("sale above price") << items << QByteArray("sku,title,price,sale_price\nA,Alpha,10,12\n")
                                          << QStringLiteral("bad.csv:2: field 'sale_price': 12 is above the price 10");
        QTest::newRow("bad date") << events << QByteArray("user_id,item_id,ts\nU1,SKU1,2026-02-30\n")
                                  << QStringLiteral("bad.csv:2: field 'ts': \"2026-02-30\" is not a date or time");
        QTest::newRow("bad time") << events << QByteArray("user_id,item_id,ts\nU1,SKU1,yesterday\n")
                                  << QStringLiteral("bad.csv:2: field 'ts': \"yesterday\" is not a date or time");
        QTest::newRow("invalid UTF-8") << items << QByteArray("sku,title\nA,Caf\xe9 Latte\n")
                                       << QStringLiteral("bad.csv:2: field 2 is not valid UTF-8 text");
        QTest::newRow("unterminated quote") << items << QByteArray("sku,title\nA,Alpha\nB,\"Beta\nC,Gamma\n")
                                            << QStringLiteral("bad.csv:3: a quoted field that starts here is never closed");
        QTest::newRow("empty file") << items << QByteArray("")
                                    << QStringLiteral("bad.csv: the file is empty; expected a header line");
        QTest::newRow("blank lines only") << items << QByteArray("\n\n")
                                          << QStringLiteral("bad.csv: the file is empty");
        QTest::newRow("header only") << items << QByteArray("sku,title\n")
                                     << QStringLiteral("bad.csv: the file has a header but no rows");
        QTest::newRow("duplicate ids") << items << QByteArray("sku,title\nA,Alpha\nB,Beta\nA,Again\n")
                                       << QStringLiteral("bad.csv:4: field 'sku': \"A\" appears again (first on line 2)");
        QTest::newRow("duplicate users") << users << QByteArray("external_id,name\nU7,Eva\nU7,Eve\n")
                                         << QStringLiteral("bad.csv:3: field 'external_id': \"U7\" appears again");
        QTest::newRow("empty key") << items << QByteArray("sku,title\n,Alpha\n")
                                   << QStringLiteral("bad.csv:2: field 'sku': is empty");
        QTest::newRow("unknown user") << events << QByteArray("user_id,item_id,ts\nU404,SKU1,2026-01-01\n")
                                      << QStringLiteral("bad.csv:2: field 'user_id': \"U404\" is not a person in the catalog");
        QTest::newRow("unknown item") << events << QByteArray("user_id,item_id,ts\nU1,NOPE,2026-01-01\n")
                                      << QStringLiteral("bad.csv:2: field 'item_id': \"NOPE\" is not an item in the catalog");
        QTest::newRow("unknown event type") << events << QByteArray("user_id,item_id,type,ts\nU1,SKU1,wishlist,2026-01-01\n")
                                            << QStringLiteral("bad.csv:2: field 'type': \"wishlist\" is not an event type");
        QTest::newRow("zero quantity") << events << QByteArray("user_id,item_id,ts,quantity\nU1,SKU1,2026-01-01,0\n")
                                       << QStringLiteral("bad.csv:2: field 'quantity': \"0\" is not a whole number of at least 1");
        QTest::newRow("bad gender") << users << QByteArray("external_id,gender\nU9,banana\n")
                                    << QStringLiteral("bad.csv:2: field 'gender': \"banana\" is not a gender");
        QTest::newRow("bad consent") << users << QByteArray("external_id,email_consent\nU9,maybe\n")
                                     << QStringLiteral("bad.csv:2: field 'email_consent': \"maybe\" is not yes or no");
        QTest::newRow("bad attributes") << items << QByteArray("sku,title,attributes\nA,Alpha,[1]\n")
                                        << QStringLiteral("bad.csv:2: field 'attributes': \"[1]\" is not a JSON object");
        QTest::newRow("missing key column") << items << QByteArray("title,price\nAlpha,10\n")
                                            << QStringLiteral("bad.csv:1: the header has no 'sku' column");
        QTest::newRow("missing ts column") << events << QByteArray("user_id,item_id\nU1,SKU1\n")
                                           << QStringLiteral("bad.csv:1: the header has no 'ts' column");
        QTest::newRow("1 MB field") << items << (QByteArray("sku,title\nA,") + QByteArray(1 << 20, 'x') + "\n")
                                    << QStringLiteral("bad.csv:2: field 2 is 1048576 bytes long; the limit is 65536 bytes");
        QTest::newRow("good rows then one bad") << items
                                                << QByteArray("sku,title,price\nA,Alpha,1\nB,Beta,2\nC,Gamma,x\n")
                                                << QStringLiteral("bad.csv:4: field 'price': \"x\" is not a number");
    }

    void badInput()
    {
        QFETCH(int, kind);
        QFETCH(QByteArray, content);
        QFETCH(QString, message);

        const QByteArray before = fingerprint(m_db);
        const QString path = write(QStringLiteral("bad.csv"), content);
        const ImportReport report = import(ImportKind(kind), path);

        QVERIFY(!report.ok);
        QVERIFY(!report.written);
        QString all = report.error;
        for (const ImportProblem &problem : report.problems)
            all += QLatin1Char('\n') + problem.message;
        all.replace(m_dir->path() + QLatin1Char('/'), QString());
        QVERIFY2(all.contains(message), qPrintable(QStringLiteral("expected «%1» in «%2»").arg(message, all)));
        QCOMPARE(fingerprint(m_db), before);
    }

    void reportsAtMostTwentyProblemsButCountsAll()
    {
        QByteArray content = "sku,title,price\n";
        for (int i = 0; i < 50; ++i)
            content += "S" + QByteArray::number(i) + ",T,bad\n";
        const ImportReport report = import(ImportKind::Items, write(QStringLiteral("many.csv"), content));
        QVERIFY(!report.ok);
        QCOMPARE(report.problems.size(), 20);
        QCOMPARE(report.problemCount, 50);
        QCOMPARE(report.problems.first().line, 2);
        QCOMPARE(report.problems.last().line, 21);
    }

    void rfc4180Features()
    {
        // BOM, CRLF, quoted commas, doubled quotes and a line break inside a field.
        const QByteArray content = "\xEF\xBB\xBFsku,title,brand\r\n"
                                   "Q1,\"Sweater, merino\",\"The \"\"Best\"\" Co\"\r\n"
                                   "Q2,\"Two\r\nlines\",Plain\r\n";
        const ImportReport report = import(ImportKind::Items, write(QStringLiteral("rfc.csv"), content));
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.inserted, 2);
        Statement stmt = m_db.prepare(QStringLiteral("SELECT title, brand FROM items WHERE sku = 'Q1'"));
        QCOMPARE(stmt.step(), Statement::Step::Row);
        QCOMPARE(stmt.text(0), QStringLiteral("Sweater, merino"));
        QCOMPARE(stmt.text(1), QStringLiteral("The \"Best\" Co"));
        Statement two = m_db.prepare(QStringLiteral("SELECT title FROM items WHERE sku = 'Q2'"));
        QCOMPARE(two.step(), Statement::Step::Row);
        QCOMPARE(two.text(0), QStringLiteral("Two\r\nlines"));
    }

    void problemLineCountsQuotedLineBreaks()
    {
        const QByteArray content = "sku,title,price\nA,\"multi\nline\ntitle\",1\nB,Beta,oops\n";
        const ImportReport report = import(ImportKind::Items, write(QStringLiteral("lines.csv"), content));
        QVERIFY(!report.ok);
        QCOMPARE(report.problems.size(), 1);
        QCOMPARE(report.problems.first().line, 5);
    }

    void reimportUpdatesInsteadOfDuplicating()
    {
        const QString path = write(QStringLiteral("items.csv"), "sku,title,price\nSKU1,Wool Sweater XL,39.5\nSKU3,Cap,12\n");
        ImportReport report = import(ImportKind::Items, path);
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.inserted, 1);
        QCOMPARE(report.updated, 1);
        report = import(ImportKind::Items, path);
        QCOMPARE(report.inserted, 0);
        QCOMPARE(report.updated, 2);
        QCOMPARE(count("SELECT count(*) FROM items"), 3);
        // Columns the file does not have are left as they were.
        QCOMPARE(count("SELECT stock FROM items WHERE sku = 'SKU1'"), 10);
        QCOMPARE(m_db.prepare(QStringLiteral("SELECT title FROM items WHERE sku = 'SKU1'")).isValid(), true);
    }

    void reimportingEventsDoesNotCountThemTwice()
    {
        const QString path = write(QStringLiteral("ev.csv"), "user_id,item_id,type,ts,quantity\n"
                                                              "U2,SKU2,purchase,2026-03-02 09:00,2\n"
                                                              "U2,SKU2,view,1772442000,\n");
        QCOMPARE(import(ImportKind::Events, path).inserted, 2);
        const ImportReport again = import(ImportKind::Events, path);
        QVERIFY(again.ok);
        QCOMPARE(again.inserted, 0);
        QCOMPARE(again.updated, 2);
        QCOMPARE(count("SELECT count(*) FROM events"), 4);
        QCOMPARE(count("SELECT quantity FROM events WHERE type = 3 AND item_id = (SELECT id FROM items WHERE sku = 'SKU2')"), 2);
    }

    void timestampForms_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("date") << QByteArray("2026-03-01") << qint64(1772323200);
        QTest::newRow("T and Z") << QByteArray("2026-03-01T10:20:30Z") << qint64(1772360430);
        QTest::newRow("space, no zone") << QByteArray("2026-03-01 10:20:30") << qint64(1772360430);
        QTest::newRow("minutes only") << QByteArray("2026-03-01T10:20") << qint64(1772360400);
        QTest::newRow("offset") << QByteArray("2026-03-01T11:20:30+01:00") << qint64(1772360430);
        QTest::newRow("fraction") << QByteArray("2026-03-01T10:20:30.250Z") << qint64(1772360430);
        QTest::newRow("unix") << QByteArray("1772360430") << qint64(1772360430);
    }

    void timestampForms()
    {
        QFETCH(QByteArray, text);
        QFETCH(qint64, expected);
        const ImportReport report = import(ImportKind::Events, write(QStringLiteral("ts.csv"), "user_id,item_id,ts\nU2,SKU2," + text + "\n"));
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(count("SELECT max(ts) FROM events WHERE user_id = (SELECT id FROM users WHERE external_id = 'U2')"),
                 expected);
    }

    void columnMapAndAttributes()
    {
        ImportOptions options;
        options.columnMap.insert(QStringLiteral("Artikel"), QStringLiteral("sku"));
        options.columnMap.insert(QStringLiteral("Navn"), QStringLiteral("title"));
        const ImportReport report = import(ImportKind::Items, write(QStringLiteral("shop.csv"), "Artikel,Navn,color,weight_kg\nX1,Fleece,navy,0.4\n"),
                                           options);
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.attributeColumns, QStringList({QStringLiteral("color"), QStringLiteral("weight_kg")}));
        Statement stmt = m_db.prepare(QStringLiteral("SELECT title, json_extract(attributes, '$.color'), "
                                                     "json_extract(attributes, '$.weight_kg') FROM items WHERE sku = 'X1'"));
        QCOMPARE(stmt.step(), Statement::Step::Row);
        QCOMPARE(stmt.text(0), QStringLiteral("Fleece"));
        QCOMPARE(stmt.text(1), QStringLiteral("navy"));
        QCOMPARE(stmt.real(2), 0.4);
    }

    void mapToUnknownFieldIsRefused()
    {
        ImportOptions options;
        options.columnMap.insert(QStringLiteral("cost"), QStringLiteral("costs"));
        const ImportReport report = import(ImportKind::Items, write(QStringLiteral("m.csv"), "sku,title,cost\nA,B,1\n"), options);
        QVERIFY(!report.ok);
        QVERIFY2(report.error.contains(QStringLiteral("--map cost=costs: 'costs' is not a field of items")), qPrintable(report.error));
    }

    void itemsWithoutATitleAreImportedAndCounted()
    {
        // A real export has untitled products: they import, and are shown by their sku.
        const ImportReport report = import(ImportKind::Items,
            write(QStringLiteral("untitled.csv"), "sku,title,price\nNT-1,,3\nNT-2,Named,4\nNT-3,   ,5\n"));
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.inserted, 3);
        QCOMPARE(report.untitledItems, 2);
        QCOMPARE(report.toJson().value(QStringLiteral("untitled_items")).toInt(), 2);
        QCOMPARE(m_db.queryInt(QStringLiteral("SELECT count(*) FROM items WHERE sku LIKE 'NT-%' AND title = ''")), 2);

        // Without a title column at all, new items are untitled too; known ones keep theirs.
        const ImportReport second = import(ImportKind::Items,
            write(QStringLiteral("stock.csv"), "sku,stock\nNT-2,7\nNT-4,1\n"));
        QVERIFY2(second.ok, qPrintable(second.error));
        QCOMPARE(second.untitledItems, 1);
        QCOMPARE(m_db.queryInt(QStringLiteral("SELECT count(*) FROM items WHERE sku = 'NT-2' AND title = 'Named'")), 1);
    }

    void columnMappedToDashIsLeftOut()
    {
        // A shop's internal column must not land in every item's attributes.
        ImportOptions options;
        options.columnMap.insert(QStringLiteral("Internal Note"), QLatin1String(ImportOptions::IgnoreColumn));
        const ImportReport report = import(ImportKind::Items,
            write(QStringLiteral("ign.csv"), "sku,title,Internal Note,color\nIGN1,Kept,do not ship,red\n"), options);
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.ignoredColumns, QStringList({QStringLiteral("Internal Note")}));
        QCOMPARE(report.attributeColumns, QStringList({QStringLiteral("color")}));
        Statement stmt = m_db.prepare(QStringLiteral("SELECT attributes FROM items WHERE sku = 'IGN1'"));
        QCOMPARE(stmt.step(), Statement::Step::Row);
        QCOMPARE(stmt.text(0), QStringLiteral("{\"color\":\"red\"}"));

        // The wizard's mapping says the same before the import runs, and gives the same --map.
        const ImportMapping mapping = ImportMapping::resolve(ImportKind::Items,
            {QStringLiteral("sku"), QStringLiteral("title"), QStringLiteral("Internal Note"), QStringLiteral("color")},
            options.columnMap);
        QCOMPARE(mapping.columnField.at(2), ImportMapping::Ignored);
        QCOMPARE(mapping.columnField.at(3), ImportMapping::Attribute);
        QCOMPARE(mapping.columnMap(), options.columnMap);
    }

    void dryRunWritesNothing()
    {
        const QByteArray before = fingerprint(m_db);
        ImportOptions options;
        options.dryRun = true;
        const ImportReport report = import(ImportKind::Items, write(QStringLiteral("d.csv"), "sku,title\nD1,Dry\n"), options);
        QVERIFY(report.ok);
        QCOMPARE(report.rows, 1);
        QCOMPARE(fingerprint(m_db), before);
    }

    void skipBadImportsGoodRowsAndWritesRejects()
    {
        ImportOptions options;
        options.skipBad = true;
        const QString path = write(QStringLiteral("mixed.csv"), "sku,title,price\nG1,Good,1\nB1,Bad,abc\nG2,\"Good, too\",2\n");
        const ImportReport report = import(ImportKind::Items, path, options);
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.inserted, 2);
        QCOMPARE(report.rejected, 1);
        QCOMPARE(report.rejectsPath, path + QStringLiteral(".rejected.csv"));
        QFile rejects(report.rejectsPath);
        QVERIFY(rejects.open(QIODevice::ReadOnly));
        const QByteArray text = rejects.readAll();
        QCOMPARE(text, QByteArray("line,problem,sku,title,price\n3,\"field 'price': \"\"abc\"\" is not a number (use a dot for "
                                  "decimals, no thousands separators)\",B1,Bad,abc\n"));
        QCOMPARE(count("SELECT count(*) FROM items WHERE sku IN ('G1', 'G2')"), 2);
    }

    void createMissingFromGenericEvents()
    {
        // What analysts bring: user, item and time, nothing else.
        ImportOptions options;
        options.createMissing = true;
        const ImportReport report = import(ImportKind::Events, write(QStringLiteral("generic.csv"), "user_id,item_id,ts\n"
                                                                                              "u100,i1,1700000000\n"
                                                                                              "u100,i2,1700000100\n"
                                                                                              "u101,i1,1700000200\n"),
                                           options);
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.createdUsers, 2);
        QCOMPARE(report.createdItems, 2);
        QCOMPARE(report.inserted, 3);
        QCOMPARE(count("SELECT count(*) FROM users"), 4);
        QCOMPARE(count("SELECT count(*) FROM events WHERE type = 0"), 4);
    }

    void anotherProgramWritesWhileTheFileIsRead()
    {
        // The import reads its file without holding the write lock, so another program can write
        // meanwhile without waiting; that program's write then makes the import read again under
        // the lock, so what it writes refers to the catalog as it is, not as it was.
        QByteArray content("user_id,item_id,ts\n");
        constexpr int Rows = 70000; // more than one progress report while reading
        for (int i = 0; i < Rows; ++i)
            content += "NEW1,SKU" + QByteArray::number(1 + i % 2) + ',' + QByteArray::number(1700000000 + i) + '\n';
        const QString path = write(QStringLiteral("long.csv"), content);

        Database other;
        QString error;
        QVERIFY(other.open(m_db.path(), Database::OpenMode::ReadWrite, &error));
        other.setBusyTimeout(0); // any lock held by the import would make it fail at once
        bool wrote = false;
        QString otherError = QStringLiteral("never called");
        const Progress progress([&](const QString &stage, qint64, qint64) {
            if (wrote || !stage.startsWith(QLatin1String("Reading")))
                return;
            wrote = true;
            otherError.clear();
            other.exec(QStringLiteral("INSERT INTO users (external_id, name) VALUES ('NEW1', 'Written meanwhile')"),
                &otherError);
        });
        ImportOptions options;
        options.kind = ImportKind::Events;
        options.path = path;
        options.createMissing = true;
        const ImportReport report = Importer().run(m_db, options, progress);
        QVERIFY2(otherError.isEmpty(), qPrintable(otherError));
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.createdUsers, 0); // the person written meanwhile is used, not made twice
        QCOMPARE(report.inserted, Rows);
        QCOMPARE(count("SELECT count(*) FROM users WHERE external_id = 'NEW1'"), 1);
        QCOMPARE(count("SELECT name = 'Written meanwhile' FROM users WHERE external_id = 'NEW1'"), 1);
        QCOMPARE(count("SELECT count(*) FROM events e JOIN users u ON u.id = e.user_id WHERE u.external_id = 'NEW1'"),
            Rows);
        QCOMPARE(count("PRAGMA foreign_key_check"), 0);
    }

    void aWriterWaitsForTheImportsWriteLock()
    {
        // A statement waits for another connection's write lock up to the busy timeout, then
        // fails naming the lock; with a longer timeout it waits the lock out.
        Database other;
        QString error;
        QVERIFY(other.open(m_db.path(), Database::OpenMode::ReadWrite, &error));
        other.setBusyTimeout(200);
        int notices = 0;
        other.setBusyNotice([&] { ++notices; });
        QVERIFY(m_db.exec(QStringLiteral("BEGIN IMMEDIATE")));
        QVERIFY(!other.exec(QStringLiteral("UPDATE users SET name = 'x' WHERE external_id = 'U1'"), &error));
        QVERIFY2(error.contains(QStringLiteral("locked")), qPrintable(error));
        QCOMPARE(notices, 0); // under a second: nothing to tell
        QVERIFY(m_db.exec(QStringLiteral("COMMIT")));
        QVERIFY(other.exec(QStringLiteral("UPDATE users SET name = 'x' WHERE external_id = 'U1'"), &error));
    }

    void jsonFileImports()
    {
        const ImportReport report = import(ImportKind::Users, write(QStringLiteral("people.json"),
                                                                    R"([{"external_id":"J1","name":"Jo","birth_year":1999,"email_consent":true,"attributes":{"tier":"gold"}}])"));
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(count("SELECT birth_year FROM users WHERE external_id = 'J1'"), 1999);
        QCOMPARE(count("SELECT email_consent FROM users WHERE external_id = 'J1'"), 1);
    }

    void brokenJsonNamesTheLine()
    {
        const ImportReport report = import(ImportKind::Users, write(QStringLiteral("broken.json"), "[\n{\"external_id\": \"J1\",\n}\n]"));
        QVERIFY(!report.ok);
        QVERIFY2(report.error.contains(QStringLiteral("broken.json:3: not valid JSON")), qPrintable(report.error));
    }
};

QTEST_APPLESS_MAIN(TestImporter)
#include "tst_importer.moc"
