#pragma once

#include "model/time_range.h"

#include <QMetaType>

#include <vector>

namespace meshscope {

/// Maps time to x and back for one horizontal strip of pixels [left, left + width]
/// showing `range` (the shared visible range). Times outside the range map outside the
/// strip; callers clip.
struct TimeAxisMapping
{
    TimeRange range;
    double left = 0;
    double width = 0;

    bool isValid() const { return range.isValid() && range.durationMs() > 0 && width > 0; }
    double toX(qint64 tMs) const
    {
        if (!isValid())
            return left;
        return left
            + width * static_cast<double>(tMs - range.startMs) / static_cast<double>(range.durationMs());
    }
    qint64 toTime(double x) const
    {
        if (!isValid())
            return range.startMs;
        return range.startMs
            + static_cast<qint64>((x - left) / width * static_cast<double>(range.durationMs()));
    }
    /// True when any part of [startMs, endMs] is inside the range.
    bool overlaps(qint64 startMs, qint64 endMs) const
    {
        return endMs >= range.startMs && startMs <= range.endMs;
    }
};

/// One span on the time bar (an anomaly).
struct TimeSpan
{
    qint64 startMs = 0;
    qint64 endMs = 0;
    double significance = 0;
};

/// Spans merged because they would be drawn within `minGapPx` of each other: a dense
/// burst is drawn once with a "+N" label instead of N overlapping bars.
struct TimeSpanCluster
{
    qint64 startMs = 0;
    qint64 endMs = 0;
    double maxSignificance = 0;
    int count = 0;
};

/// Clusters `spans` (any order) at the resolution of `mapping`. Spans outside the
/// mapping's range are dropped. Clusters come out in time order.
std::vector<TimeSpanCluster> clusterSpans(
    std::vector<TimeSpan> spans, const TimeAxisMapping& mapping, double minGapPx = 3.0);

} // namespace meshscope

Q_DECLARE_METATYPE(std::vector<meshscope::TimeSpan>)
