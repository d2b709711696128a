#pragma once

#include "running_moments.h"

#include <QDataStream>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace meshscope {

/// Turns a stream of raw deviations (>= 0, in spreads) into a calibrated anomaly
/// likelihood, in the spirit of HTM's anomaly likelihood: the mean of the last few raw
/// values is compared with the long-run distribution of that mean (exponentially
/// weighted mean and variance), its Gaussian tail probability Q is log-scaled to
/// score = log(Q) / log(1e-10) in [0,1] (0.5 at Q = 1e-5). The same raw size is thus
/// surprising on a calm series and ordinary on a noisy one.
///
/// After a score reaches `alertLevel`, the following `refractory` samples are damped so one
/// event raises one alert; an ongoing deviation is still visible in the raw input
/// (refractory 0: no damping, e.g. when the caller combines several likelihoods and
/// damps the combination). While learning, short means above the long-run mean plus
/// `learnClip` deviations are clipped (infinity: learn everything).
class AnomalyLikelihood
{
public:
    AnomalyLikelihood(int shortWindow = 10, double longWindow = 8640, double alertLevel = 0.6, int refractory = 300,
        double learnClip = 4);

    double update(double raw);
    double last() const { return m_last; }
    /// As update() without the refractory damping, split in two: learn() feeds `raw` and
    /// returns its surprise, the short mean in long-run deviations above the long-run
    /// mean (minus infinity while warming up); score() maps a surprise to the likelihood.
    /// score() never decreases with the surprise, so the largest of several likelihoods
    /// is score() of their largest surprise: one tail probability instead of several.
    double learn(double raw);
    static double score(double surprise);

    void write(QDataStream& out) const;
    void read(QDataStream& in);

private:
    static constexpr int MaxShort = 16;
    static constexpr int Warmup = 64;
    // The spread of the short mean is never taken below this, so a perfectly calm series
    // does not turn its first rounding wiggle into a certainty.
    static constexpr double MinDeviation = 0.05;
    int m_shortWindow;
    double m_longWindow;
    double m_alertLevel;
    int m_refractory;
    double m_learnClip;
    double m_steadyAlpha; ///< 1 / longWindow, the learning rate once warm (not saved)
    double m_shortWindowSize; ///< m_shortWindow as a double (not saved)
    std::array<double, MaxShort> m_recent {};
    int m_next = 0;
    double m_recentSum = 0;
    long long m_count = 0;
    double m_mean = 0;
    double m_variance = 0;
    int m_quiet = 0;
    double m_last = 0;
};

// Inline: the ensemble learns three likelihoods a sample, and their divisions and square
// roots overlap better inside the caller than behind three calls.
inline double AnomalyLikelihood::learn(double raw)
{
    raw = std::max(0.0, raw);
    // The sum in a local: stored first, it would be read back behind the store to m_recent.
    const double recentSum = m_recentSum + (raw - m_recent[static_cast<std::size_t>(m_next)]);
    m_recentSum = recentSum;
    m_recent[static_cast<std::size_t>(m_next)] = raw;
    if (++m_next == m_shortWindow)
        m_next = 0;
    // A mean of one value is the value (x / 1 is x, bit for bit): no division.
    const double shortMean = m_shortWindow == 1 ? recentSum : recentSum / m_shortWindowSize;
    const double deviation = std::max(std::sqrt(m_variance), MinDeviation);

    double surprise = -std::numeric_limits<double>::infinity();
    if (m_count >= Warmup)
        surprise = (shortMean - m_mean) / deviation;
    // The long-run statistics learn from the short mean, with anomalies clipped (if asked)
    // so that an incident does not teach that incidents are normal.
    ++m_count;
    const double count = static_cast<double>(m_count);
    const double alpha = count < m_longWindow ? 1.0 / count : m_steadyAlpha;
    const double limit = m_mean + m_learnClip * deviation;
    const double learned = m_count > Warmup ? std::min(shortMean, limit) : shortMean;
    updateRunningMoments(learned, alpha, m_mean, m_variance);
    return surprise;
}

} // namespace meshscope
