// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace Vitrine {

class CatalogSession;
class Job;

/**
 * The models behind the slot being edited: every model kept in the catalog with the events it
 * was trained on (fresh when they are the current events, stale when events changed since),
 * its size and when it was trained, and a Train button that trains what this slot's strategies
 * need (as `vitrine-cli train` does for saved slots) as a job with progress and Cancel, saying
 * how long it took.
 */
class SlotModelsView : public QWidget
{
    Q_OBJECT

public:
    explicit SlotModelsView(CatalogSession *session, QWidget *parent = nullptr);

    void setDraft(const QString &key, const QJsonObject &definition);
    /** Reads the models table again (off the UI thread). */
    void refresh();
    /** Trains the draft's models and keeps them in the catalog. */
    void train();
    bool isBusy() const { return bool(m_job) || m_reading; }
    /** Rows as shown: "name fresh|stale". */
    QStringList shownModels() const;
    QString lastMessage() const;

Q_SIGNALS:
    void trained(bool ok);

private:
    CatalogSession *m_session;
    QString m_key;
    QJsonObject m_definition;
    QLabel *m_summary;
    QTableWidget *m_table;
    QPushButton *m_train;
    QPointer<Job> m_job;
    bool m_reading = false;
};

} // namespace Vitrine
