#include "ratio_noise_floor.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace meshscope {

double RatioNoiseFloor::standardError(double learned, double requests)
{
    const double n = std::max(1.0, requests);
    const double k = std::clamp(learned, 0.0, 1.0) * n;
    const double p = (k + 1.0) / (n + 2.0);
    return std::sqrt(p * (1.0 - p) / n);
}

double RatioNoiseFloor::deviationLimit(double observed, double expected, double learned, double requests)
{
    const double delta = std::abs(observed - expected);
    if (std::isnan(requests))
        return std::numeric_limits<double>::infinity();
    return delta / standardError(learned, requests);
}

} // namespace meshscope
