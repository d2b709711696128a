// The static layer of TopologyScene and its tooltips.

#include "line_batches.h"
#include "lit_edge_item.h"
#include "lit_edge_layer.h"
#include "topology_scene.h"

#include "model/signal_names.h"

#include <QCoreApplication>
#include <QMap>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace meshscope {

namespace {
constexpr double NodeSize = TopologyLayouter::NodeSize;
// Level of detail for a zoomed-out view, where a full paint of thousands of glyphs and
// arrowheads is most of the cost of a new layout landing or a zoom step: arrowheads under
// MinArrowheadPx are left out, and nodes smaller than this (device px) are plain squares.
constexpr double MinGlyphPx = 5.0;

/// An edge pen of `width` scene units at `scale`. At most a device pixel wide, it is a
/// cosmetic 1 px pen (the raster engine's fast stroker) whose alpha keeps the thinner
/// line's weight, so traffic still reads as width. Wider, its caps are square: round caps
/// make Qt stroke every line end as curves, which cost 8x the whole paint (608 edges of a
/// 200-service mesh at 0.6 zoom: 244 ms round, 30 ms square), and arrowhead wings still
/// meet in a point.
QPen edgePen(QColor colour, double width, double scale)
{
    const double devicePx = width * scale;
    if (devicePx >= 1.0)
        return QPen(colour, width, Qt::SolidLine, Qt::SquareCap);
    colour.setAlphaF(colour.alphaF() * std::max(0.35, devicePx));
    QPen pen(colour, 0);
    pen.setCosmetic(true);
    return pen;
}

QString healthName(KialiHealth health)
{
    switch (health) {
    case KialiHealth::Healthy:
        return QCoreApplication::translate("TopologyScene", "healthy");
    case KialiHealth::Degraded:
        return QCoreApplication::translate("TopologyScene", "degraded");
    case KialiHealth::Failure:
        return QCoreApplication::translate("TopologyScene", "failure");
    case KialiHealth::Unknown:
        break;
    }
    return QCoreApplication::translate("TopologyScene", "no traffic");
}

void drawGlyph(QPainter* painter, const TopologyNode& node, const QPointF& c)
{
    const double r = NodeSize / 2;
    switch (node.kind) {
    case NodeKind::Workload:
        painter->drawEllipse(c, r, r);
        break;
    case NodeKind::Service: {
        const QPolygonF triangle(
            {c + QPointF(0, -r), c + QPointF(r * 0.95, r * 0.7), c + QPointF(-r * 0.95, r * 0.7)});
        painter->drawPolygon(triangle);
        break;
    }
    case NodeKind::App:
        painter->drawRoundedRect(QRectF(c - QPointF(r, r * 0.75), QSizeF(2 * r, 1.5 * r)), 7, 7);
        break;
    case NodeKind::Unknown:
        painter->drawEllipse(c, r * 0.85, r * 0.85);
        break;
    }
}
} // namespace

QString TopologyScene::edgeLabel(const EdgeState& state) const
{
    QStringList parts;
    if (m_labels.testFlag(RateLabel))
        parts.append(tr("%1 rps").arg(state.requestRate, 0, 'f', state.requestRate < 10 ? 2 : 1));
    if (m_labels.testFlag(ErrorLabel))
        parts.append(tr("%1% err").arg(state.errorRatio * 100.0, 0, 'f', 1));
    if (m_labels.testFlag(LatencyLabel) && state.latencyP95Ms >= 0)
        parts.append(tr("p95 %1 ms").arg(state.latencyP95Ms, 0, 'f', 0));
    return parts.join(QStringLiteral(" · "));
}

void TopologyScene::drawBackground(QPainter* painter, const QRectF& rect)
{
    painter->fillRect(rect, m_palette.background);
    painter->setRenderHint(QPainter::Antialiasing);
    drawClusters(painter);
    drawEdges(painter, rect);
    drawNodes(painter, rect);
    drawFindHighlights(painter);
}

