#include "anomaly_likelihood.h"

#include "running_moments.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace meshscope {

namespace {
constexpr double Epsilon = 1e-10;
constexpr int Warmup = 64;
// The spread of the short mean is never taken below this, so a perfectly calm series
// does not turn its first rounding wiggle into a certainty.
constexpr double MinDeviation = 0.05;
} // namespace

AnomalyLikelihood::AnomalyLikelihood(
    int shortWindow, double longWindow, double alertLevel, int refractory, double learnClip)
    : m_shortWindow(std::clamp(shortWindow, 1, MaxShort))
    , m_longWindow(longWindow)
    , m_alertLevel(alertLevel)
    , m_refractory(refractory)
    , m_learnClip(learnClip)
    , m_steadyAlpha(1.0 / longWindow)
{
}

double AnomalyLikelihood::learn(double raw)
{
    raw = std::max(0.0, raw);
    m_recentSum += raw - m_recent[static_cast<std::size_t>(m_next)];
    m_recent[static_cast<std::size_t>(m_next)] = raw;
    if (++m_next == m_shortWindow)
        m_next = 0;
    const double shortMean = m_recentSum / m_shortWindow;
    const double deviation = std::max(std::sqrt(m_variance), MinDeviation);

    double surprise = -std::numeric_limits<double>::infinity();
    if (m_count >= Warmup)
        surprise = (shortMean - m_mean) / deviation;
    // The long-run statistics learn from the short mean, with anomalies clipped (if asked)
    // so that an incident does not teach that incidents are normal.
    ++m_count;
    const double count = static_cast<double>(m_count);
    const double alpha = count < m_longWindow ? 1.0 / count : m_steadyAlpha;
    const double limit = m_mean + m_learnClip * deviation;
    const double learned = m_count > Warmup ? std::min(shortMean, limit) : shortMean;
    updateRunningMoments(learned, alpha, m_mean, m_variance);
    return surprise;
}

double AnomalyLikelihood::score(double surprise)
{
    if (std::isinf(surprise) && surprise < 0)
        return 0;
    const double tail = 0.5 * std::erfc(surprise / std::sqrt(2.0));
    return std::clamp(std::log(tail + Epsilon) / std::log(Epsilon), 0.0, 1.0);
}

double AnomalyLikelihood::update(double raw)
{
    double result = score(learn(raw));
    if (m_quiet > 0) {
        --m_quiet;
        result *= 0.5 * m_alertLevel;
    } else if (result >= m_alertLevel) {
        m_quiet = m_refractory;
    }
    m_last = result;
    return result;
}

void AnomalyLikelihood::write(QDataStream& out) const
{
    out << m_shortWindow << m_longWindow << m_alertLevel << m_refractory << m_learnClip;
    for (double v : m_recent)
        out << v;
    out << m_next << m_recentSum << qint64(m_count) << m_mean << m_variance << m_quiet << m_last;
}

void AnomalyLikelihood::read(QDataStream& in)
{
    qint64 count = 0;
    in >> m_shortWindow >> m_longWindow >> m_alertLevel >> m_refractory >> m_learnClip;
    for (double& v : m_recent)
        in >> v;
    in >> m_next >> m_recentSum >> count >> m_mean >> m_variance >> m_quiet >> m_last;
    m_count = count;
    m_steadyAlpha = 1.0 / m_longWindow;
}

} // namespace meshscope
