#include "ensemble_detector.h"

#include "branch_free.h"
#include "ratio_noise_floor.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace meshscope {

namespace {
// Weights of the components in the combined deviation. Spikes are common in healthy
// bursty traffic, so a change must be larger to count as much as a level deviation.
constexpr double SeasonalWeight = 1.0;
constexpr double ChangePointWeight = 1.0;
constexpr double SpikeWeight = 0.6;
constexpr double BurnRateWeight = 1.0;
enum Component { Seasonal, ChangePoint, Spike, BurnRate, ComponentCount };

// The likelihood of the combined deviation averages 10 samples and learns from everything
// (no clipping: on NAB, clipping kept long incidents surprising for too long, i.e. more
// repeated alarms). The drift and volatility scores are smoothed already, so their
// likelihoods need no averaging, and they learn with clipping at 4 deviations so a slow
// failure or a lasting jitter does not become normal. All measured on NAB, see
// docs/detectors.md.
AnomalyLikelihood makeLikelihood()
{
    return AnomalyLikelihood(10, 8640, 0.6, 0, std::numeric_limits<double>::infinity());
}
AnomalyLikelihood makeSmoothedScoreLikelihood()
{
    return AnomalyLikelihood(1, 8640, 0.6, 0, 4);
}
// A value beyond the series' recorded range by more than this share of the range's width
// (divided by the sensitivity) alerts: from RecordAlertScore at the margin to 1 at a
// whole width beyond it. Measured on NAB: margins of 1-3 % score the same, 5 % less.
constexpr double RecordMargin = 0.02;
constexpr double RecordAlertScore = 0.65;
// After the score reaches AlertLevel, the next Refractory samples are damped (x Damping):
// one event, one alert. Measured on NAB: 200 beats 150, 250, 300 and 600.
constexpr double AlertLevel = 0.6;
constexpr int Refractory = 200;
constexpr double Damping = 0.3;
// ... but for at most two days: on hourly series 200 samples are 8 days, which silenced
// the next real event (NAB realAdExchange held out: 32.8 -> 45.6; 24-96 h score the same).
constexpr qint64 RefractoryMaxMs = 48 * 3600 * 1000LL;
// Samples over which an error ratio's recent mean is taken (the robust baseline's window).
constexpr qint64 RatioLevelWindow = 256;
} // namespace

EnsembleDetector::EnsembleDetector(const DetectorConfig& config)
    : Detector(config)
    , m_seasonal(config)
    , m_likelihood(makeLikelihood())
    , m_driftLikelihood(makeSmoothedScoreLikelihood())
    , m_volatilityLikelihood(makeSmoothedScoreLikelihood())
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
    return updateRatio(tMs, value, std::numeric_limits<double>::quiet_NaN());
}

double EnsembleDetector::updateRatio(qint64 tMs, double value, double requests)
{
    m_seasonal.observe(tMs, value);
    const DetectorOutput& base = m_seasonal.output();
    // Once the baseline becomes seasonal the residual changes character: relearn it.
    const bool seasonalMode = m_seasonal.isSeasonal();
    if (seasonalMode != m_seasonalMode) {
        m_seasonalMode = seasonalMode;
        restartResidualDetectors();
        m_likelihood = makeLikelihood();
    }
    const double residual = value - base.expected;
    m_changePoint->observe(tMs, residual);
    m_spike->observe(tMs, residual);
    const auto part = [this](const Detector& d, double weight) {
        return d.output().warm ? weight * std::abs(directed(d.output().deviation)) : 0.0;
    };
    std::array<double, ComponentCount> parts = {part(m_seasonal, SeasonalWeight),
        part(*m_changePoint, ChangePointWeight), part(*m_spike, SpikeWeight), 0.0};
    if (m_burnRate) {
        m_burnRate->update(tMs, value);
        parts[BurnRate] = part(*m_burnRate, BurnRateWeight);
    }
    // Which component is largest and the residual's sign change at random on noise, so
    // they are chosen without branches (max_element's first largest, bit for bit).
    int strongest = 0;
    double largest = parts[0];
    for (int i = 1; i < ComponentCount; ++i) {
        const double candidate = parts[static_cast<std::size_t>(i)];
        const bool larger = largest < candidate;
        strongest = larger ? i : strongest;
        largest = selectWithoutBranch(larger, candidate, largest);
    }
    m_strongest = strongest;
    m_output.expected = base.expected;
    m_output.lower = base.lower;
    m_output.upper = base.upper;
    m_output.warm = base.warm;
    const double raw = largest * m_config.sensitivity;
    const double significant
        = m_config.signalClass == SignalClass::Errors ? limitRatioDeviation(value, raw, requests) : raw;
    const bool upwards = base.deviation >= 0;
    m_output.deviation = selectWithoutBranch(upwards, raw, -raw);
    m_significantDeviation = selectWithoutBranch(upwards, significant, -significant);
    // The raw scores first, so that few values are kept across these calls.
    const double volatilityRaw = m_volatility.update(value) * m_config.sensitivity;
    const double driftRaw = m_drift.update(value) * m_config.sensitivity;
    // The likelihoods share one scale, so the largest is the score of the largest surprise
    // (one tail probability a sample). Which one is largest changes at random: std::max
    // of pairs picks the same first largest as std::max({...}) but without branches.
    const double surprise = std::max(std::max(m_likelihood.learn(significant), m_driftLikelihood.learn(driftRaw)),
        m_volatilityLikelihood.learn(volatilityRaw));
    double score = AnomalyLikelihood::score(surprise);
    const double beyondRecord = std::abs(directed(m_record.update(tMs, value))) * m_config.sensitivity - RecordMargin;
    if (beyondRecord > 0)
        score = std::max(score, std::min(1.0, RecordAlertScore + (1 - RecordAlertScore) * beyondRecord));
    m_output.score = dampRepeats(tMs, score);
    return m_output.score;
}

