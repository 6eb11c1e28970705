// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "eval/slotdraftevaluation.h"

#include <QJsonObject>
#include <QPointer>
#include <QWidget>

#include <optional>

class QChartView;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace Vitrine {

class CatalogSession;
class Job;

/**
 * Offline evaluation in the slot editor: the saved slot and the draft on the same temporal
 * split (the core's evaluateSlotDraft, as `vitrine-cli evaluate --slot`), recall, NDCG, hit
 * rate and coverage at K, overall and for each segment, as a table and a bar chart. Runs as a
 * job with progress and Cancel in the status bar.
 */
class SlotEvaluationView : public QWidget
{
    Q_OBJECT

public:
    explicit SlotEvaluationView(CatalogSession *session, QWidget *parent = nullptr);

    void setDraft(const QString &savedKey, const QJsonObject &savedDefinition, const QString &key, const QJsonObject &definition);
    void run();
    void setK(int k);
    bool isBusy() const { return bool(m_job); }
    const std::optional<SlotDraftEvaluation> &result() const { return m_result; }

Q_SIGNALS:
    void finished();

private:
    void show(const SlotDraftEvaluation &result);

    CatalogSession *m_session;
    QString m_savedKey;
    QJsonObject m_savedDefinition;
    QString m_key;
    QJsonObject m_definition;
    QSpinBox *m_k;
    QPushButton *m_run;
    QLabel *m_summary;
    QTableWidget *m_metrics;
    QTableWidget *m_segments;
    QChartView *m_chart;
    QPointer<Job> m_job;
    std::optional<SlotDraftEvaluation> m_result;
    int m_token = 0;
};

} // namespace Vitrine
