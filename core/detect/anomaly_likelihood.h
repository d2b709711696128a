#pragma once

#include <QDataStream>

#include <array>

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
    int m_shortWindow;
    double m_longWindow;
    double m_alertLevel;
    int m_refractory;
    double m_learnClip;
    double m_steadyAlpha; ///< 1 / longWindow, the learning rate once warm (not saved)
    std::array<double, MaxShort> m_recent {};
    int m_next = 0;
    double m_recentSum = 0;
    long long m_count = 0;
    double m_mean = 0;
    double m_variance = 0;
    int m_quiet = 0;
    double m_last = 0;
};

} // namespace meshscope
