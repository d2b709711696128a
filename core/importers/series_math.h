#pragma once

// Counter and histogram arithmetic used to turn Istio's raw metrics into golden signals.

#include <QtGlobal>

#include <map>
#include <utility>
#include <vector>

namespace meshscope::seriesmath {

/// Per-step rates of a counter: one point per sample after the first, at the later
/// sample's time, (increase / seconds between the samples). A drop in value is a
/// counter reset, after which the new value is the increase (as Prometheus' rate()).
std::vector<std::pair<qint64, double>> counterRates(const std::vector<qint64>& timesMs, const std::vector<double>& values);

/// histogram_quantile as Prometheus computes it: `buckets` maps the upper bound `le`
/// to a cumulative count (or rate); linear interpolation inside the bucket holding the
/// rank; the +Inf bucket must be present. Returns NaN when there are no observations.
double histogramQuantile(double q, const std::map<double, double>& buckets);

/// Most common positive difference between consecutive times of the given series
/// (the scrape or query step), 0 when there is none.
qint64 typicalStepMs(const std::vector<const std::vector<qint64>*>& timeColumns);

} // namespace meshscope::seriesmath
