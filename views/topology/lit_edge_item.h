#pragma once

#include "topology_palette.h"
#include "topology_state.h"

#include <QGraphicsItem>
#include <QLineF>

namespace meshscope {

/// A live item for one lit edge (anomalous, erroring or in an incident), drawn over the
/// cached static layer. Only lit edges are items, so a restyle touches few of them.
class LitEdgeItem : public QGraphicsItem
{
public:
    explicit LitEdgeItem(const QLineF& line);

    void setStyle(const EdgeState& state, double baseWidth, const TopologyPalette& palette, const QString& label);
    const EdgeState& edgeState() const { return m_state; }
    /// The colour the line is drawn with (what a user sees first).
    QColor lineColor() const;
    double lineWidth() const { return m_width; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QLineF m_line;
    EdgeState m_state;
    TopologyPalette m_palette;
    QString m_label;
    double m_width = 2;
    double m_glow = 0;
};

/// Width of an edge for its traffic, in a few steps so small rate changes do not
/// redraw the static layer.
double edgeWidthForRate(double requestRate);

} // namespace meshscope
