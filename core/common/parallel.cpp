// SPDX-License-Identifier: GPL-3.0-or-later
#include "parallel.h"

#include <QRunnable>
#include <QSemaphore>
#include <QThreadPool>

#include <memory>
#include <vector>

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
        m_work(m_index);
        m_done.release();
    }

private:
    const std::function<void(int)> &m_work;
    int m_index;
    QSemaphore &m_done;
};

} // namespace

int parallelThreadCount()
{
    return std::max(1, QThreadPool::globalInstance()->maxThreadCount());
}

void runInParallel(int count, const std::function<void(int task)> &task)
{
    if (count <= 0)
        return;
    if (count == 1) {
        task(0);
        return;
    }
    QThreadPool *pool = QThreadPool::globalInstance();
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

} // namespace Vitrine
