#pragma once

#include "detector.h"
#include "robust_estimator.h"

namespace meshscope {

/// Two-sided CUSUM on robust z-scores for level shifts: small persistent deviations
/// accumulate until they cross `threshold` spreads. After a detected shift the baseline
/// restarts so the new level becomes normal (the shift is reported once, as it happens).
class ChangePointDetector final : public Detector
{
public:
    /// `drift` (k) is the per-sample allowance, `threshold` (h) the decision interval,
    /// both in spreads.
    explicit ChangePointDetector(const DetectorConfig& config, double window = 512, double drift = 0.5,
        double threshold = 8.0);

    QString name() const override { return QStringLiteral("changepoint"); }
    double update(qint64 tMs, double value) override;
    /// As update() without computing the score (output().score is stale; the saved state
    /// has it): for the ensemble, which reads only the deviation.
    void observe(qint64 tMs, double value);

protected:
    void writeState(QDataStream& out) const override;
    void readState(QDataStream& in) override;
    double deferredScore() const override { return m_output.warm ? scoreDeviation(m_output.deviation) : 0.0; }

private:
    void cacheThresholdScale();

    RobustEstimator m_baseline;
    double m_drift;
    double m_threshold;
    /// 1 / threshold when that is exact (a power of two, as the default 8): then
    /// multiplying by it is dividing by the threshold, bit for bit. Not saved.
    double m_inverseThreshold = 0;
    bool m_exactInverseThreshold = false;
    double m_up = 0;
    double m_down = 0;
    int m_hold = 0; ///< samples left in which the last detected shift is still reported
    double m_heldDeviation = 0;
};

} // namespace meshscope
