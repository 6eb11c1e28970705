// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audience/segmentrule.h"
#include "insightsdata.h"

#include <QPointer>
#include <QString>
#include <QWidget>

#include <optional>

class QChartView;
class QComboBox;
class QLabel;
class QStackedWidget;
class QStandardItemModel;
class QTableView;

namespace Vitrine {

class CatalogSession;
class Job;

/**
 * Two segments side by side: their sizes, how they overlap (only A, both, only B, Jaccard),
 * their composition by gender, age band and country in one grouped chart each, and what a slot
 * shows each. Either side is a stored segment or the draft being edited (setDraft()).
 * Computed off the UI thread by the core functions the CLI calls; the latest request wins.
 */
class SegmentCompareView : public QWidget
{
    Q_OBJECT

public:
    enum class Chart
    {
        Gender,
        AgeBand,
        Country,
    };

    explicit SegmentCompareView(CatalogSession *session, QWidget *parent = nullptr);
    ~SegmentCompareView() override;

    /** Compares two segments by name (stored, or the draft's name); empty until both are chosen. */
    void setSegments(const QString &a, const QString &b);
    /** The segment being edited, offered first in both choices; it replaces a stored one of that name. */
    void setDraft(const QString &name, const SegmentRule &rule);
    QString segmentA() const { return m_a; }
    QString segmentB() const { return m_b; }
    /** The stored segments offered (and the draft, first, when there is one). */
    QStringList choices() const;

    bool isBusy() const { return m_busy; }
    /** The overlap of A and B on screen; nullptr when there is none. */
    const SegmentOverlap *overlap() const;
    /** A's (0) or B's (1) figures on screen; nullptr when there are none. */
    const SegmentStats *stats(int side) const;
    QChartView *chartView(Chart chart) const { return m_charts[int(chart)]; }
    /** The message shown instead of the figures; empty when they show. */
    QString emptyMessage() const;

    QString currentSlot() const;
    bool setCurrentSlot(const QString &key);
    bool isShownBusy() const { return m_shownBusy; }
    /** The slot table: rows of sku, title, A's share, B's share. */
    QStandardItemModel *shownModel() const { return m_shownModel; }

Q_SIGNALS:
    /** New figures are on screen (or a message instead). */
    void compared();
    void shownChanged();

private:
    void recompute();
    void showData(CompareData data);
    void showMessage(const QString &message);
    void showComposition();
    void loadShown();
    void fillChoices();
    void fillCombos();
    CompareData::Side side(const QString &name) const;

    CatalogSession *m_session;
    QString m_a, m_b;
    QString m_draftName;
    std::optional<SegmentRule> m_draftRule;
    int m_generation = 0;
    int m_shownGeneration = 0;
    bool m_busy = false;
    bool m_shownBusy = false;
    QPointer<Job> m_job;
    std::optional<CompareData> m_data;
    QStringList m_stored;

    QComboBox *m_comboA = nullptr;
    QComboBox *m_comboB = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_sizes = nullptr;
    QChartView *m_charts[3] = {};
    QComboBox *m_slotCombo = nullptr;
    QStandardItemModel *m_shownModel = nullptr;
    QTableView *m_shownTable = nullptr;
    QLabel *m_shownNote = nullptr;
};

} // namespace Vitrine
