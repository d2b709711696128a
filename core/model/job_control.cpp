#include "job_control.h"

#include "meshscope_error.h"

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

} // namespace meshscope
