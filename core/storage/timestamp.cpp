// SPDX-License-Identifier: GPL-3.0-or-later
#include "timestamp.h"

#include "fieldparser.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>

namespace Vitrine::Timestamp {

namespace {

/** Reads exactly `count` digits at `pos`; false if any is not a digit. */
bool digits(const char *data, qsizetype size, qsizetype &pos, int count, int &value)
{
    if (pos + count > size)
        return false;
    value = 0;
    for (int i = 0; i < count; ++i) {
        const char c = data[pos + i];
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + (c - '0');
    }
    pos += count;
    return true;
}

bool isLeap(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(int year, int month)
{
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeap(year) ? 29 : days[month - 1];
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
qint64 daysFromCivil(int y, int m, int d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = int(y - era * 400);
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/** The proleptic Gregorian date of a day since 1970-01-01, the inverse of daysFromCivil(). */
void civilFromDays(qint64 days, qint64 &year, int &month, int &day)
{
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 doe = days - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    day = int(doy - (153 * mp + 2) / 5 + 1);
    month = int(mp < 10 ? mp + 3 : mp - 9);
    year = yoe + era * 400 + (month <= 2 ? 1 : 0);
}

std::optional<qint64> parseUnix(const char *data, qsizetype size)
{
    qsizetype pos = 0;
    bool negative = false;
    if (pos < size && (data[pos] == '-' || data[pos] == '+')) {
        negative = data[pos] == '-';
        ++pos;
    }
    if (pos == size || size - pos > 12)
        return std::nullopt;
    qint64 value = 0;
    for (; pos < size; ++pos) {
        const char c = data[pos];
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return negative ? -value : value;
}

/** parse() without the range check: what the text says, however far off. */
std::optional<qint64> parseUnbounded(const char *data, qsizetype size)
{
    while (size > 0 && (data[0] == ' ' || data[0] == '\t')) {
        ++data;
        --size;
    }
    while (size > 0 && (data[size - 1] == ' ' || data[size - 1] == '\t'))
        --size;
    if (size == 0)
        return std::nullopt;

    // A date starts with four digits and a dash; anything else must be Unix seconds.
    if (size < 10 || data[4] != '-')
        return parseUnix(data, size);

    qsizetype pos = 0;
    int year, month, day;
    if (!digits(data, size, pos, 4, year) || data[pos++] != '-' || !digits(data, size, pos, 2, month)
        || pos >= size || data[pos++] != '-' || !digits(data, size, pos, 2, day))
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
        return std::nullopt;

    qint64 seconds = daysFromCivil(year, month, day) * 86400;
    if (pos == size)
        return seconds;

    if (data[pos] != 'T' && data[pos] != 't' && data[pos] != ' ')
        return std::nullopt;
    ++pos;
    int hour, minute, second = 0;
    if (!digits(data, size, pos, 2, hour) || pos >= size || data[pos++] != ':'
        || !digits(data, size, pos, 2, minute))
        return std::nullopt;
    if (pos < size && data[pos] == ':') {
        ++pos;
        if (!digits(data, size, pos, 2, second))
            return std::nullopt;
        if (pos < size && (data[pos] == '.' || data[pos] == ',')) {
            ++pos;
            const qsizetype start = pos;
            while (pos < size && data[pos] >= '0' && data[pos] <= '9')
                ++pos;
            if (pos == start)
                return std::nullopt; // a dot with no fraction
        }
    }
    if (hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    seconds += hour * 3600 + minute * 60 + qMin(second, 59);

    if (pos == size)
        return seconds;
    if ((data[pos] == 'Z' || data[pos] == 'z') && pos + 1 == size)
        return seconds;
    if (data[pos] != '+' && data[pos] != '-')
        return std::nullopt;
    const int sign = data[pos] == '-' ? -1 : 1;
    ++pos;
    int zoneHours, zoneMinutes = 0;
    if (!digits(data, size, pos, 2, zoneHours))
        return std::nullopt;
    if (pos < size) {
        if (data[pos] == ':')
            ++pos;
        if (!digits(data, size, pos, 2, zoneMinutes))
            return std::nullopt;
    }
    if (pos != size || zoneHours > 14 || zoneMinutes > 59)
        return std::nullopt;
    return seconds - sign * (zoneHours * 3600 + zoneMinutes * 60);
}

} // namespace

std::optional<qint64> parse(const char *data, qsizetype size)
{
    const std::optional<qint64> seconds = parseUnbounded(data, size);
    if (!seconds || *seconds < MinSeconds || *seconds > MaxSeconds)
        return std::nullopt;
    return seconds;
}

std::optional<qint64> parse(QStringView text)
{
    const QByteArray utf8 = text.toUtf8();
    return parse(utf8.constData(), utf8.size());
}

QString toIso(qint64 unixSeconds)
{
    // Not QDateTime: it has no year 0 (1 BC is its year -1) and writes nothing outside 0001-9999,
    // so year 0000, which parse() accepts, would be exported as an empty field.
    qint64 days = unixSeconds / 86400;
    qint64 rest = unixSeconds % 86400;
    if (rest < 0) {
        rest += 86400;
        --days;
    }
    qint64 year = 0;
    int month = 0, day = 0;
    civilFromDays(days, year, month, day);
    char text[64];
    const char *sign = year < 0 ? "-" : year > 9999 ? "+" : "";
    std::snprintf(text, sizeof text, "%s%04lld-%02d-%02dT%02d:%02d:%02dZ", sign,
        static_cast<long long>(std::llabs(year)), month, day, int(rest / 3600), int(rest / 60 % 60),
        int(rest % 60));
    return QString::fromLatin1(text);
}

QString problem(QByteArrayView text)
{
    const std::optional<qint64> seconds = parseUnbounded(text.data(), text.size());
    if (seconds && (*seconds < MinSeconds || *seconds > MaxSeconds))
        return QCoreApplication::translate("Vitrine::Importer",
            "%1 is outside the years 0000 to 9999 (Unix seconds %2 to %3), which Vitrine can store and write "
            "back")
            .arg(FieldParser::quoted(text))
            .arg(MinSeconds)
            .arg(MaxSeconds);
    return QCoreApplication::translate("Vitrine::Importer",
        "%1 is not a date or time (use ISO 8601 such as 2026-03-01T10:20:00Z, or Unix seconds)")
        .arg(FieldParser::quoted(text));
}

} // namespace Vitrine::Timestamp
