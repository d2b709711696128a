#include "layout_tiles.h"

#include <QQueue>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace meshscope {

namespace {
constexpr double NodeSize = TopologyLayouter::NodeSize;
/// Centre to centre inside a column: dot's own spacing of neighbours in a rank.
constexpr double RowPitch = NodeSize + TopologyLayouter::DotNodeSeparation;
/// Centre to centre of a rank's columns: room for a node name between them.
constexpr double ColumnPitch = NodeSize * 4.5;
/// Centre to centre of dot's ranks.
constexpr double RankPitch = NodeSize + TopologyLayouter::DotRankSeparation;
/// Node names are drawn under the nodes and are wider than them.
constexpr double SideMargin = NodeSize * 2.5;
/// Room for the namespace title above the first row and a node name under the last.
constexpr double TopMargin = NodeSize * 1.6;
constexpr double BottomMargin = NodeSize * 1.6;
constexpr double TileGap = NodeSize * 2;

/// The height of the smallest window of the given aspect that shows a width x height
/// picture whole: smaller means the picture is shown larger.
double fitCost(double width, double height, double aspect)
{
    return std::max(width / aspect, height);
}

/// Top-left corners of tiles placed left to right, wrapping rows at rowWidth.
std::vector<QPointF> rowOrigins(const std::vector<LayoutTile>& tiles, double rowWidth, QSizeF* bounds)
{
    std::vector<QPointF> origins;
    double x = 0;
    double y = 0;
    double rowHeight = 0;
    double width = 0;
    for (const LayoutTile& tile : tiles) {
        if (x > 0 && x + tile.size.width() > rowWidth) {
            x = 0;
            y += rowHeight + TileGap;
            rowHeight = 0;
        }
        origins.emplace_back(x, y);
        width = std::max(width, x + tile.size.width());
        x += tile.size.width() + TileGap;
        rowHeight = std::max(rowHeight, tile.size.height());
    }
    *bounds = QSizeF(width, y + rowHeight);
    return origins;
}

using Rank = std::vector<std::pair<double, QString>>; // (y, name), top to bottom
} // namespace

QHash<QString, int> callDepths(const TopologyFrame& frame)
{
    QHash<QString, QStringList> callees;
    QHash<QString, int> inDegree;
    for (const TopologyNode& n : frame.nodes)
        inDegree.insert(n.name, 0);
    for (const TopologyEdge& e : frame.edges) {
        callees[e.source].append(e.destination);
        inDegree[e.destination] += 1;
    }
    QHash<QString, int> depth;
    QQueue<QString> queue;
    for (auto it = inDegree.cbegin(); it != inDegree.cend(); ++it) {
        if (it.value() == 0) {
            depth.insert(it.key(), 0);
            queue.enqueue(it.key());
        }
    }
    while (!queue.isEmpty()) {
        const QString name = queue.dequeue();
        for (const QString& callee : callees.value(name)) {
            if (!depth.contains(callee)) {
                depth.insert(callee, depth.value(name) + 1);
                queue.enqueue(callee);
            }
        }
    }
    for (const TopologyNode& n : frame.nodes) {
        if (!depth.contains(n.name))
            depth.insert(n.name, 0); // cycles with no entry point
    }
    return depth;
}

bool wholeGraphFitsLeftToRight(const TopologyFrame& frame)
{
    if (frame.nodes.empty())
        return true;
    const QHash<QString, int> depth = callDepths(frame);
    QHash<int, int> nodesAtDepth;
    for (auto it = depth.cbegin(); it != depth.cend(); ++it)
        nodesAtDepth[it.value()] += 1;
    int tallest = 0;
    for (const int count : std::as_const(nodesAtDepth))
        tallest = std::max(tallest, count);
    const double width = static_cast<double>(nodesAtDepth.size()) * RankPitch;
    const double height = tallest * RowPitch;
    // Up to three times taller than the window still shows every node at a readable size.
    return width / height >= TargetAspect / 3;
}

