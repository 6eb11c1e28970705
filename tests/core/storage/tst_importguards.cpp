// SPDX-License-Identifier: GPL-3.0-or-later
// What an outside probe of `vitrine-cli import` broke (issue 10, points 4, 5 and 7): quantities that
// overflow, NUL bytes, events dated in the future, and the quieter cases of what a file means.
#include "../../common/rowsdigest.h"
#include "../../reliability/clirunner.h"
#include "engine/snapshot.h"
#include "storage/database.h"
#include "storage/importer.h"
#include "storage/statement.h"
#include "storage/timestamp.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Vitrine;
using namespace Vitrine::Reliability;

namespace {

/** 2026-03-10T12:00:00Z: the clock the core tests import with. */
constexpr qint64 Now = 1773144000;

/** The text with each '~' turned into a NUL byte. */
QByteArray withNul(QByteArray text)
{
    return text.replace('~', '\0');
}

} // namespace

class TestImportGuards : public QObject
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
        if (!options.now)
            options.now = Now;
        return Importer().run(m_db, options);
    }

    /** Everything the report says, with the fixture folder taken out of the paths. */
    QString said(const ImportReport &report) const
    {
        QString all = report.error;
        for (const ImportProblem &problem : report.problems)
            all += QLatin1Char('\n') + problem.message;
        for (const QString &warning : report.warnings)
            all += QLatin1Char('\n') + warning;
        return all.replace(m_dir->path() + QLatin1Char('/'), QString());
    }

    qint64 count(const QString &sql) { return m_db.queryInt(sql); }

    std::unique_ptr<QTemporaryDir> m_dir;
    Database m_db;

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QString error;
        QVERIFY2(m_db.open(m_dir->filePath(QStringLiteral("shop.vitrine")), Database::OpenMode::Create, &error),
                 qPrintable(error));
        QVERIFY(import(ImportKind::Items, write(QStringLiteral("base-items.csv"),
                                                "sku,title,price,stock\n"
                                                "SKU-00001,Wool Sweater,49.95,10\n"
                                                "SKU-00002,Rain Jacket,120,3\n"))
                    .ok);
        QVERIFY(import(ImportKind::Users, write(QStringLiteral("base-users.csv"),
                                                "external_id,name,email_consent\n"
                                                "U1,Anna Berg,yes\n"
                                                "U2,Olav Lie,no\n"))
                    .ok);
        QVERIFY(import(ImportKind::Events, write(QStringLiteral("base-events.csv"),
                                                 "user_id,item_id,type,ts\n"
                                                 "U1,SKU-00001,view,2026-03-01T10:00:00Z\n"
                                                 "U1,SKU-00001,purchase,2026-03-01T10:05:00Z\n"))
                    .ok);
    }

    void cleanup()
    {
        m_db.close();
        m_dir.reset();
    }

    /** Refused with the place and the reason; nothing written. */
    void badInput_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");

        const int items = int(ImportKind::Items);
        const int users = int(ImportKind::Users);
        const int events = int(ImportKind::Events);
        const QString csv = QStringLiteral("bad.csv");
        const QString json = QStringLiteral("bad.json");

        // Point 4: quantities the engine cannot count, and NUL bytes.
        QTest::newRow("quantity 2^63-1") << events << csv
            << QByteArray("user_id,item_id,type,ts,quantity\nU1,SKU-00001,purchase,2026-03-02,9223372036854775807\n")
            << QStringLiteral("bad.csv:2: field 'quantity': \"9223372036854775807\" is more than 65535, the most one event can carry");
        QTest::newRow("quantity 65536") << events << csv
            << QByteArray("user_id,item_id,type,ts,quantity\nU1,SKU-00001,purchase,2026-03-02,65536\n")
            << QStringLiteral("bad.csv:2: field 'quantity': \"65536\" is more than 65535");
        QTest::newRow("quantity 2^63") << events << csv
            << QByteArray("user_id,item_id,type,ts,quantity\nU1,SKU-00001,purchase,2026-03-02,9223372036854775808\n")
            << QStringLiteral("bad.csv:2: field 'quantity': \"9223372036854775808\" is not a whole number of at least 1");
        QTest::newRow("quantity 1e300 in JSON") << events << json
            << QByteArray(R"([{"user_id": "U1", "item_id": "SKU-00001", "ts": "2026-03-02", "quantity": 1e300}])")
            << QStringLiteral("bad.json:record 1: field 'quantity': \"1e+300\" is not a whole number of at least 1");
        QTest::newRow("NUL in a sku") << items << csv << withNul("sku,title\nSKU-00001~evil,Twin\n")
            << QStringLiteral("bad.csv:2: field 'sku': \"SKU-00001\\0evil\" holds a NUL byte (\\0); text cannot contain one");
        QTest::newRow("NUL in a title") << items << csv << withNul("sku,title\nSKU-9,Ti~tle\n")
            << QStringLiteral("bad.csv:2: field 'title': \"Ti\\0tle\" holds a NUL byte");
        QTest::newRow("NUL in an attribute") << items << csv << withNul("sku,title,color\nSKU-9,T,re~d\n")
            << QStringLiteral("bad.csv:2: field 'color': \"re\\0d\" holds a NUL byte");
        QTest::newRow("NUL in a person id") << users << csv << withNul("external_id,name\nU1~x,Eve\n")
            << QStringLiteral("bad.csv:2: field 'external_id': \"U1\\0x\" holds a NUL byte");
        QTest::newRow("NUL in an event's sku") << events << csv
            << withNul("user_id,item_id,ts\nU1,SKU-00001~evil,2026-03-02\n")
            << QStringLiteral("bad.csv:2: field 'item_id': \"SKU-00001\\0evil\" holds a NUL byte");
        QTest::newRow("NUL in the header") << items << csv << withNul("sku,ti~tle\nA,B\n")
            << QStringLiteral("bad.csv:1: column 2 of the header holds a NUL byte (\\0)");
        QTest::newRow("\\u0000 in JSON") << items << json
            << QByteArray(R"([{"sku": "SKU-00001\u0000evil", "title": "Twin"}])")
            << QStringLiteral("bad.json:record 1: field 'sku': \"SKU-00001\\0evil\" holds a NUL byte");

        // Point 5: events later than the import.
        QTest::newRow("9999-12-31") << events << csv
            << QByteArray("user_id,item_id,ts\nU1,SKU-00001,2026-03-02\nU1,SKU-00002,9999-12-31\n")
            << QStringLiteral("bad.csv:3: field 'ts': \"9999-12-31\" is in the future (after 2026-03-11T12:00:00Z); "
                              "pass --allow-future if intended");
        QTest::newRow("Unix seconds in 2100") << events << csv
            << QByteArray("user_id,item_id,ts\nU1,SKU-00001,4102444800\n")
            << QStringLiteral("bad.csv:2: field 'ts': \"4102444800\" is in the future");
        QTest::newRow("25 hours ahead") << events << csv
            << QByteArray("user_id,item_id,ts\nU1,SKU-00001,2026-03-11T13:00:00Z\n")
            << QStringLiteral("bad.csv:2: field 'ts': \"2026-03-11T13:00:00Z\" is in the future");
        QTest::newRow("future in JSON") << events << json
            << QByteArray(R"([{"user_id": "U1", "item_id": "SKU-00001", "ts": "9999-12-31T00:00:00Z"}])")
            << QStringLiteral("bad.json:record 1: field 'ts': \"9999-12-31T00:00:00Z\" is in the future");

        // Point 7: the quieter cases.
        QTest::newRow("repeated JSON key") << items << json
            << QByteArray(R"([{"sku": "A", "title": "Alpha"}, {"sku": "B", "title": "Beta", "sku": "C"}])")
            << QStringLiteral("bad.json: record 2: the key 'sku' appears twice in one object");
        QTest::newRow("repeated key in nested JSON") << items << json
            << QByteArray(R"([{"sku": "A", "title": "Alpha", "attributes": {"color": "red", "color": "blue"}}])")
            << QStringLiteral("bad.json: record 1: the key 'color' appears twice in one object");
        QTest::newRow("repeated escaped JSON key") << items << json
            << QByteArray(R"([{"sku": "A", "title": "Alpha", "\u0074itle": "Beta"}])")
            << QStringLiteral("bad.json: record 1: the key 'title' appears twice in one object");
        QTest::newRow("\"quantity\": true") << events << json
            << QByteArray(R"([{"user_id": "U1", "item_id": "SKU-00001", "ts": "2026-03-02", "quantity": true}])")
            << QStringLiteral("bad.json:record 1: field 'quantity': \"true\" is not a whole number of at least 1");
        QTest::newRow("\"price\": false") << items << json
            << QByteArray(R"([{"sku": "A", "title": "Alpha", "price": false}])")
            << QStringLiteral("bad.json:record 1: field 'price': \"false\" is not a number");
        QTest::newRow("negative stock") << items << csv << QByteArray("sku,stock\nSKU-00001,-3\n")
            << QStringLiteral("bad.csv:2: field 'stock': \"-3\" is negative (use 0 for sold out)");
    }

    void badInput()
    {
        QFETCH(int, kind);
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        QFETCH(QString, message);

        const QByteArray before = Testing::dataDigest(m_db);
        const ImportReport report = import(ImportKind(kind), write(file, content));
        QVERIFY(!report.ok);
        QVERIFY(!report.written);
        const QString all = said(report);
        QVERIFY2(all.contains(message), qPrintable(QStringLiteral("expected «%1» in «%2»").arg(message, all)));
        QCOMPARE(Testing::dataDigest(m_db), before);
    }

    /** The largest quantity is stored and counted as it is, not clamped; sums of it do not wrap. */
    void theLargestQuantityIsCountedExactly()
    {
        const ImportReport report = import(ImportKind::Events, write(QStringLiteral("q.csv"),
            "user_id,item_id,type,ts,quantity,value\n"
            "U1,SKU-00002,purchase,2026-03-02T10:00:00Z,65535,1\n"
            "U2,SKU-00002,purchase,2026-03-02T11:00:00Z,65535,1\n"));
        QVERIFY2(report.ok, qPrintable(said(report)));
        QCOMPARE(count(QStringLiteral("SELECT sum(quantity) FROM events")), qint64(2 * 65535 + 2));
        QString error;
        const SnapshotPtr snapshot = Snapshot::load(m_db, {}, &error);
        QVERIFY2(snapshot, qPrintable(error));
        const int item = snapshot->itemIndexBySku(QStringLiteral("SKU-00002"));
        double units = 0;
        for (int user = 0; user < snapshot->userCount(); ++user) {
            for (const Snapshot::Event &event : snapshot->userEvents(user)) {
                if (event.item == item)
                    units += event.quantity;
            }
        }
        QCOMPARE(units, 131070.0);
    }

    /** A day of tolerance past the import's clock; --allow-future accepts any time. */
    void futureEvents_data()
    {
        QTest::addColumn<QByteArray>("ts");
        QTest::addColumn<bool>("allowFuture");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("now") << QByteArray("2026-03-10T12:00:00Z") << false << true;
        QTest::newRow("23 hours ahead") << QByteArray("2026-03-11T11:00:00Z") << false << true;
        QTest::newRow("exactly a day ahead") << QByteArray("2026-03-11T12:00:00Z") << false << true;
        QTest::newRow("a day and a second") << QByteArray("2026-03-11T12:00:01Z") << false << false;
        QTest::newRow("9999, allowed") << QByteArray("9999-12-31") << true << true;
    }

    void futureEvents()
    {
        QFETCH(QByteArray, ts);
        QFETCH(bool, allowFuture);
        QFETCH(bool, accepted);
        ImportOptions options;
        options.allowFuture = allowFuture;
        const ImportReport report
            = import(ImportKind::Events, write(QStringLiteral("f.csv"), "user_id,item_id,ts\nU2,SKU-00002," + ts + "\n"), options);
        QCOMPARE(report.ok, accepted);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM events")), accepted ? 3 : 2);
    }

    /** One event dated 9999-12-31 (let in on purpose) leaves the default time of the catalog alone. */
    void oneFutureEventDoesNotMoveAsOf()
    {
        QString error;
        const SnapshotPtr before = Snapshot::load(m_db, {}, &error);
        QVERIFY2(before, qPrintable(error));
        QCOMPARE(before->asOf(), Timestamp::parse(QStringLiteral("2026-03-01T10:05:00Z")).value());

        ImportOptions options;
        options.allowFuture = true;
        QVERIFY(import(ImportKind::Events, write(QStringLiteral("f.csv"), "user_id,item_id,ts\nU2,SKU-00002,9999-12-31\n"), options).ok);
        const SnapshotPtr after = Snapshot::load(m_db, {}, &error);
        QVERIFY2(after, qPrintable(error));
        QCOMPARE(after->asOf(), before->asOf());
        QVERIFY(after->asOf() <= QDateTime::currentSecsSinceEpoch());

        // Only future events: the present.
        QVERIFY(m_db.exec(QStringLiteral("DELETE FROM events WHERE ts < 4102444800")));
        const SnapshotPtr onlyFuture = Snapshot::load(m_db, {}, &error);
        QVERIFY2(onlyFuture, qPrintable(error));
        QVERIFY(qAbs(onlyFuture->asOf() - QDateTime::currentSecsSinceEpoch()) < 60);
    }

    /** A column named like an alias of a field another column gives: kept, with a warning naming both. */
    void aliasBesideItsField_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("warning");
        QTest::addColumn<QStringList>("attributes");
        QTest::addColumn<QStringList>("ignored");

        QTest::newRow("title, name") << int(ImportKind::Items) << QByteArray("sku,title,name\nN1,Real title,Other name\n")
            << QStringLiteral("new.csv:1: columns 'title' and 'name' both name the field 'title': 'title' gives it and 'name' is stored as an attribute")
            << QStringList{QStringLiteral("name")} << QStringList{};
        QTest::newRow("name, title") << int(ImportKind::Items) << QByteArray("sku,name,title\nN1,Other name,Real title\n")
            << QStringLiteral("new.csv:1: columns 'title' and 'name' both name the field 'title': 'title' gives it and 'name' is stored as an attribute")
            << QStringList{QStringLiteral("name")} << QStringList{};
        QTest::newRow("id, sku") << int(ImportKind::Items) << QByteArray("id,sku,title\n9001,N1,Real title\n")
            << QStringLiteral("new.csv:1: columns 'sku' and 'id' both name the field 'sku': 'sku' gives it and 'id' is stored as an attribute")
            << QStringList{QStringLiteral("id")} << QStringList{};
        QTest::newRow("two aliases") << int(ImportKind::Items) << QByteArray("sku,name,product_name\nN1,Real title,Other name\n")
            << QStringLiteral("new.csv:1: columns 'name' and 'product_name' both name the field 'title': 'name' gives it and 'product_name' is stored as an attribute")
            << QStringList{QStringLiteral("product_name")} << QStringList{};
        QTest::newRow("events: ts, timestamp") << int(ImportKind::Events)
            << QByteArray("user_id,item_id,timestamp,ts\nU1,SKU-00002,2026-03-01,2026-03-02T00:00:00Z\n")
            << QStringLiteral("new.csv:1: columns 'ts' and 'timestamp' both name the field 'ts': 'ts' gives it and 'timestamp' is ignored")
            << QStringList{} << QStringList{QStringLiteral("timestamp")};
    }

    void aliasBesideItsField()
    {
        QFETCH(int, kind);
        QFETCH(QByteArray, content);
        QFETCH(QString, warning);
        QFETCH(QStringList, attributes);
        QFETCH(QStringList, ignored);
        const ImportReport report = import(ImportKind(kind), write(QStringLiteral("new.csv"), content));
        QVERIFY2(report.ok, qPrintable(said(report)));
        QVERIFY2(said(report).contains(warning), qPrintable(said(report)));
        QCOMPARE(report.attributeColumns, attributes);
        QCOMPARE(report.ignoredColumns, ignored);
        if (kind == int(ImportKind::Items))
            QCOMPARE(count(QStringLiteral("SELECT count(*) FROM items WHERE sku = 'N1' AND title = 'Real title'")), 1);
        else
            QCOMPARE(count(QStringLiteral("SELECT max(ts) FROM events")), qint64(1772409600));
    }

    /** A blank consent is "unknown": new people get none, known people keep theirs; "no" clears it. */
    void blankConsentKeepsTheStoredValue_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("u1");
        QTest::addColumn<int>("u2");
        QTest::addColumn<int>("u3");
        QTest::newRow("blank") << QByteArray("external_id,email_consent\nU1,\nU2,\nU3,\n") << 1 << 0 << 0;
        QTest::newRow("quoted blank") << QByteArray("external_id,email_consent\nU1,\"\"\nU2, \nU3,\n") << 1 << 0 << 0;
        QTest::newRow("explicit") << QByteArray("external_id,email_consent\nU1,no\nU2,yes\nU3,yes\n") << 0 << 1 << 1;
        QTest::newRow("JSON null and missing") << QByteArray() << 1 << 0 << 0;
    }

    void blankConsentKeepsTheStoredValue()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, u1);
        QFETCH(int, u2);
        QFETCH(int, u3);
        const QString path = content.isEmpty()
            ? write(QStringLiteral("consent.json"),
                    R"([{"external_id": "U1", "email_consent": null}, {"external_id": "U2", "name": "Olav"}, {"external_id": "U3"}])")
            : write(QStringLiteral("consent.csv"), content);
        const ImportReport report = import(ImportKind::Users, path);
        QVERIFY2(report.ok, qPrintable(said(report)));
        QCOMPARE(count(QStringLiteral("SELECT email_consent FROM users WHERE external_id = 'U1'")), u1);
        QCOMPARE(count(QStringLiteral("SELECT email_consent FROM users WHERE external_id = 'U2'")), u2);
        QCOMPARE(count(QStringLiteral("SELECT email_consent FROM users WHERE external_id = 'U3'")), u3);
    }

    /** JSON true/false still read as yes/no. */
    void jsonBooleansAreYesOrNo()
    {
        const ImportReport report = import(ImportKind::Users, write(QStringLiteral("b.json"),
            R"([{"external_id": "U1", "email_consent": false}, {"external_id": "U2", "email_consent": true}])"));
        QVERIFY2(report.ok, qPrintable(said(report)));
        QCOMPARE(count(QStringLiteral("SELECT email_consent FROM users WHERE external_id = 'U1'")), 0);
        QCOMPARE(count(QStringLiteral("SELECT email_consent FROM users WHERE external_id = 'U2'")), 1);
    }

    /**
     * Rows of one file with the same person, item, type and second are one event with their
     * quantities and values added up (an order with a product on two lines); the report says so.
     */
    void eventsInOneSecondMergeWithAWarning_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("warning");
        QTest::addColumn<qint64>("merged");
        QTest::addColumn<qint64>("quantity");

        QTest::newRow("fractions") << QStringLiteral("m.csv")
            << QByteArray("user_id,item_id,type,ts,quantity\n"
                          "U2,SKU-00002,purchase,2026-03-02T10:00:00.200Z,1\n"
                          "U2,SKU-00001,purchase,2026-03-02T10:00:00.300Z,1\n"
                          "U2,SKU-00002,purchase,2026-03-02T10:00:00.700Z,3\n")
            << QStringLiteral("m.csv:4: the same person, item, type and second as line 2, so the two are one event "
                              "with their quantities and values added up (times are kept to the second)")
            << qint64(1) << qint64(4);
        QTest::newRow("three in one second") << QStringLiteral("m.csv")
            << QByteArray("user_id,item_id,type,ts,quantity\n"
                          "U2,SKU-00002,purchase,2026-03-02T10:00:00.1Z,1\n"
                          "U2,SKU-00002,purchase,2026-03-02T10:00:00.5Z,2\n"
                          "U2,SKU-00002,purchase,2026-03-02T10:00:00.9Z,3\n")
            << QStringLiteral("m.csv:3: the same person, item, type and second as line 2, so the two are one event "
                              "with their quantities and values added up (times are kept to the second); "
                              "2 events of the file were merged in all")
            << qint64(2) << qint64(6);
        QTest::newRow("JSON") << QStringLiteral("m.json")
            << QByteArray(R"([{"user_id": "U2", "item_id": "SKU-00002", "type": "purchase", "ts": "2026-03-02T10:00:00.2Z", "quantity": 1},
                              {"user_id": "U2", "item_id": "SKU-00002", "type": "purchase", "ts": "2026-03-02T10:00:00.8Z", "quantity": 3}])")
            << QStringLiteral("m.json:record 2: the same person, item, type and second as record 1")
            << qint64(1) << qint64(4);
    }

    void eventsInOneSecondMergeWithAWarning()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        QFETCH(QString, warning);
        QFETCH(qint64, merged);
        QFETCH(qint64, quantity);

        ImportOptions dry;
        dry.dryRun = true;
        const ImportReport checked = import(ImportKind::Events, write(file, content), dry);
        QVERIFY2(checked.ok, qPrintable(said(checked)));
        QCOMPARE(checked.mergedEvents, merged);

        const ImportReport report = import(ImportKind::Events, write(file, content));
        QVERIFY2(report.ok, qPrintable(said(report)));
        QCOMPARE(report.mergedEvents, merged);
        QCOMPARE(report.warnings.size(), 1);
        QVERIFY2(said(report).contains(warning), qPrintable(said(report)));
        const QString stored = QStringLiteral("SELECT quantity FROM events WHERE ts = 1772445600 "
                                              "AND item_id = (SELECT id FROM items WHERE sku = 'SKU-00002')");
        QCOMPARE(count(stored), quantity);
        QCOMPARE(report.toJson().value(QStringLiteral("merged_events")).toInteger(), merged);

        // Importing the same file again changes nothing: the same sums, not twice the quantity.
        const qint64 events = count(QStringLiteral("SELECT count(*) FROM events"));
        const ImportReport again = import(ImportKind::Events, write(file, content));
        QVERIFY2(again.ok, qPrintable(said(again)));
        QCOMPARE(count(stored), quantity);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM events")), events);
    }

    /** Values add up like quantities; a sum past the most one event holds is kept at it, said. */
    void repeatedRowsAddUpValuesAndStopAtTheLargestQuantity()
    {
        const ImportReport report = import(ImportKind::Events, write(QStringLiteral("order.csv"),
            "user_id,item_id,type,ts,quantity,value\n"
            "U2,SKU-00002,purchase,2026-03-02T10:00:00Z,2,5.5\n"
            "U2,SKU-00002,purchase,2026-03-02T10:00:00Z,3,\n"
            "U2,SKU-00002,purchase,2026-03-02T10:00:00Z,1,4.5\n"
            "U2,SKU-00001,purchase,2026-03-02T10:00:00Z,65000,1\n"
            "U2,SKU-00001,purchase,2026-03-02T10:00:00Z,1000,1\n"));
        QVERIFY2(report.ok, qPrintable(said(report)));
        QCOMPARE(report.mergedEvents, 3);
        QCOMPARE(report.inserted, 2);
        QCOMPARE(count(QStringLiteral("SELECT quantity FROM events WHERE item_id = (SELECT id FROM items WHERE sku = 'SKU-00002') AND ts = 1772445600")), 6);
        QCOMPARE(count(QStringLiteral("SELECT CAST(value * 10 AS INTEGER) FROM events WHERE item_id = (SELECT id FROM items WHERE sku = 'SKU-00002') AND ts = 1772445600")), 100);
        QCOMPARE(count(QStringLiteral("SELECT quantity FROM events WHERE item_id = (SELECT id FROM items WHERE sku = 'SKU-00001') AND ts = 1772445600")), 65535);
        QVERIFY2(said(report).contains(QStringLiteral("order.csv:6: the quantities added up to more than 65535")), qPrintable(said(report)));
    }

    /** Distinct seconds, or distinct items in one second, are not merged and not warned about. */
    void distinctEventsAreNotMerged()
    {
        const ImportReport report = import(ImportKind::Events, write(QStringLiteral("d.csv"),
            "user_id,item_id,type,ts\n"
            "U2,SKU-00002,purchase,2026-03-02T10:00:00.2Z\n"
            "U2,SKU-00002,purchase,2026-03-02T10:00:01.2Z\n"
            "U2,SKU-00001,purchase,2026-03-02T10:00:01.2Z\n"
            "U2,SKU-00001,cart,2026-03-02T10:00:01.2Z\n"));
        QVERIFY2(report.ok, qPrintable(said(report)));
        QCOMPARE(report.mergedEvents, 0);
        QVERIFY(report.warnings.isEmpty());
        QCOMPARE(report.inserted, 4);
    }

    /** Through vitrine-cli: exit 2 with the message, nothing written; --allow-future lets it in. */
    void cliRefusesFutureEventsUnlessAllowed()
    {
        const QString catalog = m_dir->filePath(QStringLiteral("shop.vitrine"));
        m_db.close();
        const QString events = write(QStringLiteral("future.csv"), "user_id,item_id,ts\nU1,SKU-00002,9999-12-31\n");
        const QByteArray before = Testing::fileDigest(catalog);

        const CliRun refused = runCli(catalog, {QStringLiteral("import"), QStringLiteral("events"), events});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains("future.csv:2: field 'ts': \"9999-12-31\" is in the future (after "), refused.describe());
        QVERIFY2(refused.err.contains("); pass --allow-future if intended"), refused.describe());
        QCOMPARE(Testing::fileDigest(catalog), before);

        const CliRun allowed = runCli(catalog,
            {QStringLiteral("import"), QStringLiteral("events"), events, QStringLiteral("--allow-future")});
        QVERIFY2(allowed.exitCode == 0, allowed.describe());
        QCOMPARE(queryCount(catalog, QStringLiteral("SELECT count(*) FROM events")), 3);
    }

    /** Through vitrine-cli: the warnings go to stderr, and into the report of --json. */
    void cliPrintsWarnings()
    {
        const QString catalog = m_dir->filePath(QStringLiteral("shop.vitrine"));
        m_db.close();
        const QString items = write(QStringLiteral("both.csv"), "sku,title,name\nN1,Real,Other\n");
        const CliRun run = runCli(catalog, {QStringLiteral("import"), QStringLiteral("items"), items});
        QVERIFY2(run.exitCode == 0, run.describe());
        QVERIFY2(run.err.contains("warning: ") && run.err.contains("both.csv:1: columns 'title' and 'name' both name the field 'title'"),
                 run.describe());

        const QString events = write(QStringLiteral("same.csv"),
            "user_id,item_id,type,ts\nU2,SKU-00002,cart,2026-03-02T10:00:00.2Z\nU2,SKU-00002,cart,2026-03-02T10:00:00.4Z\n");
        const CliRun json = runCli(catalog, {QStringLiteral("--json"), QStringLiteral("import"), QStringLiteral("events"), events});
        QVERIFY2(json.exitCode == 0, json.describe());
        QCOMPARE(json.json().value(QStringLiteral("merged_events")).toInteger(), 1);
        const QJsonArray warnings = json.json().value(QStringLiteral("warnings")).toArray();
        QCOMPARE(warnings.size(), 1);
        QVERIFY(warnings.at(0).toString().contains(QStringLiteral("same.csv:3: the same person, item, type and second as line 2")));
    }
};

QTEST_GUILESS_MAIN(TestImportGuards)
#include "tst_importguards.moc"
