#include "window_novelty.h"

#include "running_moments.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace meshscope {

namespace {
// Normalised values are clipped here, so one huge outlier (a unit error, a counter
// reset) does not dominate the distances and the likelihood's statistics. Measured on
// NAB: a clip at 8 made every burst beyond 8 deviations look alike (71.3 standard);
// 48, 64 and no clip score the same (71.8), so the bound only guards the extremes.
constexpr double ClipDeviations = 64;
// The spread is never taken below 0.1 % of the level (a flat series' first wiggle).
constexpr double RelativeFloor = 1e-3;
constexpr double AbsoluteFloor = 1e-9;
// The nearest neighbour is searched on every SearchEvery-th sample.
constexpr long long SearchEvery = 2;
// Fewer remembered windows than this give no meaningful nearest neighbour yet.
constexpr int MinimumMemory = 4;
} // namespace

WindowNovelty::WindowNovelty(double longWindow)
    : m_longWindow(longWindow)
    , m_steadyAlpha(1.0 / longWindow)
{
}

// The value in long-run standard deviations from the long-run mean (statistics before
// this value), then the statistics learn it.
double WindowNovelty::normalise(double value)
{
    double z = 0;
    if (m_count > 0) {
        const double spread = std::max(std::sqrt(m_variance), RelativeFloor * std::abs(m_mean) + AbsoluteFloor);
        z = std::clamp((value - m_mean) / spread, -ClipDeviations, ClipDeviations);
    }
    ++m_count;
    const double count = static_cast<double>(m_count);
    const double alpha = count < m_longWindow ? 1.0 / count : m_steadyAlpha;
    updateRunningMoments(value, alpha, m_mean, m_variance);
    return z;
}

// All remembered windows at once, position by position: the inner loops run over the
// windows (contiguous), so they vectorise, and the four blocks of eight sums stay in
// registers with one load of the current value per position for all of them. Slots not
// yet filled are skipped, and a NaN (a window of values beyond the double range) takes
// min_element's way; otherwise the order of the minimum does not matter (the sums are
// >= +0), so it is the same value.
double WindowNovelty::nearestDistance() const
{
    constexpr std::size_t Block = 8;
    static_assert(Memory == 4 * Block);
    const float* recent = this->recent();
    std::array<float, Block> block0 {};
    std::array<float, Block> block1 {};
    std::array<float, Block> block2 {};
    std::array<float, Block> block3 {};
    const auto accumulate = [](std::array<float, Block>& block, float current, const float* column) {
        for (std::size_t k = 0; k < Block; ++k) {
            const float d = current - column[k];
            block[k] += d * d;
        }
    };
    for (std::size_t j = 0; j < Window; ++j) {
        const float current = recent[j];
        const float* column = m_memory[j].data();
        accumulate(block0, current, column);
        accumulate(block1, current, column + Block);
        accumulate(block2, current, column + 2 * Block);
        accumulate(block3, current, column + 3 * Block);
    }
    std::array<float, Memory> sums;
    std::array<float, Block> least;
    std::array<float, Block> total; // NaN if any sum is
    for (std::size_t k = 0; k < Block; ++k) {
        sums[k] = block0[k];
        sums[Block + k] = block1[k];
        sums[2 * Block + k] = block2[k];
        sums[3 * Block + k] = block3[k];
        least[k] = std::min(std::min(block0[k], block1[k]), std::min(block2[k], block3[k]));
        total[k] = (block0[k] + block1[k]) + (block2[k] + block3[k]);
    }
    float check = 0;
    for (float t : total)
        check += t;
    float best = 0;
    if (m_remembered < Memory || std::isnan(check)) {
        best = *std::min_element(sums.begin(), sums.begin() + m_remembered);
    } else {
        best = least[0];
        for (std::size_t k = 1; k < Block; ++k)
            best = std::min(best, least[k]);
    }
    return std::sqrt(static_cast<double>(best) / Window);
}

// Every Window samples the current window becomes pending and the previous pending one
// enters the memory (overwriting the oldest once full).
void WindowNovelty::remember()
{
    if (m_hasPending) {
        for (std::size_t j = 0; j < Window; ++j)
            m_memory[j][static_cast<std::size_t>(m_slot)] = m_pending[j];
        m_slot = (m_slot + 1) % Memory;
        m_remembered = std::min(m_remembered + 1, Memory);
    }
    std::copy(recent(), recent() + Window, m_pending.begin());
    m_hasPending = true;
}

double WindowNovelty::update(double value)
{
    if (!std::isfinite(value))
        return 0;
    const float z = static_cast<float>(normalise(value));
    m_newest = (m_newest + 1) % Window;
    m_history[static_cast<std::size_t>(m_newest)] = z;
    m_history[static_cast<std::size_t>(m_newest + Window)] = z;
    if (m_count < Window)
        return 0;
    // The search runs on every other sample and its distance holds for the next one,
    // which halves the cost (measured on NAB: 71.3 instead of 71.4 standard).
    const bool search = (m_count - 1) % SearchEvery == 0;
    if (search)
        m_distance = m_remembered >= MinimumMemory ? nearestDistance() : 0.0;
    if ((m_count - 1) % Window == 0)
        remember();
    return m_distance;
}

void WindowNovelty::write(QDataStream& out) const
{
    out << m_longWindow << qint64(m_count) << m_mean << m_variance << m_distance << m_hasPending << m_remembered << m_slot;
    for (int j = 0; j < Window; ++j)
        out << recent()[j];
    for (float v : m_pending)
        out << v;
    for (const auto& column : m_memory)
        for (float v : column)
            out << v;
}

void WindowNovelty::read(QDataStream& in)
{
    qint64 count = 0;
    in >> m_longWindow >> count >> m_mean >> m_variance >> m_distance >> m_hasPending >> m_remembered >> m_slot;
    m_count = count;
    m_steadyAlpha = 1.0 / m_longWindow;
    for (int j = 0; j < Window; ++j)
        in >> m_history[static_cast<std::size_t>(j)];
    std::copy(m_history.begin(), m_history.begin() + Window, m_history.begin() + Window);
    m_newest = Window - 1;
    for (float& v : m_pending)
        in >> v;
    for (auto& column : m_memory)
        for (float& v : column)
            in >> v;
}

} // namespace meshscope
