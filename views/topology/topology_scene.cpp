#include "topology_scene.h"

#include "incident_marker_item.h"
#include "lit_edge_item.h"
#include "lit_edge_layer.h"
#include "node_overlay_item.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QGraphicsPathItem>
#include <QGuiApplication>
#include <QPen>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace meshscope {

namespace {
constexpr double NodeSize = TopologyLayouter::NodeSize;
constexpr int AnimationIntervalMs = 40; // 25 frames a second is plenty for a marker

double distanceToSegment(const QPointF& p, const QLineF& line)
{
    const QPointF d = line.p2() - line.p1();
    const double lengthSquared = d.x() * d.x() + d.y() * d.y();
    double t = 0;
    if (lengthSquared > 0)
        t = std::clamp(QPointF::dotProduct(p - line.p1(), d) / lengthSquared, 0.0, 1.0);
    const QPointF closest = line.p1() + t * d;
    return std::hypot(p.x() - closest.x(), p.y() - closest.y());
}
} // namespace

TopologyScene::TopologyScene(QObject* parent)
    : QGraphicsScene(parent)
    , m_palette(TopologyPalette::fromPalette(QGuiApplication::palette()))
    , m_animation(new QTimer(this))
{
    // Lit items come and go all the time; a BSP index would be rebuilt constantly.
    setItemIndexMethod(QGraphicsScene::NoIndex);
    m_litLayer = new LitEdgeLayer;
    m_litLayer->setPalette(m_palette);
    addItem(m_litLayer);
    m_markers = new IncidentMarkerItem;
    addItem(m_markers);
    m_selection = new QGraphicsPathItem;
    m_selection->setZValue(5);
    m_selection->setAcceptedMouseButtons(Qt::NoButton);
    addItem(m_selection);
    m_animation->setInterval(AnimationIntervalMs);
    connect(m_animation, &QTimer::timeout, this, [this] {
        m_phase += 0.03;
        m_markers->setPhase(m_phase);
    });
}

TopologyScene::~TopologyScene() = default;

void TopologyScene::setTopology(const TopologyFrame& frame, const TopologyLayout& layout)
{
    clearLiveItems();
    m_frame = frame;
    m_layout = layout;
    m_state = TopologyState();
    m_nodePos.assign(frame.nodes.size(), QPointF());
    m_nodeIndex.clear();
    m_edgeIndex.clear();
    m_edges.clear();
    for (std::size_t i = 0; i < frame.nodes.size(); ++i) {
        m_nodePos[i] = layout.positions.value(frame.nodes[i].name);
        m_nodeIndex.insert(frame.nodes[i].name, static_cast<int>(i));
    }
    for (const TopologyEdge& e : frame.edges) {
        EdgeGeometry g;
        g.source = m_nodeIndex.value(e.source, -1);
        g.destination = m_nodeIndex.value(e.destination, -1);
        g.entity = e.entity();
        if (g.source >= 0 && g.destination >= 0 && g.source != g.destination) {
            QLineF line(m_nodePos[static_cast<std::size_t>(g.source)],
                m_nodePos[static_cast<std::size_t>(g.destination)]);
            const double length = line.length();
            if (length > NodeSize) {
                // Start and end at the glyphs' rims, not their centres.
                const QPointF unit = (line.p2() - line.p1()) / length;
                line = QLineF(line.p1() + unit * (NodeSize / 2 + 2), line.p2() - unit * (NodeSize / 2 + 3));
            }
            g.line = line;
        }
        m_edgeIndex.insert(g.entity, static_cast<int>(m_edges.size()));
        m_edges.push_back(g);
    }
    m_baseWidths.assign(m_edges.size(), 0.0);
    for (std::size_t i = 0; i < m_edges.size(); ++i)
        m_baseWidths[i] = edgeWidthForRate(frame.edges[i].requestRate);
    buildNodeLabels();
    fitClustersToLabels();
    const QRectF bounds = m_layout.bounds.isValid() ? m_layout.bounds : QRectF();
    setSceneRect(bounds.adjusted(-NodeSize * 2, -NodeSize * 2, NodeSize * 2, NodeSize * 2));
    m_litLayer->reset(m_edges.size(), sceneRect(), m_nodeLabels, m_clusterTitles);
    updateIncidentMarkers();
    setSelectedEntity(m_selectedEntity);
    invalidateStaticLayer();
}

