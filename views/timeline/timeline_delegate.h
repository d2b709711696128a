#pragma once

#include <QStyledItemDelegate>

namespace meshscope {

class TimeWindow;

/// Paints the time-bar column of the timeline: each anomaly as a bar from onset to end on
/// the shared visible range, coloured by significance, with a tick at its peak; a group
/// row shows its anomalies, dense bursts merged into one bar labelled "+N". A root-cause
/// candidate is a pale bar from its onset (a solid tick) to the incident's end with its
/// one-line evidence written over it. A Prometheus alert is drawn in its own hue (never
/// the severity scale of our anomalies), outlined: filled while firing, dashed and empty
/// while only pending, with its state and severity written beside it; the "Prometheus
/// alerts" group row shows all of them. The cursor is drawn as a thin vertical line.
/// Other columns are painted as usual.
class TimelineDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    TimelineDelegate(const TimeWindow* window, QObject* parent = nullptr);

    void paint(
        QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    void paintAnomaly(QPainter* painter, const QRectF& rect, const QModelIndex& index) const;
    void paintCandidate(QPainter* painter, const QRectF& rect, const QStyleOptionViewItem& option,
        const QModelIndex& index) const;
    void paintGroup(QPainter* painter, const QRectF& rect, const QModelIndex& index) const;
    void paintAlert(QPainter* painter, const QRectF& rect, const QStyleOptionViewItem& option,
        const QModelIndex& index) const;
    void paintAlertGroup(QPainter* painter, const QRectF& rect, const QModelIndex& index) const;

    const TimeWindow* m_window;
};

} // namespace meshscope
