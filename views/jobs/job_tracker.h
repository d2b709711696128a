#pragma once

#include "model/job_control.h"
#include "model/meshscope_error.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <QThreadPool>

#include <functional>
#include <memory>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#endif

namespace meshscope {

/// Background work yields the CPU to the GUI thread: nice +5 for the calling worker
/// thread (Linux sets nice per thread; threads it starts, such as detection's helpers,
/// inherit it). QThread priorities cannot express this for normal threads on Linux.
/// In the console the bulk pool goes further (runBulkWorkAtIdlePriority(), below); this
/// is what the view jobs on interactiveThreadPool() and the command line get.
inline void lowerWorkerThreadPriority()
{
#ifdef Q_OS_LINUX
    constexpr int WorkerNice = 5;
    if (getpriority(PRIO_PROCESS, 0) < WorkerNice)
        setpriority(PRIO_PROCESS, 0, WorkerNice);
#endif
}

/// In the console, bulk work (loading, detection) runs at idle priority: SCHED_IDLE on
/// Linux (Qt maps QThread::IdlePriority to it), so a GUI thread that wakes up to paint
/// preempts it at once. Nice +5 was not enough: with detection's threads on both cores
/// the GUI thread, busy painting progress, lost its wake-up advantage and waited 24-45 ms
/// for a core inside single paints. On an otherwise idle machine the work still gets all
/// the spare CPU. Applies to the pool's threads started from now on; call it before the
/// first job. The command line keeps normal priority: there, detection is the work.
inline void runBulkWorkAtIdlePriority()
{
    workerThreadPool()->setThreadPriority(QThread::IdlePriority);
}

/// Runs one kind of background job for a QObject (a page, a model): a newer start()
/// cancels the older job by a generation counter, a QPointer guards against the owner
/// being destroyed, and results come back to the owner's thread with a queued invoke.
class JobTracker
{
public:
    /// Jobs run on `pool`: workerThreadPool() for bulk work, interactiveThreadPool() for
    /// the short jobs a view waits for.
    explicit JobTracker(QObject* owner, QThreadPool* pool = workerThreadPool())
        : m_owner(owner)
        , m_pool(pool)
    {
    }
    ~JobTracker() { cancel(); }

    /// `work` runs on the thread pool with a JobControl; `onDone` gets its result on the
    /// owner's thread, `onError` the message of a MeshscopeError (or any std::exception).
    /// Nothing is delivered for a job that was superseded or cancelled.
    template<typename Result>
    void start(std::function<Result(const JobControl&)> work, std::function<void(Result)> onDone,
        std::function<void(const QString&)> onError, JobControl::ProgressCallback onProgress = {})
    {
        cancel();
        const quint64 generation = ++m_generation;
        auto control = std::make_shared<JobControl>(std::move(onProgress));
        m_control = control;
        QPointer<QObject> owner = m_owner;
        auto isCurrent = [this, owner, generation] { return owner && generation == m_generation; };
        auto deliverError = [owner, isCurrent, onError](const QString& message) {
            QMetaObject::invokeMethod(owner.data(), [=] {
                if (isCurrent() && onError)
                    onError(message);
            }, Qt::QueuedConnection);
        };
        // Never the global pool: Qt's painting waits on it.
        m_pool->start([=, work = std::move(work), onDone = std::move(onDone)]() mutable {
            lowerWorkerThreadPriority();
            try {
                Result result = work(*control);
                if (control->isCancelled())
                    return;
                QMetaObject::invokeMethod(owner.data(), [=, result = std::move(result)]() mutable {
                    if (isCurrent())
                        onDone(std::move(result));
                }, Qt::QueuedConnection);
            } catch (const CancelledError&) {
            } catch (const MeshscopeError& error) {
                deliverError(error.message());
            } catch (const std::exception& error) {
                // Nothing may escape into the thread pool: any other failure is reported too.
                deliverError(QString::fromLocal8Bit(error.what()));
            }
        });
    }

    void cancel()
    {
        if (auto control = m_control.lock())
            control->cancel();
        ++m_generation;
    }
    bool isRunning() const { return !m_control.expired(); }

private:
    QPointer<QObject> m_owner;
    QThreadPool* m_pool;
    quint64 m_generation = 0;
    std::weak_ptr<JobControl> m_control;
};

} // namespace meshscope
