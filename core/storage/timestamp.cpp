// SPDX-License-Identifier: GPL-3.0-or-later
#include "timestamp.h"

#include <QDateTime>

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

} // namespace

std::optional<qint64> parse(const char *data, qsizetype size)
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

std::optional<qint64> parse(QStringView text)
{
    const QByteArray utf8 = text.toUtf8();
    return parse(utf8.constData(), utf8.size());
}

QString toIso(qint64 unixSeconds)
{
    return QDateTime::fromSecsSinceEpoch(unixSeconds, Qt::UTC).toString(Qt::ISODate);
}

} // namespace Vitrine::Timestamp
