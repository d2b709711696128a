#pragma once

#include <QDataStream>

#include <algorithm>
#include <array>

namespace meshscope {

/// Streaming robust location and spread: a median/MAD estimate for a window of about
/// `window` samples, in O(1) per sample. The first samples are kept and their exact
/// median/MAD used; afterwards both follow by stochastic approximation (a Huber step
/// bounded by the current spread), so one outlier moves them by at most `spread/window`.
/// The window adapts: it grows as 1/n from a few samples up to `window`, and restart()
/// shortens it again after a level shift so the new level is learned quickly.
class RobustEstimator
{
public:
    explicit RobustEstimator(double window = 256, double relativeFloor = 1e-3);

    void add(double x);
    /// Forgets the learned statistics but keeps the spread floor learned so far.
    void restart();

    double location() const { return m_location; }
    /// Robust standard deviation (1.4826 * MAD), never below the floor.
    double spread() const
    {
        // A flat series has MAD 0; without a floor its first wiggle would be infinitely
        // surprising. The floor is relative to the series' typical magnitude.
        return std::max({MadToSigma * m_mad, m_relativeFloor * m_typicalMagnitude, AbsoluteFloor});
    }
    /// (x - location) / spread
    double zScore(double x) const { return (x - m_location) / spread(); }
    long long count() const { return m_count; }

    void write(QDataStream& out) const;
    void read(QDataStream& in);

private:
    static constexpr int InitSamples = 9;
    static constexpr double MadToSigma = 1.4826;
    // Smallest spread for a series that is exactly constant (in its own units).
    static constexpr double AbsoluteFloor = 1e-9;
    void initialiseFromBuffer();
    void cacheSteadyAlphas();

    double m_window;
    double m_relativeFloor;
    // 1 / window and 1 / (4 window), the steps once the windows are full: the same values
    // add() would divide out on every sample. Derived from m_window, not saved.
    double m_steadyAlpha = 0;
    double m_steadyMagnitudeAlpha = 0;
    double m_location = 0;
    double m_mad = 0;
    double m_typicalMagnitude = 0; ///< EW mean of |x|, scales the spread floor
    long long m_count = 0;
    std::array<double, InitSamples> m_init {};
};

} // namespace meshscope
