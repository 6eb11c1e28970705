// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/parallel.h"

#include <algorithm>

namespace Vitrine {

/**
 * Runs f(begin, end) over [0, count) split into one contiguous range per pool thread (see
 * runInParallel), and waits for all of them. Range borders fall on multiples of 64, so passes
 * that fill a PersonSet write whole words and never share one between threads. Small inputs run
 * on the caller's thread.
 */
template<typename F> void parallelRanges(int count, F &&f, int minPerThread = 16384)
{
    const int threads = std::clamp(count / std::max(1, minPerThread), 1, std::min(parallelThreadCount(), 16));
    if (threads <= 1) {
        f(0, count);
        return;
    }
    const int step = ((count + threads - 1) / threads + 63) / 64 * 64;
    const int ranges = (count + step - 1) / step;
    runInParallel(ranges, [&f, step, count](int range) {
        const int begin = range * step;
        f(begin, std::min(count, begin + step));
    });
}

} // namespace Vitrine
