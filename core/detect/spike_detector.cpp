#include "spike_detector.h"

namespace meshscope {

SpikeDetector::SpikeDetector(const DetectorConfig& config, double window)
    : Detector(config)
    , m_changes(window)
{
}

double SpikeDetector::update(qint64 tMs, double value)
{
    observe(tMs, value);
    return scoreObservedSample();
}

void SpikeDetector::observe(qint64, double value)
{
    if (!m_hasPrevious) {
        m_previous = value;
        m_hasPrevious = true;
        m_output = DetectorOutput {value, value, value, 0, 0, false};
        m_scoreDeferred = false;
        return;
    }
    const double change = value - m_previous;
    const bool warm = m_changes.count() >= 32;
    const double spread = m_changes.spread();
    const double z = m_changes.count() > 0 ? (change - m_changes.location()) / spread : 0.0;
    m_output.expected = m_previous + (m_changes.count() > 0 ? m_changes.location() : 0.0);
    m_output.lower = m_output.expected - m_config.bandWidth * spread;
    m_output.upper = m_output.expected + m_config.bandWidth * spread;
    m_output.deviation = z;
    m_output.warm = warm;
    m_scoreDeferred = true;
    m_changes.add(change);
    m_previous = value;
}

void SpikeDetector::writeState(QDataStream& out) const
{
    m_changes.write(out);
    out << m_previous << m_hasPrevious;
}

void SpikeDetector::readState(QDataStream& in)
{
    m_changes.read(in);
    in >> m_previous >> m_hasPrevious;
}

} // namespace meshscope
