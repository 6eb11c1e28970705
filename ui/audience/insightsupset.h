// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QWidget>

#include <vector>

namespace Vitrine {

/**
 * An UpSet chart: one bar per combination of segments that people belong to exactly, its size
 * on top, and under it a dot matrix with a row per segment, the combination's segments filled
 * and joined. Reads better than a Venn diagram beyond three sets; Qt Charts has no such type.
 */
class InsightsUpSet : public QWidget
{
    Q_OBJECT

public:
    struct Bar
    {
        std::vector<int> sets; ///< rows filled in the dot matrix
        int size = 0;
        QString toolTip;
    };

    explicit InsightsUpSet(QWidget *parent = nullptr);

    void setData(const QStringList &setLabels, std::vector<Bar> bars);
    int barCount() const { return int(m_bars.size()); }
    const Bar &bar(int index) const { return m_bars[size_t(index)]; }
    QStringList setLabels() const { return m_labels; }
    /** The bar's rectangle in widget coordinates (for clicks in tests). */
    QRect barRect(int index) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void barClicked(int index);

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    int labelWidth() const;
    int rowHeight() const;
    int matrixTop() const;
    /** The column (bar and dots) under a point, or -1. */
    int columnAt(const QPoint &point) const;
    QRect columnRect(int index) const;

    QStringList m_labels;
    std::vector<Bar> m_bars;
    int m_hover = -1;
};

} // namespace Vitrine
