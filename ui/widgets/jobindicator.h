// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace Vitrine {

class Job;
class JobRunner;

/**
 * The status bar's jobs indicator: the running job's title, stage and progress, a Cancel
 * button, and how many more are waiting. Hidden while nothing runs. Watches any number of job
 * runners (the window's own and the open catalog's).
 */
class JobIndicator : public QWidget
{
    Q_OBJECT

public:
    explicit JobIndicator(QWidget *parent = nullptr);
    ~JobIndicator() override;

    void watch(JobRunner *runner);

private:
    void update();
    QList<Job *> jobs() const;

    QList<QPointer<JobRunner>> m_runners;
    QLabel *m_label;
    QProgressBar *m_bar;
    QToolButton *m_cancel;
    QPointer<Job> m_shown;
};

} // namespace Vitrine
