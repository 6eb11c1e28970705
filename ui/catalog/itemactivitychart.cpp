// SPDX-License-Identifier: GPL-3.0-or-later
#include "itemactivitychart.h"

#include "catalog/iteminsights.h"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFontMetrics>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

namespace Vitrine {

ItemActivityChart::ItemActivityChart(QWidget *parent)
    : QChartView(new QChart, parent) // setChart() would release, not delete, a default chart
{
    setObjectName(QStringLiteral("itemActivityChart"));
    setRenderHint(QPainter::Antialiasing);
    setFixedHeight(250);
    QChart *chart = this->chart();
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignBottom);
}

ItemActivityChart::~ItemActivityChart() = default;

void ItemActivityChart::clear()
{
    QChart *chart = this->chart();
    chart->removeAllSeries();
    const QList<QAbstractAxis *> axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        chart->removeAxis(axis);
        delete axis;
    }
}

void ItemActivityChart::setActivity(const ItemActivity &activity, bool content)
{
    clear();
    if (activity.weeks.isEmpty())
        return;
    QChart *chart = this->chart();

    struct Line
    {
        QString name;
        int ItemWeek::*count;
        QColor color;
    };
    QList<Line> lines {
        {tr("Views"), &ItemWeek::views, QColor(0x35, 0x84, 0xe4)},
        {tr("Carts"), &ItemWeek::carts, QColor(0xe6, 0x61, 0x00)},
        {tr("Purchases"), &ItemWeek::purchases, QColor(0x26, 0xa2, 0x69)},
    };
    if (content || activity.reads > 0)
        lines.append({tr("Reads"), &ItemWeek::reads, QColor(0x91, 0x41, 0xac)});

    auto *xAxis = new QDateTimeAxis;
    xAxis->setFormat(QStringLiteral("d MMM"));
    xAxis->setTitleText(tr("Week starting"));
    const auto time = [](qint64 seconds) { return QDateTime::fromSecsSinceEpoch(seconds).toMSecsSinceEpoch(); };
    xAxis->setRange(QDateTime::fromSecsSinceEpoch(activity.weeks.constFirst().start),
        QDateTime::fromSecsSinceEpoch(activity.weeks.constLast().start));
    auto *yAxis = new QValueAxis;
    yAxis->setLabelFormat(QStringLiteral("%d"));
    yAxis->setTitleText(tr("Events per week"));
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);

    int highest = 0;
    for (const Line &line : std::as_const(lines)) {
        auto *series = new QLineSeries;
        series->setName(line.name);
        series->setColor(line.color);
        for (const ItemWeek &week : activity.weeks) {
            series->append(qreal(time(week.start)), week.*line.count);
            highest = std::max(highest, week.*line.count);
        }
        chart->addSeries(series);
        series->attachAxis(xAxis);
        series->attachAxis(yAxis);
    }
    // Whole numbers of events, with a little room above the highest week.
    yAxis->setRange(0, std::max(4, highest + std::max(1, highest / 8)));
    yAxis->applyNiceNumbers();
    m_weekCount = int(activity.weeks.size());
    fitWeekLabels();
}

void ItemActivityChart::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    fitWeekLabels();
}

void ItemActivityChart::fitWeekLabels()
{
    const QList<QAbstractAxis *> axes = chart()->axes(Qt::Horizontal);
    auto *xAxis = axes.isEmpty() ? nullptr : qobject_cast<QDateTimeAxis *>(axes.constFirst());
    if (!xAxis || m_weekCount < 1)
        return;
    // The widest label ("30 Sep") and a gap; the plot takes the width less the value axis.
    const QFontMetrics metrics(xAxis->labelsFont());
    const int label = metrics.horizontalAdvance(QStringLiteral("30 Sep")) + metrics.averageCharWidth() * 3;
    const int room = std::max(1, int(chart()->plotArea().width() > 0 ? chart()->plotArea().width() : width() * 0.75));
    xAxis->setTickCount(std::clamp(room / label + 1, 2, std::min(m_weekCount, 7)));
}

QStringList ItemActivityChart::seriesNames() const
{
    QStringList names;
    const QList<QAbstractSeries *> series = chart()->series();
    for (const QAbstractSeries *one : series)
        names.append(one->name());
    return names;
}

} // namespace Vitrine
