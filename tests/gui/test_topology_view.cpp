#include "gui_test_data.h"

#include "models/entity_selection.h"
#include "models/time_window.h"
#include "topology/lit_edge_item.h"
#include "topology/topology_layout.h"
#include "topology/topology_palette.h"
#include "topology/topology_scene.h"
#include "topology/topology_view.h"

#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace meshscope;
using namespace meshscope::testing;

class TestTopologyView : public QObject
{
    Q_OBJECT

private:
    struct Fixture
    {
        TimeWindow window;
        EntitySelection selection;
        TopologyView view {&window, &selection};

        explicit Fixture(qint64 cursorMs)
        {
            const auto data = smallMesh();
            window.reset(data->timeRange());
            window.setCursor(cursorMs);
            view.resize(900, 500);
            view.show();
            view.setDataset(data);
        }
        bool waitForLayout()
        {
            return QTest::qWaitFor(
                [this] { return !view.isUpdatePending() && !view.topologyScene()->frame().nodes.empty(); },
                20000);
        }
        QPoint viewPosOf(const QString& entity) const
        {
            return view.mapFromScene(view.topologyScene()->entityRect(entity).center());
        }
    };

    static QHash<QString, QPointF> positions(const TopologyScene* scene)
    {
        QHash<QString, QPointF> out;
        for (const TopologyNode& n : scene->frame().nodes)
            out.insert(n.name, scene->nodePosition(n.name));
        return out;
    }

private Q_SLOTS:
    void namespaceBoxesHoldTheNamesUnderTheirNodes()
    {
        if (!TopologyLayouter::haveGraphviz())
            QSKIP("built without Graphviz");
        // dot sizes boxes for the glyphs; names much wider than a glyph stick out.
        TopologyFrame frame;
        for (const char* name : {"recommendationservice", "productcatalogservice", "a", "b"}) {
            TopologyNode n;
            n.name = QString::fromLatin1(name);
            n.workload = n.name;
            n.ns = n.name.size() > 1 ? QStringLiteral("shop") : QStringLiteral("x");
            frame.nodes.push_back(n);
        }
        TopologyEdge e;
        e.source = QStringLiteral("a");
        e.destination = QStringLiteral("recommendationservice");
        frame.edges.push_back(e);
        e.source = QStringLiteral("recommendationservice");
        e.destination = QStringLiteral("productcatalogservice");
        frame.edges.push_back(e);
        const TopologyLayout layout = TopologyLayouter::dotLayout(frame);
        TopologyScene scene;
        scene.setTopology(frame, layout);
        const TopologyLayout& shown = scene.topologyLayout();
        bool stuckOut = false;
        for (std::size_t i = 0; i < frame.nodes.size(); ++i) {
            const QRectF box = scene.nodeLabels()[i].box;
            for (std::size_t c = 0; c < layout.clusters.size(); ++c) {
                if (layout.clusters[c].ns != frame.nodes[i].ns)
                    continue;
                stuckOut = stuckOut || !layout.clusters[c].rect.contains(box);
                QVERIFY2(shown.clusters[c].rect.contains(box), qPrintable(frame.nodes[i].name));
            }
            QVERIFY(shown.bounds.contains(box));
        }
        QVERIFY(stuckOut); // the case this is about: dot's own boxes were too narrow
        QVERIFY(!shown.clusters[0].rect.intersects(shown.clusters[1].rect));
    }

