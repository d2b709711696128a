#pragma once

namespace meshscope {

/// The noise floor of a ratio of counts (an error ratio = failed / all requests). Such a
/// series is quantised and, at low traffic, mostly exactly 0, so its learned spread is
/// about 0 and one ordinary failed request would look like many spreads. Whatever the
/// detectors learned, a ratio measured over `n` requests cannot be known better than the
/// binomial standard error sqrt(p(1 - p) / n), and a change smaller than `MinimumDelta`
/// (one percentage point) is not worth anyone's attention. O(1), no state.
class RatioNoiseFloor
{
public:
    /// Smallest |observed - expected| of a ratio that can be an anomaly.
    static constexpr double MinimumDelta = 0.01;

    /// Binomial standard error of a ratio whose normal is `learned` (0..1), measured over
    /// `requests` requests. The normal is taken with Laplace's prior, (k + 1) / (n + 2)
    /// for k = learned x n failures, so a ratio that was always 0 still has a floor.
    /// `requests` below 1 count as 1.
    static double standardError(double learned, double requests);

    /// Largest deviation (in standard errors, >= 0) a ratio sample can claim:
    /// |observed - expected| over the standard error for `learned` and `requests`;
    /// unlimited (infinity) when `requests` is unknown (NaN). The minimum delta is not
    /// applied here but to an anomaly's peak (SignificanceScorer): applied per sample, a
    /// ratio hovering one point above normal would cut one long stretch into many.
    static double deviationLimit(double observed, double expected, double learned, double requests);
};

} // namespace meshscope