void TopologyScene::buildNodeLabels()
{
    const QFontMetricsF metrics(NodeLabel::font(QGuiApplication::font()));
    m_nodeLabels.clear();
    m_nodeLabels.reserve(m_frame.nodes.size());
    for (std::size_t i = 0; i < m_frame.nodes.size(); ++i)
        m_nodeLabels.push_back(NodeLabel::make(NodeLabel::textOf(m_frame.nodes[i]), m_nodePos[i], NodeSize, metrics));
}

/// dot sizes a namespace box for the glyphs, not for the names under them, which are
/// wider: each box grows to hold its nodes' names.
void TopologyScene::fitClustersToLabels()
{
    QHash<QString, QRectF> names;
    for (std::size_t i = 0; i < m_frame.nodes.size(); ++i) {
        QRectF& rect = names[m_frame.nodes[i].ns];
        rect = rect.united(m_nodeLabels[i].box.adjusted(-6, 0, 6, 4));
    }
    const QFontMetricsF titleMetrics(NodeLabel::titleFont(QGuiApplication::font()));
    m_clusterTitles.clear();
    for (TopologyLayout::Cluster& cluster : m_layout.clusters) {
        cluster.rect = cluster.rect.united(names.value(cluster.ns));
        m_layout.bounds = m_layout.bounds.united(cluster.rect);
        m_clusterTitles.push_back(NodeLabel::makeTitle(cluster.ns, cluster.rect, titleMetrics));
    }
}

void TopologyScene::clearLiveItems()
{
    m_litLayer->clear();
    for (NodeOverlayItem* item : std::as_const(m_nodeOverlays))
        delete item;
    m_nodeOverlays.clear();
}

void TopologyScene::applyState(const TopologyState& state)
{
    if (state.edges.size() != m_edges.size() || state.nodes.size() != m_nodePos.size())
        return; // a state of another frame: the view lays out first
    bool staticChanged = false;
    for (std::size_t i = 0; i < state.edges.size(); ++i) {
        const double width = edgeWidthForRate(state.edges[i].requestRate);
        if (width != m_baseWidths[i]) {
            m_baseWidths[i] = width;
            staticChanged = true;
        }
        const bool labelChanged = m_labels != NoLabels && i < m_state.edges.size()
            && edgeLabel(m_state.edges[i]) != edgeLabel(state.edges[i]);
        staticChanged = staticChanged || labelChanged;
    }
    if (m_labels != NoLabels && m_state.edges.size() != state.edges.size())
        staticChanged = true;
    const bool markersChanged = m_state.edges.size() != state.edges.size()
        || !std::equal(state.edges.begin(), state.edges.end(), m_state.edges.begin(),
            [](const EdgeState& a, const EdgeState& b) { return a.inOpenIncident == b.inOpenIncident; });
    m_state = state;
    m_litLayer->beginRepaintBatch();
    for (std::size_t i = 0; i < state.edges.size(); ++i)
        updateLitEdge(static_cast<int>(i), state.edges[i]);
    m_litLayer->endRepaintBatch();
    for (std::size_t i = 0; i < state.nodes.size(); ++i)
        updateNodeOverlay(static_cast<int>(i), state.nodes[i]);
    refreshFind();
    if (markersChanged)
        updateIncidentMarkers();
    if (staticChanged)
        invalidateStaticLayer();
}

void TopologyScene::updateLitEdge(int row, const EdgeState& edge)
{
    const auto i = static_cast<std::size_t>(row);
    // Labels are formatted only for lit edges: a restyle of a big mesh stays cheap.
    const QString label = edge.isLit() && m_labels != NoLabels ? edgeLabel(edge) : QString();
    m_litLayer->setEdge(row, m_edges[i].line, edge, m_baseWidths[i], label);
    if (edge.isLit() && edgeHidden(row))
        m_litLayer->setEdgeVisible(row, false);
}

void TopologyScene::updateNodeOverlay(int row, const NodeState& node)
{
    NodeOverlayItem* item = m_nodeOverlays.value(row);
    if (!node.isLit()) {
        if (item) {
            m_nodeOverlays.remove(row);
            delete item;
        }
        return;
    }
    if (item && item->nodeState() == node)
        return;
    if (!item) {
        const auto index = static_cast<std::size_t>(row);
        item = new NodeOverlayItem(m_nodePos[index], NodeSize, m_nodeLabels[index]);
        addItem(item);
        m_nodeOverlays.insert(row, item);
    }
    item->setStyle(node, m_palette);
}

