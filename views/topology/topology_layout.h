#pragma once

#include "model/job_control.h"
#include "model/topology.h"

#include <QHash>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QThread>

#include <vector>

namespace meshscope {

/// Node positions (scene coordinates, node centres) and one box per namespace.
struct TopologyLayout
{
    enum class Engine { None, GraphvizDot, Grid };

    struct Cluster
    {
        QString ns;
        QRectF rect;
    };

    QHash<QString, QPointF> positions;
    std::vector<Cluster> clusters;
    QRectF bounds;
    Engine engine = Engine::None;
    QString note; ///< why a fallback was used, for the status line
    /// The thread that computed it: layout must never run on the GUI thread.
    Qt::HANDLE computedOn = nullptr;

    bool isEmpty() const { return positions.isEmpty(); }
};

/// Chooses how to lay out a frame: Graphviz `dot` left to right with one cluster per
/// namespace when that fits a window; when it would be a tall strip, `dot` per namespace
/// with crowded ranks folded into columns and the namespaces tiled; the namespace-tile
/// grid for very large graphs and when Graphviz is absent or fails. Slow: call it off the GUI thread. Thread-safe (Graphviz calls are
/// serialized internally).
class TopologyLayouter
{
public:
    /// Graphs with more nodes than this get the grid layout (dot would take minutes).
    static constexpr int DefaultMaxDotNodes = 1500;
    /// Diameter of a node glyph in scene units; layouts space nodes for it.
    static constexpr double NodeSize = 36;
    /// dot's gap between neighbours in a rank and between ranks (scene units, = points).
    static constexpr double DotNodeSeparation = 0.6 * 72;
    static constexpr double DotRankSeparation = 2.0 * 72;

    static TopologyLayout layout(const TopologyFrame& frame, const JobControl* job = nullptr,
        int maxDotNodes = DefaultMaxDotNodes);
    /// Namespace tiles, each a square-ish grid of its nodes, ordered by call depth.
    static TopologyLayout gridLayout(const TopologyFrame& frame);
    /// Graphviz dot of the whole graph; throws MeshscopeError when Graphviz is missing or fails.
    static TopologyLayout dotLayout(const TopologyFrame& frame, const JobControl* job = nullptr);
    /// Graphviz dot of each namespace on its own, tall ranks folded into columns, the
    /// namespaces tiled in call-depth order; throws like dotLayout.
    static TopologyLayout tiledDotLayout(const TopologyFrame& frame, const JobControl* job = nullptr);
    static bool haveGraphviz();

private:
    static TopologyLayout chooseAndRun(const TopologyFrame& frame, const JobControl* job, int maxDotNodes);
};

} // namespace meshscope
