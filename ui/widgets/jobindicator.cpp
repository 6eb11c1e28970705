// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobindicator.h"

#include "session/jobrunner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

namespace Vitrine {

JobIndicator::JobIndicator(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QToolButton(this))
{
    setObjectName(QStringLiteral("jobIndicator"));
    m_label->setObjectName(QStringLiteral("jobLabel"));
    m_bar->setObjectName(QStringLiteral("jobProgress"));
    m_bar->setMaximumWidth(160);
    m_bar->setMaximumHeight(fontMetrics().height() + 2);
    m_bar->setTextVisible(false);
    m_cancel->setObjectName(QStringLiteral("jobCancel"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop this work; nothing it would have written is kept"));
    m_cancel->setAutoRaise(true);
    connect(m_cancel, &QToolButton::clicked, this, [this] {
        if (m_shown)
            m_shown->cancel();
    });
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    hide();
}

JobIndicator::~JobIndicator() = default;

void JobIndicator::watch(JobRunner *runner)
{
    m_runners.append(runner);
    connect(runner, &JobRunner::jobStarted, this, [this](Job *job) {
        connect(job, &Job::progressChanged, this, &JobIndicator::update);
        update();
    });
    connect(runner, &JobRunner::activeJobsChanged, this, &JobIndicator::update);
    for (Job *job : runner->activeJobs())
        connect(job, &Job::progressChanged, this, &JobIndicator::update);
    update();
}

QList<Job *> JobIndicator::jobs() const
{
    QList<Job *> all;
    for (const QPointer<JobRunner> &runner : m_runners) {
        if (runner)
            all += runner->activeJobs();
    }
    return all;
}

void JobIndicator::update()
{
    const QList<Job *> active = jobs();
    if (active.isEmpty()) {
        m_shown = nullptr;
        hide();
        return;
    }
    Job *job = active.constFirst();
    m_shown = job;
    const QString stage = job->stage();
    QString text = stage.isEmpty() || stage == job->title() ? job->title()
                                                            : tr("%1: %2").arg(job->title(), stage);
    if (job->isCancelled())
        text = tr("%1: cancelling…").arg(job->title());
    if (active.size() > 1)
        text += tr(" (+%n more)", nullptr, int(active.size() - 1));
    m_label->setText(text);
    QStringList all;
    for (const Job *j : active)
        all.append(j->title());
    setToolTip(all.join(QLatin1Char('\n')));
    const double fraction = job->fraction();
    if (fraction < 0) {
        m_bar->setRange(0, 0); // busy
    } else {
        m_bar->setRange(0, 1000);
        m_bar->setValue(int(fraction * 1000));
    }
    m_cancel->setEnabled(!job->isCancelled());
    show();
}

} // namespace Vitrine
