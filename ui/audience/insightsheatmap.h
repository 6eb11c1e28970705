// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QWidget>

#include <vector>

namespace Vitrine {

/**
 * A grid of figures coloured by a second value, with row and column labels: the RFM map
 * (members per recency × frequency cell, coloured by lift) and the overlap matrix (people in
 * both, coloured by Jaccard). Qt Charts has no heat map, so it is painted here.
 */
class InsightsHeatMap : public QWidget
{
    Q_OBJECT

public:
    /** How a cell's colour value maps to a colour. */
    enum class Scale
    {
        Share, ///< 0..1: from the background to full blue
        Lift, ///< around 1: orange below, blue above, on a log scale (¼ and 4 are the ends)
    };

    struct Cell
    {
        QString text; ///< drawn in the cell ("1,204")
        double colour = 0; ///< on the map's scale
        QString toolTip;
        double value = 0; ///< the figure behind the text, for tests and sorting
        bool clickable = true;
    };

    explicit InsightsHeatMap(QWidget *parent = nullptr);

    /** Cells by row, each row as many as columnLabels. */
    void setGrid(const QStringList &rowLabels, const QStringList &columnLabels,
        std::vector<std::vector<Cell>> cells, Scale scale);
    /** Titles along the axes ("Recency score", "Frequency score"); empty: none. */
    void setAxisTitles(const QString &rows, const QString &columns);
    void clear();

    int rowCount() const { return int(m_cells.size()); }
    int columnCount() const { return int(m_columns.size()); }
    const Cell &cell(int row, int column) const { return m_cells[size_t(row)][size_t(column)]; }
    QStringList rowLabels() const { return m_rows; }
    QStringList columnLabels() const { return m_columns; }
    /** Where a cell is drawn, in widget coordinates (for clicks in tests). */
    QRect cellRect(int row, int column) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void cellClicked(int row, int column);

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    QRect gridRect() const;
    /** The cell under a point, or (-1, -1). */
    std::pair<int, int> cellAt(const QPoint &point) const;
    QColor colourOf(double value) const;
    int rowLabelWidth() const;
    int columnLabelHeight() const;

    QStringList m_rows, m_columns;
    std::vector<std::vector<Cell>> m_cells;
    Scale m_scale = Scale::Share;
    QString m_rowTitle, m_columnTitle;
    std::pair<int, int> m_hover {-1, -1};
};

} // namespace Vitrine
