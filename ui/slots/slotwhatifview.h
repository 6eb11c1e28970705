// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/slotwhatif.h"

#include <QJsonObject>
#include <QPointer>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTreeWidget;

namespace Vitrine {

class CatalogSession;
class Job;

/**
 * What-if for the slot being edited, before it is saved: the saved slot and the draft run for
 * the same people (everybody, or an even sample of a stated size) through the core's
 * slotWhatIf(); how many would see a different list, per segment, how far items move, and
 * example people (a double-click asks for their preview).
 */
class SlotWhatIfView : public QWidget
{
    Q_OBJECT

public:
    explicit SlotWhatIfView(CatalogSession *session, QWidget *parent = nullptr);

    /** The slot being edited: its saved key (empty when new) and the draft definition. */
    void setDraft(const QString &savedKey, const QString &key, const QJsonObject &definition);
    /** Runs the comparison (the Run button). */
    void run();
    void setSample(int people);
    bool isBusy() const { return bool(m_job); }
    const std::optional<SlotWhatIf> &result() const { return m_result; }

Q_SIGNALS:
    /** A double-click on an example person. */
    void personRequested(const QString &externalId);
    void finished();

private:
    void show(const SlotWhatIf &result);

    CatalogSession *m_session;
    QString m_savedKey;
    QString m_key;
    QJsonObject m_definition;
    QSpinBox *m_sample;
    QPushButton *m_run;
    QLabel *m_summary;
    QTableWidget *m_segments;
    QTreeWidget *m_examples;
    QPointer<Job> m_job;
    std::optional<SlotWhatIf> m_result;
    int m_token = 0;
};

} // namespace Vitrine
