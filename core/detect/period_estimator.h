#pragma once

#include <QtGlobal>

#include <vector>

namespace meshscope {

/// Result of a period search on regularly sampled values.
struct PeriodEstimate
{
    qint64 periodMs = 0;   ///< 0 when no candidate is convincing
    double correlation = 0; ///< autocorrelation at the chosen lag
};

/// Picks the seasonal period among hourly, daily and weekly by the autocorrelation of
/// `values` (sampled every `stepMs`) at the candidate lags. A candidate needs at least
/// two full periods of data and an autocorrelation of `minCorrelation`; a longer
/// period must beat a shorter one clearly, and every period must be a peak of the
/// autocorrelation (half a period back correlates clearly less).
PeriodEstimate estimatePeriod(const std::vector<double>& values, double stepMs, double minCorrelation = 0.3);

/// Autocorrelation of `values` at `lag` samples (mean removed), 0 when undefined.
double autocorrelation(const std::vector<double>& values, std::size_t lag);

} // namespace meshscope
