#pragma once

#include <QtGlobal>

#include <algorithm>
#include <limits>

namespace meshscope {

/// A closed interval of time in milliseconds since the Unix epoch (UTC). Every time
/// in the core is such an integer; seconds appear only at file and wire boundaries.
struct TimeRange
{
    qint64 startMs = std::numeric_limits<qint64>::max();
    qint64 endMs = std::numeric_limits<qint64>::min();

    bool isValid() const { return startMs <= endMs; }
    qint64 durationMs() const { return isValid() ? endMs - startMs : 0; }
    bool contains(qint64 tMs) const { return tMs >= startMs && tMs <= endMs; }
    void include(qint64 tMs)
    {
        startMs = std::min(startMs, tMs);
        endMs = std::max(endMs, tMs);
    }
    void include(const TimeRange& other)
    {
        if (other.isValid()) {
            include(other.startMs);
            include(other.endMs);
        }
    }
    friend bool operator==(const TimeRange&, const TimeRange&) = default;
};

} // namespace meshscope
