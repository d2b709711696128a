#include "volatility_score.h"

#include <algorithm>
#include <cmath>

namespace meshscope {

namespace {
// The first samples give no usable long-run volatility yet.
constexpr long long Warmup = 32;
// Volatilities below (0.1 % of the value)² count as that, so the log ratio of a flat
// series does not explode on its first rounding wiggle.
constexpr double RelativeFloor = 1e-3;
constexpr double AbsoluteFloor = 1e-12;
} // namespace

VolatilityScore::VolatilityScore(double longWindow, double smoothing)
    : m_longWindow(longWindow)
    , m_smoothing(smoothing)
{
}

double VolatilityScore::update(double value)
{
    const double change = m_count == 0 ? 0.0 : value - m_previous;
    m_previous = value;
    const double squared = change * change;
    m_recent = m_count == 0 ? squared : m_recent + (squared - m_recent) / m_smoothing;
    double score = 0;
    if (m_count > Warmup) {
        const double floor = AbsoluteFloor + (RelativeFloor * value) * (RelativeFloor * value);
        score = std::abs(std::log((m_recent + floor) / (m_longRun + floor)));
    }
    ++m_count;
    m_longRun += (squared - m_longRun) / std::min(static_cast<double>(m_count), m_longWindow);
    return score;
}

void VolatilityScore::write(QDataStream& out) const
{
    out << m_longWindow << m_smoothing << qint64(m_count) << m_previous << m_recent << m_longRun;
}

void VolatilityScore::read(QDataStream& in)
{
    qint64 count = 0;
    in >> m_longWindow >> m_smoothing >> count >> m_previous >> m_recent >> m_longRun;
    m_count = count;
}

} // namespace meshscope
