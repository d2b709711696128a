#include "lit_edge_layer.h"

#include "line_batches.h"

#include <QGraphicsScene>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <map>
#include <tuple>

namespace meshscope {

namespace {
// Lit edges stay visible when zoomed far out: never thinner than this on screen. Just
// under one pixel, because Qt's raster engine draws lines up to one device pixel wide with
// its fast cosmetic stroker and anything wider through the general stroker: with a thousand
// lit edges of a 1,000-service mesh that is 20 ms of painting against a few.
constexpr double MinLitWidthPx = 0.999;
// The glow is only worth its blending when it shows as more than a hairline.
constexpr double MinGlowPx = 2.0;
// Above this many rectangles one bounding box repaints faster than a precise region.
constexpr std::size_t MaxRepaintRects = 256;

struct PenKey
{
    QRgb colour;
    double width;
    bool dashed;
    bool operator<(const PenKey& o) const
    {
        return std::tie(colour, width, dashed) < std::tie(o.colour, o.width, o.dashed);
    }
};

constexpr double GlowOpacity = 70.0 / 255.0;
/// Below this zoom, edges only Kiali calls unhealthy are hairlines of this much colour.
constexpr double QuietHealthScale = 0.35;
constexpr double QuietHealthOpacity = 0.6;

bool crosses(const QLineF& line, const QRectF& box)
{
    if (box.contains(line.p1()) || box.contains(line.p2()))
        return true;
    const QPointF corners[] = {box.topLeft(), box.topRight(), box.bottomRight(), box.bottomLeft()};
    for (int k = 0; k < 4; ++k) {
        if (line.intersects(QLineF(corners[k], corners[(k + 1) % 4]), nullptr) == QLineF::BoundedIntersection)
            return true;
    }
    return false;
}
} // namespace

LitEdgeLayer::LitEdgeLayer()
{
    setZValue(2);
    setAcceptedMouseButtons(Qt::NoButton);
    // exposedRect lets a small repaint (a marker tick, a selection) skip the far edges.
    setFlag(QGraphicsItem::ItemUsesExtendedStyleOption);
}

void LitEdgeLayer::reset(std::size_t edges, const QRectF& bounds, std::vector<NodeLabel> labels,
    const std::vector<NodeLabel>& titles)
{
    prepareGeometryChange();
    m_edges.assign(edges, std::nullopt);
    m_labels = std::move(labels);
    m_nodeLabels = m_labels.size();
    m_labels.insert(m_labels.end(), titles.begin(), titles.end());
    m_hiddenNodes.clear();
    m_crossedLabels.clear();
    m_crossedLabelsDirty = true;
    m_bounds = bounds;
    m_count = 0;
    update();
}

void LitEdgeLayer::clear()
{
    for (std::optional<LitEdgeItem>& slot : m_edges) {
        if (slot) {
            repaintArea(slot->boundingRect());
            slot.reset();
        }
    }
    m_count = 0;
    m_crossedLabelsDirty = true;
}

void LitEdgeLayer::setPalette(const TopologyPalette& palette)
{
    m_palette = palette;
    update();
}

void LitEdgeLayer::setEdge(int row, const QLineF& line, const EdgeState& state, double baseWidth, const QString& label)
{
    if (row < 0 || static_cast<std::size_t>(row) >= m_edges.size())
        return;
    std::optional<LitEdgeItem>& slot = m_edges[static_cast<std::size_t>(row)];
    if (!state.isLit() || line.isNull()) {
        if (slot) {
            repaintArea(slot->boundingRect());
            slot.reset();
            --m_count;
            m_crossedLabelsDirty = true;
        }
        return;
    }
    if (slot && slot->edgeState() == state && slot->label() == label)
        return;
    if (slot) {
        repaintArea(slot->boundingRect());
    } else {
        slot.emplace(line);
        ++m_count;
        m_crossedLabelsDirty = true;
    }
    slot->setStyle(state, baseWidth, m_palette, label);
    repaintArea(slot->boundingRect());
}

void LitEdgeLayer::setEdgeVisible(int row, bool visible)
{
    if (row < 0 || static_cast<std::size_t>(row) >= m_edges.size())
        return;
    std::optional<LitEdgeItem>& slot = m_edges[static_cast<std::size_t>(row)];
    if (!slot || slot->isVisible() == visible)
        return;
    slot->setVisible(visible);
    m_crossedLabelsDirty = true;
    repaintArea(slot->boundingRect());
}

void LitEdgeLayer::setHiddenNodes(std::vector<char> hidden)
{
    if (hidden == m_hiddenNodes)
        return;
    m_hiddenNodes = std::move(hidden);
    m_crossedLabelsDirty = true;
    update();
}

const LitEdgeItem* LitEdgeLayer::edge(int row) const
{
    if (row < 0 || static_cast<std::size_t>(row) >= m_edges.size() || !m_edges[static_cast<std::size_t>(row)])
        return nullptr;
    return &*m_edges[static_cast<std::size_t>(row)];
}

std::vector<int> LitEdgeLayer::litRows() const
{
    std::vector<int> rows;
    rows.reserve(static_cast<std::size_t>(m_count));
    for (std::size_t i = 0; i < m_edges.size(); ++i) {
        if (m_edges[i])
            rows.push_back(static_cast<int>(i));
    }
    return rows;
}

void LitEdgeLayer::repaintArea(const QRectF& rect)
{
    if (m_batching) {
        m_pendingRepaints.push_back(rect);
        return;
    }
    // Not update(): an item's partial updates merge into one bounding rectangle, while the
    // scene hands each rectangle to the view's update region on its own.
    if (QGraphicsScene* s = scene())
        s->update(mapRectToScene(rect));
}

void LitEdgeLayer::beginRepaintBatch()
{
    m_batching = true;
}

void LitEdgeLayer::endRepaintBatch()
{
    m_batching = false;
    std::vector<QRectF> rects;
    rects.swap(m_pendingRepaints);
    if (rects.size() <= MaxRepaintRects) {
        for (const QRectF& rect : rects)
            repaintArea(rect);
        return;
    }
    QRectF all;
    for (const QRectF& rect : rects)
        all = all.united(rect);
    repaintArea(all);
}

QRectF LitEdgeLayer::boundingRect() const
{
    return m_bounds.adjusted(-150, -150, 150, 150);
}

const std::vector<int>& LitEdgeLayer::labelsOverLitEdges()
{
    if (!m_crossedLabelsDirty)
        return m_crossedLabels;
    m_crossedLabelsDirty = false;
    m_crossedLabels.clear();
    std::vector<const LitEdgeItem*> lit;
    for (const std::optional<LitEdgeItem>& slot : m_edges) {
        if (slot && slot->isVisible())
            lit.push_back(&*slot);
    }
    for (std::size_t i = 0; i < m_labels.size(); ++i) {
        if (i < m_hiddenNodes.size() && m_hiddenNodes[i])
            continue;
        for (const LitEdgeItem* edge : lit) {
            const double half = std::max(edge->glowWidth(), edge->lineWidth()) / 2;
            const QRectF box = m_labels[i].box.adjusted(-half, -half, half, half);
            // A vertical or horizontal line's rectangle is empty and intersects nothing: pad it.
            const QRectF lineBox = QRectF(edge->line().p1(), edge->line().p2()).normalized().adjusted(-1, -1, 1, 1);
            if (box.intersects(lineBox) && crosses(edge->line(), box)) {
                m_crossedLabels.push_back(static_cast<int>(i));
                break;
            }
        }
    }
    return m_crossedLabels;
}

void LitEdgeLayer::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*)
{
    const double scale = QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    const QRectF exposed = option->exposedRect;
    std::vector<const LitEdgeItem*> edges;
    edges.reserve(static_cast<std::size_t>(m_count));
    for (const std::optional<LitEdgeItem>& slot : m_edges) {
        if (slot && slot->isVisible() && exposed.intersects(slot->boundingRect()))
            edges.push_back(&*slot);
    }
    painter->setRenderHint(QPainter::Antialiasing);
    paintLines(painter, edges, scale);
    if (scale < MinScaleForNodeLabels)
        return;
    const QFont nodeFont = NodeLabel::font(painter->font());
    const QFont titleFont = NodeLabel::titleFont(painter->font());
    const QColor halo = m_palette.labelHalo();
    for (int i : labelsOverLitEdges()) {
        const auto index = static_cast<std::size_t>(i);
        const NodeLabel& label = m_labels[index];
        if (!exposed.intersects(label.box))
            continue;
        const bool title = index >= m_nodeLabels;
        painter->setFont(title ? titleFont : nodeFont);
        label.draw(painter, halo, title ? m_palette.clusterText : m_palette.text);
    }
}

