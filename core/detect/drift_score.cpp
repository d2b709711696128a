#include "drift_score.h"

#include "running_moments.h"

#include <algorithm>
#include <cmath>

namespace meshscope {

namespace {
// The first samples give no usable spread yet.
constexpr long long Warmup = 32;
// The spread is never taken below 0.1 % of the level, so a flat series' first wiggle
// is not infinitely far away.
constexpr double RelativeFloor = 1e-3;
constexpr double AbsoluteFloor = 1e-9;
} // namespace

DriftScore::DriftScore(double longWindow, double smoothing)
    : m_longWindow(longWindow)
    , m_steadyAlpha(1.0 / longWindow)
    , m_smoothing(smoothing)
{
}

double DriftScore::update(double value)
{
    m_smoothed = m_count == 0 ? value : m_smoothed + (value - m_smoothed) / m_smoothing;
    double drift = 0;
    if (m_count > Warmup) {
        const double floor = RelativeFloor * std::abs(m_mean) + AbsoluteFloor;
        drift = std::abs(m_smoothed - m_mean) / std::max(std::sqrt(m_variance), floor);
    }
    // The long-run statistics learn from the raw value after scoring it.
    ++m_count;
    const double count = static_cast<double>(m_count);
    const double alpha = count < m_longWindow ? 1.0 / count : m_steadyAlpha;
    updateRunningMoments(value, alpha, m_mean, m_variance);
    return drift;
}

void DriftScore::write(QDataStream& out) const
{
    out << m_longWindow << m_smoothing << qint64(m_count) << m_smoothed << m_mean << m_variance;
}

void DriftScore::read(QDataStream& in)
{
    qint64 count = 0;
    in >> m_longWindow >> m_smoothing >> count >> m_smoothed >> m_mean >> m_variance;
    m_count = count;
    m_steadyAlpha = 1.0 / m_longWindow;
}

} // namespace meshscope
