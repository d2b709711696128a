#include "lit_edge_item.h"

#include <QPainter>

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
    setZValue(2);
    setAcceptedMouseButtons(Qt::NoButton);
}

void LitEdgeItem::setStyle(const EdgeState& state, double baseWidth, const TopologyPalette& palette, const QString& label)
{
    prepareGeometryChange();
    m_state = state;
    m_palette = palette;
    m_label = label;
    m_width = baseWidth + (state.isAnomalous() ? 1.5 + state.anomalySignificance / 40.0 : 0.5);
    m_glow = state.isAnomalous() ? m_width + 6.0 + state.anomalySignificance / 10.0 : 0.0;
    update();
}

QColor LitEdgeItem::lineColor() const
{
    if (m_state.isAnomalous())
        return m_palette.anomaly;
    if (m_state.health == KialiHealth::Degraded || m_state.health == KialiHealth::Failure)
        return m_palette.healthColor(m_state.health);
    return m_palette.incident;
}

QRectF LitEdgeItem::boundingRect() const
{
    const double margin = std::max(m_glow, m_width) / 2 + 8;
    QRectF rect = QRectF(m_line.p1(), m_line.p2()).normalized().adjusted(-margin, -margin, margin, margin);
    if (!m_label.isEmpty())
        rect = rect.united(QRectF(m_line.center() - QPointF(120, 24), QSizeF(240, 28)));
    return rect;
}

void LitEdgeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor color = lineColor();
    if (m_glow > 0) {
        QColor glow = color;
        glow.setAlpha(70);
        painter->setPen(QPen(glow, m_glow, Qt::SolidLine, Qt::RoundCap));
        painter->drawLine(m_line);
    }
    const bool dashed = !m_state.isAnomalous()
        && (m_state.health == KialiHealth::Degraded || m_state.health == KialiHealth::Failure);
    QPen pen(color, m_width, dashed ? Qt::DashLine : Qt::SolidLine, Qt::FlatCap);
    painter->setPen(pen);
    painter->drawLine(m_line);

    // Arrowhead at the destination end.
    const QLineF back = QLineF(m_line.p2(), m_line.p1());
    const double size = 7 + m_width;
    QLineF wing1 = back;
    wing1.setLength(size);
    wing1.setAngle(back.angle() + 25);
    QLineF wing2 = back;
    wing2.setLength(size);
    wing2.setAngle(back.angle() - 25);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawPolygon(QPolygonF({m_line.p2(), wing1.p2(), wing2.p2()}));

    if (!m_label.isEmpty()) {
        QFont font = painter->font();
        font.setPointSizeF(8);
        font.setBold(true);
        painter->setFont(font);
        const QRectF box(m_line.center() - QPointF(120, 22), QSizeF(240, 16));
        painter->setPen(color.darker(130));
        painter->drawText(box, Qt::AlignCenter, m_label);
    }
}

} // namespace meshscope
