// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>

#include <algorithm>
#include <array>
#include <vector>

namespace Vitrine {

class DemoRandom;

/**
 * The demo catalog's time line, in UTC seconds since the epoch: items appear over two years and
 * people are active in the last of them. It knows which days and hours are busy and how well each
 * season's categories sell on a day, and depends only on the last day, never on the clock.
 */
class DemoCalendar
{
public:
    static constexpr qint64 Day = 86400;
    static constexpr int CatalogDays = 730; ///< items appear over two years
    static constexpr int ActivityDays = 365; ///< people are active over the last year

    explicit DemoCalendar(QDate end);

    qint64 endTs() const { return m_endTs; } ///< the last second of the last day
    qint64 activityStart() const { return m_activityStart; }
    qint64 catalogStart() const { return m_catalogStart; }
    int endYear() const { return m_endYear; }

    /** How well each DemoData::Season sells on the day of t, indexed by the season. */
    const std::array<double, 4> &seasonFactor(qint64 t) const { return m_seasonFactor[size_t(dayIndex(t))]; }

    /** A time in [from, to] at which a visit starts, more likely on busy days and hours. */
    qint64 sampleVisitTime(DemoRandom &random, qint64 from, qint64 to) const;

private:
    int dayIndex(qint64 t) const
    {
        return int(std::clamp<qint64>((t - m_catalogStart) / Day, 0, CatalogDays - 1));
    }

    qint64 m_endTs = 0, m_activityStart = 0, m_catalogStart = 0;
    int m_endYear = 2000;
    std::vector<double> m_dayWeight;
    std::vector<std::array<double, 4>> m_seasonFactor; ///< by day, by Season
    double m_maxTimeWeight = 1;
};

} // namespace Vitrine
