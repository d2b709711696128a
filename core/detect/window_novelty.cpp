#include "window_novelty.h"

#include "running_moments.h"

#include <algorithm>
#include <cmath>

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
    const double alpha = 1.0 / std::min(static_cast<double>(m_count), m_longWindow);
    updateRunningMoments(value, alpha, m_mean, m_variance);
    return z;
}

// All remembered windows at once, position by position: the inner loop runs over the
// windows (contiguous), so it vectorises; slots not yet filled are skipped at the end.
double WindowNovelty::nearestDistance() const
{
    std::array<float, Memory> sums {};
    for (std::size_t j = 0; j < Window; ++j) {
        const float current = m_recent[j];
        const std::array<float, Memory>& column = m_memory[j];
        for (std::size_t k = 0; k < Memory; ++k) {
            const float d = current - column[k];
            sums[k] += d * d;
        }
    }
    const float best = *std::min_element(sums.begin(), sums.begin() + m_remembered);
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
    m_pending = m_recent;
    m_hasPending = true;
}

double WindowNovelty::update(double value)
{
    if (!std::isfinite(value))
        return 0;
    std::copy(m_recent.begin() + 1, m_recent.end(), m_recent.begin());
    m_recent.back() = static_cast<float>(normalise(value));
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
    for (float v : m_recent)
        out << v;
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
    for (float& v : m_recent)
        in >> v;
    for (float& v : m_pending)
        in >> v;
    for (auto& column : m_memory)
        for (float& v : column)
            in >> v;
}

} // namespace meshscope
