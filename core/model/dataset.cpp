#include "dataset.h"

namespace meshscope {

TimeRange Dataset::timeRange() const
{
    TimeRange range = series.timeRange();
    for (const TopologyFrame& frame : topology.frames())
        range.include(frame.tMs);
    return range;
}

} // namespace meshscope
