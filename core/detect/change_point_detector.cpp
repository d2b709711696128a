#include "change_point_detector.h"

#include "branch_free.h"

#include <algorithm>
#include <cmath>

namespace meshscope {

namespace {
// One outlier adds at most this many spreads, so single spikes do not look like shifts.
constexpr double MaxStep = 4.0;
constexpr int HoldSamples = 3;
} // namespace

ChangePointDetector::ChangePointDetector(const DetectorConfig& config, double window, double drift,
    double threshold)
    : Detector(config)
    , m_baseline(window)
    , m_drift(drift)
    , m_threshold(threshold)
{
    cacheThresholdScale();
}

void ChangePointDetector::cacheThresholdScale()
{
    int exponent = 0;
    m_exactInverseThreshold = std::frexp(m_threshold, &exponent) == 0.5;
    m_inverseThreshold = 1.0 / m_threshold;
}

double ChangePointDetector::update(qint64 tMs, double value)
{
    observe(tMs, value);
    return scoreObservedSample();
}

void ChangePointDetector::observe(qint64, double value)
{
    const bool warm = m_baseline.count() >= 32;
    const double z = m_baseline.count() > 0 ? std::clamp(m_baseline.zScore(value), -MaxStep, MaxStep) : 0.0;
    m_output.expected = m_baseline.count() > 0 ? m_baseline.location() : value;
    const double half = m_config.bandWidth * m_baseline.spread();
    m_output.lower = m_output.expected - half;
    m_output.upper = m_output.expected + half;
    m_output.warm = warm;
    // On noise the sums touch 0 and overtake each other at random: without branches, which
    // would mispredict on about every other sample.
    if (warm) {
        m_up = positivePart(m_up + z - m_drift);
        m_down = positivePart(m_down - z - m_drift);
    }
    // The CUSUM statistic maps to a deviation of 4 spreads (score 0.5) at the threshold.
    const double statistic = 4.0 * selectWithoutBranch(m_up >= m_down, m_up, -m_down);
    double deviation = m_exactInverseThreshold ? statistic * m_inverseThreshold : statistic / m_threshold;
    if (m_up > m_threshold || m_down > m_threshold) {
        m_heldDeviation = deviation;
        m_hold = HoldSamples;
        m_up = m_down = 0;
        m_baseline.restart();
    } else if (m_hold > 0) {
        --m_hold;
        deviation = m_heldDeviation;
    }
    m_output.deviation = deviation;
    m_scoreDeferred = true;
    m_baseline.add(value);
}

void ChangePointDetector::writeState(QDataStream& out) const
{
    m_baseline.write(out);
    out << m_drift << m_threshold << m_up << m_down << m_hold << m_heldDeviation;
}

void ChangePointDetector::readState(QDataStream& in)
{
    m_baseline.read(in);
    in >> m_drift >> m_threshold >> m_up >> m_down >> m_hold >> m_heldDeviation;
    cacheThresholdScale();
}

} // namespace meshscope
