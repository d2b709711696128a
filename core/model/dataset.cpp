#include "dataset.h"

#include "job_control.h"

#include <QCoreApplication>
#include <QThread>
#include <QThreadPool>

namespace meshscope {

TimeRange Dataset::timeRange() const
{
    TimeRange range = series.timeRange();
    for (const TopologyFrame& frame : topology.frames())
        range.include(frame.tMs);
    return range;
}

namespace {

bool onMainThread()
{
    const QCoreApplication* app = QCoreApplication::instance();
    return app && QThread::currentThread() == app->thread() && !QCoreApplication::closingDown();
}

} // namespace

std::shared_ptr<Dataset> makeSharedDataset(Dataset dataset)
{
    return std::shared_ptr<Dataset>(new Dataset(std::move(dataset)), [](Dataset* released) {
        if (onMainThread())
            workerThreadPool()->start([released] { delete released; });
        else
            delete released;
    });
}

} // namespace meshscope
