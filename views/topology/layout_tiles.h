#pragma once

// Building blocks shared by the layouts that place one tile per namespace: call depths,
// folding a tall left-to-right layout into columns, and packing tiles into rows.

#include "topology_layout.h"

#include <QHash>
#include <QPointF>
#include <QSizeF>
#include <QString>

#include <vector>

namespace meshscope {

/// The shape views are laid out for: a window about 16:9.
constexpr double TargetAspect = 16.0 / 9.0;

/// One namespace laid out on its own; positions are relative to the tile's top-left corner
/// and the size includes the margins around the nodes.
struct LayoutTile
{
    QString ns;
    QHash<QString, QPointF> positions;
    QSizeF size;
};

/// Call depth of every node from the roots (nodes nobody calls); nodes only reachable
/// through cycles get depth 0.
QHash<QString, int> callDepths(const TopologyFrame& frame);

/// True when a left-to-right dot layout of the whole graph is not much taller than a
/// 16:9 window: estimated from the call depths (dot's ranks) and the most crowded depth.
bool wholeGraphFitsLeftToRight(const TopologyFrame& frame);

/// Turns node centres of a left-to-right layout (nodes of one rank share an x) into a
/// tile. Ranks too tall for a tile of the given width:height are folded into side-by-side
/// columns, keeping the order of the nodes inside each rank, so crowded meshes fill a
/// window instead of making a strip.
LayoutTile foldedTile(const QString& ns, const QHash<QString, QPointF>& centres, double aspect = TargetAspect);

/// Places tiles left to right in the given order, wrapping rows where a 16:9 window shows
/// the whole picture largest; every tile becomes a namespace box.
TopologyLayout packTiles(const std::vector<LayoutTile>& tiles, TopologyLayout::Engine engine);

/// Folds each namespace's left-to-right layout (in the given order) into a tile and packs
/// them, choosing the tile shape that a 16:9 window shows largest.
TopologyLayout packFoldedTiles(const std::vector<std::pair<QString, QHash<QString, QPointF>>>& laidOut,
    TopologyLayout::Engine engine);

/// Namespaces in reading order: the one with the shallowest callers first.
std::vector<QString> namespacesByCallDepth(const TopologyFrame& frame, const QHash<QString, int>& depth);

} // namespace meshscope
