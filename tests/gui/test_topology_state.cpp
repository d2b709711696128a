#include "gui_test_data.h"

#include "model/signal_names.h"
#include "topology/topology_state.h"

#include <QTest>

#include <algorithm>

using namespace meshscope;
using namespace meshscope::testing;

class TestTopologyState : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void kialiThresholds_data()
    {
        QTest::addColumn<double>("errorRatio");
        QTest::addColumn<double>("clientErrorShare");
        QTest::addColumn<int>("expected");
        QTest::newRow("clean") << 0.0 << 0.0 << int(KialiHealth::Healthy);
        QTest::newRow("background 5xx is healthy") << 0.001 << 0.0 << int(KialiHealth::Healthy);
        QTest::newRow("1% 5xx is degraded") << 0.01 << 0.0 << int(KialiHealth::Degraded);
        QTest::newRow("5xx at 10% still degraded") << 0.10 << 0.0 << int(KialiHealth::Degraded);
        QTest::newRow("5xx above 10% fails") << 0.11 << 0.0 << int(KialiHealth::Failure);
        QTest::newRow("4xx at 5% healthy") << 0.0 << 0.05 << int(KialiHealth::Healthy);
        QTest::newRow("4xx above 10% degraded") << 0.0 << 0.15 << int(KialiHealth::Degraded);
        QTest::newRow("4xx above 20% fails") << 0.0 << 0.25 << int(KialiHealth::Failure);
    }
    void kialiThresholds()
    {
        QFETCH(double, errorRatio);
        QFETCH(double, clientErrorShare);
        QFETCH(int, expected);
        TopologyEdge edge;
        edge.ratesByCode[QStringLiteral("200")] = 100.0 * (1 - clientErrorShare);
        if (clientErrorShare > 0)
            edge.ratesByCode[QStringLiteral("404")] = 100.0 * clientErrorShare;
        QCOMPARE(int(kialiHealth(edge, errorRatio)), expected);
    }

    void tcpEdgesHaveNoRequestHealth()
    {
        TopologyEdge edge;
        edge.protocol = QStringLiteral("tcp");
        QCOMPARE(kialiHealth(edge, 0.5), KialiHealth::Unknown);
    }

    void cursorInsideAnomalyLightsTheEdge()
    {
        const auto data = smallMesh();
        TopologyStateBuilder builder(data);
        const TopologyFrame& frame = data->topology.frames().front();
        const auto row = static_cast<std::size_t>(1); // frontend->cart
        QCOMPARE(frame.edges[row].entity(), AnomalousEdge);

        const TopologyState before = builder.stateAt(frame, AnomalyStartMs - 60'000);
        QVERIFY(!before.edges[row].isAnomalous());
        QVERIFY(!before.edges[row].isLit());
        QCOMPARE(before.edges[row].health, KialiHealth::Healthy);

        const TopologyState during = builder.stateAt(frame, AnomalyStartMs + 30'000);
        QCOMPARE(during.edges[row].anomalySignificance, 90.0);
        QVERIFY(during.edges[row].inOpenIncident);
        QCOMPARE(during.edges[row].errorRatio, 0.35);
        QCOMPARE(during.edges[row].health, KialiHealth::Failure);
        QVERIFY(during.nodes[2].rootCause); // cart, the destination of the ranked edge
        // frontend->catalog errs a little but has no anomaly: degraded, not anomalous.
        QCOMPARE(during.edges[2].health, KialiHealth::Degraded);
        QVERIFY(!during.edges[2].isAnomalous());

        const TopologyState after = builder.stateAt(frame, AnomalyEndMs + 60'000);
        QVERIFY(!after.edges[row].isLit());
        QVERIFY(!after.nodes[2].rootCause);
    }

    void kialiVerdictWinsOverComputedHealth()
    {
        auto data = std::make_shared<Dataset>(*smallMesh());
        TopologyFrame frame = data->topology.frames().front();
        const TopologyState computed = TopologyStateBuilder(data).stateAt(frame, AnomalyStartMs + 30'000);
        QCOMPARE(computed.nodes[2].health, KialiHealth::Failure); // cart, behind the failing edge
        QVERIFY(!computed.nodes[2].healthFromKiali);

        frame.nodes[2].kialiHealth = QStringLiteral("Healthy"); // Kiali's tolerances say otherwise
        frame.nodes[0].kialiHealth = QStringLiteral("Degraded"); // and see what our rates cannot
        frame.nodes[1].kialiHealth = QStringLiteral("Not Ready");
        const TopologyState judged = TopologyStateBuilder(data).stateAt(frame, AnomalyStartMs + 30'000);
        QCOMPARE(judged.nodes[2].health, KialiHealth::Healthy);
        QVERIFY(judged.nodes[2].healthFromKiali);
        QVERIFY(judged.nodes[2].rootCause); // the verdict changes the health only
        QCOMPARE(judged.nodes[0].health, KialiHealth::Degraded);
        QVERIFY(judged.nodes[0].isLit());
        QCOMPARE(judged.nodes[1].health, KialiHealth::Unknown);
        QCOMPARE(judged.edges, computed.edges); // edges keep the thresholds on their own rates
    }

    void aLaterFrameOfTheSameShapeGivesVerdictsAndNumbers()
    {
        // The scene keeps the frame it laid out; a later poll's frame has the same nodes
        // and edges in another order, a new Kiali verdict and new numbers of its own.
        auto data = std::make_shared<Dataset>(*smallMesh());
        const TopologyFrame laidOut = data->topology.frames().front();
        TopologyFrame later = laidOut;
        std::reverse(later.nodes.begin(), later.nodes.end());
        std::reverse(later.edges.begin(), later.edges.end());
        later.nodes.back().kialiHealth = QStringLiteral("Degraded"); // laidOut.nodes[0]
        later.edges.front().requestRate = 33; // laidOut.edges[3], the tcp edge without series
        const TopologyStateBuilder builder(data);
        const qint64 t = MeshStartMs + 5 * MeshStepMs + 1;
        const TopologyState stale = builder.stateAt(laidOut, t);
        const TopologyState state = builder.stateAt(laidOut, t, &later);
        QCOMPARE(stale.nodes[0].health == KialiHealth::Degraded, false);
        QCOMPARE(state.nodes[0].health, KialiHealth::Degraded);
        QVERIFY(state.nodes[0].healthFromKiali);
        QCOMPARE(stale.edges[3].requestRate, 20.0);
        QCOMPARE(state.edges[3].requestRate, 33.0);
        QCOMPARE(state.edges[0].requestRate, 50.0); // series still win, in the laid-out order
    }

    void healthJudgesTheLastMinuteLikeKiali()
    {
        // One scrape with 2% errors after a clean minute is a single failed request at
        // low traffic, not a degraded edge; 2% all minute long is.
        const auto data = std::make_shared<Dataset>(*smallMesh());
        const TopologyFrame frame = data->topology.frames().front();
        const qint64 cursor = MeshStartMs + 12 * MeshStepMs;
        const auto errorsUntil = [&](qint64 spikeFrom) {
            auto copy = std::make_shared<Dataset>(*data);
            const SeriesId id = copy->series.ensureSeries({QStringLiteral("gateway->frontend"), SignalName::ErrorRatio});
            for (int i = 0; i <= 12; ++i) {
                const qint64 t = MeshStartMs + i * MeshStepMs;
                copy->series.append(id, t, t >= spikeFrom ? 0.02 : 0.0);
            }
            return TopologyStateBuilder(copy).stateAt(frame, cursor).edges[0];
        };
        const EdgeState spike = errorsUntil(cursor);
        QCOMPARE(spike.errorRatio, 0.02); // the numbers stay those of the cursor's sample
        QCOMPARE(spike.health, KialiHealth::Healthy);
        const EdgeState sustained = errorsUntil(cursor - TopologyStateBuilder::HealthWindowMs);
        QCOMPARE(sustained.health, KialiHealth::Degraded);
    }

    void ratesComeFromTheSeriesAtTheCursor()
    {
        const auto data = smallMesh();
        TopologyStateBuilder builder(data);
        const TopologyFrame& frame = data->topology.frames().front();
        const TopologyState state = builder.stateAt(frame, MeshStartMs + 5 * MeshStepMs + 1);
        QCOMPARE(state.edges[0].requestRate, 50.0);
        // The tcp edge has no series: the frame's own numbers are used.
        QCOMPARE(state.edges[3].requestRate, 20.0);
    }
};

QTEST_GUILESS_MAIN(TestTopologyState)
#include "test_topology_state.moc"
