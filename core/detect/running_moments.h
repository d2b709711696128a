#pragma once

namespace meshscope {

/// One step of an exponentially weighted mean and variance: `value` enters with weight
/// `alpha` (1/n while warming up, then 1/window), the long-run statistics of the drift
/// and likelihood scores.
inline void updateRunningMoments(double value, double alpha, double& mean, double& variance)
{
    const double delta = value - mean;
    mean += alpha * delta;
    variance = (1 - alpha) * (variance + alpha * delta * delta);
}

} // namespace meshscope
