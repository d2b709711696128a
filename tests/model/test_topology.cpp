#include "model/entity.h"
#include "model/topology.h"

#include <QTest>

using namespace meshscope;

namespace {
TopologyFrame frame(qint64 t, std::initializer_list<std::pair<const char*, const char*>> edges)
{
    TopologyFrame f;
    f.tMs = t;
    QSet<QString> names;
    for (const auto& [a, b] : edges) {
        for (const QString& name : {QString::fromLatin1(a), QString::fromLatin1(b)}) {
            if (!names.contains(name)) {
                names.insert(name);
                TopologyNode n;
                n.name = name;
                f.nodes.push_back(n);
            }
        }
        TopologyEdge e;
        e.source = QString::fromLatin1(a);
        e.destination = QString::fromLatin1(b);
        f.edges.push_back(e);
    }
    return f;
}
} // namespace

class TestTopology : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void edgeNames()
    {
        QCOMPARE(Entity::edge(QStringLiteral("a"), QStringLiteral("b")), QStringLiteral("a->b"));
        QVERIFY(Entity::isEdge(u"a->b"));
        QVERIFY(!Entity::isEdge(u"a-b"));
        QCOMPARE(Entity::edgeEnds(QStringLiteral("front end->cart")).second, QStringLiteral("cart"));
        QCOMPARE(Entity::suspectNode(QStringLiteral("x->y")), QStringLiteral("y"));
        QCOMPARE(Entity::suspectNode(QStringLiteral("y")), QStringLiteral("y"));
    }

    void sameShapeIgnoresRates()
    {
        TopologyFrame a = frame(0, {{"a", "b"}, {"b", "c"}});
        TopologyFrame b = a;
        b.edges[0].requestRate = 42;
        QVERIFY(a.sameShape(b));
        TopologyFrame c = frame(0, {{"a", "b"}, {"b", "d"}});
        QVERIFY(!a.sameShape(c));
    }

    void frameAtPicksTheFrameInForce()
    {
        TopologyHistory history;
        history.add(frame(2000, {{"a", "b"}}));
        history.add(frame(1000, {{"x", "y"}}));
        QCOMPARE(history.frames().front().tMs, qint64(1000));
        QCOMPARE(history.frameAt(1500)->tMs, qint64(1000));
        QCOMPARE(history.frameAt(2500)->tMs, qint64(2000));
        QCOMPARE(history.frameAt(0)->tMs, qint64(1000));
        QCOMPARE(int(history.merged().nodes.size()), 4);
    }
};

QTEST_GUILESS_MAIN(TestTopology)
#include "test_topology.moc"
