#include "lit_edge_item.h"

#include <algorithm>
#include <cmath>

namespace meshscope {

double edgeWidthForRate(double requestRate)
{
    const double raw = 1.0 + 1.5 * std::log10(1.0 + std::max(0.0, requestRate));
    return std::min(6.0, std::round(raw * 2.0) / 2.0);
}

LitEdgeItem::LitEdgeItem(const QLineF& line)
    : m_line(line)
{
}

void LitEdgeItem::setStyle(const EdgeState& state, double baseWidth, const TopologyPalette& palette, const QString& label)
{
    m_state = state;
    m_label = label;
    const double width = baseWidth + (state.isAnomalous() ? 1.5 + state.anomalySignificance / 40.0 : 0.5);
    m_width = std::round(width * 2.0) / 2.0;
    m_glow = state.isAnomalous() ? std::round(m_width + 6.0 + state.anomalySignificance / 10.0) : 0.0;
    if (state.isAnomalous())
        m_color = palette.anomaly;
    else if (state.health == KialiHealth::Degraded || state.health == KialiHealth::Failure)
        m_color = palette.healthColor(state.health);
    else
        m_color = palette.incident;
}

bool LitEdgeItem::isDashed() const
{
    return !m_state.isAnomalous() && (m_state.health == KialiHealth::Degraded || m_state.health == KialiHealth::Failure);
}

QRectF LitEdgeItem::boundingRect() const
{
    // The arrowhead's wings stay within 7 + width of the line's end.
    const double margin = std::max({m_glow / 2, m_width / 2 + 7, 8.0}) + 2;
    QRectF rect = QRectF(m_line.p1(), m_line.p2()).normalized().adjusted(-margin, -margin, margin, margin);
    if (!m_label.isEmpty())
        rect = rect.united(labelBox().adjusted(-2, -2, 2, 2));
    return rect;
}

QPolygonF LitEdgeItem::arrowHead() const
{
    const QLineF back(m_line.p2(), m_line.p1());
    const double size = 7 + m_width;
    QLineF wing1 = back;
    wing1.setLength(size);
    wing1.setAngle(back.angle() + 25);
    QLineF wing2 = back;
    wing2.setLength(size);
    wing2.setAngle(back.angle() - 25);
    return QPolygonF({m_line.p2(), wing1.p2(), wing2.p2()});
}

QRectF LitEdgeItem::labelBox() const
{
    return QRectF(m_line.center() - QPointF(120, 22), QSizeF(240, 16));
}

} // namespace meshscope
