#include "series_change.h"

#include "model/signal_names.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace meshscope {

namespace {

double quantile(std::vector<double>& values, double q)
{
    // values is sorted by the caller
    const double position = q * static_cast<double>(values.size() - 1);
    const std::size_t below = static_cast<std::size_t>(std::floor(position));
    const std::size_t above = std::min(values.size() - 1, below + 1);
    const double fraction = position - static_cast<double>(below);
    return values[below] + (values[above] - values[below]) * fraction;
}

/// Typical spacing of the samples: a change at T shows in a sample stamped up to one
/// step either side of T (CASE-FORMAT.md).
qint64 typicalStep(const SeriesSpan& span)
{
    if (span.size < 2)
        return 0;
    std::vector<qint64> gaps;
    gaps.reserve(span.size - 1);
    for (std::size_t i = 1; i < span.size; ++i)
        gaps.push_back(span.timesMs[i] - span.timesMs[i - 1]);
    std::nth_element(gaps.begin(), gaps.begin() + static_cast<std::ptrdiff_t>(gaps.size() / 2), gaps.end());
    return gaps[gaps.size() / 2];
}

struct Baseline
{
    double median = 0;
    double spread = 0;
};

Baseline robustBaseline(std::vector<double> values, double relativeFloor, double minimumRelativeChange, double level)
{
    std::sort(values.begin(), values.end());
    Baseline result;
    result.median = quantile(values, 0.5);
    const double iqr = quantile(values, 0.75) - quantile(values, 0.25);
    double spread = iqr / 1.349;
    if (spread <= 0) {
        // Mostly flat with rare excursions: fall back to the plain standard deviation.
        double sum = 0;
        for (double v : values)
            sum += (v - result.median) * (v - result.median);
        spread = std::sqrt(sum / static_cast<double>(values.size()));
    }
    // A series that already swung this far before is not news: its own range bounds
    // the spread from below (about six standard deviations for a few dozen samples).
    spread = std::max(spread, (values.back() - values.front()) / 6.0);
    // A flat normal (all samples equal) has no spread to measure against: use a share of
    // the series' level (`level`: the largest magnitude seen after the instant) so a
    // small move of a flat series does not become an infinite deviation.
    // Otherwise a change of a fraction of a percent of the level (a few MB of a 300 MB
    // heap that never moves) is below what matters, however steady the series was.
    const double floor = spread > 0 ? minimumRelativeChange * std::abs(result.median)
                                    : relativeFloor * std::max(std::abs(result.median), level);
    result.spread = std::max({spread, floor, 1e-12});
    return result;
}

double signedDeviation(double value, const Baseline& baseline, BadDirection direction)
{
    const double z = (value - baseline.median) / baseline.spread;
    switch (direction) {
    case BadDirection::Up:
        return std::max(0.0, z);
    case BadDirection::Down:
        return std::max(0.0, -z);
    case BadDirection::Both:
        break;
    }
    return std::abs(z);
}

bool measureOne(const SeriesStore& store, SeriesId id, qint64 atMs, const SeriesChangeSettings& settings,
    SignalEvidence* out)
{
    const SeriesSpan all = store.range(id, atMs - settings.baselineMs, atMs + settings.afterMs);
    const qint64 step = typicalStep(all);
    const qint64 split = atMs - step; // samples stamped after this may already show the change
    std::vector<double> before;
    std::vector<double> afterValues;
    std::vector<qint64> afterTimes;
    for (std::size_t i = 0; i < all.size; ++i) {
        if (all.timesMs[i] <= split) {
            before.push_back(all.values[i]);
        } else {
            afterValues.push_back(all.values[i]);
            afterTimes.push_back(all.timesMs[i]);
        }
    }
    if (afterValues.empty())
        return false;
    if (before.empty() && settings.newSeriesMagnitude > 0) {
        // The series appeared at the instant (a new version, a new dependency): that
        // is a change in itself, of a fixed size since it has no normal to compare with.
        out->series = store.key(id);
        out->magnitude = settings.newSeriesMagnitude;
        out->onsetMs = afterTimes.front();
        out->baseline = 0;
        out->observed = *std::max_element(afterValues.begin(), afterValues.end());
        return true;
    }
    if (static_cast<int>(before.size()) < settings.minBaselineSamples)
        return false;
    double level = 0;
    for (double v : afterValues)
        level = std::max(level, std::abs(v));
    const Baseline baseline = robustBaseline(std::move(before), settings.relativeSpreadFloor, settings.minimumRelativeSpread, level);
    const QString& signal = store.key(id).signal;
    // Traffic is wrong both ways in an investigation: floods overload, drops starve.
    const BadDirection direction
        = signalClass(signal) == SignalClass::Traffic ? BadDirection::Both : badDirection(signal);
    std::vector<double> deviations;
    deviations.reserve(afterValues.size());
    out->onsetMs = 0;
    for (std::size_t i = 0; i < afterValues.size(); ++i) {
        const double z = signedDeviation(afterValues[i], baseline, direction);
        deviations.push_back(z);
        if (out->onsetMs == 0 && z >= settings.onsetMagnitude)
            out->onsetMs = afterTimes[i];
    }
    std::vector<double> sorted = deviations;
    std::sort(sorted.begin(), sorted.end(), std::greater<>());
    const std::size_t rank = static_cast<std::size_t>(settings.sustainedShare * static_cast<double>(sorted.size()));
    out->magnitude = sorted[std::min(rank, sorted.size() - 1)];
    const auto peak = std::max_element(deviations.begin(), deviations.end()) - deviations.begin();
    out->series = store.key(id);
    out->baseline = baseline.median;
    out->observed = afterValues[static_cast<std::size_t>(peak)];
    if (out->onsetMs == 0)
        out->onsetMs = afterTimes[static_cast<std::size_t>(peak)];
    return true;
}

} // namespace

bool measureSeriesChange(const SeriesStore& store, SeriesId id, qint64 atMs, const SeriesChangeSettings& settings,
    SignalEvidence* out)
{
    if (id < 0 || id >= store.seriesCount())
        return false;
    return measureOne(store, id, atMs, settings, out);
}

SignalEvidenceList measureSeriesChanges(
    const SeriesStore& store, qint64 atMs, const SeriesChangeSettings& settings, const JobControl* job)
{
    SignalEvidenceList result;
    const int count = store.seriesCount();
    for (SeriesId id = 0; id < count; ++id) {
        if (id % 256 == 0) {
            throwIfCancelled(job);
            reportProgress(job, static_cast<double>(id) / std::max(1, count));
        }
        SignalEvidence evidence;
        if (measureOne(store, id, atMs, settings, &evidence))
            result.push_back(std::move(evidence));
    }
    std::stable_sort(result.begin(), result.end(),
        [](const SignalEvidence& a, const SignalEvidence& b) { return a.magnitude > b.magnitude; });
    return result;
}

} // namespace meshscope