void TopologyScene::drawClusters(QPainter* painter) const
{
    QColor fill = m_palette.cluster;
    fill.setAlpha(ClusterFillAlpha);
    painter->setPen(QPen(m_palette.cluster, 1.2));
    painter->setBrush(fill);
    for (const TopologyLayout::Cluster& cluster : m_layout.clusters)
        painter->drawRoundedRect(cluster.rect, 10, 10);
    painter->setFont(NodeLabel::titleFont(painter->font()));
    painter->setPen(m_palette.clusterText);
    for (const NodeLabel& title : m_clusterTitles)
        painter->drawText(title.box, Qt::AlignCenter, title.text);
}

void TopologyScene::drawEdges(QPainter* painter, const QRectF& rect) const
{
    // One drawLines() call per width step: far cheaper than an item or path per edge.
    const double scale = painter->worldTransform().m11();
    QMap<double, QVector<QLineF>> byWidth;
    for (std::size_t i = 0; i < m_edges.size(); ++i) {
        const QLineF& line = m_edges[i].line;
        if (edgeHidden(static_cast<int>(i)))
            continue;
        if (line.isNull()
            || !rect.intersects(QRectF(line.p1(), line.p2()).normalized().adjusted(-8, -8, 8, 8)))
            continue;
        QVector<QLineF>& lines = byWidth[m_baseWidths[i]];
        lines.append(line);
        if ((6 + m_baseWidths[i]) * scale < MinArrowheadPx)
            continue;
        const QLineF back(line.p2(), line.p1());
        QLineF wing = back;
        wing.setLength(6 + m_baseWidths[i]);
        wing.setAngle(back.angle() + 25);
        lines.append(wing);
        wing.setAngle(back.angle() - 25);
        lines.append(wing);
    }
    for (auto it = byWidth.cbegin(); it != byWidth.cend(); ++it) {
        const QPen pen = edgePen(m_palette.edge, it.key(), scale);
        painter->setPen(pen);
        painter->setRenderHint(QPainter::Antialiasing, !pen.isCosmetic()); // hairlines: aliased is enough
        drawLinesChunked(painter, it.value());
    }
    painter->setRenderHint(QPainter::Antialiasing); // for the nodes and labels after the edges
    if (m_labels == NoLabels || scale < MinScaleForEdgeLabels || m_state.edges.size() != m_edges.size())
        return;
    QFont font = painter->font();
    font.setPointSizeF(7.5);
    font.setBold(false);
    painter->setFont(font);
    painter->setPen(m_palette.text);
    for (std::size_t i = 0; i < m_edges.size(); ++i) {
        const QLineF& line = m_edges[i].line;
        if (line.isNull() || m_litLayer->edge(static_cast<int>(i)) || !rect.contains(line.center()))
            continue;
        const QRectF box(line.center() - QPointF(110, 16), QSizeF(220, 14));
        painter->drawText(box, Qt::AlignCenter, edgeLabel(m_state.edges[i]));
    }
}

void TopologyScene::drawNodes(QPainter* painter, const QRectF& rect) const
{
    const QPen solid(m_palette.node, 2);
    const QPen dashed(m_palette.node, 1.6, Qt::DashLine);
    const QRectF grown = rect.adjusted(-NodeSize * 3, -NodeSize, NodeSize * 3, NodeSize);
    const double scale = painter->worldTransform().m11();
    if (NodeSize * scale < MinGlyphPx) {
        drawNodeDots(painter, grown);
        return; // no labels either: MinScaleForNodeLabels is far above this
    }
    for (std::size_t i = 0; i < m_nodePos.size(); ++i) {
        const QPointF c = m_nodePos[i];
        if (!grown.contains(c) || nodeHidden(static_cast<int>(i)))
            continue;
        const TopologyNode& node = m_frame.nodes[i];
        const bool outside = node.isOutside || node.kind == NodeKind::Unknown;
        painter->setPen(outside ? dashed : solid);
        painter->setBrush(outside ? m_palette.background : m_palette.nodeFill);
        drawGlyph(painter, node, c);
        if (node.isRoot) {
            painter->setBrush(m_palette.node);
            painter->drawEllipse(c, 4, 4);
        }
    }
    if (scale < MinScaleForNodeLabels)
        return;
    // Names last, on their halos, so no edge runs through them.
    painter->setFont(NodeLabel::font(painter->font()));
    const QColor halo = m_palette.labelHalo();
    for (std::size_t i = 0; i < m_nodeLabels.size(); ++i) {
        if (rect.intersects(m_nodeLabels[i].box) && !nodeHidden(static_cast<int>(i)))
            m_nodeLabels[i].draw(painter, halo, m_palette.text);
    }
}

