#pragma once

#include "detector.h"
#include "robust_estimator.h"

namespace meshscope {

/// Rate-of-change detector for spikes and sudden steps: z-score of the change from the
/// previous sample against the robust spread of recent changes. Reacts on the very
/// first anomalous sample; the band is centred on the previous value.
class SpikeDetector final : public Detector
{
public:
    explicit SpikeDetector(const DetectorConfig& config, double window = 256);

    QString name() const override { return QStringLiteral("spike"); }
    double update(qint64 tMs, double value) override;
    /// As update() without computing the score (output().score is stale; the saved state
    /// has it): for the ensemble, which reads only the deviation.
    void observe(qint64 tMs, double value);

protected:
    void writeState(QDataStream& out) const override;
    void readState(QDataStream& in) override;
    double deferredScore() const override { return m_output.warm ? scoreDeviation(m_output.deviation) : 0.0; }

private:
    RobustEstimator m_changes;
    double m_previous = 0;
    bool m_hasPrevious = false;
};

} // namespace meshscope
