// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <atomic>
#include <functional>

namespace Vitrine {

/**
 * How long work in core reports how far it got and learns that it should stop.
 *
 * The GUI runs such work with QtConcurrent and forwards the callback to a progress widget; the
 * CLI prints it to stderr. Both the callback and the cancel flag are optional. The callback is
 * invoked on the worker's thread.
 */
class Progress
{
public:
    using Callback = std::function<void(const QString &stage, qint64 done, qint64 total)>;

    Progress() = default;
    explicit Progress(Callback callback, const std::atomic_bool *cancelled = nullptr)
        : m_callback(std::move(callback))
        , m_cancelled(cancelled)
    {
    }

    void report(const QString &stage, qint64 done, qint64 total) const
    {
        if (m_callback)
            m_callback(stage, done, total);
    }

    bool isCancelled() const { return m_cancelled && m_cancelled->load(std::memory_order_relaxed); }
    /** The same cancellation without the reports: for inner work whose steps would only be noise. */
    Progress quiet() const { return Progress(Callback(), m_cancelled); }

private:
    Callback m_callback;
    const std::atomic_bool *m_cancelled = nullptr;
};

} // namespace Vitrine
