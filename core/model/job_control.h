#pragma once

#include <atomic>
#include <functional>

class QThreadPool;

namespace meshscope {

/// Progress and cancellation for long work in the core. Parsers and writers call
/// `report()` now and then and `throwIfCancelled()` between units of work; the GUI's
/// job helper and the CLI provide the callbacks. Safe to cancel from another thread.
class JobControl
{
public:
    using ProgressCallback = std::function<void(double fraction)>;

    JobControl() = default;
    explicit JobControl(ProgressCallback onProgress)
        : m_onProgress(std::move(onProgress))
    {
    }

    void cancel() { m_cancelled.store(true, std::memory_order_relaxed); }
    bool isCancelled() const { return m_cancelled.load(std::memory_order_relaxed); }
    /// Throws CancelledError when cancel() was called.
    void throwIfCancelled() const;
    /// fraction in [0,1]; forwarded to the callback, if any.
    void report(double fraction) const
    {
        if (m_onProgress)
            m_onProgress(fraction);
    }

private:
    std::atomic<bool> m_cancelled {false};
    ProgressCallback m_onProgress;
};

/// Helpers so callers can pass a null JobControl.
inline void reportProgress(const JobControl* job, double fraction)
{
    if (job)
        job->report(fraction);
}
void throwIfCancelled(const JobControl* job);

/// The thread pool for meshscope's long background work (loading, detection).
/// Not QThreadPool::globalInstance(): Qt 6.4's raster engine splits large fills into
/// tasks on the global pool and waits for them on the GUI thread, so a long job holding
/// the global pool's threads would freeze painting until it finished.
QThreadPool* workerThreadPool();

/// For short jobs a view waits for (topology layout and restyle state): detection keeps
/// every thread of workerThreadPool() busy for a minute on a big recording, and a view's
/// job queued behind it would leave the screen stale for that long.
QThreadPool* interactiveThreadPool();

} // namespace meshscope