// A ratio's learned spread can be about 0 (mostly exactly 0 at low traffic), so the
// deviation is limited by what the traffic behind the sample can resolve. The baseline is
// a median, which stays at 0 on a sparse series even when the real failure rate is, say,
// 1 %, and cannot follow a ratio that rises slowly with load; so a change is measured
// from both the baseline and the ratio's recent mean (exponential, 256 samples, learnt
// after scoring), and the binomial error uses the larger of the reference and the
// long-run mean. Called after m_output's band is set.
double EnsembleDetector::limitRatioDeviation(double value, double raw, double requests)
{
    const double expected = m_output.expected;
    // A change counts from whichever of the two is nearer to the value in its direction.
    double reference = expected;
    if (m_ratioCount > 0)
        reference = value >= expected ? std::max(expected, m_ratioLevel) : std::min(expected, m_ratioLevel);
    const double learned = std::max(reference, m_drift.mean());
    double margin = RatioNoiseFloor::MinimumDelta;
    if (!std::isnan(requests))
        margin = std::max(margin, m_config.bandWidth * RatioNoiseFloor::standardError(learned, requests));
    m_output.lower = std::min(m_output.lower, std::max(0.0, expected - margin));
    m_output.upper = std::max(m_output.upper, std::max(expected, m_ratioLevel) + margin);
    const double limit = RatioNoiseFloor::deviationLimit(value, reference, learned, requests);
    if (std::isfinite(value)) {
        ++m_ratioCount;
        m_ratioLevel += (value - m_ratioLevel) / static_cast<double>(std::min<qint64>(m_ratioCount, RatioLevelWindow));
    }
    return std::min(raw, limit * m_config.sensitivity);
}

double EnsembleDetector::dampRepeats(qint64 tMs, double score)
{
    if (m_quiet > 0 && tMs >= m_quietUntilMs)
        m_quiet = 0;
    if (m_quiet > 0) {
        --m_quiet;
        return score * Damping;
    }
    if (score >= AlertLevel) {
        m_quiet = Refractory;
        m_quietUntilMs = tMs + RefractoryMaxMs;
    }
    return score;
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
    m_drift.write(out);
    m_driftLikelihood.write(out);
    m_volatility.write(out);
    m_volatilityLikelihood.write(out);
    m_record.write(out);
    out << m_ratioLevel << m_ratioCount << m_significantDeviation << m_quiet << m_quietUntilMs << m_strongest;
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
    m_drift.read(in);
    m_driftLikelihood.read(in);
    m_volatility.read(in);
    m_volatilityLikelihood.read(in);
    m_record.read(in);
    in >> m_ratioLevel >> m_ratioCount >> m_significantDeviation >> m_quiet >> m_quietUntilMs >> m_strongest;
}

} // namespace meshscope
