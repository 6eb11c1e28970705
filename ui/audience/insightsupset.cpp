// SPDX-License-Identifier: GPL-3.0-or-later
#include "insightsupset.h"

#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace Vitrine {

namespace {

constexpr int Margin = 6;
constexpr int MinColumnWidth = 26;
const QColor Blue(0x5b, 0x8d, 0xd6);

} // namespace

InsightsUpSet::InsightsUpSet(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void InsightsUpSet::setData(const QStringList &setLabels, std::vector<Bar> bars)
{
    m_labels = setLabels;
    m_bars = std::move(bars);
    m_hover = -1;
    updateGeometry();
    update();
}

int InsightsUpSet::labelWidth() const
{
    int width = 0;
    for (const QString &label : m_labels)
        width = std::max(width, fontMetrics().horizontalAdvance(label));
    return std::min(width, 220) + 2 * Margin;
}

int InsightsUpSet::rowHeight() const
{
    return fontMetrics().height() + 4;
}

int InsightsUpSet::matrixTop() const
{
    return height() - Margin - rowHeight() * int(m_labels.size());
}

QRect InsightsUpSet::columnRect(int index) const
{
    const int left = labelWidth();
    const int width = std::max(1, this->width() - left - Margin);
    const int columns = std::max(1, barCount());
    const int x0 = left + width * index / columns;
    const int x1 = left + width * (index + 1) / columns;
    return QRect(QPoint(x0, Margin), QPoint(x1 - 1, height() - Margin));
}

QRect InsightsUpSet::barRect(int index) const
{
    const QRect column = columnRect(index);
    const int top = Margin + fontMetrics().height() + 2; // room for the figure above the tallest bar
    const int bottom = matrixTop() - Margin;
    int highest = 1;
    for (const Bar &bar : m_bars)
        highest = std::max(highest, bar.size);
    const int height = std::max(1, (bottom - top) * m_bars[size_t(index)].size / highest);
    const int barWidth = std::min(36, column.width() * 2 / 3);
    return QRect(column.center().x() - barWidth / 2, bottom - height, barWidth, height);
}

int InsightsUpSet::columnAt(const QPoint &point) const
{
    for (int i = 0; i < barCount(); ++i) {
        if (columnRect(i).contains(point))
            return i;
    }
    return -1;
}

QSize InsightsUpSet::sizeHint() const
{
    return QSize(
        labelWidth() + std::max(4, barCount()) * 44 + Margin, 160 + rowHeight() * int(m_labels.size()));
}

QSize InsightsUpSet::minimumSizeHint() const
{
    return QSize(labelWidth() + std::max(1, barCount()) * MinColumnWidth + Margin,
        110 + rowHeight() * int(m_labels.size()));
}

void InsightsUpSet::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor text = palette().color(QPalette::Text);
    const QColor faint = palette().color(QPalette::Midlight);
    const QFontMetrics metrics = fontMetrics();
    const int top = matrixTop();
    const int rows = int(m_labels.size());
    // Stripes and labels of the dot matrix.
    for (int row = 0; row < rows; ++row) {
        const QRect line(0, top + row * rowHeight(), width(), rowHeight());
        if (row % 2 == 0)
            painter.fillRect(
                line.adjusted(labelWidth() - Margin, 0, 0, 0), palette().color(QPalette::AlternateBase));
        painter.setPen(text);
        painter.drawText(QRect(Margin, line.top(), labelWidth() - 2 * Margin, line.height()),
            Qt::AlignRight | Qt::AlignVCenter, metrics.elidedText(m_labels.at(row), Qt::ElideMiddle, 220));
    }
    const int dot = std::max(6, std::min(rowHeight() - 6, 12));
    for (int i = 0; i < barCount(); ++i) {
        const Bar &b = m_bars[size_t(i)];
        const QRect rect = barRect(i);
        painter.setPen(Qt::NoPen);
        painter.setBrush(i == m_hover ? Blue.darker(125) : Blue);
        painter.drawRect(rect);
        painter.setPen(text);
        const QString figure = QLocale().toString(b.size);
        const QRect label(
            columnRect(i).left(), rect.top() - metrics.height() - 2, columnRect(i).width(), metrics.height());
        painter.drawText(label, Qt::AlignHCenter | Qt::AlignBottom, figure);
        const int x = columnRect(i).center().x();
        int first = -1, last = -1;
        for (int row = 0; row < rows; ++row) {
            const bool in = std::find(b.sets.begin(), b.sets.end(), row) != b.sets.end();
            if (in) {
                first = first < 0 ? row : first;
                last = row;
            }
        }
        const auto centre = [&](int row) {
            return top + row * rowHeight() + rowHeight() / 2;
        };
        if (first >= 0 && last > first) {
            painter.setPen(QPen(text, 2));
            painter.drawLine(x, centre(first), x, centre(last));
        }
        for (int row = 0; row < rows; ++row) {
            const bool in = std::find(b.sets.begin(), b.sets.end(), row) != b.sets.end();
            painter.setPen(Qt::NoPen);
            painter.setBrush(in ? text : faint);
            painter.drawEllipse(QPoint(x, centre(row)), dot / 2, dot / 2);
        }
    }
}

bool InsightsUpSet::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const int index = columnAt(help->pos());
        if (index >= 0)
            QToolTip::showText(help->globalPos(), m_bars[size_t(index)].toolTip, this, columnRect(index));
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void InsightsUpSet::mouseMoveEvent(QMouseEvent *event)
{
    const int hover = columnAt(event->position().toPoint());
    if (hover != m_hover) {
        m_hover = hover;
        setCursor(hover >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
        update();
    }
}

void InsightsUpSet::mouseReleaseEvent(QMouseEvent *event)
{
    const int index = columnAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && index >= 0)
        Q_EMIT barClicked(index);
}

} // namespace Vitrine
