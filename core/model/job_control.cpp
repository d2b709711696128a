#include "job_control.h"

#include "meshscope_error.h"

#include <QThreadPool>

namespace meshscope {

void JobControl::throwIfCancelled() const
{
    if (isCancelled())
        throw CancelledError();
}

void throwIfCancelled(const JobControl* job)
{
    if (job)
        job->throwIfCancelled();
}

QThreadPool* workerThreadPool()
{
    static QThreadPool pool; // one thread per core by default, like the global pool
    return &pool;
}

QThreadPool* interactiveThreadPool()
{
    static QThreadPool pool;
    return &pool;
}

} // namespace meshscope
