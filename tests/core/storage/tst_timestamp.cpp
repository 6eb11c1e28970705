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
        for (const char *bad : {"", "yesterday", "2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "2026-1-1",
                                "01/03/2026", "2026-03-01T25:00", "2026-03-01T10:61", "2026-03-01X10:00",
                                "2026-03-01T10:20:30+", "2026-03-01T10:20:30.", "12.5", "1e9", "2026-03-01T10"})
            QTest::newRow(bad) << QString::fromLatin1(bad);
    }

    void rejects()
    {
        QFETCH(QString, text);
        QVERIFY(!Timestamp::parse(text).has_value());
    }

    void isoRoundTrip()
    {
        for (const qint64 value : {qint64(0), qint64(1772360430), qint64(-86400), qint64(4102444800)})
            QCOMPARE(Timestamp::parse(Timestamp::toIso(value)), std::optional<qint64>(value));
        QCOMPARE(Timestamp::toIso(1772360430), QStringLiteral("2026-03-01T10:20:30Z"));
    }
};

QTEST_APPLESS_MAIN(TestTimestamp)
#include "tst_timestamp.moc"
