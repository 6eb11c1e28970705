// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audience/segmentstats.h"

#include <QColor>
#include <QList>
#include <QStringList>

#include <vector>

class QChart;
class QChartView;
class QPalette;

namespace Vitrine {

/** The segment views' charts, built from figures already computed (nothing here reads data). */
class InsightsCharts
{
public:
    /** The segment's bars (blue), everybody's (grey) and a second segment's (orange). */
    static QColor segmentColour() { return QColor(0x5b, 0x8d, 0xd6); }
    static QColor everybodyColour() { return QColor(0x9a, 0xa7, 0xb8); }
    static QColor otherColour() { return QColor(0xe0, 0x9b, 0x3d); }

    /** One series of bars in percent. */
    struct Bars
    {
        QString name;
        QList<qreal> percents;
        QColor colour;
    };

    /**
     * Groups of bars side by side per label, in percent, with the figure at each bar's end.
     * Horizontal bars (for long labels such as category paths) list the first label on top.
     */
    static QChart *grouped(
        const QString &title, const QStringList &labels, const std::vector<Bars> &bars, bool horizontal);
    /** The segment's size at each month end as bars, labelled with the figures. */
    static QChart *monthSizes(const QString &title, const std::vector<SegmentMonthSize> &sizes);

    /** Puts @p chart in @p view (deleting the one before), its colours after the palette. */
    static void show(QChartView *view, QChart *chart, const QPalette &palette);
    /**
     * The values of one bar set of the view's chart, in the order of the labels given to
     * grouped() (so top to bottom for horizontal bars); empty without a chart.
     */
    static QList<qreal> values(QChartView *view, int set);
    /** The labels in the order given to grouped(). */
    static QStringList labels(QChartView *view);
};

} // namespace Vitrine
