// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QChartView>

namespace Vitrine {

struct ItemActivity;

/**
 * One item's views, carts and purchases (and reads, for content) per week, as lines: the item
 * page's chart. Weeks are labelled by the day they start.
 */
class ItemActivityChart : public QChartView
{
    Q_OBJECT

public:
    explicit ItemActivityChart(QWidget *parent = nullptr);
    ~ItemActivityChart() override;

    void setActivity(const ItemActivity &activity, bool content);
    void clear();

    /** The series shown, by name ("Views", …), for tests. */
    QStringList seriesNames() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    /** As many week labels as fit the width, so none is cut short. */
    void fitWeekLabels();

    int m_weekCount = 0;
};

} // namespace Vitrine
