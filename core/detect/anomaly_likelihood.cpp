#include "anomaly_likelihood.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace meshscope {

namespace {
constexpr double Epsilon = 1e-10;
} // namespace

AnomalyLikelihood::AnomalyLikelihood(
    int shortWindow, double longWindow, double alertLevel, int refractory, double learnClip)
    : m_shortWindow(std::clamp(shortWindow, 1, MaxShort))
    , m_longWindow(longWindow)
    , m_alertLevel(alertLevel)
    , m_refractory(refractory)
    , m_learnClip(learnClip)
    , m_steadyAlpha(1.0 / longWindow)
    , m_shortWindowSize(m_shortWindow)
{
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
    m_shortWindowSize = m_shortWindow;
}

} // namespace meshscope
