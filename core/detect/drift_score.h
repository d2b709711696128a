#pragma once

#include <QDataStream>

namespace meshscope {

/// Raw score for slow drifts that the adaptive baselines absorb: how far a smoothed
/// value (exponential mean over `smoothing` samples) lies from the long-run mean of the
/// series (exponentially weighted over `longWindow` samples), in long-run standard
/// deviations, both directions. A machine heating up over hours moves the short-window
/// baselines along with it, but not this long memory. O(1) per sample.
class DriftScore
{
public:
    explicit DriftScore(double longWindow = 4000, double smoothing = 30);

    /// Feeds one value and returns the drift in long-run standard deviations (>= 0).
    double update(double value);
    /// Long-run (exponentially weighted) mean of the values seen so far.
    double mean() const { return m_mean; }

    void write(QDataStream& out) const;
    void read(QDataStream& in);

private:
    double m_longWindow;
    double m_steadyAlpha; ///< 1 / longWindow, the learning rate once warm (not saved)
    double m_smoothing;
    long long m_count = 0;
    double m_smoothed = 0;
    double m_mean = 0;
    double m_variance = 0;
};

} // namespace meshscope
