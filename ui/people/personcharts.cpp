// SPDX-License-Identifier: GPL-3.0-or-later
#include "personcharts.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QCoreApplication>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsLayout>
#include <QHorizontalBarSeries>
#include <QLocale>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>
#include <array>
#include <cmath>

namespace Vitrine {

namespace {

constexpr qint64 SecondsPerDay = 86400;
constexpr qint64 SecondsPerWeek = 7 * SecondsPerDay;
/** Dates along the time axis at most, so they can be read. */
constexpr int MaxDateTicks = 7;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Vitrine::PersonCharts)
};

QString typeTitle(EventType type)
{
    switch (type) {
    case EventType::View:
        return Tr::tr("Views");
    case EventType::Click:
        return Tr::tr("Clicks");
    case EventType::Cart:
        return Tr::tr("Added to cart");
    case EventType::Purchase:
        return Tr::tr("Purchases");
    case EventType::Read:
        return Tr::tr("Reads");
    case EventType::Rating:
        return Tr::tr("Ratings");
    }
    return eventTypeName(type);
}

QColor typeColor(EventType type)
{
    static const std::array<QColor, EventTypeCount> colors = {
        QColor(0x9a, 0xa7, 0xb8), // view
        QColor(0x5b, 0x8d, 0xd6), // click
        QColor(0xe0, 0x9b, 0x3d), // cart
        QColor(0x2e, 0x9d, 0x5a), // purchase
        QColor(0x8e, 0x6b, 0xc7), // read
        QColor(0xd6, 0x5b, 0x7a), // rating
    };
    return colors[size_t(type)];
}

void tidy(QChart *chart)
{
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
}

} // namespace

qint64 PersonCharts::weekStart(qint64 unixSeconds)
{
    const qint64 day
        = unixSeconds >= 0 ? unixSeconds / SecondsPerDay : (unixSeconds - SecondsPerDay + 1) / SecondsPerDay;
    // 1970-01-01 was a Thursday: three days after a Monday.
    const qint64 sinceMonday = ((day + 3) % 7 + 7) % 7;
    return (day - sinceMonday) * SecondsPerDay;
}

QChart *PersonCharts::eventsPerWeek(const QList<PersonEvent> &events)
{
    if (events.isEmpty())
        return nullptr;
    qint64 first = weekStart(events.first().time);
    qint64 last = first;
    for (const PersonEvent &event : events) {
        first = std::min(first, weekStart(event.time));
        last = std::max(last, weekStart(event.time));
    }
    const int weeks = int((last - first) / SecondsPerWeek) + 1;
    std::array<QList<qreal>, EventTypeCount> counts;
    for (auto &list : counts)
        list.fill(0, weeks);
    for (const PersonEvent &event : events)
        counts[size_t(event.type)][int((weekStart(event.time) - first) / SecondsPerWeek)] += 1;

    auto *series = new QStackedBarSeries;
    series->setBarWidth(weeks < 6 ? 0.4 : 0.8);
    qreal highest = 0;
    QList<qreal> totals(weeks, 0);
    for (int type = 0; type < EventTypeCount; ++type) {
        if (std::all_of(
                counts[size_t(type)].cbegin(), counts[size_t(type)].cend(), [](qreal v) { return v == 0; }))
            continue;
        auto *set = new QBarSet(typeTitle(EventType(type)));
        set->setColor(typeColor(EventType(type)));
        set->setBorderColor(typeColor(EventType(type)));
        set->append(counts[size_t(type)]);
        series->append(set);
        for (int week = 0; week < weeks; ++week)
            totals[week] += counts[size_t(type)][week];
    }
    for (qreal total : std::as_const(totals))
        highest = std::max(highest, total);

    // The bars need a category axis; the dates read better on a time axis laid over it, week k
    // spanning [first + k weeks, first + k + 1 weeks) so each bar sits in the middle of its week.
    QStringList labels;
    for (int week = 0; week < weeks; ++week)
        labels.append(QString::number(week));

    auto *chart = new QChart;
    tidy(chart);
    chart->setTitle(Tr::tr("Events per week"));
    chart->addSeries(series);
    auto *axisX = new QBarCategoryAxis;
    axisX->append(labels);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    axisX->setVisible(false);
    auto *dates = new QDateTimeAxis;
    dates->setRange(QDateTime::fromSecsSinceEpoch(first, Qt::UTC),
        QDateTime::fromSecsSinceEpoch(first + qint64(weeks) * SecondsPerWeek, Qt::UTC));
    const qint64 span = qint64(weeks) * SecondsPerWeek;
    dates->setFormat(span > 300 * SecondsPerDay ? QStringLiteral("MMM yyyy") : QStringLiteral("d MMM"));
    dates->setTickCount(std::clamp(weeks + 1, 2, MaxDateTicks));
    dates->setGridLineVisible(false);
    chart->addAxis(dates, Qt::AlignBottom);
    auto *axisY = new QValueAxis;
    axisY->setLabelFormat(QStringLiteral("%d"));
    axisY->setRange(0, std::max<qreal>(1, highest));
    axisY->setTickType(QValueAxis::TicksDynamic);
    axisY->setTickInterval(std::max<qreal>(1, std::ceil(highest / 4)));
    axisY->setTickAnchor(0);
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

QChart *PersonCharts::affinities(
    const QString &title, const QList<PersonInsight::Affinity> &affinities, int limit)
{
    if (affinities.isEmpty())
        return nullptr;
    const int shown = std::min(limit, int(affinities.size()));
    auto *set = new QBarSet(Tr::tr("Share of interest"));
    set->setColor(QColor(0x5b, 0x8d, 0xd6));
    set->setBorderColor(QColor(0x5b, 0x8d, 0xd6));
    QStringList labels;
    // Horizontal bars run bottom up: the strongest last, so it is drawn on top.
    for (int i = shown - 1; i >= 0; --i) {
        set->append(affinities.at(i).share * 100.0);
        QString label = affinities.at(i).label;
        // Two categories can share a name ("Women > Shoes", "Men > Shoes"): the path tells them apart.
        for (int j = 0; j < shown; ++j) {
            if (j != i && affinities.at(j).label == label) {
                label = affinities.at(i).path;
                break;
            }
        }
        while (labels.contains(label))
            label += QChar(0x200B);
        labels.append(label);
    }
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    series->setBarWidth(0.7);
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value %"));
    series->setLabelsPrecision(2);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    set->setLabelColor(QColor(0x30, 0x30, 0x30));

    auto *chart = new QChart;
    tidy(chart);
    chart->setTitle(title);
    chart->addSeries(series);
    auto *axisY = new QBarCategoryAxis;
    axisY->append(labels);
    axisY->setGridLineVisible(false);
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    auto *axisX = new QValueAxis;
    // Room for the strongest bar and its label, in steps of 10 or 20 points.
    const double strongest = affinities.first().share * 100.0;
    const int step = strongest * 1.25 > 40 ? 20 : 10;
    const int top = std::min(100, std::max(step, int(std::ceil(strongest * 1.25 / step)) * step));
    axisX->setRange(0, top);
    axisX->setLabelFormat(QStringLiteral("%d%%"));
    axisX->setTickCount(top / step + 1);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    chart->legend()->hide();
    return chart;
}

} // namespace Vitrine
