#pragma once

#include "topology_palette.h"
#include "topology_state.h"

#include <QGraphicsItem>

namespace meshscope {

/// A live ring around a node that is anomalous, unhealthy by Kiali's thresholds or the
/// suspected root cause of an open incident; drawn over the cached static layer.
class NodeOverlayItem : public QGraphicsItem
{
public:
    NodeOverlayItem(const QPointF& center, double size);

    void setStyle(const NodeState& state, const TopologyPalette& palette);
    const NodeState& nodeState() const { return m_state; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    double m_size;
    NodeState m_state;
    TopologyPalette m_palette;
};

} // namespace meshscope
