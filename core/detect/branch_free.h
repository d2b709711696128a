#pragma once

#include <bit>
#include <cstdint>

namespace meshscope {

/// `condition ? a : b`, bit for bit, without a branch. For decisions that go either way
/// at random on noisy data, where a mispredicted branch costs more than both arms: the
/// compiler turns a plain conditional on doubles into a branch whenever one arm is cheap.
inline double selectWithoutBranch(bool condition, double a, double b)
{
    const std::uint64_t mask = -static_cast<std::uint64_t>(condition);
    return std::bit_cast<double>(
        (std::bit_cast<std::uint64_t>(a) & mask) | (std::bit_cast<std::uint64_t>(b) & ~mask));
}

/// `std::max(0.0, x)` without a branch: x when it is above +0, else +0 (also for NaN and -0).
inline double positivePart(double x)
{
    return selectWithoutBranch(0.0 < x, x, 0.0);
}

} // namespace meshscope
