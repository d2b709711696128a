// Graphviz `dot` layouts of a topology frame (TopologyLayouter::dotLayout, tiledDotLayout).

#include "topology_layout.h"

#include "layout_tiles.h"
#include "model/meshscope_error.h"

#include <QCoreApplication>
#include <QMutex>

#ifdef MESHSCOPE_HAVE_GRAPHVIZ
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#endif

#include <memory>

namespace meshscope {

#ifdef MESHSCOPE_HAVE_GRAPHVIZ
namespace {
// Graphviz keeps global state: every call into it goes through this one mutex.
QMutex& graphvizMutex()
{
    static QMutex mutex;
    return mutex;
}

GVC_t* graphvizContext()
{
    static GVC_t* context = gvContext();
    return context;
}

char* text(const QByteArray& bytes)
{
    return const_cast<char*>(bytes.constData());
}

void setAttribute(void* object, const char* name, const char* value)
{
    agsafeset(object, text(QByteArray(name)), text(QByteArray(value)), text(QByteArray("")));
}

/// With clusters, every namespace becomes a dot cluster (a box dot keeps its nodes in).
Agraph_t* buildGraph(const TopologyFrame& frame, bool withClusters, QHash<QString, Agnode_t*>& nodes,
    QHash<QString, Agraph_t*>& clusters)
{
    Agraph_t* graph = agopen(text(QByteArray("topology")), Agdirected, nullptr);
    setAttribute(graph, "rankdir", "LR");
    setAttribute(graph, "splines", "false");
    // Node names are drawn under the nodes and are wider than them: ranks need room for a
    // long name (~150 pt) and neighbours in a rank for the name plus root-cause caption.
    setAttribute(graph, "nodesep", QByteArray::number(TopologyLayouter::DotNodeSeparation / 72).constData());
    setAttribute(graph, "ranksep", QByteArray::number(TopologyLayouter::DotRankSeparation / 72).constData());
    // Bounded network-simplex and crossing-minimisation effort keeps large meshes fast.
    setAttribute(graph, "nslimit", "4");
    setAttribute(graph, "nslimit1", "4");
    setAttribute(graph, "mclimit", "0.3");
    const QByteArray size = QByteArray::number(TopologyLayouter::NodeSize / 72.0);
    for (const TopologyNode& n : frame.nodes) {
        Agraph_t* parent = graph;
        if (withClusters) {
            Agraph_t*& cluster = clusters[n.ns];
            if (!cluster) {
                cluster = agsubg(graph, text(QByteArray("cluster_") + n.ns.toUtf8()), 1);
                setAttribute(cluster, "margin", "14");
                // The scene draws the namespace title itself; the label only makes dot keep
                // the box wide and tall enough for it.
                setAttribute(cluster, "label", n.ns.toUtf8().constData());
                setAttribute(cluster, "fontsize", "16");
            }
            parent = cluster;
        }
        Agnode_t* node = agnode(parent, text(n.name.toUtf8()), 1);
        setAttribute(node, "shape", "circle");
        setAttribute(node, "fixedsize", "true");
        setAttribute(node, "width", size.constData());
        setAttribute(node, "label", "");
        nodes.insert(n.name, node);
    }
    for (const TopologyEdge& e : frame.edges) {
        Agnode_t* tail = nodes.value(e.source);
        Agnode_t* head = nodes.value(e.destination);
        if (tail && head && tail != head)
            agedge(graph, tail, head, nullptr, 1);
    }
    return graph;
}

/// Runs dot; the caller holds graphvizMutex().
TopologyLayout runDot(const TopologyFrame& frame, bool withClusters)
{
    QHash<QString, Agnode_t*> nodes;
    QHash<QString, Agraph_t*> clusters;
    std::unique_ptr<Agraph_t, int (*)(Agraph_t*)> graph(buildGraph(frame, withClusters, nodes, clusters), agclose);
    GVC_t* context = graphvizContext();
    if (gvLayout(context, graph.get(), "dot") != 0)
        throw MeshscopeError(QCoreApplication::translate("TopologyLayouter", "Graphviz dot failed to lay out the topology"));
    TopologyLayout out;
    out.engine = TopologyLayout::Engine::GraphvizDot;
    const boxf bb = GD_bb(graph.get());
    // Graphviz's y axis points up; the scene's points down.
    const auto toScene = [&](double x, double y) { return QPointF(x - bb.LL.x, bb.UR.y - y); };
    for (auto it = nodes.cbegin(); it != nodes.cend(); ++it) {
        const pointf p = ND_coord(it.value());
        out.positions.insert(it.key(), toScene(p.x, p.y));
    }
    for (auto it = clusters.cbegin(); it != clusters.cend(); ++it) {
        const boxf box = GD_bb(it.value());
        out.clusters.push_back({it.key(), QRectF(toScene(box.LL.x, box.UR.y), toScene(box.UR.x, box.LL.y))});
    }
    out.bounds = QRectF(0, 0, bb.UR.x - bb.LL.x, bb.UR.y - bb.LL.y);
    gvFreeLayout(context, graph.get());
    return out;
}

/// Each namespace's nodes and the calls between them.
QHash<QString, TopologyFrame> framePerNamespace(const TopologyFrame& frame)
{
    QHash<QString, TopologyFrame> parts;
    QHash<QString, QString> namespaceOf;
    for (const TopologyNode& n : frame.nodes) {
        parts[n.ns].nodes.push_back(n);
        namespaceOf.insert(n.name, n.ns);
    }
    for (const TopologyEdge& e : frame.edges) {
        const auto source = namespaceOf.constFind(e.source);
        const auto destination = namespaceOf.constFind(e.destination);
        if (source != namespaceOf.cend() && destination != namespaceOf.cend() && *source == *destination)
            parts[*source].edges.push_back(e);
    }
    return parts;
}
} // namespace
#endif

bool TopologyLayouter::haveGraphviz()
{
#ifdef MESHSCOPE_HAVE_GRAPHVIZ
    return true;
#else
    return false;
#endif
}

TopologyLayout TopologyLayouter::dotLayout(const TopologyFrame& frame, const JobControl* job)
{
#ifdef MESHSCOPE_HAVE_GRAPHVIZ
    QMutexLocker lock(&graphvizMutex());
    throwIfCancelled(job);
    TopologyLayout out = runDot(frame, true);
    throwIfCancelled(job);
    return out;
#else
    Q_UNUSED(frame);
    Q_UNUSED(job);
    throw MeshscopeError(QCoreApplication::translate("TopologyLayouter", "This build has no Graphviz"));
#endif
}

TopologyLayout TopologyLayouter::tiledDotLayout(const TopologyFrame& frame, const JobControl* job)
{
#ifdef MESHSCOPE_HAVE_GRAPHVIZ
    QMutexLocker lock(&graphvizMutex());
    const QHash<QString, TopologyFrame> parts = framePerNamespace(frame);
    std::vector<std::pair<QString, QHash<QString, QPointF>>> laidOut;
    for (const QString& ns : namespacesByCallDepth(frame, callDepths(frame))) {
        throwIfCancelled(job);
        laidOut.emplace_back(ns, runDot(*parts.constFind(ns), false).positions);
    }
    throwIfCancelled(job);
    return packFoldedTiles(laidOut, TopologyLayout::Engine::GraphvizDot);
#else
    Q_UNUSED(frame);
    Q_UNUSED(job);
    throw MeshscopeError(QCoreApplication::translate("TopologyLayouter", "This build has no Graphviz"));
#endif
}

} // namespace meshscope
