#pragma once

#include <QDataStream>

#include <array>

namespace meshscope {

/// Raw score for a shape not seen in the recent past: the distance of the last `Window`
/// samples (normalised by the series' long-run mean and standard deviation,
/// exponentially weighted over `longWindow` samples, clipped at ±64) to their nearest
/// neighbour in a memory of the `Memory` most recent past windows (one stored every
/// `Window` samples, each entering the memory only after the next one is taken, so an
/// ongoing event is never its own neighbour). A nearest-neighbour novelty in the spirit
/// of NAB's KNN-CAD and ARTime: a series that starts a pattern it has not shown lately
/// scores high even when each sample stays inside the usual band. Root mean square
/// distance in long-run standard deviations, >= 0. O(Window × Memory): 256 single
/// precision operations on every other sample (the distance holds for the next one),
/// laid out so the compiler vectorises them.
class WindowNovelty
{
public:
    static constexpr int Window = 8;
    static constexpr int Memory = 32;

    explicit WindowNovelty(double longWindow = 4000);

    /// Feeds one value and returns its window's distance to the nearest remembered one.
    double update(double value);

    void write(QDataStream& out) const;
    void read(QDataStream& in);

private:
    double normalise(double value);
    double nearestDistance() const;
    void remember();

    double m_longWindow;
    double m_steadyAlpha; ///< 1 / longWindow, the learning rate once warm (not saved)
    long long m_count = 0;
    double m_mean = 0;
    double m_variance = 0;
    double m_distance = 0; ///< the latest search's result
    /// The last Window normalised values, oldest first (contiguous, see m_history).
    const float* recent() const { return m_history.data() + m_newest + 1; }
    /// Every value is written twice, at its slot and Window later, so the last Window
    /// values are always contiguous and a new one costs two stores instead of a shift.
    std::array<float, 2 * Window> m_history {};
    int m_newest = Window - 1; ///< slot of the newest value
    std::array<float, Window> m_pending {}; ///< the latest stored window, not yet remembered
    bool m_hasPending = false;
    /// The remembered windows, by position in the window: m_memory[j][k] is value j of window k.
    std::array<std::array<float, Memory>, Window> m_memory {};
    int m_remembered = 0;
    int m_slot = 0;
};

} // namespace meshscope
