// SPDX-License-Identifier: GPL-3.0-or-later
#include "insightscharts.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDate>
#include <QGraphicsLayout>
#include <QHorizontalBarSeries>
#include <QLocale>
#include <QPalette>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace Vitrine {

namespace {

void tidy(QChart *chart)
{
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
}

/** An axis from 0 to a round top above @p highest (with room for the labels) in @p ticks steps. */
void roundAxis(QValueAxis *axis, qreal highest, const QString &format, bool percent)
{
    // Room for the figures at the bars' ends; a share never needs more than 100%.
    const qreal wanted = percent && highest <= 100 ? std::min<qreal>(100, std::max<qreal>(1, highest * 1.18))
                                                   : std::max<qreal>(1, highest * 1.18);
    const qreal magnitude = std::pow(10.0, std::floor(std::log10(wanted)));
    qreal step = magnitude;
    for (const qreal factor : {0.1, 0.2, 0.25, 0.5, 1.0}) {
        if (wanted / (magnitude * factor) <= 5) {
            step = magnitude * factor;
            break;
        }
    }
    const int steps = int(std::ceil(wanted / step));
    axis->setRange(0, steps * step);
    axis->setTickCount(steps + 1);
    axis->setLabelFormat(format);
}

/** Category axes need distinct names: a zero-width space tells equal ones apart. */
QStringList distinct(QStringList labels)
{
    for (int i = 0; i < labels.size(); ++i) {
        while (labels.indexOf(labels.at(i)) < i)
            labels[i] += QChar(0x200B);
    }
    return labels;
}

} // namespace

QChart *InsightsCharts::grouped(
    const QString &title, const QStringList &labels, const std::vector<Bars> &bars, bool horizontal)
{
    if (labels.isEmpty()) {
        // An empty state says so in the title instead of drawing empty axes.
        auto *chart = new QChart;
        tidy(chart);
        chart->setTitle(title);
        chart->legend()->hide();
        return chart;
    }
    QAbstractBarSeries *series = horizontal ? static_cast<QAbstractBarSeries *>(new QHorizontalBarSeries)
                                            : static_cast<QAbstractBarSeries *>(new QBarSeries);
    qreal highest = 0;
    // Horizontal bars run bottom up: reversed, the first label is on top.
    QStringList order = distinct(labels);
    if (horizontal)
        std::reverse(order.begin(), order.end());
    // The sets keep their order, so the legend reads as given (horizontal groups draw it bottom up).
    for (const Bars &source : bars) {
        auto *set = new QBarSet(source.name);
        set->setColor(source.colour);
        set->setBorderColor(source.colour);
        set->setLabelColor(QColor(0x30, 0x30, 0x30));
        QList<qreal> values = source.percents;
        if (horizontal)
            std::reverse(values.begin(), values.end());
        set->append(values);
        for (qreal v : std::as_const(values))
            highest = std::max(highest, v);
        series->append(set);
    }
    series->setBarWidth(bars.size() > 1 ? 0.8 : 0.6);
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value%"));
    series->setLabelsPrecision(3);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    // Many narrow bars side by side: their figures stand upright instead of running into each other.
    const bool crowded = !horizontal && order.size() * bars.size() > 8;
    if (crowded) {
        series->setLabelsAngle(-90);
        series->setLabelsPrecision(2);
    }

    auto *chart = new QChart;
    tidy(chart);
    chart->setTitle(title);
    chart->addSeries(series);
    auto *categories = new QBarCategoryAxis;
    categories->append(order);
    if (crowded) {
        QFont small = categories->labelsFont();
        small.setPointSizeF(small.pointSizeF() * 0.85);
        categories->setLabelsFont(small);
    }
    categories->setGridLineVisible(false);
    auto *values = new QValueAxis;
    // Upright figures need room above the highest bar.
    roundAxis(values, crowded ? highest * 1.15 : highest, QStringLiteral("%g%%"), true);
    chart->addAxis(categories, horizontal ? Qt::AlignLeft : Qt::AlignBottom);
    chart->addAxis(values, horizontal ? Qt::AlignBottom : Qt::AlignLeft);
    series->attachAxis(categories);
    series->attachAxis(values);
    chart->legend()->setVisible(bars.size() > 1);
    chart->legend()->setAlignment(Qt::AlignTop);
    return chart;
}

QChart *InsightsCharts::monthSizes(const QString &title, const std::vector<SegmentMonthSize> &sizes)
{
    auto *set = new QBarSet(title);
    set->setColor(segmentColour());
    set->setBorderColor(segmentColour());
    set->setLabelColor(QColor(0x30, 0x30, 0x30));
    QStringList months;
    qreal highest = 0;
    for (const SegmentMonthSize &size : sizes) {
        set->append(size.size);
        highest = std::max<qreal>(highest, size.size);
        // "2026-03" → "Mar": twelve of them fit under the bars (the title gives the years).
        const QDate date = QDate::fromString(size.month + QStringLiteral("-01"), Qt::ISODate);
        months.append(date.isValid() ? QLocale().toString(date, QStringLiteral("MMM")) : size.month);
    }
    auto *series = new QBarSeries;
    series->append(set);
    series->setBarWidth(0.7);
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value"));
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    auto *chart = new QChart;
    tidy(chart);
    chart->setTitle(title);
    chart->addSeries(series);
    auto *axisX = new QBarCategoryAxis;
    axisX->append(distinct(months));
    axisX->setGridLineVisible(false);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    auto *axisY = new QValueAxis;
    roundAxis(axisY, highest, QStringLiteral("%d"), false);
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    chart->legend()->hide();
    return chart;
}

void InsightsCharts::show(QChartView *view, QChart *chart, const QPalette &palette)
{
    QChart *old = view->chart();
    // The charts follow the window's palette, light or dark.
    const QColor text = palette.color(QPalette::Text);
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsColor(text);
        axis->setLinePenColor(palette.color(QPalette::Mid));
        axis->setGridLineColor(palette.color(QPalette::Midlight));
    }
    for (QAbstractSeries *series : chart->series()) {
        if (auto *bars = qobject_cast<QAbstractBarSeries *>(series)) {
            for (QBarSet *set : bars->barSets())
                set->setLabelColor(text);
        }
    }
    view->setChart(chart);
    delete old;
}

QList<qreal> InsightsCharts::values(QChartView *view, int set)
{
    const QList<QAbstractSeries *> series
        = view->chart() ? view->chart()->series() : QList<QAbstractSeries *>();
    auto *bars = series.isEmpty() ? nullptr : qobject_cast<QAbstractBarSeries *>(series.first());
    if (!bars || set < 0 || set >= bars->count())
        return {};
    const bool horizontal = qobject_cast<QHorizontalBarSeries *>(bars) != nullptr;
    QBarSet *barSet = bars->barSets().at(set);
    QList<qreal> list;
    for (int i = 0; i < barSet->count(); ++i)
        list.append(barSet->at(i));
    if (horizontal)
        std::reverse(list.begin(), list.end());
    return list;
}

QStringList InsightsCharts::labels(QChartView *view)
{
    if (!view->chart())
        return {};
    for (QAbstractAxis *axis : view->chart()->axes()) {
        if (auto *categories = qobject_cast<QBarCategoryAxis *>(axis)) {
            QStringList list = categories->categories();
            for (QString &label : list)
                label.remove(QChar(0x200B));
            if (axis->orientation() == Qt::Vertical)
                std::reverse(list.begin(), list.end());
            return list;
        }
    }
    return {};
}

} // namespace Vitrine
