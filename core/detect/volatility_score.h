#pragma once

#include <QDataStream>

namespace meshscope {

/// Raw score for a change of volatility: how much the recent mean squared
/// sample-to-sample change (exponential mean over `smoothing` samples) differs from its
/// long-run mean (exponentially weighted over `longWindow` samples), as |log(ratio)|,
/// both ways. A series that starts to jitter, or freezes, may keep its level and so pass
/// the level and drift scores. O(1) per sample.
class VolatilityScore
{
public:
    explicit VolatilityScore(double longWindow = 4000, double smoothing = 30);

    /// Feeds one value and returns |log(recent volatility / long-run volatility)| (>= 0).
    double update(double value);

    void write(QDataStream& out) const;
    void read(QDataStream& in);

private:
    double m_longWindow;
    double m_smoothing;
    long long m_count = 0;
    double m_previous = 0;
    double m_recent = 0;
    double m_longRun = 0;
};

} // namespace meshscope