LayoutTile foldedTile(const QString& ns, const QHash<QString, QPointF>& centres, double aspect)
{
    LayoutTile tile;
    tile.ns = ns;
    if (centres.isEmpty())
        return tile;
    std::map<long, Rank> ranks; // by x, left to right
    double top = centres.cbegin().value().y();
    double bottom = top;
    for (auto it = centres.cbegin(); it != centres.cend(); ++it) {
        ranks[std::lround(it.value().x())].emplace_back(it.value().y(), it.key());
        top = std::min(top, it.value().y());
        bottom = std::max(bottom, it.value().y());
    }
    int tallest = 0;
    for (auto& [x, rank] : ranks) {
        std::sort(rank.begin(), rank.end());
        tallest = std::max(tallest, static_cast<int>(rank.size()));
    }
    const double left = static_cast<double>(ranks.begin()->first);
    const double span = static_cast<double>(ranks.rbegin()->first) - left;
    const auto widthWith = [&](int perColumn) {
        double width = span + 2 * SideMargin;
        for (const auto& [x, rank] : ranks)
            width += std::ceil(static_cast<double>(rank.size()) / perColumn - 1) * ColumnPitch;
        return width;
    };
    const auto heightWith = [](int perColumn) { return (perColumn - 1) * RowPitch + TopMargin + BottomMargin; };

    const double unfoldedHeight = bottom - top + TopMargin + BottomMargin;
    int perColumn = tallest;
    double bestCost = fitCost(span + 2 * SideMargin, unfoldedHeight, aspect);
    for (int candidate = 1; candidate < tallest; ++candidate) {
        const double cost = fitCost(widthWith(candidate), heightWith(candidate), aspect);
        if (cost < bestCost) {
            bestCost = cost;
            perColumn = candidate;
        }
    }
    if (perColumn == tallest) {
        for (auto it = centres.cbegin(); it != centres.cend(); ++it)
            tile.positions.insert(it.key(), it.value() - QPointF(left - SideMargin, top - TopMargin));
        tile.size = QSizeF(span + 2 * SideMargin, unfoldedHeight);
        return tile;
    }
    double shift = 0; // the columns added to the ranks further left
    for (const auto& [x, rank] : ranks) {
        const int count = static_cast<int>(rank.size());
        for (int k = 0; k < count; ++k) {
            const int column = k / perColumn;
            const int inColumn = std::min(perColumn, count - column * perColumn);
            const double row = k % perColumn + (perColumn - inColumn) / 2.0;
            tile.positions.insert(rank[static_cast<std::size_t>(k)].second,
                QPointF(static_cast<double>(x) - left + SideMargin + shift + column * ColumnPitch,
                    TopMargin + row * RowPitch));
        }
        shift += ((count + perColumn - 1) / perColumn - 1) * ColumnPitch;
    }
    tile.size = QSizeF(span + shift + 2 * SideMargin, heightWith(perColumn));
    return tile;
}

TopologyLayout packTiles(const std::vector<LayoutTile>& tiles, TopologyLayout::Engine engine)
{
    // Rows change only where a row's last tile changes: try wrapping after each count of
    // tiles and keep the picture a 16:9 window shows largest.
    double rowWidth = 0;
    double bestRowWidth = 0;
    double bestCost = std::numeric_limits<double>::infinity();
    for (const LayoutTile& tile : tiles) {
        rowWidth += (rowWidth > 0 ? TileGap : 0) + tile.size.width();
        QSizeF bounds;
        rowOrigins(tiles, rowWidth, &bounds);
        const double cost = fitCost(bounds.width(), bounds.height(), TargetAspect);
        if (cost < bestCost) {
            bestCost = cost;
            bestRowWidth = rowWidth;
        }
    }
    TopologyLayout out;
    out.engine = engine;
    QSizeF bounds;
    const std::vector<QPointF> origins = rowOrigins(tiles, bestRowWidth, &bounds);
    for (std::size_t i = 0; i < tiles.size(); ++i) {
        for (auto it = tiles[i].positions.cbegin(); it != tiles[i].positions.cend(); ++it)
            out.positions.insert(it.key(), origins[i] + it.value());
        out.clusters.push_back({tiles[i].ns, QRectF(origins[i], tiles[i].size)});
    }
    out.bounds = QRectF(QPointF(0, 0), bounds);
    return out;
}

TopologyLayout packFoldedTiles(const std::vector<std::pair<QString, QHash<QString, QPointF>>>& laidOut,
    TopologyLayout::Engine engine)
{
    // A few namespaces fill a wide window better as tall tiles side by side, many as
    // window-shaped tiles; fold for several tile shapes and keep the best picture.
    TopologyLayout best;
    double bestCost = std::numeric_limits<double>::infinity();
    for (const double shape : {1.0, 0.5, 0.25, 2.0}) {
        std::vector<LayoutTile> tiles;
        tiles.reserve(laidOut.size());
        for (const auto& [ns, centres] : laidOut)
            tiles.push_back(foldedTile(ns, centres, TargetAspect * shape));
        TopologyLayout candidate = packTiles(tiles, engine);
        const double cost = fitCost(candidate.bounds.width(), candidate.bounds.height(), TargetAspect);
        if (cost < bestCost) {
            bestCost = cost;
            best = std::move(candidate);
        }
    }
    return best;
}

std::vector<QString> namespacesByCallDepth(const TopologyFrame& frame, const QHash<QString, int>& depth)
{
    struct Depths
    {
        int shallowest = 0;
        double total = 0;
        int nodes = 0;
    };
    QHash<QString, Depths> byNamespace;
    for (const TopologyNode& n : frame.nodes) {
        const int d = depth.value(n.name);
        auto it = byNamespace.find(n.ns);
        if (it == byNamespace.end())
            it = byNamespace.insert(n.ns, Depths{d, 0, 0});
        it->shallowest = std::min(it->shallowest, d);
        it->total += d;
        it->nodes += 1;
    }
    std::vector<QString> order(byNamespace.keyBegin(), byNamespace.keyEnd());
    std::sort(order.begin(), order.end(), [&](const QString& a, const QString& b) {
        const Depths da = byNamespace.value(a);
        const Depths db = byNamespace.value(b);
        if (da.shallowest != db.shallowest)
            return da.shallowest < db.shallowest;
        const double meanA = da.total / da.nodes;
        const double meanB = db.total / db.nodes;
        return meanA != meanB ? meanA < meanB : a < b;
    });
    return order;
}

} // namespace meshscope
