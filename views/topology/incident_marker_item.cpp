#include "incident_marker_item.h"

#include <QGraphicsScene>
#include <QPainter>

#include <cmath>

namespace meshscope {

namespace {
constexpr double MarkerRadius = 5;
constexpr std::size_t MaxMarkersRepaintedOneByOne = 300;
} // namespace

IncidentMarkerItem::IncidentMarkerItem()
{
    setZValue(4);
    setAcceptedMouseButtons(Qt::NoButton);
}

void IncidentMarkerItem::setEdges(std::vector<QLineF> lines, const QColor& color)
{
    prepareGeometryChange();
    m_lines = std::move(lines);
    m_color = color;
    m_bounds = QRectF();
    for (const QLineF& line : m_lines)
        m_bounds = m_bounds.united(QRectF(line.p1(), line.p2()).normalized());
    m_bounds.adjust(-MarkerRadius - 2, -MarkerRadius - 2, MarkerRadius + 2, MarkerRadius + 2);
    update();
}

void IncidentMarkerItem::setPhase(double phase)
{
    const double previous = m_phase;
    m_phase = phase - std::floor(phase);
    QGraphicsScene* s = scene();
    if (!s || !isVisible() || m_lines.size() > MaxMarkersRepaintedOneByOne) {
        update();
        return;
    }
    // Only the markers' old and new spots: repainting the whole incident's bounding box
    // 25 times a second would redraw everything lit under it.
    const double r = MarkerRadius + 2;
    for (const QLineF& line : m_lines) {
        s->update(QRectF(line.pointAt(previous) - QPointF(r, r), QSizeF(2 * r, 2 * r)));
        s->update(QRectF(line.pointAt(m_phase) - QPointF(r, r), QSizeF(2 * r, 2 * r)));
    }
}

QRectF IncidentMarkerItem::boundingRect() const
{
    return m_bounds;
}

void IncidentMarkerItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(m_color.darker(160), 1.2));
    painter->setBrush(m_color);
    for (const QLineF& line : m_lines)
        painter->drawEllipse(line.pointAt(m_phase), MarkerRadius, MarkerRadius);
}

} // namespace meshscope
