// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/csvreader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Vitrine;

class TestCsvReader : public QObject
{
    Q_OBJECT

private:
    struct Parsed
    {
        QList<QStringList> records;
        QList<qint64> lines;
        QString error;
    };

    Parsed parse(const QByteArray &content)
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.csv"));
        QFile file(path);
        file.open(QIODevice::WriteOnly);
        file.write(content);
        file.close();
        CsvReader reader;
        Parsed parsed;
        if (!reader.open(path, &parsed.error))
            return parsed;
        for (;;) {
            const RecordSource::Next next = reader.next();
            if (next == RecordSource::Next::End)
                break;
            if (next == RecordSource::Next::Error) {
                parsed.error = reader.errorString().section(QLatin1Char('/'), -1);
                break;
            }
            QStringList fields;
            for (int i = 0; i < reader.fieldCount(); ++i)
                fields.append(reader.fieldString(i));
            parsed.records.append(fields);
            parsed.lines.append(reader.line());
        }
        return parsed;
    }

private slots:
    void quotedFieldsAndLineEnds()
    {
        const Parsed parsed = parse("a,b\r\n\"x,1\",\"say \"\"hi\"\"\"\r\n\"multi\nline\",z\n\nlast,row");
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        QCOMPARE(parsed.records.size(), 4);
        QCOMPARE(parsed.records.at(1), QStringList({QStringLiteral("x,1"), QStringLiteral("say \"hi\"")}));
        QCOMPARE(parsed.records.at(2), QStringList({QStringLiteral("multi\nline"), QStringLiteral("z")}));
        QCOMPARE(parsed.records.at(3), QStringList({QStringLiteral("last"), QStringLiteral("row")}));
        QCOMPARE(parsed.lines, QList<qint64>({1, 2, 3, 6}));
    }

    void byteOrderMarkIsSkipped()
    {
        const Parsed parsed = parse("\xEF\xBB\xBFsku,title\nA,Å\n");
        QCOMPARE(parsed.records.first().first(), QStringLiteral("sku"));
        QCOMPARE(parsed.records.at(1).at(1), QStringLiteral("Å"));
    }

    /** A stray quote is a literal one, as in spreadsheet programs and Python's csv; counted per field. */
    void strayQuotesAreLiteral_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QStringList>("second");
        QTest::addColumn<qint64>("literal");
        QTest::addColumn<qint64>("line");
        QTest::newRow("inches") << QByteArray("a,b\n1,Samsung 55\" TV\n") << QStringList({QStringLiteral("1"), QStringLiteral("Samsung 55\" TV")}) << qint64(1) << qint64(2);
        QTest::newRow("coordinates") << QByteArray("a,b\nx,y\n1,37°36'37.8\"N 121°2'17.9\"W\n")
                                     << QStringList({QStringLiteral("1"), QStringLiteral("37°36'37.8\"N 121°2'17.9\"W")}) << qint64(1) << qint64(3);
        QTest::newRow("doubled quotes are not stray") << QByteArray("a,b\n1,\"say \"\"hi\"\"\"\n") << QStringList({QStringLiteral("1"), QStringLiteral("say \"hi\"")}) << qint64(0) << qint64(0);
        QTest::newRow("two fields, one line") << QByteArray("a,b\n5\",6\"\n") << QStringList({QStringLiteral("5\""), QStringLiteral("6\"")}) << qint64(2) << qint64(2);
    }

    void strayQuotesAreLiteral()
    {
        QFETCH(QByteArray, content);
        QFETCH(QStringList, second);
        QFETCH(qint64, literal);
        QFETCH(qint64, line);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("q.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        CsvReader reader;
        QString error;
        QVERIFY(reader.open(path, &error));
        QList<QStringList> records;
        while (reader.next() == RecordSource::Next::Record) {
            QStringList fields;
            for (int i = 0; i < reader.fieldCount(); ++i)
                fields.append(reader.fieldString(i));
            records.append(fields);
        }
        QVERIFY2(reader.errorString().isEmpty(), qPrintable(reader.errorString()));
        QCOMPARE(records.last(), second);
        QCOMPARE(reader.literalQuotes(), literal);
        QCOMPARE(reader.firstLiteralQuoteLine(), line);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("unterminated") << QByteArray("a,b\n1,\"open\n2,3\n") << QStringLiteral("t.csv:2: a quoted field that starts here is never closed");
        QTest::newRow("text after a closing quote") << QByteArray("a,b\n1,2\n1,\"x\"y\n") << QStringLiteral("t.csv:3: text follows the closing quote of a quoted field");
        QTest::newRow("unterminated at the end") << QByteArray("a,b\n1,2\n3,\"open") << QStringLiteral("t.csv:3: a quoted field that starts here is never closed");
        QTest::newRow("latin-1") << QByteArray("a,b\n1,\xe6\xf8\n") << QStringLiteral("t.csv:2: field 2 is not valid UTF-8 text");
        QTest::newRow("overlong") << QByteArray("a\n\xc0\xaf\n") << QStringLiteral("t.csv:2: field 1 is not valid UTF-8");
        QTest::newRow("surrogate") << QByteArray("a\n\xed\xa0\x80\n") << QStringLiteral("t.csv:2: field 1 is not valid UTF-8");
        QTest::newRow("truncated sequence") << QByteArray("a\nx\xe2\x82\n") << QStringLiteral("t.csv:2: field 1 is not valid UTF-8");
        QTest::newRow("huge field") << (QByteArray("a\n") + QByteArray(100000, 'y') + "\n")
                                    << QStringLiteral("t.csv:2: field 1 is 100000 bytes long; the limit is 65536 bytes");
    }

    void errors()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        const Parsed parsed = parse(content);
        QVERIFY2(parsed.error.contains(message), qPrintable(parsed.error));
    }
};

QTEST_APPLESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
