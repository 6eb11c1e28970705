// SPDX-License-Identifier: GPL-3.0-or-later
#include "parallel.h"

#include <QRunnable>
#include <QSemaphore>
#include <QThread>
#include <QThreadPool>

#include <algorithm>
#include <atomic>
#include <memory>
#include <vector>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace Vitrine {

namespace {

class Task : public QRunnable
{
public:
    Task(const std::function<void(int)> &work, int index, QSemaphore &done)
        : m_work(work)
        , m_index(index)
        , m_done(done)
    {
        setAutoDelete(false);
    }

    void run() override
    {
        makeBackgroundThread();
        m_work(m_index);
        m_done.release();
    }

private:
    const std::function<void(int)> &m_work;
    int m_index;
    QSemaphore &m_done;
};

} // namespace

void makeBackgroundThread()
{
#ifdef Q_OS_LINUX
    thread_local bool done = false;
    if (done)
        return;
    done = true;
    // On Linux a nice value is per thread (the thread id as the "process").
    const auto self = id_t(::syscall(SYS_gettid));
    errno = 0;
    const int current = ::getpriority(PRIO_PROCESS, self);
    if (errno == 0)
        ::setpriority(PRIO_PROCESS, self, std::min(19, current + 10));
#endif
}

QThreadPool *computePool()
{
    static QThreadPool *pool = [] {
        auto *created = new QThreadPool; // lives as long as the program (threads end with it)
        created->setObjectName(QStringLiteral("vitrine-compute"));
        // The thread that calls runInParallel() works too: together they use every core.
        created->setMaxThreadCount(std::max(1, QThread::idealThreadCount() - 1));
        return created;
    }();
    return pool;
}

int parallelThreadCount()
{
    return computePool()->maxThreadCount() + 1;
}

void runInParallel(int count, const std::function<void(int task)> &task)
{
    if (count <= 0)
        return;
    if (count == 1) {
        task(0);
        return;
    }
    QThreadPool *pool = computePool();
    QSemaphore done;
    std::vector<std::unique_ptr<Task>> tasks;
    tasks.reserve(size_t(count - 1));
    for (int i = 1; i < count; ++i) {
        tasks.push_back(std::make_unique<Task>(task, i, done));
        pool->start(tasks.back().get());
    }
    task(0);
    for (const std::unique_ptr<Task> &t : tasks) {
        if (pool->tryTake(t.get()))
            t->run(); // not started yet: the caller does it
    }
    done.acquire(count - 1);
}

void forEachInParallel(qint64 count, const std::function<void(qint64 index)> &work)
{
    if (count <= 0)
        return;
    std::atomic<qint64> next {0};
    const int threads = int(std::min<qint64>(count, parallelThreadCount()));
    runInParallel(threads, [&](int) {
        for (qint64 index = next++; index < count; index = next++)
            work(index);
    });
}

} // namespace Vitrine
