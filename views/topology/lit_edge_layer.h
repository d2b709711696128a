#pragma once

#include "lit_edge_item.h"
#include "node_label.h"
#include "topology_palette.h"

#include <QGraphicsItem>

#include <optional>
#include <vector>

namespace meshscope {

/// Every lit edge of the topology in one graphics item, drawn over the cached static
/// layer. A restyle changes entries, not items, and repaints only the rectangles of the
/// edges that changed (the view runs in MinimalViewportUpdate mode). Painting batches
/// the edges into one drawLines() per pen; the glow is skipped while the zoom makes it
/// too thin to see. Node names and namespace titles a lit edge crosses are drawn again on
/// top.
class LitEdgeLayer : public QGraphicsItem
{
public:
    LitEdgeLayer();

    /// A new topology: `edges` slots (one per edge row), nothing lit; labels of the nodes
    /// and the namespace boxes' titles.
    void reset(std::size_t edges, const QRectF& bounds, std::vector<NodeLabel> labels,
        const std::vector<NodeLabel>& titles);
    /// Drops every lit edge (repainting where they were).
    void clear();
    void setPalette(const TopologyPalette& palette);

    /// Lights edge `row` with `state` (or darkens it when the state is not lit).
    void setEdge(int row, const QLineF& line, const EdgeState& state, double baseWidth, const QString& label);
    /// Shows or hides a lit edge (find's Hide mode); a no-op for unlit rows.
    void setEdgeVisible(int row, bool visible);
    /// Labels of hidden nodes are not drawn again over lit edges.
    void setHiddenNodes(std::vector<char> hidden);

    /// Between these, repaint rectangles are collected: a few go to the view one by one
    /// (a precise update region), many as their bounding box, because a region of
    /// hundreds of overlapping rectangles costs more to build and clip than it saves.
    void beginRepaintBatch();
    void endRepaintBatch();

    /// The lit edge of `row`, or null.
    const LitEdgeItem* edge(int row) const;
    int count() const { return m_count; }
    /// Rows that are lit, in no particular order.
    std::vector<int> litRows() const;

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    void repaintArea(const QRectF& rect);
    const std::vector<int>& labelsOverLitEdges();
    void paintLines(QPainter* painter, const std::vector<const LitEdgeItem*>& edges, double scale) const;

    std::vector<std::optional<LitEdgeItem>> m_edges;
    std::vector<NodeLabel> m_labels; ///< the nodes', then the namespace titles
    std::size_t m_nodeLabels = 0;
    std::vector<char> m_hiddenNodes;
    std::vector<int> m_crossedLabels; ///< labels a visible lit edge crosses
    bool m_crossedLabelsDirty = true;
    TopologyPalette m_palette;
    QRectF m_bounds;
    std::vector<QRectF> m_pendingRepaints;
    bool m_batching = false;
    int m_count = 0;
};

} // namespace meshscope
