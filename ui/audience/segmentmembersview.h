// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audience/segmentexplanation.h"
#include "segmentevaluation.h"

#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;
class QToolButton;
class QTreeWidget;

namespace Vitrine {

class CatalogSession;
class MemberTableModel;

/**
 * The members of the segment being edited: a lazily paged table with a search over external
 * ids, narrowed to the people behind a chart bar when the insights ask; for the selected person
 * every condition with what they actually have and whether it held; "why is this person not a
 * member?" for anyone; and an export of the members to CSV (the core's SegmentExporter, the
 * same columns as `vitrine-cli segment export`).
 */
class SegmentMembersView : public QWidget
{
    Q_OBJECT

public:
    explicit SegmentMembersView(CatalogSession *session, QWidget *parent = nullptr);
    ~SegmentMembersView() override;

    /** The evaluation to show (null: none yet). Keeps the search, drops a narrowing. */
    void setEvaluation(SegmentEvaluationPtr evaluation);
    /** Shows only the members among @p people, labelled ("Country: Denmark"); null clears. */
    void narrowTo(const QString &label, std::shared_ptr<const PersonSet> people);
    void setSearch(const QString &text);

    /** The rows the table holds now (after search and narrowing), fetched or not. */
    int shownCount() const;
    bool isBusy() const { return m_busy > 0; }
    MemberTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }

    /** Explains one person by external id: member or not, every condition. */
    void explainPerson(const QString &externalId);
    /** The explanation shown, if any. */
    const std::optional<SegmentExplanation> &explanation() const { return m_explanation; }
    /** Writes the members (narrowed ones when narrowed) to @p path in the background; exported() says how it went. */
    void exportTo(const QString &path);

Q_SIGNALS:
    void exported(bool ok, const QString &message);
    /** Asks to open a person in the People workspace. */
    void personRequested(const QString &externalId);

private:
    void refill();
    void showExplanation(const SegmentExplanation &explanation);
    void chooseExportFile();

    CatalogSession *m_session;
    SegmentEvaluationPtr m_evaluation;
    QString m_narrowLabel;
    std::shared_ptr<const PersonSet> m_narrow;
    MemberTableModel *m_model;
    QLineEdit *m_search;
    QLabel *m_summary;
    QToolButton *m_narrowChip;
    QPushButton *m_export;
    QTableView *m_table;
    QLineEdit *m_whyNot;
    QLabel *m_verdict;
    QTreeWidget *m_explanationTree;
    QTimer *m_searchDelay;
    std::optional<SegmentExplanation> m_explanation;
    QString m_explaining; ///< the person last asked about
    int m_fillToken = 0;
    int m_explainToken = 0;
    int m_busy = 0;
};

} // namespace Vitrine
