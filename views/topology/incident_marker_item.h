#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QLineF>

#include <vector>

namespace meshscope {

/// Markers running along the edges of open incidents. One item for all of them so the
/// animation costs one update per tick.
class IncidentMarkerItem : public QGraphicsItem
{
public:
    IncidentMarkerItem();

    void setEdges(std::vector<QLineF> lines, const QColor& color);
    bool isEmpty() const { return m_lines.empty(); }
    /// Position of the markers along their edges, 0..1.
    void setPhase(double phase);

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    std::vector<QLineF> m_lines;
    QRectF m_bounds;
    QColor m_color;
    double m_phase = 0.5;
};

} // namespace meshscope