void TopologyScene::updateIncidentMarkers()
{
    std::vector<QLineF> lines;
    for (std::size_t i = 0; i < m_state.edges.size() && i < m_edges.size(); ++i) {
        if (m_state.edges[i].inOpenIncident && !m_edges[i].line.isNull())
            lines.push_back(m_edges[i].line);
    }
    m_markers->setEdges(std::move(lines), m_palette.incident);
    m_markers->setVisible(!m_markers->isEmpty());
}

void TopologyScene::setAnimated(bool animated)
{
    if (animated)
        m_animation->start();
    else
        m_animation->stop();
}

void TopologyScene::invalidateStaticLayer()
{
    ++m_staticGeneration;
    invalidate(sceneRect(), QGraphicsScene::BackgroundLayer);
}

void TopologyScene::setEdgeLabels(EdgeLabels labels)
{
    if (labels == m_labels)
        return;
    m_labels = labels;
    for (int row : m_litLayer->litRows())
        updateLitEdge(row, m_state.edges[static_cast<std::size_t>(row)]);
    invalidateStaticLayer();
}

void TopologyScene::setTopologyPalette(const TopologyPalette& palette)
{
    m_palette = palette;
    m_litLayer->setPalette(palette);
    setBackgroundBrush(palette.background);
    const TopologyState state = m_state;
    clearLiveItems();
    m_state = TopologyState();
    applyState(state);
    setSelectedEntity(m_selectedEntity);
    invalidateStaticLayer();
}

void TopologyScene::setSelectedEntity(const QString& entity)
{
    m_selectedEntity = entity;
    QPainterPath path;
    if (const auto node = m_nodeIndex.constFind(entity); node != m_nodeIndex.constEnd()) {
        const double r = NodeSize / 2 + 9;
        path.addEllipse(m_nodePos[static_cast<std::size_t>(*node)], r, r);
    } else if (const auto edge = m_edgeIndex.constFind(entity); edge != m_edgeIndex.constEnd()) {
        const QLineF& line = m_edges[static_cast<std::size_t>(*edge)].line;
        path.moveTo(line.p1());
        path.lineTo(line.p2());
    }
    QColor color = m_palette.selection;
    color.setAlpha(150);
    m_selection->setPen(QPen(color, 5, Qt::SolidLine, Qt::RoundCap));
    m_selection->setPath(path);
}

const LitEdgeItem* TopologyScene::litEdge(const QString& entity) const
{
    return m_litLayer->edge(m_edgeIndex.value(entity, -1));
}

int TopologyScene::litEdgeCount() const
{
    return m_litLayer->count();
}

QString TopologyScene::entityAt(const QPointF& pos, double tolerance) const
{
    const double nodeRadius = NodeSize / 2 + tolerance;
    for (std::size_t i = 0; i < m_nodePos.size(); ++i) {
        const QPointF d = m_nodePos[i] - pos;
        if (d.x() * d.x() + d.y() * d.y() <= nodeRadius * nodeRadius)
            return m_frame.nodes[i].name;
    }
    QString best;
    double bestDistance = tolerance + 3;
    for (const EdgeGeometry& g : m_edges) {
        if (g.line.isNull())
            continue;
        const double d = distanceToSegment(pos, g.line);
        if (d < bestDistance) {
            bestDistance = d;
            best = g.entity;
        }
    }
    return best;
}

QPointF TopologyScene::nodePosition(const QString& name) const
{
    const int row = m_nodeIndex.value(name, -1);
    return row < 0 ? QPointF() : m_nodePos[static_cast<std::size_t>(row)];
}

QStringList TopologyScene::neighbours(const QString& name) const
{
    QStringList out;
    for (const TopologyEdge& e : m_frame.edges) {
        if (e.source == name && !out.contains(e.destination))
            out.append(e.destination);
        else if (e.destination == name && !out.contains(e.source))
            out.append(e.source);
    }
    return out;
}

QRectF TopologyScene::entityRect(const QString& entity) const
{
    if (const int row = m_nodeIndex.value(entity, -1); row >= 0) {
        const QPointF c = m_nodePos[static_cast<std::size_t>(row)];
        return QRectF(c - QPointF(NodeSize / 2, NodeSize / 2), QSizeF(NodeSize, NodeSize));
    }
    if (const int row = m_edgeIndex.value(entity, -1); row >= 0) {
        const QLineF& line = m_edges[static_cast<std::size_t>(row)].line;
        return QRectF(line.p1(), line.p2()).normalized();
    }
    return QRectF();
}

} // namespace meshscope
