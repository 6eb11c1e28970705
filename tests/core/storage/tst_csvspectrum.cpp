// SPDX-License-Identifier: GPL-3.0-or-later
// The csv-spectrum files (tests/fixtures/csv-spectrum): each one is read as spreadsheet programs
// and Python's csv read it, imported as items, and read back from the catalog unchanged.
#include "storage/csvreader.h"
#include "storage/database.h"
#include "storage/importer.h"
#include "storage/statement.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Vitrine;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(VITRINE_FIXTURES "/csv-spectrum/") + name;
}

/** Every record of a file as CsvReader gives it, the header first; empty on an error. */
QList<QStringList> readAll(const QString &path, QString *error, qint64 *literalQuotes)
{
    CsvReader reader;
    QList<QStringList> records;
    if (!reader.open(path, error))
        return {};
    for (;;) {
        const RecordSource::Next next = reader.next();
        if (next == RecordSource::Next::End)
            break;
        if (next == RecordSource::Next::Error) {
            *error = reader.errorString();
            return {};
        }
        QStringList fields;
        for (int i = 0; i < reader.fieldCount(); ++i)
            fields.append(reader.fieldString(i));
        records.append(fields);
    }
    *literalQuotes = reader.literalQuotes();
    return records;
}

/** An attribute as text again: numbers as they were written ("2", "2095257564"). */
QString text(const QJsonValue &value)
{
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    return value.toString();
}

} // namespace

class TestCsvSpectrum : public QObject
{
    Q_OBJECT

private slots:
    void importsAndReadsBack_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("records");
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("value");
        QTest::addColumn<qint64>("literalQuotes");

        // One field each file is about, as Python's csv module reads it.
        QTest::newRow("comma_in_quotes") << QStringLiteral("comma_in_quotes.csv") << 1 << 0 << 3
                                         << QStringLiteral("Anytown, WW") << qint64(0);
        QTest::newRow("empty") << QStringLiteral("empty.csv") << 2 << 0 << 1 << QString() << qint64(0);
        QTest::newRow("empty_crlf") << QStringLiteral("empty_crlf.csv") << 2 << 1 << 2 << QStringLiteral("4") << qint64(0);
        QTest::newRow("escaped_quotes") << QStringLiteral("escaped_quotes.csv") << 2 << 0 << 1
                                        << QStringLiteral("ha \"ha\" ha") << qint64(0);
        QTest::newRow("json") << QStringLiteral("json.csv") << 1 << 0 << 1
                              << QStringLiteral("{\"type\": \"Point\", \"coordinates\": [102.0, 0.5]}") << qint64(0);
        QTest::newRow("location_coordinates") << QStringLiteral("location_coordinates.csv") << 1 << 0 << 1
                                              << QStringLiteral("37\uFFFD36'37.8\"N 121\uFFFD2'17.9\"W") << qint64(1);
        QTest::newRow("newlines") << QStringLiteral("newlines.csv") << 3 << 1 << 0
                                  << QStringLiteral("Once upon \na time") << qint64(0);
        QTest::newRow("newlines_crlf") << QStringLiteral("newlines_crlf.csv") << 3 << 1 << 0
                                       << QStringLiteral("Once upon \r\na time") << qint64(0);
        QTest::newRow("quotes_and_newlines") << QStringLiteral("quotes_and_newlines.csv") << 2 << 0 << 1
                                             << QStringLiteral("ha \n\"ha\" \nha") << qint64(0);
        QTest::newRow("simple") << QStringLiteral("simple.csv") << 1 << 0 << 2 << QStringLiteral("3") << qint64(0);
        QTest::newRow("simple_crlf") << QStringLiteral("simple_crlf.csv") << 1 << 0 << 2 << QStringLiteral("3") << qint64(0);
        QTest::newRow("utf8") << QStringLiteral("utf8.csv") << 2 << 1 << 2 << QStringLiteral("ʤ") << qint64(0);
    }

    void importsAndReadsBack()
    {
        QFETCH(QString, file);
        QFETCH(int, records);
        QFETCH(int, row);
        QFETCH(int, column);
        QFETCH(QString, value);
        QFETCH(qint64, literalQuotes);

        // Read as a spreadsheet program would.
        QString error;
        qint64 quotes = -1;
        const QList<QStringList> read = readAll(fixture(file), &error, &quotes);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(read.size(), records + 1);
        QCOMPARE(read.at(row + 1).at(column), value);
        QCOMPARE(quotes, literalQuotes);

        // Imported as items (the first column as the sku, the others as attributes) ...
        QTemporaryDir dir;
        Database db;
        QVERIFY2(db.open(dir.filePath(QStringLiteral("c.vitrine")), Database::OpenMode::Create, &error), qPrintable(error));
        const QStringList header = read.first();
        ImportOptions options;
        options.kind = ImportKind::Items;
        options.path = fixture(file);
        options.columnMap.insert(header.first(), QStringLiteral("sku"));
        const ImportReport report = Importer().run(db, options);
        QVERIFY2(report.ok, qPrintable(report.error + report.warnings.join(QLatin1Char('\n'))));
        QCOMPARE(report.inserted, records);
        QCOMPARE(report.literalQuotes, literalQuotes);
        QCOMPARE(report.warnings.size(), literalQuotes ? 1 : 0);

        // ... and read back unchanged: every non-empty field, text as text, numbers as written.
        Statement items = db.prepare(QStringLiteral("SELECT sku, attributes FROM items ORDER BY id"));
        for (int record = 1; record < read.size(); ++record) {
            QCOMPARE(items.step(), Statement::Step::Row);
            QCOMPARE(items.text(0), read.at(record).first().trimmed());
            const QJsonObject attributes = QJsonDocument::fromJson(items.text(1).toUtf8()).object();
            for (int field = 1; field < header.size(); ++field) {
                const QString expected = read.at(record).at(field).trimmed();
                QCOMPARE(text(attributes.value(header.at(field))), expected);
            }
        }
        QCOMPARE(items.step(), Statement::Step::Done);
    }
};

QTEST_GUILESS_MAIN(TestCsvSpectrum)
#include "tst_csvspectrum.moc"
