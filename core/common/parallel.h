// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <functional>

class QThreadPool;

namespace Vitrine {

/**
 * Runs task(0) … task(count − 1) at once and returns when all have finished: task 0 on the
 * calling thread, the others on computePool(), which every core loop shares, so several loops
 * at once (a segment count while a model trains) never oversubscribe the cores.
 *
 * A task the pool has not started by the time the caller is done with its own is taken back
 * and run on the caller (QThreadPool::tryTake), so a caller that is itself a pool thread never
 * waits on a pool whose threads are all busy waiting too.
 */
void runInParallel(int count, const std::function<void(int task)> &task);

/**
 * Runs work(0) … work(count − 1), each index once, on runInParallel's threads, each thread
 * taking the next index when it is done with one (for pieces of uneven cost: the rows of a
 * model, chunks of columns). Returns when all have run.
 */
void forEachInParallel(qint64 count, const std::function<void(qint64 index)> &work);

/** How many tasks are worth starting: the pool's threads (at least one). */
int parallelThreadCount();

/**
 * The thread pool of the core's parallel loops: one thread per core. Not Qt's global pool,
 * because Qt's own painting uses that one (smooth image scaling and blending are split into
 * tasks on it and the UI thread waits for them): long work there would stall the window.
 */
QThreadPool *computePool();

/**
 * Makes the calling worker thread yield the CPU to the UI thread (on Linux, a nice value ten
 * above the process's; elsewhere nothing). Background work then slows down a little when the
 * window needs the cores, instead of the window stalling. Done once per thread.
 */
void makeBackgroundThread();

} // namespace Vitrine
