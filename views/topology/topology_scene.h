#pragma once

#include "node_label.h"
#include "topology_layout.h"
#include "topology_palette.h"
#include "topology_state.h"

#include "models/find_bar.h"

#include <QFlags>
#include <QGraphicsScene>
#include <QHash>
#include <QLineF>

#include <vector>

class QGraphicsPathItem;
class QTimer;

namespace meshscope {

class IncidentMarkerItem;
class LitEdgeItem;
class LitEdgeLayer;
class NodeOverlayItem;

/// The topology scene. Healthy nodes and edges are not items: drawBackground() paints
/// them as one static layer that the view caches (CacheBackground). Lit edges are
/// entries of one LitEdgeLayer item drawn over it, and lit nodes small overlay items, so
/// a restyle repaints only the rectangles of what changed. Hit tests and tooltips are
/// answered from the frame's geometry.
class TopologyScene : public QGraphicsScene
{
    Q_OBJECT

public:
    enum EdgeLabel { NoLabels = 0, RateLabel = 1, ErrorLabel = 2, LatencyLabel = 4 };
    Q_DECLARE_FLAGS(EdgeLabels, EdgeLabel)

    explicit TopologyScene(QObject* parent = nullptr);
    ~TopologyScene() override;

    /// New node/edge set with its layout; drops the state and lit items.
    void setTopology(const TopologyFrame& frame, const TopologyLayout& layout);
    const TopologyFrame& frame() const { return m_frame; }
    const TopologyLayout& topologyLayout() const { return m_layout; }
    /// Node names as drawn, in the order of frame().nodes.
    const std::vector<NodeLabel>& nodeLabels() const { return m_nodeLabels; }
    /// Restyles for a state of the current frame (same node and edge order).
    void applyState(const TopologyState& state);
    const TopologyState& state() const { return m_state; }

    void setEdgeLabels(EdgeLabels labels);
    EdgeLabels edgeLabels() const { return m_labels; }
    void setTopologyPalette(const TopologyPalette& palette);
    void setSelectedEntity(const QString& entity);
    /// Applies a find/hide expression (FindBar): Find highlights the matching nodes and
    /// edges, Hide leaves them (and edges of hidden nodes) out. Re-evaluated on restyle.
    void setFind(const FindExpression& expression, FindMode mode);
    /// Nodes and edges the expression matches at the current state.
    int findMatchCount() const;
    bool isFindMatch(const QString& entity) const;
    /// Markers on incident edges move while this is on.
    void setAnimated(bool animated);

    /// Node or edge entity under a scene point, or empty. Nodes win over edges.
    QString entityAt(const QPointF& pos, double tolerance) const;
    QString toolTipFor(const QString& entity) const;
    bool hasNode(const QString& name) const { return m_nodeIndex.contains(name); }
    QPointF nodePosition(const QString& name) const;
    /// Callers and callees of a node.
    QStringList neighbours(const QString& name) const;
    /// Scene rectangle of a node or an edge.
    QRectF entityRect(const QString& entity) const;

    /// How a lit edge is drawn over the static layer; null when the edge is not lit.
    const LitEdgeItem* litEdge(const QString& entity) const;
    int litEdgeCount() const;
    /// Number of times the static layer was invalidated (tests, benchmarks).
    int staticLayerGeneration() const { return m_staticGeneration; }

protected:
    void drawBackground(QPainter* painter, const QRectF& rect) override;

private:
    struct EdgeGeometry
    {
        int source = -1;
        int destination = -1;
        QLineF line;
        QString entity;
    };

    void clearLiveItems();
    void updateLitEdge(int row, const EdgeState& edge);
    void buildNodeLabels();
    void fitClustersToLabels();
    void updateNodeOverlay(int row, const NodeState& node);
    void updateIncidentMarkers();
    void invalidateStaticLayer();
    void refreshFind();
    FindSubject nodeSubject(int row) const;
    FindSubject edgeSubject(int row) const;
    bool nodeHidden(int row) const;
    bool edgeHidden(int row) const;
    void drawFindHighlights(QPainter* painter) const;
    QString edgeLabel(const EdgeState& state) const;
    void drawClusters(QPainter* painter) const;
    void drawEdges(QPainter* painter, const QRectF& rect) const;
    void drawNodes(QPainter* painter, const QRectF& rect) const;
    /// Nodes as squares, for a view zoomed out too far for their glyphs.
    void drawNodeDots(QPainter* painter, const QRectF& rect) const;
    QString nodeToolTip(int row) const;
    QString edgeToolTip(int row) const;

    TopologyFrame m_frame;
    TopologyLayout m_layout;
    TopologyState m_state;
    TopologyPalette m_palette;
    EdgeLabels m_labels = NoLabels;
    std::vector<QPointF> m_nodePos;
    std::vector<EdgeGeometry> m_edges;
    std::vector<double> m_baseWidths;
    QHash<QString, int> m_nodeIndex;
    QHash<QString, int> m_edgeIndex;
    std::vector<NodeLabel> m_nodeLabels;
    std::vector<NodeLabel> m_clusterTitles; ///< in the order of m_layout.clusters
    LitEdgeLayer* m_litLayer = nullptr;
    QHash<int, NodeOverlayItem*> m_nodeOverlays;
    IncidentMarkerItem* m_markers = nullptr;
    QGraphicsPathItem* m_selection = nullptr;
    QString m_selectedEntity;
    QTimer* m_animation = nullptr;
    double m_phase = 0.5;
    int m_staticGeneration = 0;
    FindExpression m_find;
    FindMode m_findMode = FindMode::Find;
    bool m_findDirty = false;
    std::vector<char> m_nodeMatch; ///< per node row: the find expression matches
    std::vector<char> m_edgeMatch; ///< per edge row
};

} // namespace meshscope

Q_DECLARE_OPERATORS_FOR_FLAGS(meshscope::TopologyScene::EdgeLabels)
