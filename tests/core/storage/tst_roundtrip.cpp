// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/database.h"
#include "storage/exporter.h"
#include "storage/importer.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Vitrine;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestRoundTrip : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        file.open(QIODevice::WriteOnly);
        file.write(content);
        return path;
    }

    bool importAll(Database &db, const QString &items, const QString &users, const QString &events)
    {
        const QList<std::pair<ImportKind, QString>> files = {
            {ImportKind::Items, items}, {ImportKind::Users, users}, {ImportKind::Events, events}};
        for (const auto &[kind, path] : files) {
            ImportOptions options;
            options.kind = kind;
            options.path = path;
            const ImportReport report = Importer().run(db, options);
            if (!report.ok) {
                qWarning() << report.error << (report.problems.isEmpty() ? QString() : report.problems.first().message);
                return false;
            }
        }
        return true;
    }

private slots:
    void exportThenImportGivesTheSameFiles_data()
    {
        QTest::addColumn<QString>("extension");
        QTest::newRow("csv") << QStringLiteral("csv");
        QTest::newRow("json") << QStringLiteral("json");
    }

    void exportThenImportGivesTheSameFiles()
    {
        QFETCH(QString, extension);
        const QString items = write(QStringLiteral("items.csv"),
                                    "sku,title,kind,category,brand,price,sale_price,stock,created_at,attributes,color\n"
                                    "A1,\"Sweater, \"\"cosy\"\"\",product,Fashion > Women > Knitwear,Nordvik,49.95,39.9,12,2026-01-02T03:04:05Z,\"{\"\"size\"\":[\"\"S\"\",\"\"M\"\"]}\",navy\n"
                                    "A2,Ærlig Øl — 🍺,product,Food,Brew,0.1,,0,2025-12-31,,\n"
                                    "C1,\"How to layer\nfor winter\",content,Journal > Outdoor > Hiking,,,,,1700000000,\"{\"\"topic\"\":\"\"hiking\"\"}\",\n");
        const QString users = write(QStringLiteral("users.csv"),
                                    "external_id,name,email,gender,birth_year,country,city,email_consent\n"
                                    "U1,Åse Lund,ase.lund@example.com,f,1990,Norway,Tromsø,1\n"
                                    "U2,\"O'Neil, Pat\",,x,,,,0\n");
        const QString events = write(QStringLiteral("events.csv"),
                                     "user_id,item_id,type,ts,quantity,value\n"
                                     "U1,A1,view,2026-02-01T10:00:00Z,1,\n"
                                     "U1,A1,purchase,2026-02-01T10:05:00+01:00,2,79.8\n"
                                     "U2,C1,read,1770000000,1,\n"
                                     "U2,A2,rating,2026-02-03,1,4.5\n");

        Database first;
        QVERIFY(first.open(m_dir.filePath(QStringLiteral("first-%1.vitrine").arg(extension)), Database::OpenMode::Create, nullptr));
        QVERIFY(importAll(first, items, users, events));

        QStringList exported;
        for (ImportKind kind : {ImportKind::Items, ImportKind::Users, ImportKind::Events}) {
            const QString path = m_dir.filePath(QStringLiteral("out1-%1.%2").arg(importKindName(kind), extension));
            const ExportReport report = Exporter().run(first, kind, path);
            QVERIFY2(report.ok, qPrintable(report.error));
            exported.append(path);
        }
        QCOMPARE(Exporter().run(first, ImportKind::Events, exported.at(2)).rows, 4);

        Database second;
        QVERIFY(second.open(m_dir.filePath(QStringLiteral("second-%1.vitrine").arg(extension)), Database::OpenMode::Create, nullptr));
        QVERIFY(importAll(second, exported.at(0), exported.at(1), exported.at(2)));
        for (int i = 0; i < 3; ++i) {
            const ImportKind kind = ImportKind(i);
            const QString path = m_dir.filePath(QStringLiteral("out2-%1.%2").arg(importKindName(kind), extension));
            QVERIFY(Exporter().run(second, kind, path).ok);
            QCOMPARE(readAll(path), readAll(exported.at(i)));
        }
        // The values themselves survived, not just their text.
        QCOMPARE(second.queryInt(QStringLiteral("SELECT count(*) FROM items WHERE title = 'Sweater, \"cosy\"' AND price = 49.95 "
                                                "AND json_extract(attributes, '$.color') = 'navy'")),
                 1);
        QCOMPARE(second.queryInt(QStringLiteral("SELECT count(*) FROM items WHERE price IS NULL")), 1);
        QCOMPARE(second.queryInt(QStringLiteral("SELECT ts FROM events WHERE type = 3")), 1769936700);
    }

    void exportRefusesUnknownExtension()
    {
        Database db;
        QVERIFY(db.open(m_dir.filePath(QStringLiteral("x.vitrine")), Database::OpenMode::Create, nullptr));
        const ExportReport report = Exporter().run(db, ImportKind::Items, m_dir.filePath(QStringLiteral("items.xlsx")));
        QVERIFY(!report.ok);
        QVERIFY(report.error.contains(QStringLiteral("must end in .csv or .json")));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("items.xlsx"))));
    }
};

QTEST_APPLESS_MAIN(TestRoundTrip)
#include "tst_roundtrip.moc"
