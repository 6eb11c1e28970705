// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/personquery.h"
#include "personinsight.h"
#include "shell/workspace.h"

#include <QWidget>

#include <optional>

class QChart;
class QChartView;
class QComboBox;
class QFormLayout;
class QLabel;
class QStackedWidget;
class QStandardItemModel;
class QTabWidget;
class QTableView;
class QTreeView;

namespace Vitrine {

class CatalogSession;
class PersonEventModel;
class PersonSegmentModel;

/**
 * One person: profile and attributes, value (RFM) and scores, every segment with the core's
 * explanation, the event timeline as a table and a chart, category and brand affinities, and
 * what a chosen slot shows them.
 *
 * The profile and events are read on a worker's connection, the engine's answers are computed
 * on the job runner; a newer person (or a new engine) makes late answers for the old one drop.
 */
class PersonPage : public QWidget
{
    Q_OBJECT

public:
    /** Events the timeline reads at most (the latest ones). */
    static constexpr int MaxEvents = 5000;

    explicit PersonPage(CatalogSession *session, QWidget *parent = nullptr);
    ~PersonPage() override;

    /** Shows the person with this external id; empty shows the page that says how to pick one. */
    void showPerson(const QString &externalId);
    QString externalId() const { return m_externalId; }

    /** Whether the profile (and events) of the current person have been read. */
    bool isProfileLoaded() const { return m_profileLoaded; }
    /** Whether the engine's answers for the current person are in. */
    bool isInsightLoaded() const { return m_insightLoaded; }
    const std::optional<PersonProfile> &profile() const { return m_profile; }
    const PersonInsight &insight() const { return m_insight; }

    PersonSegmentModel *segmentModel() const { return m_segmentModel; }
    PersonEventModel *eventModel() const { return m_eventModel; }
    QStandardItemModel *recommendationModel() const { return m_recommendationModel; }
    QComboBox *slotCombo() const { return m_slotCombo; }
    QTabWidget *tabs() const { return m_tabs; }

Q_SIGNALS:
    /** The profile was read (found or not). */
    void profileLoaded();
    /** The engine's answers are in: value, segments, affinities, slots. */
    void insightLoaded();
    /** The chosen slot's result is shown. */
    void recommendationsLoaded();
    /** Asks for an object in another workspace (an item by SKU). */
    void objectRequested(Vitrine::Workspace workspace, const QString &key);

private:
    QWidget *createProfileTab();
    QWidget *createSegmentsTab();
    QWidget *createEventsTab();
    QWidget *createAffinitiesTab();
    QWidget *createRecommendationsTab();

    void loadProfile();
    void loadInsight();
    void loadRecommendations();
    void engineChanged();

    void showProfile();
    void showInsight();
    void showEmptyInsight(const QString &message);
    void setChart(QChartView *view, QChart *chart, QStackedWidget *stack);

    CatalogSession *m_session;
    QString m_externalId;
    int m_token = 0; ///< the person's: profile reads
    int m_insightToken = 0; ///< the engine's answers (a new person or a new engine)
    int m_slotToken = 0;
    bool m_profileLoaded = false;
    bool m_insightLoaded = false;
    std::optional<PersonProfile> m_profile;
    qint64 m_eventTotal = 0;
    PersonInsight m_insight;

    QStackedWidget *m_pages;
    QLabel *m_title;
    QLabel *m_subtitle;
    QTabWidget *m_tabs;

    QFormLayout *m_profileForm;
    QFormLayout *m_valueForm;
    QLabel *m_valueNote;

    PersonSegmentModel *m_segmentModel;
    QTreeView *m_segmentTree;
    QLabel *m_segmentNote;

    PersonEventModel *m_eventModel;
    QTableView *m_eventTable;
    QChartView *m_eventChart;
    QStackedWidget *m_eventStack;
    QLabel *m_eventNote;

    QChartView *m_categoryChart;
    QStackedWidget *m_categoryStack;
    QChartView *m_brandChart;
    QStackedWidget *m_brandStack;

    QComboBox *m_slotCombo;
    QStandardItemModel *m_recommendationModel;
    QTableView *m_recommendationTable;
    QLabel *m_recommendationNote;
};

} // namespace Vitrine
