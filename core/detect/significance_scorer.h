#pragma once

#include "model/signal_names.h"

#include <QtGlobal>

namespace meshscope {

/// What is known about one anomalous stretch of a series when judging it.
struct DeviationEvidence
{
    double peakDeviation = 0; ///< largest deviation in learned spreads (> 0 = above normal)
    double expected = 0;      ///< learned normal value at the peak
    double observed = 0;      ///< value at the peak
    int samples = 0;          ///< samples in the stretch
    qint64 durationMs = 0;
    double trafficWeight = 1; ///< 0..1, share of the traffic behind the series (1 = unknown)
    bool warm = true;         ///< false when the detector was still learning
};

/// Significance 0..100 of a deviation: how large it is against the learned spread, how
/// long it lasted and how much traffic is behind it, so the noise of a quiet series never
/// pages anyone. Zero when the deviation goes the harmless way, is shorter than the
/// minimum duration, smaller than the minimum delta (absolute per signal class, and
/// relative to the expected value), or happened during warm-up without being extreme.
class SignificanceScorer
{
public:
    explicit SignificanceScorer(QStringView signal, double sensitivity = 1.0);

    double score(const DeviationEvidence& evidence) const;

    /// Smallest |observed - expected| that can matter for this signal class.
    static double minimumDelta(SignalClass signalClass);
    /// Samples an anomaly needs unless it is extreme.
    static constexpr int MinimumSamples = 2;
    /// Relative change to the expected value an anomaly needs.
    static constexpr double MinimumRelativeDelta = 0.05;
    /// A deviation this large (in spreads) is alerted even in warm-up or when short.
    static constexpr double ExtremeDeviation = 12.0;

private:
    SignalClass m_class;
    BadDirection m_direction;
    double m_sensitivity;
};

} // namespace meshscope
