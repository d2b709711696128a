#include "period_estimator.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace meshscope {

double autocorrelation(const std::vector<double>& values, std::size_t lag)
{
    const std::size_t n = values.size();
    if (lag == 0 || lag >= n)
        return 0;
    double mean = 0;
    for (double v : values)
        mean += v;
    mean /= static_cast<double>(n);
    double variance = 0;
    for (double v : values)
        variance += (v - mean) * (v - mean);
    if (variance <= 0)
        return 0;
    double covariance = 0;
    for (std::size_t i = lag; i < n; ++i)
        covariance += (values[i] - mean) * (values[i - lag] - mean);
    // Normalised per overlapping pair so long lags are not penalised for fewer pairs.
    return covariance / static_cast<double>(n - lag) / (variance / static_cast<double>(n));
}

PeriodEstimate estimatePeriod(const std::vector<double>& values, double stepMs, double minCorrelation)
{
    constexpr std::array<qint64, 3> Candidates = {3600'000LL, 86400'000LL, 7 * 86400'000LL};
    // A longer period must add this much correlation over the best shorter one, since a
    // weekly lag also shows the daily cycle.
    constexpr double LongerMargin = 0.05;
    // A real period is a peak of the autocorrelation: half a period back must correlate
    // clearly less. Smooth but aperiodic series correlate at every short lag.
    constexpr double PeakMargin = 0.15;
    PeriodEstimate best;
    if (stepMs <= 0)
        return best;
    for (qint64 candidate : Candidates) {
        const double lag = static_cast<double>(candidate) / stepMs;
        // Fewer than 4 samples per period cannot describe a shape.
        if (lag < 4 || 2 * lag > static_cast<double>(values.size()))
            continue;
        const double r = autocorrelation(values, static_cast<std::size_t>(std::lround(lag)));
        const double half = autocorrelation(values, static_cast<std::size_t>(std::lround(lag / 2)));
        if (r - half < PeakMargin)
            continue;
        const double needed = best.periodMs ? std::max(minCorrelation, best.correlation + LongerMargin) : minCorrelation;
        if (r >= needed)
            best = {candidate, r};
    }
    return best;
}

} // namespace meshscope
