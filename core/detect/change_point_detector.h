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

protected:
    void writeState(QDataStream& out) const override;
    void readState(QDataStream& in) override;

private:
    RobustEstimator m_baseline;
    double m_drift;
    double m_threshold;
    double m_up = 0;
    double m_down = 0;
    int m_hold = 0; ///< samples left in which the last detected shift is still reported
    double m_heldDeviation = 0;
};

} // namespace meshscope
