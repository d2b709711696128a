#include "ensemble_detector.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace meshscope {

namespace {
// Weights of the components in the combined deviation. Spikes are common in healthy
// bursty traffic, so a change must be larger to count as much as a level deviation.
constexpr double SeasonalWeight = 1.0;
constexpr double ChangePointWeight = 1.0;
constexpr double SpikeWeight = 0.6;
constexpr double BurnRateWeight = 1.0;
enum Component { Seasonal, ChangePoint, Spike, BurnRate, ComponentCount };
} // namespace

EnsembleDetector::EnsembleDetector(const DetectorConfig& config)
    : Detector(config)
    , m_seasonal(config)
{
    restartResidualDetectors();
    if (config.signalClass == SignalClass::Errors)
        m_burnRate.emplace(config);
}

void EnsembleDetector::restartResidualDetectors()
{
    m_changePoint.emplace(m_config);
    m_spike.emplace(m_config);
}

double EnsembleDetector::update(qint64 tMs, double value)
{
    m_seasonal.update(tMs, value);
    const DetectorOutput& base = m_seasonal.output();
    // Once the baseline becomes seasonal the residual changes character: relearn it.
    const bool seasonalMode = m_seasonal.isSeasonal();
    if (seasonalMode != m_seasonalMode) {
        m_seasonalMode = seasonalMode;
        restartResidualDetectors();
        m_likelihood = AnomalyLikelihood();
    }
    const double residual = value - base.expected;
    m_changePoint->update(tMs, residual);
    m_spike->update(tMs, residual);
    const auto part = [this](const Detector& d, double weight) {
        return d.output().warm ? weight * std::abs(directed(d.output().deviation)) : 0.0;
    };
    std::array<double, ComponentCount> parts = {part(m_seasonal, SeasonalWeight),
        part(*m_changePoint, ChangePointWeight), part(*m_spike, SpikeWeight), 0.0};
    if (m_burnRate) {
        m_burnRate->update(tMs, value);
        parts[BurnRate] = part(*m_burnRate, BurnRateWeight);
    }
    m_strongest = static_cast<int>(std::max_element(parts.begin(), parts.end()) - parts.begin());
    const double raw = parts[static_cast<std::size_t>(m_strongest)] * m_config.sensitivity;
    m_output.expected = base.expected;
    m_output.lower = base.lower;
    m_output.upper = base.upper;
    m_output.warm = base.warm;
    m_output.deviation = base.deviation >= 0 ? raw : -raw;
    m_output.score = m_likelihood.update(raw);
    return m_output.score;
}

QString EnsembleDetector::strongestComponent() const
{
    static const std::array<QString, ComponentCount> names = {QStringLiteral("seasonal"),
        QStringLiteral("changepoint"), QStringLiteral("spike"), QStringLiteral("burnrate")};
    return names[static_cast<std::size_t>(m_strongest)];
}

void EnsembleDetector::writeState(QDataStream& out) const
{
    out << m_seasonal.saveState() << m_changePoint->saveState() << m_spike->saveState() << m_seasonalMode;
    out << m_burnRate.has_value();
    if (m_burnRate)
        out << m_burnRate->saveState();
    m_likelihood.write(out);
    out << m_strongest;
}

void EnsembleDetector::readState(QDataStream& in)
{
    QByteArray seasonal, changePoint, spike;
    in >> seasonal >> changePoint >> spike >> m_seasonalMode;
    m_seasonal.restoreState(seasonal);
    m_changePoint->restoreState(changePoint);
    m_spike->restoreState(spike);
    bool hasBurnRate = false;
    in >> hasBurnRate;
    if (hasBurnRate) {
        QByteArray burnRate;
        in >> burnRate;
        if (!m_burnRate)
            m_burnRate.emplace(m_config);
        m_burnRate->restoreState(burnRate);
    } else {
        m_burnRate.reset();
    }
    m_likelihood.read(in);
    in >> m_strongest;
}

} // namespace meshscope
