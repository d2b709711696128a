#include "significance_scorer.h"

#include "ratio_noise_floor.h"

#include <algorithm>
#include <cmath>

namespace meshscope {

namespace {
// Deviations up to this many spreads are ordinary noise and earn nothing.
constexpr double NoiseDeviation = 3.0;
// Spreads beyond the noise level at which the size term reaches 63%.
constexpr double SizeScale = 5.0;
// Traffic rising is bad only when sharp: it counts half as much as a drop.
constexpr double TrafficUpDiscount = 0.5;
} // namespace

SignificanceScorer::SignificanceScorer(QStringView signal, double sensitivity)
    : m_class(signalClass(signal))
    , m_direction(badDirection(signal))
    , m_sensitivity(sensitivity)
{
}

double SignificanceScorer::minimumDelta(SignalClass signalClass)
{
    switch (signalClass) {
    case SignalClass::Errors:
        return RatioNoiseFloor::MinimumDelta; // one percentage point of requests
    case SignalClass::Latency:
        return 2.0; // ms
    case SignalClass::Traffic:
        return 0.05; // req/s
    case SignalClass::Saturation:
    case SignalClass::Bytes:
    case SignalClass::Custom:
        break;
    }
    return 0;
}

double SignificanceScorer::score(const DeviationEvidence& e) const
{
    double deviation = e.peakDeviation;
    if (m_direction == BadDirection::Up)
        deviation = std::max(0.0, deviation);
    else if (m_direction == BadDirection::Down)
        deviation = m_class == SignalClass::Traffic && deviation > 0 ? deviation * TrafficUpDiscount
                                                                     : std::max(0.0, -deviation);
    deviation = std::abs(deviation) * m_sensitivity;
    const bool extreme = deviation >= ExtremeDeviation;
    if (deviation <= NoiseDeviation || (!e.warm && !extreme))
        return 0;
    if (e.samples < MinimumSamples && !extreme)
        return 0;
    const double delta = std::abs(e.observed - e.expected);
    if (delta < minimumDelta(m_class) || delta < MinimumRelativeDelta * std::abs(e.expected))
        return 0;
    const double size = 1.0 - std::exp(-(deviation - NoiseDeviation) / SizeScale);
    // Longer anomalies are more credible; five samples count fully.
    const double duration = std::min(1.0, 0.5 + 0.1 * e.samples);
    const double traffic = 0.4 + 0.6 * std::clamp(e.trafficWeight, 0.0, 1.0);
    return std::clamp(100.0 * size * duration * traffic, 0.0, 100.0);
}

} // namespace meshscope
