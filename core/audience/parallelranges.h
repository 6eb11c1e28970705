// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <thread>
#include <vector>

namespace Vitrine {

/**
 * Runs f(begin, end) over [0, count) split into one contiguous range per hardware thread, and
 * waits for all of them. Range borders fall on multiples of 64, so passes that fill a PersonSet
 * write whole words and never share one between threads. Small inputs run on the caller's thread.
 */
template<typename F> void parallelRanges(int count, F &&f, int minPerThread = 16384)
{
    const int hardware = int(std::max(1u, std::thread::hardware_concurrency()));
    const int threads = std::clamp(count / std::max(1, minPerThread), 1, std::min(hardware, 16));
    if (threads <= 1) {
        f(0, count);
        return;
    }
    const int step = ((count + threads - 1) / threads + 63) / 64 * 64;
    std::vector<std::thread> workers;
    workers.reserve(size_t(threads));
    for (int begin = step; begin < count; begin += step)
        workers.emplace_back([&f, begin, end = std::min(count, begin + step)] { f(begin, end); });
    f(0, std::min(count, step));
    for (std::thread &worker : workers)
        worker.join();
}

} // namespace Vitrine
