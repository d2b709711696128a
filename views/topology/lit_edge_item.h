#pragma once

#include "topology_palette.h"
#include "topology_state.h"

#include <QColor>
#include <QLineF>
#include <QPolygonF>
#include <QRectF>
#include <QString>

namespace meshscope {

/// How one lit edge (anomalous, erroring or in an incident) looks. Not a graphics item of
/// its own: LitEdgeLayer paints all lit edges in one batched pass over the cached static
/// layer, so lighting up hundreds of edges costs no item churn.
class LitEdgeItem
{
public:
    explicit LitEdgeItem(const QLineF& line);

    void setStyle(const EdgeState& state, double baseWidth, const TopologyPalette& palette, const QString& label);
    const EdgeState& edgeState() const { return m_state; }
    const QLineF& line() const { return m_line; }
    /// The colour the line is drawn with (what a user sees first).
    QColor lineColor() const { return m_color; }
    /// Width in scene units, in half steps so that lit edges batch into few pens.
    double lineWidth() const { return m_width; }
    /// Width of the glow behind an anomalous edge, 0 for none.
    double glowWidth() const { return m_glow; }
    /// Kiali's degraded/failing edges are dashed; anomalies are solid.
    bool isDashed() const;
    const QString& label() const { return m_label; }
    /// False while a Hide expression leaves the edge out.
    bool isVisible() const { return m_visible; }
    void setVisible(bool visible) { m_visible = visible; }

    /// Scene rectangle the edge paints into: line, glow, arrowhead and label.
    QRectF boundingRect() const;
    /// Arrowhead at the destination end.
    QPolygonF arrowHead() const;
    /// Where the edge label is drawn.
    QRectF labelBox() const;

private:
    QLineF m_line;
    EdgeState m_state;
    QColor m_color;
    QString m_label;
    double m_width = 2;
    double m_glow = 0;
    bool m_visible = true;
};

/// Arrowheads shorter than this on screen (device px) are left out, lit or not: a blur.
constexpr double MinArrowheadPx = 2.0;
/// Below this zoom factor edge labels are unreadable (node names: MinScaleForNodeLabels).
constexpr double MinScaleForEdgeLabels = 0.7;

/// Width of an edge for its traffic, in a few steps so small rate changes do not
/// redraw the static layer.
double edgeWidthForRate(double requestRate);

} // namespace meshscope
