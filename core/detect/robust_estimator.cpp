#include "robust_estimator.h"

#include <algorithm>
#include <cmath>

namespace meshscope {

RobustEstimator::RobustEstimator(double window, double relativeFloor)
    : m_window(window)
    , m_relativeFloor(relativeFloor)
{
    cacheSteadyAlphas();
}

void RobustEstimator::cacheSteadyAlphas()
{
    m_steadyAlpha = 1.0 / m_window;
    m_steadyMagnitudeAlpha = 1.0 / (4 * m_window);
}

void RobustEstimator::initialiseFromBuffer()
{
    const int n = static_cast<int>(std::min<long long>(m_count, InitSamples));
    std::array<double, InitSamples> sorted = m_init;
    std::sort(sorted.begin(), sorted.begin() + n);
    m_location = n % 2 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    for (int i = 0; i < n; ++i)
        sorted[i] = std::abs(m_init[i] - m_location);
    std::sort(sorted.begin(), sorted.begin() + n);
    m_mad = n % 2 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
}

void RobustEstimator::add(double x)
{
    // 1 / min(n, window) for the n-th sample; no division once the window is full.
    const double magnitudeCount = static_cast<double>(m_count + 1);
    const double magnitudeAlpha
        = magnitudeCount < 4 * m_window ? 1.0 / magnitudeCount : m_steadyMagnitudeAlpha;
    m_typicalMagnitude += magnitudeAlpha * (std::abs(x) - m_typicalMagnitude);
    if (m_count < InitSamples) {
        m_init[static_cast<std::size_t>(m_count)] = x;
        ++m_count;
        initialiseFromBuffer();
        return;
    }
    ++m_count;
    const double count = static_cast<double>(m_count);
    const double alpha = count < m_window ? 1.0 / count : m_steadyAlpha;
    const double s = spread();
    // Huber steps bounded by the spread: the estimates track the median and the MAD
    // (the stationary point of a sign step) while following a drift smoothly.
    m_location += alpha * std::clamp(x - m_location, -s, s);
    const double d = std::abs(x - m_location);
    m_mad += alpha * std::clamp(d - m_mad, -s / MadToSigma, s / MadToSigma);
    m_mad = std::max(m_mad, 0.0);
}

void RobustEstimator::restart()
{
    m_count = 0;
}

void RobustEstimator::write(QDataStream& out) const
{
    out << m_window << m_relativeFloor << m_location << m_mad << m_typicalMagnitude << qint64(m_count);
    for (double v : m_init)
        out << v;
}

void RobustEstimator::read(QDataStream& in)
{
    qint64 count = 0;
    in >> m_window >> m_relativeFloor >> m_location >> m_mad >> m_typicalMagnitude >> count;
    m_count = count;
    for (double& v : m_init)
        in >> v;
    cacheSteadyAlphas();
}

} // namespace meshscope
