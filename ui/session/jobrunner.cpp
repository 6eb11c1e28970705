// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobrunner.h"

#include "studiologging.h"

#include "common/parallel.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QThreadPool>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace Vitrine {

Job::Job(const QString &title, QObject *parent)
    : QObject(parent)
    , m_title(title)
{
    m_timer.start();
}

Job::~Job() = default;

QString Job::stage() const
{
    std::lock_guard lock(m_mutex);
    return m_stage;
}

double Job::fraction() const
{
    std::lock_guard lock(m_mutex);
    return m_fraction;
}

Progress Job::progress()
{
    return Progress([this](const QString &stage, qint64 done, qint64 total) { report(stage, done, total); },
        &m_cancelled);
}

void Job::cancel()
{
    if (m_finished || m_cancelled.exchange(true))
        return;
    qCInfo(lcJobs) << "cancelling" << m_title;
    Q_EMIT progressChanged();
}

void Job::report(const QString &stage, qint64 done, qint64 total)
{
    {
        std::lock_guard lock(m_mutex);
        m_stage = stage;
        m_fraction = total > 0 ? qBound(0.0, double(done) / double(total), 1.0) : -1.0;
    }
    // Called on the worker's thread, often: one queued update at a time is enough.
    if (!m_updateQueued.exchange(true)) {
        QMetaObject::invokeMethod(this, [this] {
            m_updateQueued = false;
            Q_EMIT progressChanged();
        }, Qt::QueuedConnection);
    }
}

void Job::markFinished()
{
    m_finished = true;
    Q_EMIT finished();
}

JobRunner::JobRunner(QObject *parent)
    : QObject(parent)
    , m_pool(new QThreadPool(this))
{
    m_pool->setMaxThreadCount(MaxConcurrentJobs);
}

JobRunner::~JobRunner()
{
    cancelAll();
    // The work captured its job: let it return before the job goes (no event processing here).
    for (Job *job : activeJobs()) {
        if (auto *watcher = job->findChild<QFutureWatcher<Finish> *>())
            watcher->waitForFinished();
    }
}

Job *JobRunner::start(const QString &title, std::function<Finish(Job &job)> work, QObject *receiver)
{
    auto *job = new Job(title, this);
    auto *watcher = new QFutureWatcher<Finish>(job);
    QPointer<QObject> target(receiver);
    const bool hasReceiver = receiver != nullptr;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, job, watcher, target, hasReceiver] {
        Finish finish = watcher->future().resultCount() > 0 ? watcher->result() : Finish();
        m_active.removeAll(QPointer<Job>(job));
        if (finish && !job->isCancelled() && (!hasReceiver || target))
            finish();
        qCDebug(lcJobs) << job->title() << "finished after" << job->elapsedMs() << "ms"
                        << (job->isCancelled() ? "(cancelled)" : "");
        job->markFinished();
        Q_EMIT jobFinished(job);
        Q_EMIT activeJobsChanged(int(m_active.size()));
        job->deleteLater();
    });
    m_active.append(job);
    watcher->setFuture(QtConcurrent::run(m_pool, [work = std::move(work), job]() -> Finish {
        if (job->isCancelled())
            return {}; // cancelled while it waited for a thread
        makeBackgroundThread(); // the window comes first
        // No exception may escape into Qt's thread pool.
        try {
            return work(*job);
        } catch (const std::exception &e) {
            qCWarning(lcJobs) << job->title() << "failed:" << e.what();
        } catch (...) {
            qCWarning(lcJobs) << job->title() << "failed";
        }
        return {};
    }));
    qCDebug(lcJobs) << "started" << title;
    Q_EMIT jobStarted(job);
    Q_EMIT activeJobsChanged(int(m_active.size()));
    return job;
}

QList<Job *> JobRunner::activeJobs() const
{
    QList<Job *> jobs;
    for (const QPointer<Job> &job : m_active) {
        if (job)
            jobs.append(job.data());
    }
    return jobs;
}

void JobRunner::cancelAll()
{
    for (Job *job : activeJobs())
        job->cancel();
}

bool JobRunner::waitForAll(int timeoutMs)
{
    if (activeJobs().isEmpty())
        return true;
    QEventLoop loop;
    connect(this, &JobRunner::activeJobsChanged, &loop, [&loop](int count) {
        if (count == 0)
            loop.quit();
    });
    if (timeoutMs >= 0)
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return activeJobs().isEmpty();
}

} // namespace Vitrine
