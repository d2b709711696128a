#include "topology_layout.h"

#include "layout_tiles.h"
#include "model/meshscope_error.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace meshscope {

namespace {
constexpr double GridSpacing = TopologyLayouter::NodeSize * 2.6;
constexpr double GridMargin = TopologyLayouter::NodeSize;
} // namespace

TopologyLayout TopologyLayouter::layout(const TopologyFrame& frame, const JobControl* job, int maxDotNodes)
{
    TopologyLayout out = chooseAndRun(frame, job, maxDotNodes);
    out.computedOn = QThread::currentThreadId();
    return out;
}

TopologyLayout TopologyLayouter::chooseAndRun(const TopologyFrame& frame, const JobControl* job, int maxDotNodes)
{
    const int nodes = static_cast<int>(frame.nodes.size());
    if (haveGraphviz() && nodes <= maxDotNodes) {
        try {
            if (wholeGraphFitsLeftToRight(frame))
                return dotLayout(frame, job);
            TopologyLayout tiled = tiledDotLayout(frame, job);
            tiled.note = QCoreApplication::translate("TopologyLayouter",
                "%n nodes: each namespace laid out on its own and tiled to fit the window", nullptr, nodes);
            return tiled;
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
        grid.note = QCoreApplication::translate("TopologyLayouter", "%n nodes: grid layout instead of dot", nullptr, nodes);
    } else {
        grid.note = QCoreApplication::translate("TopologyLayouter", "Graphviz not available: grid layout");
    }
    return grid;
}

TopologyLayout TopologyLayouter::gridLayout(const TopologyFrame& frame)
{
    const QHash<QString, int> depth = callDepths(frame);
    QHash<QString, std::vector<const TopologyNode*>> byNamespace;
    for (const TopologyNode& n : frame.nodes)
        byNamespace[n.ns].push_back(&n);
    std::vector<LayoutTile> tiles;
    for (const QString& ns : namespacesByCallDepth(frame, depth)) {
        auto& nodes = byNamespace[ns];
        std::sort(nodes.begin(), nodes.end(), [&](const TopologyNode* a, const TopologyNode* b) {
            const int da = depth.value(a->name);
            const int db = depth.value(b->name);
            return da != db ? da < db : a->name < b->name;
        });
        // Each tile is a square-ish grid, filled column by column so callers sit left.
        const int count = static_cast<int>(nodes.size());
        const int rows = std::max(1, static_cast<int>(std::ceil(std::sqrt(count / TargetAspect))));
        const int columns = (count + rows - 1) / rows;
        LayoutTile tile;
        tile.ns = ns;
        tile.size = QSizeF(columns * GridSpacing + 2 * GridMargin, rows * GridSpacing + 2 * GridMargin);
        for (int i = 0; i < count; ++i) {
            tile.positions.insert(nodes[static_cast<std::size_t>(i)]->name,
                QPointF(GridMargin + (i / rows + 0.5) * GridSpacing, GridMargin + (i % rows + 0.5) * GridSpacing));
        }
        tiles.push_back(std::move(tile));
    }
    return packTiles(tiles, TopologyLayout::Engine::Grid);
}

} // namespace meshscope
