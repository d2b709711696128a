// The Prometheus client, golden signals and the rebuilt topology against Debian's real
// Prometheus, backfilled with promtool from a synthetic Istio mesh whose signals are
// known exactly; basic auth and TLS through Prometheus' own --web.config.file; the CLI.
#include "prometheus_harness.h"
#include "synthetic_istio.h"
#include "test_support.h"

#include "live/connection_error.h"
#include "live/istio_topology_builder.h"
#include "live/mesh_poller.h"
#include "recording/recording.h"
#include "simulator/istio_openmetrics.h"
#include "simulator/mesh_simulator.h"

#include <QBuffer>
#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace meshscope;
using namespace meshscope::testing;

namespace {
// bcrypt of "meshscope-test-pw" (cost 4), precomputed so no tool is needed at test time.
const QByteArray BcryptOfTestPassword = "$2b$04$FDx91ckuC.z9vcXggyWcPeKJZN5JkHynFrAHtPLBfWFr2IYDMJsFu";

const SeriesBatch* findSeries(const MeshSnapshot& snapshot, const QString& entity, const QString& signal)
{
    for (const SeriesBatch& batch : snapshot.series) {
        if (batch.key.entity == entity && batch.key.signal == signal)
            return &batch;
    }
    return nullptr;
}

bool allNear(const SeriesBatch* batch, double expected, double tolerance = 1e-6)
{
    if (!batch || batch->values.empty())
        return false;
    for (double value : batch->values) {
        if (std::abs(value - expected) > tolerance * std::max(1.0, std::abs(expected)))
            return false;
    }
    return true;
}

QString describe(const SeriesBatch* batch)
{
    if (!batch)
        return QStringLiteral("missing");
    return QStringLiteral("%1 samples, first %2, last %3")
        .arg(batch->values.size())
        .arg(batch->values.empty() ? 0 : batch->values.front())
        .arg(batch->values.empty() ? 0 : batch->values.back());
}
} // namespace

class TestLivePrometheus : public QObject
{
    Q_OBJECT
private:
    PrometheusHarness m_prometheus;
    SyntheticMesh m_mesh;
    QTemporaryDir m_tmp;

