#pragma once

#include "model/time_range.h"

#include <QObject>

namespace meshscope {

/// The one time window every view follows: the full range of the data, the visible
/// (zoomed) range and the cursor. Topology, plots, timeline and replay bar all read and
/// write it; nobody keeps a private copy.
class TimeWindow : public QObject
{
    Q_OBJECT

public:
    explicit TimeWindow(QObject* parent = nullptr);

    TimeRange fullRange() const { return m_full; }
    TimeRange visibleRange() const { return m_visible; }
    qint64 cursorMs() const { return m_cursorMs; }

    /// New data: sets the full range, shows all of it and puts the cursor at its end.
    void reset(const TimeRange& full);
    /// Extends the full range (live data); follows the end when the cursor was at it.
    void extendTo(qint64 endMs);
    /// Clamped to the full range; an empty or inverted range is ignored.
    void setVisibleRange(const TimeRange& range);
    void zoomToFull() { setVisibleRange(m_full); }
    /// Clamped to the full range.
    void setCursor(qint64 tMs);

Q_SIGNALS:
    void fullRangeChanged(const meshscope::TimeRange& range);
    void visibleRangeChanged(const meshscope::TimeRange& range);
    void cursorChanged(qint64 tMs);

private:
    TimeRange m_full;
    TimeRange m_visible;
    qint64 m_cursorMs = 0;
};

} // namespace meshscope
