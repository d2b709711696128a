#include "plot_lod.h"

#include "detect/detection.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace meshscope {

namespace {

constexpr double Nan = std::numeric_limits<double>::quiet_NaN();

double seconds(qint64 ms)
{
    return static_cast<double>(ms) / 1000.0;
}

/// A hole longer than this many typical steps is drawn as a gap.
constexpr double GapFactor = 5.0;

} // namespace

namespace PlotLod {

PlotPoints points(
    const SeriesStore& store, SeriesId id, const TimeRange& range, int pixels, double scale, qint64 shiftMs)
{
    PlotPoints out;
    if (id == InvalidSeries || !range.isValid() || pixels <= 0)
        return out;
    const auto buckets = store.levelOfDetail(id, range.startMs - shiftMs, range.endMs - shiftMs, pixels);
    out.keys.reserve(buckets.size() * 2 + 8);
    out.values.reserve(buckets.size() * 2 + 8);
    // A bucket is about one pixel wide; a hole wider than a few typical buckets is a gap.
    const double bucketMs = std::max(1.0, static_cast<double>(range.durationMs()) / pixels);
    qint64 step = 0;
    if (buckets.size() > 1)
        step = (buckets.back().endMs - buckets.front().startMs) / static_cast<qint64>(buckets.size() - 1);
    const double gapMs = GapFactor * std::max(bucketMs, static_cast<double>(step));
    for (std::size_t i = 0; i < buckets.size(); ++i) {
        const MinMaxBucket& b = buckets[i];
        if (i > 0 && static_cast<double>(b.startMs - buckets[i - 1].endMs) > gapMs) {
            out.keys.push_back(seconds(buckets[i - 1].endMs + shiftMs + 1));
            out.values.push_back(Nan);
        }
        if (b.count == 1) {
            out.keys.push_back(seconds(b.startMs + shiftMs));
            out.values.push_back(b.last * scale);
            continue;
        }
        // The min and max of the bucket drawn as a vertical stroke, so spikes survive.
        out.keys.push_back(seconds(b.startMs + shiftMs));
        out.values.push_back(b.min * scale);
        out.keys.push_back(seconds(b.endMs + shiftMs));
        out.values.push_back(b.max * scale);
    }
    return out;
}

PlotPoints allPoints(const SeriesStore& store, SeriesId id, const TimeRange& range, double scale)
{
    PlotPoints out;
    if (id == InvalidSeries || !range.isValid())
        return out;
    const SeriesSpan span = store.range(id, range.startMs, range.endMs);
    out.keys.resize(span.size);
    out.values.resize(span.size);
    for (std::size_t i = 0; i < span.size; ++i) {
        out.keys[i] = seconds(span.timesMs[i]);
        out.values[i] = span.values[i] * scale;
    }
    return out;
}

PlotBand band(
    const SeriesStore& store, const SeriesBand& seriesBand, const TimeRange& range, int pixels, double scale)
{
    PlotBand out;
    const SeriesId id = seriesBand.series;
    if (id == InvalidSeries || id >= store.seriesCount() || !range.isValid() || pixels <= 0)
        return out;
    const SeriesSpan all = store.samples(id);
    if (seriesBand.lower.size() != all.size || seriesBand.upper.size() != all.size)
        return out;
    const SeriesSpan span = store.range(id, range.startMs, range.endMs);
    if (span.empty())
        return out;
    const auto first = static_cast<std::size_t>(span.timesMs - all.timesMs);
    const bool withScore = seriesBand.score.size() == all.size;
    const double width = std::max(1.0, static_cast<double>(range.durationMs() + 1) / pixels);
    int current = -1;
    for (std::size_t i = 0; i < span.size; ++i) {
        const double lower = seriesBand.lower[first + i] * scale;
        const double upper = seriesBand.upper[first + i] * scale;
        if (!std::isfinite(lower) || !std::isfinite(upper))
            continue; // the detector has no band while it is still learning
        const int bucket = static_cast<int>(static_cast<double>(span.timesMs[i] - range.startMs) / width);
        const double score = withScore ? seriesBand.score[first + i] : 0.0;
        if (bucket != current) {
            out.keys.push_back(seconds(span.timesMs[i]));
            out.lower.push_back(lower);
            out.upper.push_back(upper);
            if (withScore)
                out.score.push_back(score);
            current = bucket;
            continue;
        }
        out.lower.back() = std::min(out.lower.back(), lower);
        out.upper.back() = std::max(out.upper.back(), upper);
        if (withScore)
            out.score.back() = std::max(out.score.back(), score);
    }
    return out;
}

} // namespace PlotLod

} // namespace meshscope
