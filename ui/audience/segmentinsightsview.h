// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audience/personset.h"
#include "audience/segmentrule.h"
#include "insightsdata.h"

#include <QPointer>
#include <QString>
#include <QWidget>

#include <memory>
#include <optional>

class QChartView;
class QComboBox;
class QGridLayout;
class QLabel;
class QPushButton;
class QStackedWidget;
class QStandardItemModel;
class QTableView;

namespace Vitrine {

class CatalogSession;
class InsightsHeatMap;
class InsightsUpSet;
class Job;

/**
 * What a segment is made of, for the audience workspace: composition against everyone, the
 * categories and brands its members favour, spend and orders, an RFM map, its size at the last
 * twelve month ends, its overlap with the other segments and what a slot shows its members.
 *
 * Everything is computed off the UI thread by the core functions `vitrine-cli segment stats`
 * and `segment overlap` call, for the segment being edited (a draft rule is fine); the latest
 * request wins. Clicking a bar, an RFM cell or an UpSet bar narrows the members to the people
 * behind it (membersNarrowed()).
 */
class SegmentInsightsView : public QWidget
{
    Q_OBJECT

public:
    /** The charts, for tests and for the page to read figures from. */
    enum class Chart
    {
        Gender,
        AgeBand,
        Country,
        Categories,
        Brands,
        Months,
    };

    explicit SegmentInsightsView(CatalogSession *session, QWidget *parent = nullptr);
    ~SegmentInsightsView() override;

    /** The segment to show: its name (empty for a new one) and its rule, saved or not. */
    void setSegment(const QString &name, const SegmentRule &rule);
    QString segmentName() const { return m_name; }

    /** Whether figures for the latest segment are still being computed. */
    bool isBusy() const { return m_busy; }
    /** The figures on screen; nullptr before the first result or after a failure. */
    const SegmentStats *stats() const;
    /** The size at each month end on screen. */
    const std::vector<SegmentMonthSize> &monthSizes() const;
    /** The overlap on screen (the stored segments and this one); nullptr when there is none. */
    const SegmentOverlap *overlap() const;
    /** This segment's place among overlap()'s names, or -1. */
    int overlapSelfIndex() const;
    QChartView *chartView(Chart chart) const;
    InsightsHeatMap *rfmMap() const { return m_rfmMap; }
    InsightsHeatMap *overlapMap() const { return m_overlapMap; }
    InsightsUpSet *upSet() const { return m_upSet; }
    /** The message shown instead of the figures ("No one in this segment at …"); empty when they show. */
    QString emptyMessage() const;

    QString currentSlot() const;
    /** Chooses the slot whose items the table lists (its key); false when there is no such slot. */
    bool setCurrentSlot(const QString &key);
    bool isShownBusy() const { return m_shownBusy; }
    /** What the chosen slot shows the members; nullptr before it was computed. */
    const SegmentShown *shown() const;

Q_SIGNALS:
    /**
     * The user picked a bar or cell: `people` are the members behind it, `label` says which
     * ("Country: Denmark"). The page filters its member list by it.
     */
    void membersNarrowed(const QString &label, std::shared_ptr<const PersonSet> people);
    /** New figures are on screen (or the empty state or an error). */
    void statsShown();
    /** The slot table was filled. */
    void shownChanged();

private:
    void recompute();
    void showData(InsightsData data);
    void showMessage(const QString &message);
    void showComposition();
    void showFavourites();
    void showValue();
    void showRfm();
    void showOverlap();
    void loadShown();
    void narrow(const QString &label, const InsightsNarrowing &narrowing);
    void connectBars(Chart chart, SegmentFacet facet, const QString &dimension, const QStringList &keys);
    QWidget *card(const QString &title, QWidget *content, QLabel **note = nullptr);

    CatalogSession *m_session;
    QString m_name;
    std::optional<SegmentRule> m_rule;
    int m_generation = 0;
    int m_shownGeneration = 0;
    bool m_busy = false;
    bool m_shownBusy = false;
    QPointer<Job> m_job;
    QPointer<Job> m_shownJob;
    std::optional<InsightsData> m_data;
    std::optional<InsightsShown> m_shown;

    QStackedWidget *m_pages = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_status = nullptr;
    QChartView *m_charts[6] = {};
    QLabel *m_valueFigures = nullptr;
    InsightsHeatMap *m_rfmMap = nullptr;
    QPushButton *m_neverBought = nullptr;
    QLabel *m_rfmNote = nullptr;
    QLabel *m_monthsNote = nullptr;
    InsightsHeatMap *m_overlapMap = nullptr;
    InsightsUpSet *m_upSet = nullptr;
    QLabel *m_overlapNote = nullptr;
    QComboBox *m_slotCombo = nullptr;
    QStandardItemModel *m_shownModel = nullptr;
    QTableView *m_shownTable = nullptr;
    QLabel *m_shownNote = nullptr;
};

} // namespace Vitrine
