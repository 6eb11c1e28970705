// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

namespace Vitrine {

/**
 * Runs task(0) … task(count − 1) at once and returns when all have finished: task 0 on the
 * calling thread, the others on Qt's global thread pool, which the studio's jobs share, so core
 * loops and studio work never oversubscribe the cores.
 *
 * A task the pool has not started by the time the caller is done with its own is taken back
 * and run on the caller (QThreadPool::tryTake), so a caller that is itself a pool thread never
 * waits on a pool whose threads are all busy waiting too.
 */
void runInParallel(int count, const std::function<void(int task)> &task);

/** How many tasks are worth starting: the pool's threads (at least one). */
int parallelThreadCount();

} // namespace Vitrine
