// SPDX-License-Identifier: GPL-3.0-or-later
#include "democalendar.h"

#include "demo/demorandom.h"

#include <cmath>
#include <cstdlib>

namespace Vitrine {

namespace {

constexpr qint64 UnixEpochJulianDay = 2440588;

/** Visits per hour of the day (UTC, close to the shop's countries' local time). */
constexpr std::array<double, 24> HourWeights = {0.3, 0.15, 0.1, 0.08, 0.08, 0.15, 0.35, 0.6, 0.8, 0.9, 0.95,
    1.0, 1.1, 1.0, 0.95, 0.95, 1.0, 1.1, 1.3, 1.5, 1.6, 1.4, 1.0, 0.6};

double dayOfYearBump(int dayOfYear, int centre, double width)
{
    int distance = std::abs(dayOfYear - centre);
    distance = std::min(distance, 365 - distance);
    return std::exp(-(double(distance) / width) * (double(distance) / width));
}

} // namespace

DemoCalendar::DemoCalendar(QDate end)
{
    m_endYear = end.year();
    m_endTs = (end.toJulianDay() - UnixEpochJulianDay + 1) * Day - 1;
    m_activityStart = m_endTs + 1 - ActivityDays * Day;
    m_catalogStart = m_endTs + 1 - CatalogDays * Day;

    // Busy weeks before Christmas and in the January sales, quieter summers; Sundays and Mondays
    // busier than Fridays and Saturdays.
    static constexpr std::array<double, 7> weekday = {1.1, 1.0, 1.0, 1.0, 0.9, 0.85, 1.15};
    const QDate first = end.addDays(1 - CatalogDays);
    for (int d = 0; d < CatalogDays; ++d) {
        const QDate date = first.addDays(d);
        const int m = date.month(), day = date.day();
        double w = 1;
        if (m == 1 && day <= 10)
            w = 1.25;
        else if (m >= 2 && m <= 4)
            w = 0.95;
        else if (m >= 6 && m <= 8)
            w = 0.88;
        else if (m == 11)
            w = day >= 21 ? 1.9 : 1.2;
        else if (m == 12)
            w = day <= 20 ? 1.6 : (day <= 26 ? 0.85 : 1.2);
        m_dayWeight.push_back(w * weekday[size_t(date.dayOfWeek() - 1)]);
        const int doy = std::min(date.dayOfYear(), 365);
        m_seasonFactor.push_back({1.0, 0.5 + 1.3 * dayOfYearBump(doy, 185, 55),
            0.5 + 1.3 * dayOfYearBump(doy, 20, 65), 0.8 + 1.6 * dayOfYearBump(doy, 345, 20)});
    }
    m_maxTimeWeight = *std::max_element(m_dayWeight.begin(), m_dayWeight.end())
        * *std::max_element(HourWeights.begin(), HourWeights.end());
}

qint64 DemoCalendar::sampleVisitTime(DemoRandom &random, qint64 from, qint64 to) const
{
    for (int attempt = 0; attempt < 64; ++attempt) {
        const qint64 t = random.between(from, to);
        const double w
            = m_dayWeight[size_t(dayIndex(t))] * HourWeights[size_t(((t % Day) + Day) % Day / 3600)];
        if (random.uniform() * m_maxTimeWeight < w)
            return t;
    }
    return random.between(from, to);
}

} // namespace Vitrine