void LitEdgeLayer::paintLines(QPainter* painter, const std::vector<const LitEdgeItem*>& edges, double scale) const
{
    // One drawLines() per pen instead of a path per edge: hundreds of lit edges cost a
    // handful of calls. Edges only Kiali calls unhealthy go first, so glows and anomalies
    // are drawn over them; far zoomed out they are quiet hairlines (a big mesh has
    // hundreds, and its anomalies must still stand out).
    std::map<PenKey, QVector<QLineF>> healthOnly;
    std::map<PenKey, QVector<QLineF>> glows;
    std::map<PenKey, QVector<QLineF>> lines;
    const double minWidth = MinLitWidthPx / std::max(scale, 1e-6);
    const bool quietHealth = scale < QuietHealthScale;
    // Glows and quiet lines are opaque, mixed with the namespace tint here: Qt blends a
    // translucent pen's spans on its thread pool, and on two cores the hand-offs made a
    // restyle of 5% of a 1,000-service mesh 50-70 ms instead of 5 ms.
    const QColor tint = m_palette.labelHalo();
    for (const LitEdgeItem* edge : edges) {
        const QRgb colour = edge->lineColor().rgba();
        if (edge->isDashed()) {
            const PenKey key = quietHealth
                ? PenKey {TopologyPalette::mixed(tint, edge->lineColor(), QuietHealthOpacity).rgba(), minWidth, false}
                : PenKey {colour, std::max(edge->lineWidth(), minWidth), true};
            healthOnly[key].append(edge->line());
            continue;
        }
        if (edge->glowWidth() > 0 && (edge->glowWidth() - edge->lineWidth()) * scale >= MinGlowPx) {
            const QRgb glow = TopologyPalette::mixed(tint, edge->lineColor(), GlowOpacity).rgba();
            glows[PenKey {glow, edge->glowWidth(), false}].append(edge->line());
        }
        lines[PenKey {colour, std::max(edge->lineWidth(), minWidth), false}].append(edge->line());
    }
    painter->setBrush(Qt::NoBrush);
    // Flat caps: round ones make Qt stroke line ends as curves, which made a restyle of 5%
    // of a 1,000-service mesh 140 ms instead of 14 ms.
    const auto drawGroups = [painter](const std::map<PenKey, QVector<QLineF>>& groups) {
        for (const auto& [key, group] : groups) {
            painter->setPen(QPen(QColor::fromRgba(key.colour), key.width, key.dashed ? Qt::DashLine : Qt::SolidLine, Qt::FlatCap));
            drawLinesChunked(painter, group);
        }
    };
    drawGroups(healthOnly);
    drawGroups(glows);
    drawGroups(lines);
    // Arrowheads are filled per colour in one path; too small to see when zoomed far out.
    std::map<QRgb, QPainterPath> arrows;
    for (const LitEdgeItem* edge : edges) {
        if ((7 + edge->lineWidth()) * scale >= MinArrowheadPx)
            arrows[edge->lineColor().rgba()].addPolygon(edge->arrowHead());
    }
    painter->setPen(Qt::NoPen);
    for (const auto& [colour, path] : arrows)
        painter->fillPath(path, QColor::fromRgba(colour));
    if (scale < MinScaleForEdgeLabels)
        return;
    QFont font = painter->font();
    font.setPointSizeF(8);
    font.setBold(true);
    painter->setFont(font);
    for (const LitEdgeItem* edge : edges) {
        if (edge->label().isEmpty())
            continue;
        painter->setPen(edge->lineColor().darker(130));
        painter->drawText(edge->labelBox(), Qt::AlignCenter, edge->label());
    }
}

} // namespace meshscope
