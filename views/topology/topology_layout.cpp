#include "topology_layout.h"

#include "model/meshscope_error.h"

#include <QCoreApplication>
#include <QMap>
#include <QQueue>

#include <algorithm>
#include <cmath>

namespace meshscope {

namespace {
constexpr double GridSpacing = TopologyLayouter::NodeSize * 2.6;
constexpr double TileMargin = TopologyLayouter::NodeSize;
constexpr double TileGap = TopologyLayouter::NodeSize * 2;

/// Call depth of every node from the roots (nodes nobody calls), so grid tiles can read
/// left to right like dot's ranks.
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
} // namespace

TopologyLayout TopologyLayouter::layout(const TopologyFrame& frame, const JobControl* job, int maxDotNodes)
{
    TopologyLayout out = chooseAndRun(frame, job, maxDotNodes);
    out.computedOn = QThread::currentThreadId();
    return out;
}

TopologyLayout TopologyLayouter::chooseAndRun(const TopologyFrame& frame, const JobControl* job, int maxDotNodes)
{
    if (haveGraphviz() && static_cast<int>(frame.nodes.size()) <= maxDotNodes) {
        try {
            return dotLayout(frame, job);
        } catch (const CancelledError&) {
            throw;
        } catch (const MeshscopeError& error) {
            TopologyLayout grid = gridLayout(frame);
            grid.note = error.message();
            return grid;
        }
    }
    throwIfCancelled(job);
    TopologyLayout grid = gridLayout(frame);
    if (haveGraphviz()) {
        grid.note = QCoreApplication::translate("TopologyLayouter",
            "%n nodes: grid layout instead of dot", nullptr, static_cast<int>(frame.nodes.size()));
    } else {
        grid.note = QCoreApplication::translate("TopologyLayouter", "Graphviz not available: grid layout");
    }
    return grid;
}

TopologyLayout TopologyLayouter::gridLayout(const TopologyFrame& frame)
{
    TopologyLayout out;
    out.engine = TopologyLayout::Engine::Grid;
    const QHash<QString, int> depth = callDepths(frame);
    QMap<QString, std::vector<const TopologyNode*>> byNamespace;
    for (const TopologyNode& n : frame.nodes)
        byNamespace[n.ns].push_back(&n);

    // Tiles flow left to right and wrap so the whole picture stays roughly 16:9.
    const double totalWidth = std::sqrt(static_cast<double>(frame.nodes.size()) * 16.0 / 9.0) * GridSpacing;
    double x = 0;
    double y = 0;
    double rowHeight = 0;
    for (auto it = byNamespace.begin(); it != byNamespace.end(); ++it) {
        auto& nodes = it.value();
        std::sort(nodes.begin(), nodes.end(), [&](const TopologyNode* a, const TopologyNode* b) {
            const int da = depth.value(a->name);
            const int db = depth.value(b->name);
            return da != db ? da < db : a->name < b->name;
        });
        const int count = static_cast<int>(nodes.size());
        const int rows = std::max(1, static_cast<int>(std::ceil(std::sqrt(count * 9.0 / 16.0))));
        const int columns = (count + rows - 1) / rows;
        const double width = columns * GridSpacing + 2 * TileMargin;
        const double height = rows * GridSpacing + 2 * TileMargin;
        if (x > 0 && x + width > totalWidth) {
            x = 0;
            y += rowHeight + TileGap;
            rowHeight = 0;
        }
        for (int i = 0; i < count; ++i) {
            const double px = x + TileMargin + (i / rows + 0.5) * GridSpacing;
            const double py = y + TileMargin + (i % rows + 0.5) * GridSpacing;
            out.positions.insert(nodes[static_cast<std::size_t>(i)]->name, QPointF(px, py));
        }
        const QRectF tile(x, y, width, height);
        out.clusters.push_back({it.key(), tile});
        out.bounds = out.bounds.united(tile);
        x += width + TileGap;
        rowHeight = std::max(rowHeight, height);
    }
    return out;
}

} // namespace meshscope
