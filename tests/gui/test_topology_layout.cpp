#include "gui_test_data.h"

#include "simulator/mesh_generator.h"
#include "simulator/sim_mesh.h"
#include "topology/layout_tiles.h"
#include "topology/topology_layout.h"

#include <QTest>

#include <algorithm>
#include <cmath>

using namespace meshscope;
using namespace meshscope::testing;

namespace {
double aspectOf(const QRectF& rect)
{
    return rect.width() / rect.height();
}

const TopologyLayout::Cluster* clusterOf(const TopologyLayout& layout, const QString& ns)
{
    const auto it = std::find_if(layout.clusters.begin(), layout.clusters.end(),
        [&](const TopologyLayout::Cluster& c) { return c.ns == ns; });
    return it == layout.clusters.end() ? nullptr : &*it;
}
} // namespace

class TestTopologyLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gridLayoutPlacesEveryNodeInItsNamespaceTile()
    {
        const auto data = smallMesh();
        const TopologyFrame& frame = data->topology.frames().front();
        const TopologyLayout layout = TopologyLayouter::gridLayout(frame);
        QCOMPARE(layout.positions.size(), qsizetype(frame.nodes.size()));
        QCOMPARE(layout.clusters.size(), std::size_t(2));
        for (const TopologyNode& n : frame.nodes) {
            const auto cluster = std::find_if(layout.clusters.begin(), layout.clusters.end(),
                [&](const TopologyLayout::Cluster& c) { return c.ns == n.ns; });
            QVERIFY(cluster != layout.clusters.end());
            QVERIFY(cluster->rect.contains(layout.positions.value(n.name)));
        }
        // Callers sit left of their callees inside a tile.
        QVERIFY(layout.positions.value(QStringLiteral("frontend")).x()
            < layout.positions.value(QStringLiteral("redis")).x());
    }

    void dotLayoutGoesLeftToRight()
    {
        if (!TopologyLayouter::haveGraphviz())
            QSKIP("built without Graphviz");
        const auto data = smallMesh();
        const TopologyFrame& frame = data->topology.frames().front();
        const TopologyLayout layout = TopologyLayouter::dotLayout(frame);
        QCOMPARE(layout.engine, TopologyLayout::Engine::GraphvizDot);
        QCOMPARE(layout.positions.size(), qsizetype(frame.nodes.size()));
        QVERIFY(layout.positions.value(QStringLiteral("gateway")).x()
            < layout.positions.value(QStringLiteral("frontend")).x());
        QVERIFY(layout.positions.value(QStringLiteral("frontend")).x()
            < layout.positions.value(QStringLiteral("cart")).x());
        QCOMPARE(layout.clusters.size(), std::size_t(2));
    }

    void aSmallMeshIsOneDotLayoutOfTheWholeGraph()
    {
        if (!TopologyLayouter::haveGraphviz())
            QSKIP("built without Graphviz");
        const auto data = smallMesh();
        const TopologyFrame& frame = data->topology.frames().front();
        QVERIFY(wholeGraphFitsLeftToRight(frame));
        const TopologyLayout layout = TopologyLayouter::layout(frame);
        QCOMPARE(layout.engine, TopologyLayout::Engine::GraphvizDot);
        QVERIFY2(layout.note.isEmpty(), qPrintable(layout.note));
    }

    void aCrowdedRankIsFoldedIntoColumnsInItsOrder()
    {
        // One rank of 60 nodes, as dot lays out a namespace whose services call nothing
        // inside it: a strip 60 nodes tall.
        QHash<QString, QPointF> centres;
        for (int i = 0; i < 60; ++i)
            centres.insert(QStringLiteral("svc-%1").arg(i, 2, 10, QLatin1Char('0')), QPointF(500, 20 + i * 80.0));
        const LayoutTile tile = foldedTile(QStringLiteral("shop"), centres);
        QCOMPARE(tile.positions.size(), centres.size());
        const double aspect = tile.size.width() / tile.size.height();
        QVERIFY2(aspect > 1.0 && aspect < 3.0, qPrintable(QString::number(aspect)));
        QStringList names = centres.keys();
        names.sort();
        for (int i = 1; i < names.size(); ++i) {
            const QPointF before = tile.positions.value(names[i - 1]);
            const QPointF after = tile.positions.value(names[i]);
            // Down a column, then on to the top of the next column to the right.
            QVERIFY(after.x() > before.x() || (after.x() == before.x() && after.y() > before.y()));
        }
        for (const QPointF& p : tile.positions) {
            QVERIFY(QRectF(QPointF(0, 0), tile.size).contains(p));
            for (const QPointF& q : tile.positions) {
                if (&p != &q)
                    QVERIFY(QLineF(p, q).length() >= TopologyLayouter::NodeSize * 2);
            }
        }
    }

    void aTileThatFitsKeepsDotsPositions()
    {
        QHash<QString, QPointF> centres;
        for (int rank = 0; rank < 4; ++rank) {
            for (int i = 0; i < 2; ++i)
                centres.insert(QStringLiteral("n%1-%2").arg(rank).arg(i), QPointF(100 + rank * 180.0, 50 + i * 79.0 + rank * 7));
        }
        const LayoutTile tile = foldedTile(QStringLiteral("shop"), centres);
        const QPointF offset = tile.positions.value(QStringLiteral("n0-0")) - centres.value(QStringLiteral("n0-0"));
        for (auto it = centres.cbegin(); it != centres.cend(); ++it)
            QCOMPARE(tile.positions.value(it.key()), it.value() + offset);
    }

    void aLargeMeshIsTiledPerNamespaceToFitTheWindow()
    {
        if (!TopologyLayouter::haveGraphviz())
            QSKIP("built without Graphviz");
        // Seven call depths of about 57 services each: dot of the whole graph is a strip.
        const TopologyFrame frame = MeshGenerator::random(400, 5, 7).shapeFrame();
        QVERIFY(!wholeGraphFitsLeftToRight(frame));
        const double wholeAspect = aspectOf(TopologyLayouter::dotLayout(frame).bounds);
        QVERIFY2(wholeAspect < 0.6, qPrintable(QString::number(wholeAspect)));

        const TopologyLayout layout = TopologyLayouter::layout(frame);
        QCOMPARE(layout.engine, TopologyLayout::Engine::GraphvizDot);
        QVERIFY(!layout.note.isEmpty());
        const double aspect = aspectOf(layout.bounds);
        QVERIFY2(aspect > 1.0 && aspect < 3.2, qPrintable(QString::number(aspect)));
        QCOMPARE(layout.positions.size(), qsizetype(frame.nodes.size()));
        QCOMPARE(layout.clusters.size(), std::size_t(frame.namespaces().size()));
        for (const TopologyNode& n : frame.nodes) {
            const TopologyLayout::Cluster* cluster = clusterOf(layout, n.ns);
            QVERIFY(cluster);
            QVERIFY(cluster->rect.contains(layout.positions.value(n.name)));
        }
        for (const TopologyLayout::Cluster& a : layout.clusters) {
            for (const TopologyLayout::Cluster& b : layout.clusters) {
                if (&a != &b)
                    QVERIFY2(!a.rect.intersects(b.rect), qPrintable(a.ns + QLatin1Char(' ') + b.ns));
            }
        }
        // Inside a namespace, callers still sit left of their callees.
        int inside = 0;
        for (const TopologyEdge& e : frame.edges) {
            const TopologyNode* source = frame.node(e.source);
            const TopologyNode* destination = frame.node(e.destination);
            if (source->ns != destination->ns)
                continue;
            ++inside;
            QVERIFY(layout.positions.value(e.source).x() < layout.positions.value(e.destination).x());
        }
        QVERIFY(inside > 50);
    }

    void tilesFollowCallDepth()
    {
        // Depths: gw 0; a 1; c, b, e 2; d 3. Ties on the shallowest node go to the
        // namespace with the shallower mean, then to the name.
        TopologyFrame frame;
        const auto node = [&](const char* name, const char* ns) {
            TopologyNode n;
            n.name = QString::fromLatin1(name);
            n.ns = QString::fromLatin1(ns);
            frame.nodes.push_back(n);
        };
        const auto edge = [&](const char* from, const char* to) {
            TopologyEdge e;
            e.source = QString::fromLatin1(from);
            e.destination = QString::fromLatin1(to);
            frame.edges.push_back(e);
        };
        node("gw", "zeta");
        node("a", "mid");
        node("c", "mid");
        node("b", "b-shallow");
        node("e", "a-deep");
        node("d", "a-deep");
        edge("gw", "a");
        edge("a", "c");
        edge("a", "b");
        edge("a", "e");
        edge("c", "d");
        const QHash<QString, int> depth = callDepths(frame);
        QCOMPARE(depth.value(QStringLiteral("d")), 3);
        const std::vector<QString> order = namespacesByCallDepth(frame, depth);
        const std::vector<QString> expected {QStringLiteral("zeta"), QStringLiteral("mid"),
            QStringLiteral("b-shallow"), QStringLiteral("a-deep")};
        QCOMPARE(order, expected);
    }
};

QTEST_GUILESS_MAIN(TestTopologyLayout)
#include "test_topology_layout.moc"