    ConnectionProfile profile() const
    {
        ConnectionProfile profile;
        profile.prometheus.url = m_prometheus.url();
        profile.prometheus.timeoutMs = 10000;
        profile.pollIntervalS = 15;
        profile.rateWindowS = 60;
        return profile;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!PrometheusHarness::available())
            QSKIP("/usr/bin/prometheus or /usr/bin/promtool is not installed");
        m_mesh = SyntheticMesh::recentSmall();
        QString error;
        QVERIFY2(m_prometheus.start(m_mesh.openMetrics(), &error), qPrintable(error));
    }

    void connectionTestAndMetadata()
    {
        PrometheusClient client(profile().prometheus);
        QVERIFY(client.buildInfo().version.startsWith(QLatin1Char('2')));
        const qint64 start = m_mesh.startS * 1000;
        const qint64 end = m_mesh.endS * 1000;
        QVERIFY(client.labels({}, start, end).contains(QStringLiteral("destination_workload")));
        const QStringList namespaces = client.labelValues(QStringLiteral("destination_workload_namespace"),
            {QStringLiteral("istio_requests_total")}, start, end);
        QCOMPARE(namespaces, (QStringList {QStringLiteral("billing"), QStringLiteral("shop")}));
        const auto series = client.series(
            {QStringLiteral("istio_requests_total{destination_workload=\"cart\"}")}, start, end);
        QCOMPARE(int(series.size()), 4); // two reporters x two response codes
        QVERIFY(client.alerts().empty());
    }

    void badPromqlIsExplained()
    {
        PrometheusClient client(profile().prometheus);
        try {
            client.query(QStringLiteral("sum(rate(istio_requests_total[1m]"), m_mesh.endS * 1000);
            QFAIL("no error");
        } catch (const ConnectionError& error) {
            QCOMPARE(error.failure(), ConnectionFailure::BadQuery);
            QVERIFY2(error.message().contains(QStringLiteral("bad_data")), qPrintable(error.message()));
        }
    }

    void goldenSignalsMatchTheTruth()
    {
        MeshPoller poller(profile());
        const qint64 from = (m_mesh.startS + 600) * 1000;
        const qint64 to = (m_mesh.endS - 300) * 1000;
        const MeshSnapshot snapshot = poller.fetch(from, to, false);
        const std::size_t expectedPoints = std::size_t((to - from) / 15000 + 1);
        const auto check = [&](const QString& entity, const QString& signal, double expected) {
            const SeriesBatch* batch = findSeries(snapshot, entity, signal);
            QVERIFY2(allNear(batch, expected),
                qPrintable(entity + QLatin1Char('/') + signal + QStringLiteral(": ") + describe(batch)));
            QCOMPARE(batch->timesMs.size(), expectedPoints);
        };
        check(QStringLiteral("unknown->frontend"), QStringLiteral("request_rate"), 10);
        check(QStringLiteral("frontend->cart"), QStringLiteral("request_rate"),
            6); // not doubled by two reporters
        check(QStringLiteral("frontend->cart"), QStringLiteral("error_ratio"), 0.25);
        check(QStringLiteral("frontend->catalog"), QStringLiteral("error_ratio"), 0);
        check(QStringLiteral("frontend->catalog"), QStringLiteral("latency_p95_ms"),
            SyntheticMesh::expectedQuantileMs(0.95, true));
        check(QStringLiteral("frontend->cart"), QStringLiteral("latency_p50_ms"),
            SyntheticMesh::expectedQuantileMs(0.5, false));
        check(QStringLiteral("frontend->cart"), QStringLiteral("latency_p99_ms"),
            SyntheticMesh::expectedQuantileMs(0.99, false));
        check(QStringLiteral("cart"), QStringLiteral("request_rate"), 6);
        check(QStringLiteral("cart"), QStringLiteral("error_ratio"), 0.25);
        check(QStringLiteral("cart->shop/db"), QStringLiteral("request_rate"), 3);
        check(QStringLiteral("cart->billing/db"), QStringLiteral("request_rate"), 2);
        check(QStringLiteral("catalog->redis"), QStringLiteral("tcp_sent_bytes"), 500);
        check(QStringLiteral("catalog->redis"), QStringLiteral("tcp_received_bytes"), 1000);
        QVERIFY(snapshot.warnings.isEmpty());
    }

    void topologyIsRebuiltFromIstioMetrics()
    {
        MeshPoller poller(profile());
        const TopologyFrame frame = poller.topologyFromPrometheus((m_mesh.endS - 300) * 1000);
        QStringList nodes;
        for (const TopologyNode& node : frame.nodes)
            nodes << node.name;
        nodes.sort();
        QCOMPARE(nodes,
            (QStringList {QStringLiteral("billing/db"), QStringLiteral("cart"), QStringLiteral("catalog"),
                QStringLiteral("frontend"), QStringLiteral("redis"), QStringLiteral("shop/db"),
                QStringLiteral("unknown")}));
        QCOMPARE(int(frame.edges.size()), 6);
        for (const TopologyEdge& edge : frame.edges) {
            const QString entity = edge.entity();
            if (entity == QLatin1String("frontend->cart")) {
                QCOMPARE(edge.requestRate, 6.0);
                QCOMPARE(edge.errorRatio, 0.25);
                QCOMPARE(edge.ratesByCode.at(QStringLiteral("500")), 1.5);
            } else if (entity == QLatin1String("catalog->redis")) {
                QCOMPARE(edge.protocol, QStringLiteral("tcp"));
                QCOMPARE(edge.requestRate, 500.0);
            } else if (entity == QLatin1String("unknown->frontend")) {
                QCOMPARE(edge.requestRate, 10.0);
            }
        }
        const TopologyNode* frontend = frame.node(QStringLiteral("frontend"));
        QVERIFY(frontend);
        QCOMPARE(frontend->id, IstioTopologyBuilder::hashId(QStringLiteral("wl_Kubernetes_shop_frontend")));
        QVERIFY(frame.node(QStringLiteral("unknown"))->isRoot);
    }

    void simulatedMeshMatchesTheSimulatorsSignals()
    {
        // The simulator's raw Istio metrics, backfilled into a second Prometheus: what
        // meshscope reads back must match the golden signals the simulator recorded.
        SimulationOptions options;
        options.topology = QStringLiteral("bookinfo");
        options.durationMs = 3600 * 1000LL;
        options.noFault = true;
        const SimulationResult simulation = simulateMesh(options);
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        writeIstioOpenMetrics(simulation, buffer);
        PrometheusHarness simulated;
        QString error;
        QVERIFY2(simulated.start(buffer.data(), &error), qPrintable(error));

        ConnectionProfile p = profile();
        p.prometheus.url = simulated.url();
        MeshPoller poller(p);
        const qint64 from = simulation.startMs + 10 * 60000;
        const qint64 to = simulation.timesMs.back() - 5 * 60000;
        const MeshSnapshot snapshot = poller.fetch(from, to, true);
        QVERIFY(!snapshot.frames.empty());
        const TopologyFrame& frame = snapshot.frames.front();
        const TopologyFrame truth = simulation.dataset.topology.merged();
        QStringList mine;
        for (const TopologyEdge& edge : frame.edges)
            mine << edge.entity();
        int compared = 0;
        for (const TopologyEdge& edge : truth.edges) {
            QVERIFY2(mine.contains(edge.entity()),
                qPrintable(edge.entity() + QStringLiteral(" missing from ") + mine.join(QLatin1Char(' '))));
            const SeriesId id
                = simulation.dataset.series.find(SeriesKey {edge.entity(), QStringLiteral("request_rate")});
            const SeriesBatch* batch = findSeries(snapshot, edge.entity(), QStringLiteral("request_rate"));
            if (id == InvalidSeries || !batch)
                continue;
            const SeriesSpan expected = simulation.dataset.series.range(id, from, to);
            double expectedMean = 0;
            for (std::size_t i = 0; i < expected.size; ++i)
                expectedMean += expected.values[i] / double(expected.size);
            double mean = 0;
            for (double value : batch->values)
                mean += value / double(batch->values.size());
            QVERIFY2(std::abs(mean - expectedMean) <= 0.05 * expectedMean + 1e-3,
                qPrintable(QStringLiteral("%1: %2 vs %3").arg(edge.entity()).arg(mean).arg(expectedMean)));
            ++compared;
        }
        QVERIFY(compared >= 3);
    }

    void basicAuthThroughWebConfig()
    {
        PrometheusHarness secured;
        QString error;
        QVERIFY2(secured.start({}, &error, "basic_auth_users:\n  alice: " + BcryptOfTestPassword + "\n"),
            qPrintable(error));
        EndpointSettings settings;
        settings.url = secured.url();
        settings.timeoutMs = 5000;
        try {
            PrometheusClient(settings).buildInfo();
            QFAIL("no error without credentials");
        } catch (const ConnectionError& e) {
            QCOMPARE(e.failure(), ConnectionFailure::Unauthorized);
            QVERIFY2(e.message().contains(QStringLiteral("requires credentials")), qPrintable(e.message()));
        }
        settings.auth.kind = EndpointAuth::Kind::Basic;
        settings.auth.username = QStringLiteral("alice");
        settings.auth.password = QStringLiteral("not-the-password-77");
        try {
            PrometheusClient(settings).buildInfo();
            QFAIL("no error with a wrong password");
        } catch (const ConnectionError& e) {
            QCOMPARE(e.failure(), ConnectionFailure::Unauthorized);
            QVERIFY(!e.message().contains(settings.auth.password));
        }
        settings.auth.password = QStringLiteral("meshscope-test-pw");
        PrometheusClient client(settings);
        QVERIFY(!client.buildInfo().version.isEmpty());
    }

    void tlsWithASelfSignedCa()
    {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            QSKIP("openssl is not installed: cannot make a test CA");
        const QString dir = m_tmp.path();
        auto run = [&](const QStringList& arguments) {
            QProcess process;
            process.setWorkingDirectory(dir);
            process.start(openssl, arguments);
            return process.waitForFinished(60000) && process.exitCode() == 0;
        };
        QFile ext(dir + QStringLiteral("/san.ext"));
        QVERIFY(ext.open(QIODevice::WriteOnly));
        ext.write("subjectAltName=IP:127.0.0.1\n");
        ext.close();
        QVERIFY(run({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
            QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
            QStringLiteral("ca.key"), QStringLiteral("-out"), QStringLiteral("ca.crt"),
            QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
            QStringLiteral("/CN=meshscope test CA")}));
        QVERIFY(run({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
            QStringLiteral("-nodes"), QStringLiteral("-keyout"), QStringLiteral("server.key"),
            QStringLiteral("-out"), QStringLiteral("server.csr"), QStringLiteral("-subj"),
            QStringLiteral("/CN=127.0.0.1")}));
        QVERIFY(run({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
            QStringLiteral("server.csr"), QStringLiteral("-CA"), QStringLiteral("ca.crt"),
            QStringLiteral("-CAkey"), QStringLiteral("ca.key"), QStringLiteral("-CAcreateserial"),
            QStringLiteral("-out"), QStringLiteral("server.crt"), QStringLiteral("-days"),
            QStringLiteral("2"), QStringLiteral("-extfile"), QStringLiteral("san.ext")}));

        PrometheusHarness secured;
        QString error;
        const QByteArray webConfig
            = "tls_server_config:\n  cert_file: " + (dir + QStringLiteral("/server.crt")).toUtf8()
            + "\n  key_file: " + (dir + QStringLiteral("/server.key")).toUtf8() + "\n";
        QVERIFY2(secured.start({}, &error, webConfig), qPrintable(error));
        QCOMPARE(secured.url().scheme(), QStringLiteral("https"));

        EndpointSettings settings;
        settings.url = secured.url();
        settings.timeoutMs = 5000;
        try {
            PrometheusClient(settings).buildInfo();
            QFAIL("an unknown CA was accepted");
        } catch (const ConnectionError& e) {
            QCOMPARE(e.failure(), ConnectionFailure::Tls);
            QVERIFY2(e.message().contains(QStringLiteral("CA file")), qPrintable(e.message()));
        }
        settings.tls.caFile = dir + QStringLiteral("/ca.crt");
        QVERIFY(!PrometheusClient(settings).buildInfo().version.isEmpty());
        settings.tls.caFile.clear();
        settings.tls.skipVerify = true;
        QVERIFY(!PrometheusClient(settings).buildInfo().version.isEmpty());
    }

    void tlsRequiresAClientCertificate()
    {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            QSKIP("openssl is not installed: cannot make test certificates");
        QTemporaryDir tmp;
        const QString dir = tmp.path();
        auto run = [&](const QString& command) {
            QProcess process;
            process.setWorkingDirectory(dir);
            process.start(openssl, command.split(QLatin1Char(' ')));
            return process.waitForFinished(60000) && process.exitCode() == 0;
        };
        QFile serverExt(dir + QStringLiteral("/server.ext"));
        QVERIFY(serverExt.open(QIODevice::WriteOnly));
        serverExt.write("subjectAltName=IP:127.0.0.1\n");
        serverExt.close();
        QFile clientExt(dir + QStringLiteral("/client.ext"));
        QVERIFY(clientExt.open(QIODevice::WriteOnly));
        clientExt.write("extendedKeyUsage=clientAuth\n");
        clientExt.close();
        // One CA signs both the server's and the client's certificate.
        QVERIFY(run(QStringLiteral("req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 2 "
                                   "-subj /CN=meshscope-mtls-CA")));
        for (const QString& who : {QStringLiteral("server"), QStringLiteral("client")}) {
            QVERIFY(run(QStringLiteral("req -newkey rsa:2048 -nodes -keyout %1.key -out %1.csr -subj /CN=%2")
                            .arg(who, who == QLatin1String("server") ? QStringLiteral("127.0.0.1") : who)));
            QVERIFY(run(QStringLiteral("x509 -req -in %1.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out %1.crt "
                                       "-days 2 -extfile %1.ext")
                            .arg(who)));
        }

        PrometheusHarness secured;
        secured.setClientCertificate(dir + QStringLiteral("/client.crt"), dir + QStringLiteral("/client.key"));
        QString error;
        const QByteArray webConfig = "tls_server_config:\n  cert_file: " + (dir + QStringLiteral("/server.crt")).toUtf8()
            + "\n  key_file: " + (dir + QStringLiteral("/server.key")).toUtf8()
            + "\n  client_auth_type: RequireAndVerifyClientCert\n  client_ca_file: "
            + (dir + QStringLiteral("/ca.crt")).toUtf8() + "\n";
        QVERIFY2(secured.start({}, &error, webConfig), qPrintable(error));

        EndpointSettings settings;
        settings.url = secured.url();
        settings.timeoutMs = 5000;
        settings.maxRetries = 0;
        settings.tls.caFile = dir + QStringLiteral("/ca.crt");
        // Without a client certificate: a TLS error a person can act on, naming the
        // server and what to give, not a raw TLS alert code.
        try {
            PrometheusClient(settings).buildInfo();
            QFAIL("the server let a client without a certificate in");
        } catch (const ConnectionError& e) {
            QCOMPARE(e.failure(), ConnectionFailure::Tls);
            QVERIFY2(e.message().contains(QStringLiteral("client certificate")), qPrintable(e.message()));
            QVERIFY2(e.message().contains(secured.url().host()), qPrintable(e.message()));
            QVERIFY2(!e.message().contains(QStringLiteral("SSL routines")) && !e.message().contains(QStringLiteral("alert")),
                qPrintable(e.message()));
        }
        // A client certificate from a CA the server does not trust for clients: refused,
        // and the message names the certificate given.
        QVERIFY(run(QStringLiteral("req -x509 -newkey rsa:2048 -nodes -keyout other.key -out other.crt -days 2 "
                                   "-subj /CN=meshscope-other-CA")));
        QVERIFY(run(QStringLiteral("req -newkey rsa:2048 -nodes -keyout stranger.key -out stranger.csr "
                                   "-subj /CN=stranger")));
        QVERIFY(run(QStringLiteral("x509 -req -in stranger.csr -CA other.crt -CAkey other.key -CAcreateserial "
                                   "-out stranger.crt -days 2 -extfile client.ext")));
        settings.tls.clientCertFile = dir + QStringLiteral("/stranger.crt");
        settings.tls.clientKeyFile = dir + QStringLiteral("/stranger.key");
        try {
            PrometheusClient(settings).buildInfo();
            QFAIL("the server accepted a client certificate from an unknown CA");
        } catch (const ConnectionError& e) {
            QCOMPARE(e.failure(), ConnectionFailure::Tls);
            QVERIFY2(e.message().contains(QStringLiteral("did not accept the client certificate")),
                qPrintable(e.message()));
            QVERIFY2(e.message().contains(QStringLiteral("stranger.crt")), qPrintable(e.message()));
        }
        // With the right one: connected, through the client and a whole live poll.
        settings.tls.clientCertFile = dir + QStringLiteral("/client.crt");
        settings.tls.clientKeyFile = dir + QStringLiteral("/client.key");
        QVERIFY(!PrometheusClient(settings).buildInfo().version.isEmpty());
        ConnectionProfile mtls;
        mtls.prometheus = settings;
        MeshPoller poller(mtls);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(poller.fetch(now - 60000, now, false).warnings.isEmpty());
    }

    void cliCheckAndRecord()
    {
        const QString url = m_prometheus.url().toString();
        const CliResult check = runCli({QStringLiteral("check"), QStringLiteral("--prometheus"), url});
        QVERIFY2(check.exitCode == 0, check.err.constData());
        QVERIFY2(check.out.contains("Istio metrics"), check.out.constData());

        const CliResult unreachable = runCli({QStringLiteral("check"), QStringLiteral("--prometheus"),
            QStringLiteral("http://127.0.0.1:%1").arg(freeLocalPort()), QStringLiteral("--retries"),
            QStringLiteral("0")});
        QVERIFY(unreachable.exitCode != 0);
        QVERIFY2(unreachable.err.contains("refused"), unreachable.err.constData());

        // The token comes from the environment and must not end up in the file.
        const QByteArray token = "env-token-31415926";
        qputenv("MESHSCOPE_PROMETHEUS_TOKEN", token);
        const QString output = m_tmp.filePath(QStringLiteral("pulled.meshrec"));
        const CliResult record = runCli({QStringLiteral("record"), QStringLiteral("--prometheus"), url,
            QStringLiteral("--start"), QString::number(m_mesh.startS + 600), QStringLiteral("--end"),
            QString::number(m_mesh.endS - 300), QStringLiteral("--step"), QStringLiteral("15"),
            QStringLiteral("-o"), output});
        qunsetenv("MESHSCOPE_PROMETHEUS_TOKEN");
        QVERIFY2(record.exitCode == 0, record.err.constData());
        QFile file(output);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(token));
        const Dataset dataset = loadRecording(output);
        const SeriesId id = dataset.series.find(
            SeriesKey {QStringLiteral("frontend->cart"), QStringLiteral("request_rate")});
        QVERIFY(id != InvalidSeries);
        QCOMPARE(qint64(dataset.series.samples(id).size), (m_mesh.endS - 300 - m_mesh.startS - 600) / 15 + 1);
        QVERIFY(!dataset.topology.isEmpty());
        QCOMPARE(dataset.settings.value(QStringLiteral("live.prometheus_auth")), QStringLiteral("bearer"));
    }
};

QTEST_GUILESS_MAIN(TestLivePrometheus)
#include "test_live_prometheus.moc"
