#include "sim_test_util.h"
#include "test_support.h"

#include "model/meshscope_error.h"
#include "model/signal_names.h"
#include "simulator/fault_spec.h"
#include "simulator/istio_openmetrics.h"
#include "simulator/mesh_generator.h"
#include "simulator/mesh_simulator.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace meshscope;
using namespace meshscope::testing;

namespace {
constexpr qint64 FixedEnd = 1748966400000LL; // 2025-06-03 16:00 UTC (Tuesday)

SimulationOptions smallBookinfo(quint64 seed)
{
    SimulationOptions o;
    o.topology = QStringLiteral("bookinfo");
    o.durationMs = 30 * 60 * 1000LL;
    o.endMs = FixedEnd;
    o.seed = seed;
    return o;
}

QByteArray openMetricsOf(const SimulationResult& result)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    writeIstioOpenMetrics(result, buffer);
    return buffer.data();
}

bool sameSeries(const Dataset& a, const Dataset& b)
{
    if (a.series.seriesCount() != b.series.seriesCount())
        return false;
    for (SeriesId id = 0; id < a.series.seriesCount(); ++id) {
        const SeriesId other = b.series.find(a.series.key(id));
        if (other == InvalidSeries)
            return false;
        const SeriesSpan x = a.series.samples(id);
        const SeriesSpan y = b.series.samples(other);
        if (x.size != y.size || !std::equal(x.values, x.values + x.size, y.values)
            || !std::equal(x.timesMs, x.timesMs + x.size, y.timesMs))
            return false;
    }
    return true;
}
} // namespace

class TestSimulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameSeedGivesIdenticalOutput()
    {
        const SimulationResult a = simulateMesh(smallBookinfo(7));
        const SimulationResult b = simulateMesh(smallBookinfo(7));
        QVERIFY(sameSeries(a.dataset, b.dataset));
        QCOMPARE(groundTruthJson(a), groundTruthJson(b));
        QCOMPARE(openMetricsOf(a), openMetricsOf(b));
        const SimulationResult c = simulateMesh(smallBookinfo(8));
        QVERIFY(!sameSeries(a.dataset, c.dataset));
    }

    void dailyCycleIsVisible()
    {
        SimulationOptions o;
        o.topology = QStringLiteral("boutique");
        o.durationMs = 48 * 3600 * 1000LL;
        o.stepMs = 300000;
        o.endMs = FixedEnd + 8 * 3600 * 1000LL; // Wednesday 00:00 UTC
        o.noFault = true;
        const SimulationResult r = simulateMesh(o);
        const qint64 day = 86400000LL;
        const qint64 wednesday = o.endMs - day; // Tuesday 00:00
        const double peak = meanOver(r.dataset, QStringLiteral("frontend"), SignalName::RequestRate,
            wednesday + 15 * 3600000LL, wednesday + 17 * 3600000LL);
        const double trough = meanOver(r.dataset, QStringLiteral("frontend"), SignalName::RequestRate,
            wednesday + 3 * 3600000LL, wednesday + 5 * 3600000LL);
        QVERIFY2(peak > 2.5 * trough, qPrintable(QStringLiteral("peak %1 trough %2").arg(peak).arg(trough)));
        // CPU follows the traffic.
        const double cpuPeak = meanOver(r.dataset, QStringLiteral("frontend"), SignalName::Cpu,
            wednesday + 15 * 3600000LL, wednesday + 17 * 3600000LL);
        const double cpuTrough = meanOver(r.dataset, QStringLiteral("frontend"), SignalName::Cpu,
            wednesday + 3 * 3600000LL, wednesday + 5 * 3600000LL);
        QVERIFY(cpuPeak > 1.5 * cpuTrough);
        QVERIFY(r.truth.empty());
        QVERIFY(groundTruthJson(r).contains("\"fault\": \"none\""));
    }

    void aLargeRandomMeshIsMostlyHealthy()
    {
        // The gateway routes each request once and requests fan out about once per layer,
        // so a healthy 400-service mesh does not fail most requests through compounding.
        const SimMesh mesh = MeshGenerator::random(400, 6, 3);
        double gatewayShares = 0;
        for (const SimCall& c : mesh.calls) {
            if (c.from == 0)
                gatewayShares += c.callsPerRequest;
        }
        QVERIFY(std::abs(gatewayShares - 1.0) < 1e-9);
        SimulationOptions o;
        o.topology = QStringLiteral("random");
        o.services = 400;
        o.namespaces = 6;
        o.seed = 3;
        o.durationMs = 10 * 60 * 1000LL;
        o.endMs = FixedEnd;
        o.noFault = true;
        const SimulationResult r = simulateMesh(o);
        const QString gateway = mesh.services.front().name;
        const double gatewayErrors
            = meanOver(r.dataset, gateway, SignalName::ErrorRatio, o.endMs - o.durationMs, o.endMs + 1);
        QVERIFY2(gatewayErrors < 0.02, qPrintable(QString::number(gatewayErrors)));
        int errorFree = 0;
        for (const SimService& s : mesh.services)
            errorFree += s.baseErrorRatio == 0 ? 1 : 0;
        QVERIFY2(errorFree > 100, qPrintable(QString::number(errorFree)));
    }

    void weekendsAreQuieter()
    {
        const qint64 tuesday = FixedEnd; // Tuesday 16:00
        const qint64 saturday = tuesday + 4 * 86400000LL; // Saturday 16:00
        QVERIFY(TrafficModel::trafficCycle(saturday) < 0.8 * TrafficModel::trafficCycle(tuesday));
    }

    void signalsAndPrecision()
    {
        SimulationOptions o = smallBookinfo(1);
        o.noFault = true;
        const SimulationResult r = simulateMesh(o);
        const Dataset& d = r.dataset;
        for (const QString& signal :
            {SignalName::RequestRate, SignalName::ErrorRatio, SignalName::LatencyP50, SignalName::LatencyP90,
                SignalName::LatencyP95, SignalName::LatencyP99, SignalName::LatencyAvg})
            QVERIFY2(d.series.find({QStringLiteral("productpage-v1->reviews-v2"), signal}) != InvalidSeries,
                qPrintable(signal));
        QVERIFY(d.series.find({QStringLiteral("reviews-v2"), SignalName::Cpu}) != InvalidSeries);
        QVERIFY(d.series.find({QStringLiteral("reviews-v2"), SignalName::Memory}) != InvalidSeries);
        QVERIFY(
            d.series.find({QStringLiteral("ratings-v1->mongodb-v1"), SignalName::TcpSent}) != InvalidSeries);
        QVERIFY(d.series.find({QStringLiteral("ratings-v1->mongodb-v1"), SignalName::TcpReceived})
            != InvalidSeries);
        QVERIFY(d.series.find({QStringLiteral("ratings-v1->mongodb-v1"), SignalName::RequestRate})
            == InvalidSeries);
        const SeriesSpan p50
            = d.series.samples(d.series.find({QStringLiteral("reviews-v2"), SignalName::LatencyP50}));
        const SeriesSpan p99
            = d.series.samples(d.series.find({QStringLiteral("reviews-v2"), SignalName::LatencyP99}));
        QCOMPARE(p50.size, r.timesMs.size());
        for (std::size_t i = 0; i < p50.size; ++i) {
            QVERIFY(p99.values[i] > p50.values[i]);
            QCOMPARE(std::round(p50.values[i] * 100) / 100, p50.values[i]);
        }
        const SeriesSpan rate
            = d.series.samples(d.series.find({QStringLiteral("productpage-v1"), SignalName::RequestRate}));
        QCOMPARE(std::round(rate.values[3] * 1000) / 1000, rate.values[3]);
        QCOMPARE(rate.timesMs[0], FixedEnd - 30 * 60000 + 15000);
        QCOMPARE(rate.timesMs[rate.size - 1], FixedEnd);
        // Latency adds up the call chain: the page is slower than what it calls.
        const double page
            = meanOver(d, QStringLiteral("productpage-v1"), SignalName::LatencyAvg, 0, FixedEnd);
        const double reviews = meanOver(d, QStringLiteral("reviews-v2"), SignalName::LatencyAvg, 0, FixedEnd);
        const double ratings = meanOver(d, QStringLiteral("ratings-v1"), SignalName::LatencyAvg, 0, FixedEnd);
        QVERIFY(page > reviews && reviews > ratings);
    }

    void topologyFrame()
    {
        const SimulationResult r = simulateMesh(smallBookinfo(1));
        QCOMPARE(r.dataset.topology.frames().size(), std::size_t(1));
        const TopologyFrame& f = r.dataset.topology.frames().front();
        QCOMPARE(f.nodes.size(), std::size_t(8));
        QCOMPARE(f.edges.size(), std::size_t(8));
        const TopologyNode* gateway = f.node(QStringLiteral("istio-ingressgateway"));
        QVERIFY(gateway && gateway->isRoot);
        QCOMPARE(f.node(QStringLiteral("reviews-v3"))->version, QStringLiteral("v3"));
        QCOMPARE(f.node(QStringLiteral("reviews-v3"))->app, QStringLiteral("reviews"));
        QCOMPARE(f.namespaces(), (QStringList {QStringLiteral("bookinfo"), QStringLiteral("istio-system")}));
    }

    void randomMeshSizes_data()
    {
        QTest::addColumn<int>("services");
        QTest::addColumn<int>("namespaces");
        QTest::newRow("tiny") << 2 << 1;
        QTest::newRow("small") << 12 << 2;
        QTest::newRow("medium") << 60 << 4;
        QTest::newRow("large") << 500 << 10;
    }
    void randomMeshSizes()
    {
        QFETCH(int, services);
        QFETCH(int, namespaces);
        const SimMesh mesh = MeshGenerator::random(services, namespaces, 5);
        QCOMPARE(static_cast<int>(mesh.services.size()), services + 1);
        QSet<QString> names;
        QSet<QString> nss;
        for (std::size_t i = 0; i < mesh.services.size(); ++i) {
            names.insert(mesh.services[i].name);
            nss.insert(mesh.services[i].ns);
            if (!mesh.services[i].isRoot)
                QVERIFY2(!mesh.inCalls[i].empty(),
                    qPrintable(mesh.services[i].name + QStringLiteral(" has no caller")));
        }
        QCOMPARE(names.size(), services + 1);
        QCOMPARE(nss.size(), namespaces + 1); // plus istio-system
        for (const SimCall& c : mesh.calls)
            QVERIFY(
                mesh.depth[static_cast<std::size_t>(c.to)] > mesh.depth[static_cast<std::size_t>(c.from)]);
        if (services >= 60) {
            const double outDegree = static_cast<double>(mesh.calls.size()) / services;
            QVERIFY2(outDegree > 2.0 && outDegree < 4.0, qPrintable(QString::number(outDegree)));
            QVERIFY(*std::max_element(mesh.depth.begin(), mesh.depth.end()) >= 3);
        }
        const SimMesh again = MeshGenerator::random(services, namespaces, 5);
        QCOMPARE(again.calls.size(), mesh.calls.size());
    }

    void faultSpecParsing_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("target");
        QTest::addColumn<qint64>("onset");
        QTest::addColumn<qint64>("duration");
        QTest::newRow("type only") << QStringLiteral("latency") << int(FaultType::Latency)
                                   << QStringLiteral("") << qint64(-1) << qint64(-1);
        QTest::newRow("full") << QStringLiteral("outage:redis-cart@2h30m+20m")
                              << int(FaultType::DependencyOutage) << QStringLiteral("redis-cart")
                              << qint64(9000000) << qint64(1200000);
        QTest::newRow("alias seconds") << QStringLiteral("cpu@3600+90") << int(FaultType::Saturation)
                                       << QStringLiteral("") << qint64(3600000) << qint64(90000);
        QTest::newRow("deploy") << QStringLiteral("bad-deploy:reviews-v2+10m") << int(FaultType::BadDeploy)
                                << QStringLiteral("reviews-v2") << qint64(-1) << qint64(600000);
        QTest::newRow("drop") << QStringLiteral("traffic_drop:frontend@1h") << int(FaultType::TrafficDrop)
                              << QStringLiteral("frontend") << qint64(3600000) << qint64(-1);
    }
    void faultSpecParsing()
    {
        QFETCH(QString, text);
        const FaultSpec spec = parseFaultSpec(text);
        QTEST(int(spec.type), "type");
        QTEST(spec.target, "target");
        QTEST(spec.onsetOffsetMs, "onset");
        QTEST(spec.durationMs, "duration");
    }

    void badInputIsRefused_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::newRow("unknown type") << QStringLiteral("meltdown");
        QTest::newRow("unknown service") << QStringLiteral("latency:nosuchservice");
        QTest::newRow("onset outside") << QStringLiteral("latency@2h");
        QTest::newRow("bad duration") << QStringLiteral("latency+abc");
    }
    void badInputIsRefused()
    {
        QFETCH(QString, fault);
        SimulationOptions o = smallBookinfo(1);
        bool thrown = false;
        try {
            o.faults.push_back(parseFaultSpec(fault));
            simulateMesh(o);
        } catch (const MeshscopeError& e) {
            thrown = true;
            QVERIFY(!e.message().isEmpty());
        }
        QVERIFY(thrown);
    }

    void defaultFaultAndTruth()
    {
        SimulationOptions o = smallBookinfo(3);
        const SimulationResult r = simulateMesh(o);
        QCOMPARE(r.truth.size(), std::size_t(1));
        const FaultTruth& t = r.truth.front();
        QVERIFY(r.mesh.indexOf(t.rootCause) > 0);
        QCOMPARE(t.onsetMs, r.startMs + 20 * 60000);
        QVERIFY(t.affected.contains(t.rootCause));
        const QJsonObject json = QJsonDocument::fromJson(groundTruthJson(r)).object();
        QCOMPARE(json.value(QStringLiteral("root_cause")).toString(), t.rootCause);
        QCOMPARE(json.value(QStringLiteral("inject_time")).toInteger(), t.onsetMs / 1000);
        QCOMPARE(json.value(QStringLiteral("faults")).toArray().size(), 1);
        QCOMPARE(json.value(QStringLiteral("system")).toString(), QStringLiteral("bookinfo"));
    }

    void demoIsFixed()
    {
        const SimulationOptions demo = SimulationOptions::demo();
        const SimulationResult r = simulateMesh(demo);
        QCOMPARE(r.options.endMs, FixedEnd);
        QCOMPARE(r.truth.front().rootCause, QStringLiteral("cartservice"));
        QVERIFY(r.truth.front().affected.contains(QStringLiteral("frontend")));
        QVERIFY(r.truth.front().affected.contains(QStringLiteral("checkoutservice")));
    }
};

QTEST_GUILESS_MAIN(TestSimulator)
#include "test_simulator.moc"