void TopologyScene::drawNodeDots(QPainter* painter, const QRectF& rect) const
{
    constexpr double Half = NodeSize / 2;
    QVector<QRectF> inside;
    QVector<QRectF> outside;
    for (std::size_t i = 0; i < m_nodePos.size(); ++i) {
        const QPointF c = m_nodePos[i];
        if (!rect.contains(c) || nodeHidden(static_cast<int>(i)))
            continue;
        const TopologyNode& node = m_frame.nodes[i];
        (node.isOutside || node.kind == NodeKind::Unknown ? outside : inside)
            .append(QRectF(c - QPointF(Half, Half), QSizeF(NodeSize, NodeSize)));
    }
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_palette.node);
    painter->drawRects(inside);
    QColor faint = m_palette.node;
    faint.setAlphaF(0.45);
    painter->setBrush(faint);
    painter->drawRects(outside);
}

QString TopologyScene::toolTipFor(const QString& entity) const
{
    if (const int row = m_nodeIndex.value(entity, -1); row >= 0)
        return nodeToolTip(row);
    if (const int row = m_edgeIndex.value(entity, -1); row >= 0)
        return edgeToolTip(row);
    return QString();
}

QString TopologyScene::nodeToolTip(int row) const
{
    const TopologyNode& node = m_frame.nodes[static_cast<std::size_t>(row)];
    QStringList lines;
    lines.append(QStringLiteral("<b>%1</b>").arg(node.name.toHtmlEscaped()));
    lines.append(tr("%1 in namespace %2").arg(nodeKindName(node.kind), node.ns.toHtmlEscaped()));
    if (!node.version.isEmpty())
        lines.append(tr("version %1").arg(node.version.toHtmlEscaped()));
    if (static_cast<std::size_t>(row) < m_state.nodes.size()) {
        const NodeState& state = m_state.nodes[static_cast<std::size_t>(row)];
        lines.append(state.healthFromKiali ? tr("health (Kiali): %1").arg(healthName(state.health))
                                           : tr("inbound health: %1").arg(healthName(state.health)));
        if (state.anomalySignificance > 0)
            lines.append(tr("anomalous (significance %1)").arg(state.anomalySignificance, 0, 'f', 0));
        if (state.rootCause)
            lines.append(tr("suspected root cause of an open incident"));
    }
    return lines.join(QStringLiteral("<br>"));
}

QString TopologyScene::edgeToolTip(int row) const
{
    const TopologyEdge& edge = m_frame.edges[static_cast<std::size_t>(row)];
    QStringList lines;
    lines.append(QStringLiteral("<b>%1 → %2</b> (%3)")
                     .arg(edge.source.toHtmlEscaped(), edge.destination.toHtmlEscaped(), edge.protocol));
    if (static_cast<std::size_t>(row) < m_state.edges.size()) {
        const EdgeState& state = m_state.edges[static_cast<std::size_t>(row)];
        lines.append(tr("request rate: %1 %2")
                         .arg(state.requestRate, 0, 'f', 2)
                         .arg(signalUnit(SignalName::RequestRate)));
        lines.append(tr("errors: %1%").arg(state.errorRatio * 100.0, 0, 'f', 2));
        if (state.latencyP95Ms >= 0)
            lines.append(tr("p95 latency: %1 ms").arg(state.latencyP95Ms, 0, 'f', 0));
        lines.append(tr("health (Kiali thresholds): %1").arg(healthName(state.health)));
        if (state.isAnomalous())
            lines.append(tr("anomalous against its baseline (significance %1)")
                             .arg(state.anomalySignificance, 0, 'f', 0));
        if (state.inOpenIncident)
            lines.append(tr("part of an open incident"));
    }
    return lines.join(QStringLiteral("<br>"));
}

} // namespace meshscope
