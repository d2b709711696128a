#pragma once

#include "model/series_store.h"

#include <vector>

namespace meshscope {

struct SeriesBand;

/// Points ready for a line graph, keys in seconds since the epoch (what QCustomPlot's
/// date-time ticker expects), already in key order. A gap in the data is a NaN value so
/// the line breaks instead of bridging it.
struct PlotPoints
{
    std::vector<double> keys;
    std::vector<double> values;
};

/// The expected band of a detector reduced the same way: lower/upper per bucket, and the
/// detector's anomaly score (0..1, the highest per bucket; empty when the band has none).
struct PlotBand
{
    std::vector<double> keys;
    std::vector<double> lower;
    std::vector<double> upper;
    std::vector<double> score;
};

/// Level of detail for plotting: at most two points (min and max) per pixel column, so
/// a million samples cost as much to draw as the plot is wide.
namespace PlotLod {

/// `range` of series `id` reduced to `pixels` min/max buckets via
/// SeriesStore::levelOfDetail. Values are multiplied by `scale` and keys shifted by
/// `shiftMs` (the "same time yesterday" overlay reads [range - shift] and draws it at
/// range).
PlotPoints points(const SeriesStore& store, SeriesId id, const TimeRange& range, int pixels,
    double scale = 1.0, qint64 shiftMs = 0);

/// Every sample of the range, unreduced (the adaptive-sampling path).
PlotPoints allPoints(const SeriesStore& store, SeriesId id, const TimeRange& range, double scale = 1.0);

/// The band of a series over `range` in at most `pixels` buckets (lowest lower, highest
/// upper, highest score per bucket). Empty when the band is not aligned with the series'
/// samples; without a score when the scores are not.
PlotBand band(
    const SeriesStore& store, const SeriesBand& band, const TimeRange& range, int pixels, double scale = 1.0);

} // namespace PlotLod

} // namespace meshscope
