#pragma once

#include "detector.h"
#include "robust_estimator.h"

#include <vector>

namespace meshscope {

/// Seasonal baseline with automatic period detection. While learning, samples are kept
/// as 5-minute means (up to 28 days); after two days (and again after two weeks) the
/// hourly, daily or weekly period is chosen by autocorrelation (estimatePeriod). With a
/// period, the expected value is a per-phase profile (exponentially updated, outliers
/// clipped) plus a slowly adapting level offset, and the score is the robust z-score of
/// the residual. Without a period it behaves like the level detector.
class SeasonalDetector final : public Detector
{
public:
    /// `profileAlpha`: weight of a new day/week in its phase of the profile.
    explicit SeasonalDetector(const DetectorConfig& config, double profileAlpha = 0.5);

    QString name() const override { return QStringLiteral("seasonal"); }
    double update(qint64 tMs, double value) override;
    /// As update() without computing the score (output().score is stale; the saved state
    /// has it): for the ensemble, which reads the band and the deviation.
    void observe(qint64 tMs, double value);
    /// 0 while no period was found.
    qint64 periodMs() const { return m_periodMs; }
    /// True when the expected value comes from the seasonal profile.
    bool isSeasonal() const { return m_periodMs != 0 && m_residual.count() >= ResidualWarmup; }

protected:
    void writeState(QDataStream& out) const override;
    void readState(QDataStream& in) override;
    double deferredScore() const override { return m_output.warm ? scoreDeviation(m_latestZ) : 0.0; }

private:
    static constexpr int ResidualWarmup = 32;

    void collect(qint64 tMs, double value);
    void pushBin();
    void tryDetectPeriod();
    void initialiseProfile();
    std::size_t bucketOf(qint64 tMs) const;
    std::size_t nextBucket(qint64 tMs);
    double sampleStepMs() const;

    double m_profileAlpha;
    RobustEstimator m_level;
    RobustEstimator m_residual;
    double m_offset = 0;

    // learning buffer of 5-minute means
    std::vector<double> m_bins;
    qint64 m_firstBinIndex = 0;
    qint64 m_currentBin = -1;
    double m_binSum = 0;
    int m_binCount = 0;
    bool m_collecting = true;
    int m_attempts = 0;
    std::vector<qint64> m_steps; ///< first sample intervals, for the profile resolution
    qint64 m_lastMs = 0;
    bool m_hasLast = false;

    qint64 m_periodMs = 0;
    qint64 m_bucketMs = 0;
    std::vector<double> m_profile;
    // nextBucket()'s phase of the latest sample (derived, not saved)
    bool m_phaseKnown = false;
    qint64 m_phaseAtMs = 0;
    qint64 m_phaseMs = 0;
    qint64 m_phaseBucket = 0;
    qint64 m_bucketStartMs = 0;
    double m_latestZ = 0; ///< the latest sample's z, for deferredScore() (not saved)
};

} // namespace meshscope
