// Find/hide expressions on the topology, and fresh findings restyling without a new layout.

#include "gui_test_data.h"

#include "models/entity_selection.h"
#include "models/time_window.h"
#include "topology/lit_edge_item.h"
#include "topology/topology_view.h"

#include <QSignalSpy>
#include <QTest>

using namespace meshscope;
using namespace meshscope::testing;

class TestTopologyFind : public QObject
{
    Q_OBJECT

private:
    struct Fixture
    {
        TimeWindow window;
        EntitySelection selection;
        TopologyView view {&window, &selection};

        explicit Fixture(std::shared_ptr<const Dataset> data, qint64 cursorMs)
        {
            window.reset(data->timeRange());
            window.setCursor(cursorMs);
            view.resize(900, 500);
            view.show();
            view.setDataset(std::move(data));
        }
        bool waitForLayout()
        {
            return QTest::qWaitFor([this] { return !view.isUpdatePending() && !view.topologyScene()->frame().nodes.empty(); }, 20000);
        }
    };

private Q_SLOTS:
    void findMatches_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QStringList>("matching");
        QTest::addColumn<QStringList>("notMatching");
        QTest::newRow("name") << QStringLiteral("node and name ~ cart") << QStringList {QStringLiteral("cart")}
                              << QStringList {QStringLiteral("frontend"), AnomalousEdge};
        QTest::newRow("anomalous edges") << QStringLiteral("edge and anomalous") << QStringList {AnomalousEdge}
                                         << QStringList {QStringLiteral("frontend->catalog"), QStringLiteral("cart")};
        QTest::newRow("empty") << QString() << QStringList() << QStringList {QStringLiteral("cart"), AnomalousEdge};
    }

    void findMatches()
    {
        QFETCH(QString, expression);
        QFETCH(QStringList, matching);
        QFETCH(QStringList, notMatching);
        Fixture f(smallMesh(), AnomalyStartMs + 30'000);
        QVERIFY(f.waitForLayout());
        f.view.updateNow();
        TopologyScene* scene = f.view.topologyScene();
        const FindExpression find = FindExpression::parse(expression);
        QVERIFY(find.isValid());
        scene->setFind(find, FindMode::Find);
        for (const QString& entity : matching)
            QVERIFY2(scene->isFindMatch(entity), qPrintable(entity));
        for (const QString& entity : notMatching)
            QVERIFY2(!scene->isFindMatch(entity), qPrintable(entity));
        QCOMPARE(scene->findMatchCount(), static_cast<int>(matching.size()));
    }

    void hideHidesLitEdgesOfHiddenNodes()
    {
        Fixture f(smallMesh(), AnomalyStartMs + 30'000);
        QVERIFY(f.waitForLayout());
        f.view.updateNow();
        TopologyScene* scene = f.view.topologyScene();
        QVERIFY(scene->litEdge(AnomalousEdge));
        QVERIFY(scene->litEdge(AnomalousEdge)->isVisible());
        const int generation = scene->staticLayerGeneration();
        scene->setFind(FindExpression::parse(QStringLiteral("name = cart")), FindMode::Hide);
        QVERIFY(!scene->litEdge(AnomalousEdge)->isVisible());
        QVERIFY(scene->staticLayerGeneration() > generation);
        scene->setFind(FindExpression(), FindMode::Hide);
        QVERIFY(scene->litEdge(AnomalousEdge)->isVisible());
    }

    void freshFindingsRestyleWithoutLayout()
    {
        // The same mesh without its stored anomaly: nothing lit until findings arrive.
        auto bare = std::make_shared<Dataset>(*smallMesh());
        bare->anomalies.clear();
        bare->incidents.clear();
        Fixture f(bare, AnomalyStartMs + 30'000);
        QVERIFY(f.waitForLayout());
        f.view.updateNow();
        QVERIFY(!f.view.topologyScene()->litEdge(AnomalousEdge)
            || f.view.topologyScene()->litEdge(AnomalousEdge)->lineColor() != TopologyPalette().anomaly);
        QSignalSpy layouts(&f.view, &TopologyView::layoutStarted);
        f.view.updateDataset(smallMesh());
        QVERIFY(f.view.isUpdatePending()); // prepared off the GUI thread
        QTRY_VERIFY(!f.view.isUpdatePending());
        QVERIFY(f.view.topologyScene()->litEdge(AnomalousEdge));
        QCOMPARE(f.view.topologyScene()->litEdge(AnomalousEdge)->lineColor(), TopologyPalette().anomaly);
        QCOMPARE(layouts.count(), 0);
    }
};

QTEST_MAIN(TestTopologyFind)
#include "test_topology_find.moc"
