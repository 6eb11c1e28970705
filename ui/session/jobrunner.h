// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/progress.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class QThreadPool;

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

namespace Vitrine {

/**
 * One piece of long work (an import, a training, a snapshot load) running off the UI thread.
 *
 * The work reports through the core's Progress, which a Job hands out (progress()); the figures
 * reach the UI thread at most ten times a second. cancel() sets the flag the core polls.
 */
class Job : public QObject
{
    Q_OBJECT

public:
    explicit Job(const QString &title, QObject *parent = nullptr);
    ~Job() override;

    QString title() const { return m_title; }
    /** The stage the work last reported ("Reading events"). */
    QString stage() const;
    /** How far the work got, 0 to 1; -1 while it has not said (a busy indicator). */
    double fraction() const;
    bool isFinished() const { return m_finished; }
    bool isCancelled() const { return m_cancelled.load(); }
    /** Milliseconds since the job started. */
    qint64 elapsedMs() const { return m_timer.elapsed(); }

    /** For the work: reports into this job, stops when it is cancelled. */
    Progress progress();

public Q_SLOTS:
    void cancel();

Q_SIGNALS:
    void progressChanged();
    /** The work returned (also when cancelled); emitted on the UI thread, after the result was delivered. */
    void finished();

private:
    friend class JobRunner;
    void report(const QString &stage, qint64 done, qint64 total);
    void markFinished();

    QString m_title;
    QElapsedTimer m_timer;
    std::atomic_bool m_cancelled {false};
    std::atomic_bool m_updateQueued {false};
    bool m_finished = false;
    mutable std::mutex m_mutex;
    QString m_stage;
    double m_fraction = -1;
};

/**
 * Runs the studio's long work on a thread pool of its own and brings each result back to the
 * UI thread. Not on Qt's global pool: Qt's painting splits image work into tasks there and the
 * UI thread waits for them, so a long job on it would freeze the window (measured: 2–4 s stalls
 * while a million people loaded). The core's parallel loops that jobs start share computePool().
 *
 * run() takes the work, which returns a value, and a function that receives it on the UI
 * thread; the latter is skipped when its receiver was destroyed or the job was cancelled.
 * Never blocks the UI thread; waitForAll() is for closing and for tests.
 */
class JobRunner : public QObject
{
    Q_OBJECT

public:
    /** Jobs at once; more wait their turn (a figure count is not held up by one training). */
    static constexpr int MaxConcurrentJobs = 4;

    explicit JobRunner(QObject *parent = nullptr);
    ~JobRunner() override;

    /** What the work hands back to the UI thread: a function run there. */
    using Finish = std::function<void()>;

    /** Starts `work` off the UI thread; the Finish it returns runs on the UI thread. */
    Job *start(const QString &title, std::function<Finish(Job &job)> work, QObject *receiver = nullptr);

    /** Starts `work(progress)` off the UI thread and calls `done(result)` on it. */
    template<typename Work, typename Done>
    Job *run(const QString &title, QObject *receiver, Work work, Done done)
    {
        return start(
            title,
            [work = std::move(work), done = std::move(done)](Job &job) mutable -> Finish {
                auto result = std::make_shared<decltype(work(job.progress()))>(work(job.progress()));
                return [done, result]() mutable { done(std::move(*result)); };
            },
            receiver);
    }

    /** The jobs that have not finished, oldest first. */
    QList<Job *> activeJobs() const;
    void cancelAll();
    /** Waits (processing events) until every job finished or `timeoutMs` passed; true when all did. */
    bool waitForAll(int timeoutMs);

Q_SIGNALS:
    void jobStarted(Job *job);
    void jobFinished(Job *job);
    /** The number of active jobs changed. */
    void activeJobsChanged(int count);

private:
    QList<QPointer<Job>> m_active;
    QThreadPool *m_pool;
};

} // namespace Vitrine
