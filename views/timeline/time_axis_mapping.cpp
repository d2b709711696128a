#include "time_axis_mapping.h"

#include <algorithm>

namespace meshscope {

std::vector<TimeSpanCluster> clusterSpans(
    std::vector<TimeSpan> spans, const TimeAxisMapping& mapping, double minGapPx)
{
    std::vector<TimeSpanCluster> clusters;
    if (!mapping.isValid())
        return clusters;
    std::sort(spans.begin(), spans.end(),
        [](const TimeSpan& a, const TimeSpan& b) { return a.startMs < b.startMs; });
    for (const TimeSpan& span : spans) {
        if (!mapping.overlaps(span.startMs, span.endMs))
            continue;
        if (!clusters.empty() && mapping.toX(span.startMs) - mapping.toX(clusters.back().endMs) < minGapPx) {
            TimeSpanCluster& c = clusters.back();
            c.endMs = std::max(c.endMs, span.endMs);
            c.maxSignificance = std::max(c.maxSignificance, span.significance);
            ++c.count;
            continue;
        }
        clusters.push_back({span.startMs, span.endMs, span.significance, 1});
    }
    return clusters;
}

} // namespace meshscope
