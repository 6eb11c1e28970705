// SPDX-License-Identifier: GPL-3.0-or-later
#include "insightsheatmap.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace Vitrine {

namespace {

constexpr int Gap = 2;
constexpr int Margin = 6;
/** Columns narrower than this make the figures unreadable; the map then asks for more width. */
constexpr int MinCellWidth = 44;
constexpr int MinCellHeight = 26;

const QColor Blue(0x5b, 0x8d, 0xd6);
const QColor Orange(0xe0, 0x9b, 0x3d);

QColor blend(const QColor &from, const QColor &to, double t)
{
    t = std::clamp(t, 0.0, 1.0);
    return QColor::fromRgbF(float(from.redF() + (to.redF() - from.redF()) * t),
        float(from.greenF() + (to.greenF() - from.greenF()) * t),
        float(from.blueF() + (to.blueF() - from.blueF()) * t));
}

/**
 * A column label in one line when it fits, else in two split at the hyphen or space nearest its
 * middle ("bargain-" / "hunters"), each elided if still too wide.
 */
QStringList labelLines(const QString &label, int width, const QFontMetrics &metrics)
{
    if (metrics.horizontalAdvance(label) <= width)
        return {label};
    int best = -1;
    for (int i = 1; i < label.size() - 1; ++i) {
        if ((label.at(i) == u'-' || label.at(i) == u' ' || label.at(i) == u'_')
            && (best < 0 || std::abs(i - label.size() / 2) < std::abs(best - label.size() / 2)))
            best = i;
    }
    if (best < 0)
        return {metrics.elidedText(label, Qt::ElideMiddle, width)};
    return {metrics.elidedText(label.left(best + 1).trimmed(), Qt::ElideRight, width),
        metrics.elidedText(label.mid(best + 1).trimmed(), Qt::ElideRight, width)};
}

} // namespace

