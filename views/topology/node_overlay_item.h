#pragma once

#include "node_label.h"
#include "topology_palette.h"
#include "topology_state.h"

#include <QGraphicsItem>

namespace meshscope {

/// A live ring around a node that is anomalous, unhealthy by Kiali's thresholds or the
/// suspected root cause of an open incident; drawn over the cached static layer, with the
/// node's name drawn again on top so the ring's glow does not cover it.
class NodeOverlayItem : public QGraphicsItem
{
public:
    NodeOverlayItem(const QPointF& center, double size, const NodeLabel& label);

    void setStyle(const NodeState& state, const TopologyPalette& palette);
    const NodeState& nodeState() const { return m_state; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    double m_size;
    NodeLabel m_label; ///< in item coordinates
    NodeState m_state;
    TopologyPalette m_palette;
};

} // namespace meshscope
