// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/timestamp.h"

#include <QTest>

using namespace Vitrine;

class TestTimestamp : public QObject
{
    Q_OBJECT

private slots:
    void parses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("epoch date") << QStringLiteral("1970-01-01") << qint64(0);
        QTest::newRow("leap day") << QStringLiteral("2024-02-29") << qint64(1709164800);
        QTest::newRow("T") << QStringLiteral("2026-03-01T10:20:30") << qint64(1772360430);
        QTest::newRow("space") << QStringLiteral("2026-03-01 10:20:30") << qint64(1772360430);
        QTest::newRow("Z") << QStringLiteral("2026-03-01T10:20:30Z") << qint64(1772360430);
        QTest::newRow("+02:00") << QStringLiteral("2026-03-01T12:20:30+02:00") << qint64(1772360430);
        QTest::newRow("-0500") << QStringLiteral("2026-03-01T05:20:30-0500") << qint64(1772360430);
        QTest::newRow("+01") << QStringLiteral("2026-03-01T11:20:30+01") << qint64(1772360430);
        QTest::newRow("fraction") << QStringLiteral("2026-03-01T10:20:30.999Z") << qint64(1772360430);
        QTest::newRow("no seconds") << QStringLiteral("2026-03-01 10:20") << qint64(1772360400);
        QTest::newRow("unix") << QStringLiteral("1772360430") << qint64(1772360430);
        QTest::newRow("negative unix") << QStringLiteral("-86400") << qint64(-86400);
        QTest::newRow("padded") << QStringLiteral("  2026-03-01 ") << qint64(1772323200);
        QTest::newRow("year 0000") << QStringLiteral("0000-01-01T00:00:00Z") << Timestamp::MinSeconds;
        QTest::newRow("year 0000 leap day") << QStringLiteral("0000-02-29") << qint64(-62162121600);
        QTest::newRow("year 0001") << QStringLiteral("0001-01-01") << qint64(-62135596800);
        QTest::newRow("year 9999") << QStringLiteral("9999-12-31T23:59:59Z") << Timestamp::MaxSeconds;
        QTest::newRow("largest unix") << QStringLiteral("253402300799") << Timestamp::MaxSeconds;
        QTest::newRow("smallest unix") << QStringLiteral("-62167219200") << Timestamp::MinSeconds;
    }

    void parses()
    {
        QFETCH(QString, text);
        QFETCH(qint64, expected);
        const std::optional<qint64> parsed = Timestamp::parse(text);
        QVERIFY(parsed.has_value());
        QCOMPARE(*parsed, expected);
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *bad : {"", "yesterday", "2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10",
                 "2026-1-1", "01/03/2026", "2026-03-01T25:00", "2026-03-01T10:61", "2026-03-01X10:00",
                 "2026-03-01T10:20:30+", "2026-03-01T10:20:30.", "12.5", "1e9", "2026-03-01T10",
                 // Outside what toIso() writes with four-digit years (issue 10.6).
                 "253402300800", "-62167219201", "999999999999", "-999999999999", "9999-12-31T23:30:00-01:00",
                 "0000-01-01T00:30:00+01:00"})
            QTest::newRow(bad) << QString::fromLatin1(bad);
    }

    void rejects()
    {
        QFETCH(QString, text);
        QVERIFY(!Timestamp::parse(text).has_value());
    }

    void isoRoundTrip_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("iso");
        QTest::newRow("epoch") << qint64(0) << QStringLiteral("1970-01-01T00:00:00Z");
        QTest::newRow("now") << qint64(1772360430) << QStringLiteral("2026-03-01T10:20:30Z");
        QTest::newRow("one second before the epoch") << qint64(-1) << QStringLiteral("1969-12-31T23:59:59Z");
        QTest::newRow("a day before the epoch") << qint64(-86400) << QStringLiteral("1969-12-31T00:00:00Z");
        QTest::newRow("2100") << qint64(4102444800) << QStringLiteral("2100-01-01T00:00:00Z");
        QTest::newRow("year 0000") << Timestamp::MinSeconds << QStringLiteral("0000-01-01T00:00:00Z");
        QTest::newRow("year 0000 leap day") << qint64(-62162121600) << QStringLiteral("0000-02-29T00:00:00Z");
        QTest::newRow("year 0001") << qint64(-62135596800) << QStringLiteral("0001-01-01T00:00:00Z");
        QTest::newRow("year 9999") << Timestamp::MaxSeconds << QStringLiteral("9999-12-31T23:59:59Z");
        QTest::newRow("1600 leap day") << qint64(-11670998400) << QStringLiteral("1600-02-29T00:00:00Z");
    }

    void isoRoundTrip()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, iso);
        QCOMPARE(Timestamp::toIso(seconds), iso);
        QCOMPARE(Timestamp::parse(iso), std::optional<qint64>(seconds));
    }

    /** Every day from 0000 to 9999 (sampled) is written as a time parse() reads back exactly. */
    void everyAcceptedDayRoundTrips()
    {
        for (qint64 seconds = Timestamp::MinSeconds; seconds <= Timestamp::MaxSeconds;
             seconds += 86400 * 7 + 3601) {
            const QString iso = Timestamp::toIso(seconds);
            QCOMPARE(iso.size(), 20);
            QCOMPARE(Timestamp::parse(iso), std::optional<qint64>(seconds));
        }
    }

    void outsideTheRangeIsStillWritten()
    {
        // Never written by an export (parse() refuses them), but a message shows something.
        QCOMPARE(Timestamp::toIso(Timestamp::MaxSeconds + 1), QStringLiteral("+10000-01-01T00:00:00Z"));
        QCOMPARE(Timestamp::toIso(Timestamp::MinSeconds - 1), QStringLiteral("-0001-12-31T23:59:59Z"));
    }

    void problemSaysWhy()
    {
        QVERIFY(
            Timestamp::problem("253402300800").contains(QStringLiteral("is outside the years 0000 to 9999")));
        QVERIFY(Timestamp::problem("yesterday").contains(QStringLiteral("is not a date or time")));
    }
};

QTEST_APPLESS_MAIN(TestTimestamp)
#include "tst_timestamp.moc"
