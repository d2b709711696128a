#include "burn_rate_detector.h"

#include <algorithm>
#include <QDataStream>

#include <cmath>

namespace meshscope {

namespace {
constexpr std::array<double, 4> WindowMs = {5 * 60e3, 30 * 60e3, 60 * 60e3, 6 * 3600e3};
struct Rule
{
    int longWindow;
    int shortWindow;
    double burnRate;
};
constexpr std::array<Rule, 2> Rules = {Rule {2, 0, 14.4}, Rule {3, 1, 6.0}};
} // namespace

BurnRateDetector::BurnRateDetector(const DetectorConfig& config, double objective)
    : Detector(config)
    , m_budget(std::max(1e-9, 1.0 - objective))
{
}

double BurnRateDetector::burnRate(int window) const
{
    return m_average[static_cast<std::size_t>(window)] / m_budget;
}

double BurnRateDetector::update(qint64 tMs, double value)
{
    const double ratio = std::clamp(value, 0.0, 1.0);
    if (!m_started) {
        m_started = true;
        m_firstMs = tMs;
        m_average.fill(ratio);
    } else {
        const qint64 stepMs = std::max<qint64>(0, tMs - m_lastMs);
        if (stepMs != m_alphaStepMs) {
            m_alphaStepMs = stepMs;
            for (std::size_t i = 0; i < m_alpha.size(); ++i)
                m_alpha[i] = 1.0 - std::exp(-static_cast<double>(stepMs) / WindowMs[i]);
        }
        for (std::size_t i = 0; i < m_average.size(); ++i)
            m_average[i] += m_alpha[i] * (ratio - m_average[i]);
    }
    m_lastMs = tMs;
    // How far the worst rule is past its burn rate: 1 = exactly at the alert line.
    double worst = 0;
    for (const Rule& rule : Rules) {
        const double both = std::min(burnRate(rule.longWindow), burnRate(rule.shortWindow));
        worst = std::max(worst, both / rule.burnRate);
    }
    // A new series starts warm enough after the short window has seen data.
    const bool warm = tMs - m_firstMs >= static_cast<qint64>(WindowMs[0]);
    m_output.expected = m_budget;
    m_output.lower = 0;
    m_output.upper = m_budget * Rules[0].burnRate;
    m_output.deviation = 4.0 * worst; // at the alert line: 4 spreads, score 0.5
    m_output.warm = warm;
    m_output.score = warm ? scoreDeviation(m_output.deviation) : 0.0;
    return m_output.score;
}

void BurnRateDetector::writeState(QDataStream& out) const
{
    out << m_budget;
    for (double v : m_average)
        out << v;
    out << m_lastMs << m_firstMs << m_started;
}

void BurnRateDetector::readState(QDataStream& in)
{
    in >> m_budget;
    for (double& v : m_average)
        in >> v;
    in >> m_lastMs >> m_firstMs >> m_started;
}

} // namespace meshscope
