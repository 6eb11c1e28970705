// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "segmentevaluation.h"
#include "session/draftstore.h"
#include "shell/workspacepage.h"

#include <QJsonObject>
#include <QMap>
#include <QPointer>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTimer;

namespace Vitrine {

class MessageBar;
class RuleBuilder;
class SegmentCompareView;
class SegmentInsightsView;
class SegmentListModel;
class SegmentMembersView;
class Job;

/**
 * The Audience workspace: the catalog's segments in priority order (drag to change it) with
 * their sizes; for the chosen one a title and description, the visual rule builder and the
 * same rule as JSON, a live member count with a count beside every row, the members, the
 * insights and a comparison with another segment.
 *
 * Every edit (rule, title, new, duplicate, rename, remove, priority) is an undo command on the
 * session's stack over a draft; Save writes them all. Counts run off the UI thread through the
 * core's SegmentEvaluator with the drafts in place, the latest edit winning.
 */
class AudiencePage : public WorkspacePage
{
    Q_OBJECT

public:
    explicit AudiencePage(CatalogSession *session, QWidget *parent = nullptr);
    ~AudiencePage() override;

    /** Selects a segment by name. */
    bool showObject(const QString &name) override;
    QString currentSegment() const { return m_current; }

    /** New segment (a draft, selected); returns its name. */
    QString newSegment();
    /** Duplicates the current segment; returns the copy's name, empty when none is selected. */
    QString duplicateSegment();
    /** Renames the current segment; false and why (name taken or invalid, segment in use). */
    bool renameSegment(const QString &newName, QString *error = nullptr);
    /** Removes the current segment; false and why (it is in use: where). */
    bool removeSegment(QString *error = nullptr);
    /** Moves a segment to @p row of the list (the priority order), as a drag does. */
    void moveSegment(const QString &name, int row);
    /** The priority order as edited now. */
    QStringList priority() const;
    /** The definition as edited now ({"title", "description", "rule"}). */
    QJsonObject definition(const QString &name) const;

    /** The member count shown for the current segment, -1 while counting or when invalid. */
    int shownCount() const { return m_shownCount; }
    /** Milliseconds the last count took off the UI thread. */
    qint64 lastCountMs() const { return m_lastCountMs; }
    bool isCounting() const;
    /** Whether the list's sizes are being counted (or an edit will count them shortly). */
    bool isSizing() const;

    SegmentListModel *listModel() const { return m_list; }
    QTableView *listView() const { return m_listView; }
    RuleBuilder *builder() const { return m_builder; }
    QPlainTextEdit *jsonEditor() const { return m_json; }
    QTabWidget *tabs() const { return m_tabs; }
    SegmentMembersView *membersView() const { return m_members; }
    SegmentInsightsView *insightsView() const { return m_insights; }
    SegmentCompareView *compareView() const { return m_compare; }
    MessageBar *messageBar() const { return m_message; }

Q_SIGNALS:
    /** A count for the current rule arrived (size -1: it could not be counted). */
    void counted(int size);

private:
    void loadStored();
    void refreshList();
    void refreshChoices();
    void select(const QString &name);
    void showDefinition();
    void editDefinition(const QJsonObject &definition, int mergeId, const QString &what);
    void applyJsonText();
    void scheduleCount();
    void runCount();
    void scheduleSizes();
    /** Hands the latest evaluation to the insights or the comparison, whichever is in view. */
    void updateAnalysis();
    void runSizes();
    void onDraftChanged(const DraftId &id);
    QStringList effectiveNames() const;
    QString uniqueName(const QString &base) const;
    /** What would break without @p name, saved and unsaved; empty when nothing. */
    QStringList usersOf(const QString &name) const;
    void setPriority(const QStringList &order, const QString &what);
    /** Definitions of the unsaved segment drafts, for evaluation. */
    QMap<QString, QJsonObject> draftDefinitions() const;

    QMap<QString, QJsonObject> m_stored;
    QStringList m_storedPriority;
    QString m_current;

    SegmentListModel *m_list;
    QTableView *m_listView;
    QPushButton *m_new;
    QPushButton *m_duplicate;
    QPushButton *m_rename;
    QPushButton *m_remove;
    MessageBar *m_message;
    QLabel *m_name;
    QLineEdit *m_title;
    QLineEdit *m_description;
    QLabel *m_count;
    QTabWidget *m_tabs;
    RuleBuilder *m_builder;
    QPlainTextEdit *m_json;
    QLabel *m_jsonStatus;
    SegmentMembersView *m_members;
    SegmentInsightsView *m_insights = nullptr;
    SegmentCompareView *m_compare = nullptr;
    QTimer *m_countDelay;
    QTimer *m_sizesDelay;
    QTimer *m_jsonDelay;
    QPointer<Job> m_countJob;
    int m_countToken = 0;
    int m_sizesToken = 0;
    int m_sizedToken = 0;
    int m_countedToken = 0; ///< the token of the count shown (or given up on)
    int m_shownCount = -1;
    qint64 m_lastCountMs = -1;
    bool m_applyingJson = false;
    SegmentEvaluationPtr m_analysed; ///< the latest counted rule
    SegmentEvaluationPtr m_insightsFor; ///< what the insights were last given
    SegmentEvaluationPtr m_compareFor;
    bool m_analysisPending = false;
};

} // namespace Vitrine
