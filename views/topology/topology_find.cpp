// Find/hide expressions on the topology scene (FindBar). Kept apart from the scene's
// layout and restyle code; these are TopologyScene members.

#include "lit_edge_layer.h"
#include "node_overlay_item.h"
#include "topology_scene.h"

#include <QPainter>

#include <algorithm>

namespace meshscope {

void TopologyScene::setFind(const FindExpression& expression, FindMode mode)
{
    m_find = expression;
    m_findMode = mode;
    // The static layer repaints even when the matches stay the same (the mode may not).
    m_findDirty = true;
    refreshFind();
}

int TopologyScene::findMatchCount() const
{
    return static_cast<int>(std::count(m_nodeMatch.begin(), m_nodeMatch.end(), 1)
        + std::count(m_edgeMatch.begin(), m_edgeMatch.end(), 1));
}

bool TopologyScene::isFindMatch(const QString& entity) const
{
    const int node = m_nodeIndex.value(entity, -1);
    if (node >= 0)
        return static_cast<std::size_t>(node) < m_nodeMatch.size() && m_nodeMatch[static_cast<std::size_t>(node)];
    const int edge = m_edgeIndex.value(entity, -1);
    return edge >= 0 && static_cast<std::size_t>(edge) < m_edgeMatch.size() && m_edgeMatch[static_cast<std::size_t>(edge)];
}

FindSubject TopologyScene::nodeSubject(int row) const
{
    const TopologyNode& node = m_frame.nodes[static_cast<std::size_t>(row)];
    FindSubject subject;
    subject.name = node.name;
    subject.ns = node.ns;
    if (static_cast<std::size_t>(row) < m_state.nodes.size()) {
        subject.anomalous = m_state.nodes[static_cast<std::size_t>(row)].anomalySignificance > 0;
        subject.healthy = !m_state.nodes[static_cast<std::size_t>(row)].isLit();
    }
    return subject;
}

FindSubject TopologyScene::edgeSubject(int row) const
{
    const TopologyEdge& edge = m_frame.edges[static_cast<std::size_t>(row)];
    FindSubject subject;
    subject.name = edge.entity();
    subject.isEdge = true;
    subject.protocol = edge.protocol;
    const int source = m_nodeIndex.value(edge.source, -1);
    if (source >= 0)
        subject.ns = m_frame.nodes[static_cast<std::size_t>(source)].ns;
    if (static_cast<std::size_t>(row) < m_state.edges.size()) {
        const EdgeState& state = m_state.edges[static_cast<std::size_t>(row)];
        subject.requestRate = state.requestRate;
        subject.errorPercent = state.errorRatio * 100;
        subject.responseTimeMs = state.latencyP95Ms;
        subject.anomalous = state.isAnomalous();
        subject.healthy = !state.isAnomalous() && state.errorRatio <= 0;
    }
    return subject;
}

void TopologyScene::refreshFind()
{
    // Without an expression the match lists stay empty, so restyles cost nothing here.
    std::vector<char> nodes;
    std::vector<char> edges;
    if (!m_find.isEmpty() && m_find.isValid()) {
        nodes.assign(m_frame.nodes.size(), 0);
        edges.assign(m_frame.edges.size(), 0);
        for (std::size_t i = 0; i < nodes.size(); ++i)
            nodes[i] = m_find.matches(nodeSubject(static_cast<int>(i))) ? 1 : 0;
        for (std::size_t i = 0; i < edges.size(); ++i)
            edges[i] = m_find.matches(edgeSubject(static_cast<int>(i))) ? 1 : 0;
    }
    // Restyles call this every frame: only repaint the static layer when matches change.
    if (!m_findDirty && nodes == m_nodeMatch && edges == m_edgeMatch)
        return;
    m_findDirty = false;
    m_nodeMatch = std::move(nodes);
    m_edgeMatch = std::move(edges);
    for (int row : m_litLayer->litRows())
        m_litLayer->setEdgeVisible(row, !edgeHidden(row));
    std::vector<char> hiddenNodes(m_nodePos.size(), 0);
    for (std::size_t i = 0; i < hiddenNodes.size(); ++i)
        hiddenNodes[i] = nodeHidden(static_cast<int>(i)) ? 1 : 0;
    m_litLayer->setHiddenNodes(std::move(hiddenNodes));
    for (auto it = m_nodeOverlays.cbegin(); it != m_nodeOverlays.cend(); ++it)
        it.value()->setVisible(!nodeHidden(it.key()));
    invalidateStaticLayer();
}

bool TopologyScene::nodeHidden(int row) const
{
    return m_findMode == FindMode::Hide && static_cast<std::size_t>(row) < m_nodeMatch.size()
        && m_nodeMatch[static_cast<std::size_t>(row)];
}

bool TopologyScene::edgeHidden(int row) const
{
    if (m_findMode != FindMode::Hide || static_cast<std::size_t>(row) >= m_edgeMatch.size())
        return false;
    const EdgeGeometry& geometry = m_edges[static_cast<std::size_t>(row)];
    return m_edgeMatch[static_cast<std::size_t>(row)] || nodeHidden(geometry.source) || nodeHidden(geometry.destination);
}

void TopologyScene::drawFindHighlights(QPainter* painter) const
{
    if (m_findMode != FindMode::Find)
        return;
    const QColor highlight(255, 200, 0, 200);
    painter->setBrush(Qt::NoBrush);
    painter->setPen(QPen(highlight, 6, Qt::SolidLine, Qt::RoundCap));
    for (std::size_t i = 0; i < m_edgeMatch.size() && i < m_edges.size(); ++i) {
        if (m_edgeMatch[i] && !m_edges[i].line.isNull())
            painter->drawLine(m_edges[i].line);
    }
    painter->setPen(QPen(highlight, 4));
    for (std::size_t i = 0; i < m_nodeMatch.size() && i < m_nodePos.size(); ++i) {
        if (m_nodeMatch[i])
            painter->drawEllipse(m_nodePos[i], TopologyLayouter::NodeSize * 0.75, TopologyLayouter::NodeSize * 0.75);
    }
}

} // namespace meshscope