    void farOutAnAnomalousEdgeIsDrawnOverAnErroringOne()
    {
        // Two crossing edges: a->b anomalous, c->d only degraded by Kiali's thresholds.
        // Zoomed far out the anomaly must win the crossing; the degraded one is a pale hairline.
        TopologyFrame frame;
        TopologyLayout layout;
        const QPointF corners[] = {{0, 0}, {1000, 1000}, {0, 1000}, {1000, 0}};
        for (int i = 0; i < 4; ++i) {
            TopologyNode n;
            n.name = QString(QLatin1Char(char('a' + i)));
            n.ns = QStringLiteral("shop");
            frame.nodes.push_back(n);
            layout.positions.insert(n.name, corners[i]);
        }
        for (const auto& [from, to] : {std::pair {"a", "b"}, std::pair {"c", "d"}}) {
            TopologyEdge e;
            e.source = QString::fromLatin1(from);
            e.destination = QString::fromLatin1(to);
            e.protocol = QStringLiteral("http");
            e.requestRate = 10;
            frame.edges.push_back(e);
        }
        layout.bounds = QRectF(0, 0, 1000, 1000);
        TopologyScene scene;
        scene.setTopology(frame, layout);
        TopologyState state;
        state.nodes.resize(4);
        state.edges.resize(2);
        state.edges[0].requestRate = 10;
        state.edges[0].anomalySignificance = 50;
        state.edges[1].requestRate = 10;
        state.edges[1].health = KialiHealth::Degraded;
        scene.applyState(state);
        QImage image(300, 300, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        scene.render(&painter, QRectF(0, 0, 300, 300), scene.sceneRect());
        painter.end();
        const QTransform toImage = QTransform::fromScale(300 / scene.sceneRect().width(), 300 / scene.sceneRect().height())
                                       .translate(-scene.sceneRect().left(), -scene.sceneRect().top());
        // The most coloured pixel (red minus blue) near a scene point.
        const auto strongestNear = [&](QPointF scenePoint) {
            const QPoint c = toImage.map(scenePoint).toPoint();
            QColor best = Qt::white;
            for (int dx = -3; dx <= 3; ++dx) {
                for (int dy = -3; dy <= 3; ++dy) {
                    const QColor p = image.pixelColor(c + QPoint(dx, dy));
                    if (p.red() - p.blue() > best.red() - best.blue())
                        best = p;
                }
            }
            return best;
        };
        const TopologyPalette palette = TopologyPalette::fromPalette(QGuiApplication::palette());
        const QColor crossing = strongestNear(QPointF(500, 500));
        QVERIFY2(std::abs(crossing.green() - palette.anomaly.green()) < 40, qPrintable(crossing.name()));
        const QColor degraded = strongestNear(QPointF(250, 750));
        QVERIFY2(degraded.red() - degraded.blue() > 60, qPrintable(degraded.name())); // drawn, orange
        QVERIFY2(degraded.blue() > palette.degraded.blue() + 60, qPrintable(degraded.name())); // but pale
    }

    void layoutRunsOffTheGuiThread()
    {
        Fixture f(AnomalyStartMs - 60'000);
        // setDataset() returns before the layout exists: it runs in the background.
        QVERIFY(f.view.isLayoutPending());
        QVERIFY(f.view.topologyScene()->frame().nodes.empty());
        QVERIFY(f.waitForLayout());
        const TopologyLayout& layout = f.view.topologyScene()->topologyLayout();
        QVERIFY(layout.computedOn != nullptr);
        QVERIFY(layout.computedOn != QThread::currentThreadId());
        QCOMPARE(layout.positions.size(), qsizetype(5));
    }

    void emptyFrameAtTheCursorIsLaidOutOnce()
    {
        // A recording whose last frame has no traffic (the mesh went quiet): at its end the
        // view shows nothing, once, instead of laying the empty graph out again and again.
        auto data = std::make_shared<Dataset>(*smallMesh());
        TopologyFrame quiet;
        quiet.tMs = MeshStartMs + (MeshSamples - 1) * MeshStepMs;
        data->topology.add(quiet);
        TimeWindow window;
        EntitySelection selection;
        TopologyView view(&window, &selection);
        window.reset(data->timeRange());
        view.resize(900, 500);
        view.show();
        QSignalSpy started(&view, &TopologyView::layoutStarted);
        QSignalSpy finished(&view, &TopologyView::layoutFinished);
        view.setDataset(data);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QVERIFY(!view.isLayoutPending());
        QVERIFY(view.topologyScene()->frame().nodes.empty());
        view.updateNow();
        view.updateNow();
        QCOMPARE(started.count(), 1);
        QVERIFY(!view.isLayoutPending());

        // Back where there was traffic, the graph is laid out again.
        window.setCursor(AnomalyStartMs);
        view.updateNow();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 20000);
        QCOMPARE(view.topologyScene()->frame().nodes.size(), std::size_t(5));
    }

    void restyleNeverMovesNodes()
    {
        Fixture f(AnomalyStartMs - 60'000);
        QVERIFY(f.waitForLayout());
        const auto before = positions(f.view.topologyScene());
        QSignalSpy layouts(&f.view, &TopologyView::layoutStarted);
        for (qint64 t = MeshStartMs; t <= MeshStartMs + 600'000; t += 45'000) {
            f.window.setCursor(t);
            f.view.updateNow();
        }
        QCOMPARE(layouts.count(), 0);
        QCOMPARE(positions(f.view.topologyScene()), before);
    }

    void cursorEnteringAnAnomalyLightsTheEdge()
    {
        Fixture f(AnomalyStartMs - 60'000);
        QVERIFY(f.waitForLayout());
        TopologyScene* scene = f.view.topologyScene();
        QCOMPARE(scene->litEdge(AnomalousEdge), nullptr);

        f.window.setCursor(AnomalyStartMs + 30'000);
        // Cursor moves are coalesced: the restyle arrives within a tick.
        QTRY_VERIFY(scene->litEdge(AnomalousEdge) != nullptr);
        const LitEdgeItem* lit = scene->litEdge(AnomalousEdge);
        QCOMPARE(lit->lineColor(), TopologyPalette().anomaly);
        QVERIFY(lit->lineWidth() > edgeWidthForRate(20));
        // Erroring within Kiali's thresholds but not anomalous: the distinct orange.
        const LitEdgeItem* degraded = scene->litEdge(QStringLiteral("frontend->catalog"));
        QVERIFY(degraded);
        QCOMPARE(degraded->lineColor(), TopologyPalette().degraded);

        f.window.setCursor(AnomalyEndMs + 60'000);
        QTRY_COMPARE(scene->litEdge(AnomalousEdge), nullptr);
    }

    void clickingAnEdgeSelectsIt()
    {
        Fixture f(MeshStartMs);
        QVERIFY(f.waitForLayout());
        QSignalSpy changed(&f.selection, &EntitySelection::selectionChanged);
        QTest::mouseClick(f.view.viewport(), Qt::LeftButton, {}, f.viewPosOf(AnomalousEdge));
        QCOMPARE(f.selection.entity(), AnomalousEdge);
        QCOMPARE(changed.count(), 1);

        QTest::mouseClick(f.view.viewport(), Qt::LeftButton, {}, f.viewPosOf(QStringLiteral("cart")));
        QCOMPARE(f.selection.entity(), QStringLiteral("cart"));
    }

    void arrowsWalkBetweenNodes()
    {
        Fixture f(MeshStartMs);
        QVERIFY(f.waitForLayout());
        f.selection.select(QStringLiteral("gateway"));
        f.view.setFocus();
        QTest::keyClick(&f.view, Qt::Key_Right);
        QCOMPARE(f.selection.entity(), QStringLiteral("frontend"));
    }

    void tooltipNamesTheNumbers()
    {
        Fixture f(AnomalyStartMs + 30'000);
        QVERIFY(f.waitForLayout());
        const QString tip = f.view.topologyScene()->toolTipFor(AnomalousEdge);
        QVERIFY2(tip.contains(QStringLiteral("35.00%")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("20.00")), qPrintable(tip));
    }

    void screenshotShowsTheLitEdge()
    {
        Fixture f(AnomalyStartMs + 30'000);
        QVERIFY(f.waitForLayout());
        f.view.updateNow();
        const QImage image = f.view.grab().toImage().convertToFormat(QImage::Format_RGB32);
        QVERIFY(!image.isNull());
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 4) {
            for (int x = 0; x < image.width(); x += 4)
                colours.insert(image.pixel(x, y));
        }
        QVERIFY2(colours.size() > 10, "the topology picture is blank");

        // A third of the way along the anomalous edge (the incident marker sits mid-way)
        // the pixels are red.
        const TopologyScene* scene = f.view.topologyScene();
        const QLineF line(
            scene->nodePosition(QStringLiteral("frontend")), scene->nodePosition(QStringLiteral("cart")));
        const QPoint mid = f.view.mapFromScene(line.pointAt(0.35));
        int red = 0;
        for (int dy = -6; dy <= 6; ++dy) {
            for (int dx = -6; dx <= 6; ++dx) {
                const QColor c = image.pixelColor(mid + QPoint(dx, dy));
                if (c.red() > 180 && c.green() < 120 && c.blue() < 120)
                    ++red;
            }
        }
        QVERIFY2(red > 5, "no anomaly colour where the anomalous edge is");
    }
};

QTEST_MAIN(TestTopologyView)
#include "test_topology_view.moc"