InsightsHeatMap::InsightsHeatMap(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void InsightsHeatMap::setGrid(const QStringList &rowLabels, const QStringList &columnLabels,
    std::vector<std::vector<Cell>> cells, Scale scale)
{
    m_rows = rowLabels;
    m_columns = columnLabels;
    m_cells = std::move(cells);
    m_scale = scale;
    m_hover = {-1, -1};
    updateGeometry();
    update();
}

void InsightsHeatMap::setAxisTitles(const QString &rows, const QString &columns)
{
    m_rowTitle = rows;
    m_columnTitle = columns;
    updateGeometry();
    update();
}

void InsightsHeatMap::clear()
{
    setGrid({}, {}, {}, m_scale);
}

int InsightsHeatMap::rowLabelWidth() const
{
    int width = 0;
    for (const QString &label : m_rows)
        width = std::max(width, fontMetrics().horizontalAdvance(label));
    return width + Margin + (m_rowTitle.isEmpty() ? 0 : fontMetrics().height() + Margin);
}

int InsightsHeatMap::columnLabelHeight() const
{
    // Two lines when a label does not fit its column (the columns' width does not depend on this).
    const int columnWidth = (width() - rowLabelWidth() - Margin) / std::max(1, columnCount()) - Gap;
    int lines = 1;
    for (const QString &label : m_columns)
        lines = std::max(lines, int(labelLines(label, columnWidth, fontMetrics()).size()));
    return lines * fontMetrics().height() + Margin
        + (m_columnTitle.isEmpty() ? 0 : fontMetrics().height() + Gap);
}

QRect InsightsHeatMap::gridRect() const
{
    const int left = rowLabelWidth();
    const int bottom = columnLabelHeight();
    return QRect(left, Margin, std::max(0, width() - left - Margin), std::max(0, height() - bottom - Margin));
}

QRect InsightsHeatMap::cellRect(int row, int column) const
{
    const QRect grid = gridRect();
    const int rows = std::max(1, rowCount());
    const int columns = std::max(1, columnCount());
    const int x0 = grid.left() + grid.width() * column / columns;
    const int x1 = grid.left() + grid.width() * (column + 1) / columns;
    const int y0 = grid.top() + grid.height() * row / rows;
    const int y1 = grid.top() + grid.height() * (row + 1) / rows;
    return QRect(QPoint(x0, y0), QPoint(x1 - Gap, y1 - Gap));
}

std::pair<int, int> InsightsHeatMap::cellAt(const QPoint &point) const
{
    for (int row = 0; row < rowCount(); ++row) {
        for (int column = 0; column < columnCount(); ++column) {
            if (cellRect(row, column).contains(point))
                return {row, column};
        }
    }
    return {-1, -1};
}

QColor InsightsHeatMap::colourOf(double value) const
{
    const QColor base = palette().color(QPalette::Base);
    if (std::isnan(value))
        return palette().color(QPalette::Window);
    if (m_scale == Scale::Share)
        return blend(base, Blue, 0.08 + 0.92 * value);
    // Lift on a log scale: 1 is neutral, ×4 and ÷4 the strongest colours.
    const double position = value > 0 ? std::log2(value) / 2.0 : -1.0;
    return position >= 0 ? blend(base, Blue, 0.08 + 0.92 * position)
                         : blend(base, Orange, 0.08 - 0.92 * position);
}

QSize InsightsHeatMap::sizeHint() const
{
    return QSize(rowLabelWidth() + std::max(1, columnCount()) * 72 + Margin,
        columnLabelHeight() + std::max(1, rowCount()) * 36 + Margin);
}

QSize InsightsHeatMap::minimumSizeHint() const
{
    return QSize(rowLabelWidth() + std::max(1, columnCount()) * MinCellWidth + Margin,
        columnLabelHeight() + std::max(1, rowCount()) * MinCellHeight + Margin);
}

void InsightsHeatMap::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor text = palette().color(QPalette::Text);
    const QFontMetrics metrics = fontMetrics();
    for (int row = 0; row < rowCount(); ++row) {
        const QRect first = cellRect(row, 0);
        painter.setPen(text);
        const int labelRight = gridRect().left() - Margin;
        painter.drawText(QRect(0, first.top(), labelRight, first.height()), Qt::AlignRight | Qt::AlignVCenter,
            m_rows.value(row));
        for (int column = 0; column < columnCount(); ++column) {
            const QRect rect = cellRect(row, column);
            const Cell &c = cell(row, column);
            const QColor fill = colourOf(c.colour);
            painter.setPen(m_hover == std::pair(row, column) && c.clickable
                    ? QPen(palette().color(QPalette::Highlight), 2)
                    : QPen(Qt::NoPen));
            painter.setBrush(fill);
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 3, 3);
            // Dark text on light cells, light on dark ones.
            painter.setPen(fill.lightnessF() > 0.55 ? QColor(0x20, 0x20, 0x20) : QColor(Qt::white));
            painter.drawText(
                rect, Qt::AlignCenter, metrics.elidedText(c.text, Qt::ElideRight, rect.width() - 4));
        }
    }
    painter.setPen(text);
    const QRect grid = gridRect();
    const int labelTop = grid.bottom() + Gap;
    int lines = 1;
    for (int column = 0; column < columnCount(); ++column) {
        const QRect rect = cellRect(0, column);
        const QStringList parts = labelLines(m_columns.value(column), rect.width(), metrics);
        lines = std::max(lines, int(parts.size()));
        for (int line = 0; line < parts.size(); ++line) {
            painter.drawText(QRect(rect.left(), labelTop + Margin / 2 + line * metrics.height(), rect.width(),
                                 metrics.height()),
                Qt::AlignCenter, parts.at(line));
        }
    }
    if (!m_columnTitle.isEmpty()) {
        painter.drawText(QRect(grid.left(), labelTop + lines * metrics.height() + Margin - Gap, grid.width(),
                             metrics.height()),
            Qt::AlignCenter, m_columnTitle);
    }
    if (!m_rowTitle.isEmpty()) {
        painter.save();
        painter.translate(metrics.height() / 2.0 + 1, grid.center().y());
        painter.rotate(-90);
        painter.drawText(QRect(-grid.height() / 2, -metrics.height() / 2, grid.height(), metrics.height()),
            Qt::AlignCenter, m_rowTitle);
        painter.restore();
    }
}

bool InsightsHeatMap::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const auto [row, column] = cellAt(help->pos());
        if (row >= 0 && !cell(row, column).toolTip.isEmpty())
            QToolTip::showText(help->globalPos(), cell(row, column).toolTip, this, cellRect(row, column));
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void InsightsHeatMap::mouseMoveEvent(QMouseEvent *event)
{
    const auto hover = cellAt(event->position().toPoint());
    if (hover != m_hover) {
        m_hover = hover;
        const bool clickable = hover.first >= 0 && cell(hover.first, hover.second).clickable;
        setCursor(clickable ? Qt::PointingHandCursor : Qt::ArrowCursor);
        update();
    }
}

void InsightsHeatMap::mouseReleaseEvent(QMouseEvent *event)
{
    const auto [row, column] = cellAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && row >= 0 && cell(row, column).clickable)
        Q_EMIT cellClicked(row, column);
}

void InsightsHeatMap::leaveEvent(QEvent *)
{
    m_hover = {-1, -1};
    update();
}

} // namespace Vitrine
