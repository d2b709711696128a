#pragma once

// Synthetic series with known anomalies for the detector tests.

#include <QtGlobal>

#include <cmath>
#include <random>
#include <vector>

namespace meshscope::testing {

struct Synthetic
{
    std::vector<qint64> timesMs;
    std::vector<double> values;
};

inline constexpr qint64 MinuteMs = 60'000;
inline constexpr qint64 DayMs = 86'400'000;

/// `count` samples every `stepMs`: level + daily sine of `amplitude` + Gaussian noise.
inline Synthetic dailySignal(std::size_t count, qint64 stepMs, double level, double amplitude, double noise,
    unsigned seed = 7)
{
    std::mt19937 rng(seed);
    std::normal_distribution<double> gauss(0.0, noise);
    Synthetic s;
    const qint64 start = 1'700'000'000'000LL / DayMs * DayMs;
    for (std::size_t i = 0; i < count; ++i) {
        const qint64 t = start + static_cast<qint64>(i) * stepMs;
        const double phase = 2 * M_PI * static_cast<double>(t % DayMs) / DayMs;
        s.timesMs.push_back(t);
        s.values.push_back(level + amplitude * std::sin(phase) + gauss(rng));
    }
    return s;
}

} // namespace meshscope::testing
