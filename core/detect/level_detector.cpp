#include "level_detector.h"

#include <algorithm>

namespace meshscope {

LevelDetector::LevelDetector(const DetectorConfig& config, double window)
    : Detector(config)
    , m_baseline(window)
    , m_warmup(static_cast<int>(std::min(window, 32.0)))
{
}

double LevelDetector::update(qint64, double value)
{
    const bool warm = m_baseline.count() >= m_warmup;
    const double z = m_baseline.count() > 0 ? m_baseline.zScore(value) : 0.0;
    m_output.expected = m_baseline.count() > 0 ? m_baseline.location() : value;
    const double half = m_config.bandWidth * m_baseline.spread();
    m_output.lower = m_output.expected - half;
    m_output.upper = m_output.expected + half;
    m_output.deviation = z;
    m_output.warm = warm;
    m_output.score = warm ? scoreDeviation(z) : 0.0;
    m_baseline.add(value);
    return m_output.score;
}

void LevelDetector::writeState(QDataStream& out) const
{
    m_baseline.write(out);
    out << m_warmup;
}

void LevelDetector::readState(QDataStream& in)
{
    m_baseline.read(in);
    in >> m_warmup;
}

} // namespace meshscope
