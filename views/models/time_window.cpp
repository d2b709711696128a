#include "time_window.h"

#include <algorithm>

namespace meshscope {

TimeWindow::TimeWindow(QObject* parent)
    : QObject(parent)
{
}

void TimeWindow::reset(const TimeRange& full)
{
    m_full = full;
    m_visible = full;
    m_cursorMs = full.isValid() ? full.endMs : 0;
    Q_EMIT fullRangeChanged(m_full);
    Q_EMIT visibleRangeChanged(m_visible);
    Q_EMIT cursorChanged(m_cursorMs);
}

void TimeWindow::extendTo(qint64 endMs)
{
    if (m_full.isValid() && endMs <= m_full.endMs)
        return;
    const bool followCursor = !m_full.isValid() || m_cursorMs >= m_full.endMs;
    const bool followVisible = !m_visible.isValid() || m_visible.endMs >= m_full.endMs;
    m_full.include(endMs);
    Q_EMIT fullRangeChanged(m_full);
    if (followVisible) {
        const qint64 width = m_visible.isValid() ? m_visible.durationMs() : 0;
        m_visible = TimeRange {std::max(m_full.startMs, endMs - width), endMs};
        Q_EMIT visibleRangeChanged(m_visible);
    }
    if (followCursor)
        setCursor(endMs);
}

void TimeWindow::setVisibleRange(const TimeRange& range)
{
    if (!range.isValid() || range.durationMs() <= 0 || !m_full.isValid())
        return;
    const TimeRange clamped {std::max(range.startMs, m_full.startMs), std::min(range.endMs, m_full.endMs)};
    if (!clamped.isValid() || clamped == m_visible)
        return;
    m_visible = clamped;
    Q_EMIT visibleRangeChanged(m_visible);
}

void TimeWindow::setCursor(qint64 tMs)
{
    if (m_full.isValid())
        tMs = std::clamp(tMs, m_full.startMs, m_full.endMs);
    if (tMs == m_cursorMs)
        return;
    m_cursorMs = tMs;
    Q_EMIT cursorChanged(m_cursorMs);
}

} // namespace meshscope
