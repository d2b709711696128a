#pragma once

#include "detector.h"
#include "robust_estimator.h"

namespace meshscope {

/// Robust level detector: z-score of each sample against the median/MAD of the recent
/// past (adaptive window, see RobustEstimator). Good for series without seasonality;
/// blind to slow drifts by design.
class LevelDetector final : public Detector
{
public:
    /// `window`: samples the baseline effectively remembers.
    explicit LevelDetector(const DetectorConfig& config, double window = 256);

    QString name() const override { return QStringLiteral("level"); }
    double update(qint64 tMs, double value) override;

protected:
    void writeState(QDataStream& out) const override;
    void readState(QDataStream& in) override;

private:
    RobustEstimator m_baseline;
    int m_warmup;
};

} // namespace meshscope
