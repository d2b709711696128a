#pragma once

#include <QtGlobal>

#include <cmath>

namespace meshscope {

/// Counter-based pseudo-random numbers for the simulator. Every draw is a pure function
/// of (seed, keys), so the output does not depend on the order in which entities or
/// steps are computed and the same seed gives byte-identical results on every run.
namespace SimRandom {

inline quint64 mix(quint64 x)
{
    // splitmix64 finaliser: cheap and well distributed.
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

inline quint64 hash(quint64 seed, quint64 a, quint64 b = 0, quint64 c = 0)
{
    return mix(seed ^ mix(a ^ mix(b ^ mix(c))));
}

/// Uniform in [0, 1).
inline double uniform(quint64 seed, quint64 a, quint64 b = 0, quint64 c = 0)
{
    return static_cast<double>(hash(seed, a, b, c) >> 11) * 0x1.0p-53;
}

/// Standard normal (Box-Muller on two independent uniforms).
inline double gaussian(quint64 seed, quint64 a, quint64 b = 0, quint64 c = 0)
{
    const quint64 h = hash(seed, a, b, c);
    const double u1 = (static_cast<double>(h >> 11) + 0.5) * 0x1.0p-53;
    const double u2 = static_cast<double>(mix(h) >> 11) * 0x1.0p-53;
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
}

} // namespace SimRandom

/// A sequential generator for building topologies (order matters there and is fixed).
class SimSequence
{
public:
    explicit SimSequence(quint64 seed)
        : m_state(seed)
    { }
    quint64 next() { return SimRandom::mix(m_state++); }
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    double uniform(double low, double high) { return low + (high - low) * uniform(); }
    /// Integer in [low, high].
    int range(int low, int high)
    {
        return low + static_cast<int>(next() % static_cast<quint64>(high - low + 1));
    }

private:
    quint64 m_state;
};

} // namespace meshscope
