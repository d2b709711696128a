#pragma once

#include "anomaly_likelihood.h"
#include "burn_rate_detector.h"
#include "change_point_detector.h"
#include "drift_score.h"
#include "record_score.h"
#include "seasonal_detector.h"
#include "spike_detector.h"
#include "volatility_score.h"

#include <optional>

namespace meshscope {

/// The default detector. The seasonal baseline (robust level until a period is found)
/// gives the expected value; CUSUM change points and rate-of-change spikes watch the
/// residual (value - expected), so a daily swing is neither a spike nor a level shift;
/// error ratios also get the SLO burn rate on the raw ratio. The deviations (bad
/// direction only) are combined by a weighted maximum into one raw deviation, which
/// AnomalyLikelihood turns into a likelihood. Two more likelihoods watch DriftScore (slow
/// drifts away from the long-run level, which the adaptive baselines absorb) and
/// VolatilityScore (the series starts to jitter or freezes). The score is the largest;
/// a value beyond the series' recorded range (RecordScore) alerts too. The score is
/// damped for a while after it alerts so one event raises one alert. `output()` gives
/// the seasonal baseline and band, the combined deviation and the score.
class EnsembleDetector final : public Detector
{
public:
    explicit EnsembleDetector(const DetectorConfig& config);

    QString name() const override { return QStringLiteral("ensemble"); }
    double update(qint64 tMs, double value) override;
    /// As update(), for a ratio of counts measured over `requests` requests (NaN when
    /// unknown). For error ratios significantDeviation() and the score are limited by
    /// RatioNoiseFloor (binomial standard error at the learned ratio) and the band is at
    /// least that wide, so ordinary failures at low traffic stay inside it. Other signal
    /// classes ignore `requests`.
    double updateRatio(qint64 tMs, double value, double requests);
    /// The combined deviation of the latest sample as far as it is significant: for error
    /// ratios limited by RatioNoiseFloor, else equal to output().deviation. An anomalous
    /// stretch opens on this and its peak is judged on it; it stays open while
    /// output().deviation is abnormal (so a ratio hovering near its floor is not split
    /// into many stretches).
    double significantDeviation() const { return m_significantDeviation; }
    /// Name of the component with the largest weighted deviation at the latest sample.
    QString strongestComponent() const;

protected:
    void writeState(QDataStream& out) const override;
    void readState(QDataStream& in) override;

private:
    void restartResidualDetectors();
    double dampRepeats(qint64 tMs, double score);
    double limitRatioDeviation(double value, double raw, double requests);

    SeasonalDetector m_seasonal;
    std::optional<ChangePointDetector> m_changePoint;
    std::optional<SpikeDetector> m_spike;
    bool m_seasonalMode = false;
    std::optional<BurnRateDetector> m_burnRate;
    AnomalyLikelihood m_likelihood;
    DriftScore m_drift;
    AnomalyLikelihood m_driftLikelihood;
    VolatilityScore m_volatility;
    AnomalyLikelihood m_volatilityLikelihood;
    RecordScore m_record;
    double m_significantDeviation = 0;
    double m_ratioLevel = 0; ///< error ratios: mean of recent values (see limitRatioDeviation)
    qint64 m_ratioCount = 0;
    int m_quiet = 0; ///< samples left in which the score is damped after an alert
    qint64 m_quietUntilMs = 0; ///< and only until this time
    int m_strongest = 0;
};

} // namespace meshscope
