// The Kiali client against a local server that serves Kiali's own recorded graph bodies
// (../shared/fixtures/kiali, read in place) and hand-written auth, health and error bodies.
#include "fake_http_server.h"
#include "test_support.h"

#include "live/connection_error.h"
#include "live/kiali_client.h"
#include "live/mesh_poller.h"

#include <QFile>
#include <QTest>

using namespace meshscope;
using namespace meshscope::testing;

namespace {
const QByteArray StatusBody
    = R"({"status":{"Kiali version":"v2.30.0","Kiali commit hash":"abc","Kiali state":"running"},"externalServices":[{"name":"Prometheus","version":"2.42.0"}],"warningMessages":[]})";

QByteArray fixture(const QString& name)
{
    QFile file(sharedPath(QStringLiteral("fixtures/kiali/") + name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

EndpointSettings settingsFor(const QUrl& url, const QString& token = {})
{
    EndpointSettings settings;
    settings.url = url;
    settings.url.setPath(QStringLiteral("/kiali"));
    settings.timeoutMs = 3000;
    settings.retryBaseMs = 10;
    settings.auth.token = token;
    return settings;
}

/// Prometheus and Kiali both served by `server` (Kiali's own answers for the graph and
/// health), the bookinfo namespace, no retries.
ConnectionProfile bookinfoProfile(const QUrl& server)
{
    ConnectionProfile profile;
    profile.prometheus = settingsFor(server);
    profile.kiali = settingsFor(server);
    profile.kiali.maxRetries = 0;
    profile.namespaces = {QStringLiteral("bookinfo")};
    return profile;
}

/// A Kiali in the token strategy: a session cookie after login, 401 (plain text) without.
struct TokenKiali
{
    QString acceptedToken = QStringLiteral("k8s-sa-token-1234");
    int sessions = 0;
    QByteArray graph;
    bool expireNext = false;
    QList<QByteArray> logoutCookies; ///< the Cookie header of each logout request

    FakeResponse operator()(const FakeRequest& request)
    {
        if (request.path == QLatin1String("/kiali/api"))
            return FakeResponse::json(StatusBody);
        if (request.path == QLatin1String("/kiali/api/auth/info"))
            return FakeResponse::json(R"({"strategy":"token","sessionInfo":{}})");
        if (request.path == QLatin1String("/kiali/api/authenticate")) {
            const QUrlQuery form(QString::fromLatin1(request.body));
            if (request.method != "POST"
                || form.queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded) != acceptedToken)
                return FakeResponse::text("Unauthorized: token is not valid\n", 401);
            ++sessions;
            FakeResponse response
                = FakeResponse::json(R"({"expiresOn":"2030-01-01T00:00:00Z","username":"sa"})");
            response.headers.append(qMakePair(QByteArray("Set-Cookie"),
                "kiali-token-Kubernetes=session" + QByteArray::number(sessions)
                    + "; Path=/kiali; HttpOnly; SameSite=Strict"));
            return response;
        }
        if (request.path == QLatin1String("/kiali/api/logout")) {
            logoutCookies.append(request.header("cookie"));
            return FakeResponse::text({}, 204);
        }
        const QByteArray expected = "kiali-token-Kubernetes=session" + QByteArray::number(sessions);
        if (sessions == 0 || !request.header("cookie").contains(expected) || expireNext) {
            expireNext = false;
            return FakeResponse::text("Unauthorized\n", 401);
        }
        if (request.path == QLatin1String("/kiali/api/namespaces"))
            return FakeResponse::json(R"([{"name":"bookinfo","cluster":"east","isAmbient":false}])");
        if (request.path == QLatin1String("/kiali/api/namespaces/graph"))
            return FakeResponse::json(graph);
        return FakeResponse::json(R"({"error":"not found"})", 404);
    }
};
} // namespace

class TestLiveKiali : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void discoversVersionAndStrategy()
    {
        TokenKiali kiali;
        FakeHttpServer server(std::ref(kiali));
        KialiClient client(settingsFor(server.url()), KialiAuthStrategy::Anonymous);
        const KialiStatus status = client.status();
        QCOMPARE(status.version, QStringLiteral("v2.30.0"));
        QCOMPARE(status.prometheusVersion, QStringLiteral("2.42.0"));
        QCOMPARE(client.serverAuthStrategy(), QStringLiteral("token"));
    }

    void tokenLoginKeepsTheSessionAndRelogsOn401()
    {
        MESHSCOPE_REQUIRE_SHARED();
        TokenKiali kiali;
        kiali.graph = fixture(QStringLiteral("test_workload_graph.expected"));
        FakeHttpServer server(std::ref(kiali));
        KialiClient client(settingsFor(server.url(), kiali.acceptedToken), KialiAuthStrategy::Token);
        QCOMPARE(client.namespaces().front().name, QStringLiteral("bookinfo"));
        QCOMPARE(kiali.sessions, 1);
        // The token is sent in the login form only, never as a header.
        for (const FakeRequest& request : server.requests())
            QVERIFY(request.header("authorization").isEmpty());

        kiali.expireNext = true;
        KialiGraphRequest request;
        request.namespaces = {QStringLiteral("bookinfo")};
        request.queryTimeMs = 1523364075000;
        KialiGraphStats stats;
        const TopologyFrame frame = client.graph(request, nullptr, &stats);
        QCOMPARE(kiali.sessions, 2);
        QCOMPARE(int(frame.nodes.size()), 13);
        QCOMPARE(int(frame.edges.size()), 18);

        // Parameters are explicit, queryTime in seconds.
        const FakeRequest& sent = server.requests().back();
        QCOMPARE(sent.query.queryItemValue(QStringLiteral("queryTime")), QStringLiteral("1523364075"));
        QCOMPARE(sent.query.queryItemValue(QStringLiteral("graphType")), QStringLiteral("workload"));
        QVERIFY(sent.query.hasQueryItem(QStringLiteral("appenders")));
        QCOMPARE(sent.query.queryItemValue(QStringLiteral("ambientTraffic")), QStringLiteral("none"));
    }

    void logoutEndsTheSessionOnTheServer()
    {
        TokenKiali kiali;
        FakeHttpServer server(std::ref(kiali));
        KialiClient client(settingsFor(server.url(), kiali.acceptedToken), KialiAuthStrategy::Token);
        QVERIFY(client.logout()); // no session yet: nothing to tell the server
        QVERIFY(kiali.logoutCookies.isEmpty());
        QCOMPARE(client.namespaces().front().name, QStringLiteral("bookinfo"));
        QVERIFY(client.isLoggedIn());

        QVERIFY(client.logout());
        QVERIFY(!client.isLoggedIn());
        QCOMPARE(kiali.logoutCookies.size(), 1);
        QVERIFY2(kiali.logoutCookies.front().contains("kiali-token-Kubernetes=session1"),
            kiali.logoutCookies.front().constData());
        const FakeRequest& logout = server.requests().back();
        QCOMPARE(logout.method, QByteArray("GET"));
        QCOMPARE(logout.path, QStringLiteral("/kiali/api/logout"));
        // The token went only into the login form, never into the logout.
        QVERIFY(logout.header("authorization").isEmpty());
        QVERIFY(!logout.body.contains(kiali.acceptedToken.toUtf8()));
        QVERIFY(!logout.query.toString().contains(kiali.acceptedToken));

        // The cookies are gone here too: the next call logs in afresh.
        QCOMPARE(client.namespaces().size(), std::size_t(1));
        QCOMPARE(kiali.sessions, 2);
        QVERIFY(!server.requests().back().header("cookie").contains("session1"));
        QVERIFY(client.logout());
        QCOMPARE(kiali.logoutCookies.size(), 2);
    }

    void logoutOfAnUnreachableKialiIsQuiet()
    {
        TokenKiali kiali;
        auto server = std::make_unique<FakeHttpServer>(std::ref(kiali));
        KialiClient client(settingsFor(server->url(), kiali.acceptedToken), KialiAuthStrategy::Token);
        client.namespaces();
        server.reset(); // Kiali went away before the disconnect
        QVERIFY(!client.logout());
        QVERIFY(!client.isLoggedIn());
    }

    void wrongTokenIsAClearError()
    {
        TokenKiali kiali;
        FakeHttpServer server(std::ref(kiali));
        const QString wrong = QStringLiteral("wrong-token-5678");
        KialiClient client(settingsFor(server.url(), wrong), KialiAuthStrategy::Token);
        try {
            client.namespaces();
            QFAIL("no error");
        } catch (const ConnectionError& error) {
            QCOMPARE(error.failure(), ConnectionFailure::Unauthorized);
            QVERIFY(!error.message().contains(wrong));
            QVERIFY2(error.message().contains(QStringLiteral("Kiali")), qPrintable(error.message()));
        }
        QCOMPARE(server.count(QStringLiteral("/kiali/api/authenticate")), 1); // never retried
    }

    void headerStrategySendsBearer()
    {
        FakeHttpServer server([](const FakeRequest& request) {
            if (request.header("authorization") != "Bearer hdr-token-42")
                return FakeResponse::text("Unauthorized\n", 401);
            return FakeResponse::json(R"([{"name":"a","cluster":"c"}])");
        });
        KialiClient client(
            settingsFor(server.url(), QStringLiteral("hdr-token-42")), KialiAuthStrategy::Header);
        QCOMPARE(client.namespaces().size(), std::size_t(1));
    }

    void forbiddenNamespaceIsNotRetried()
    {
        FakeHttpServer server([](const FakeRequest&) {
            return FakeResponse::json(R"({"error":"Requested namespace [secret] is not accessible."})", 403);
        });
        KialiClient client(settingsFor(server.url()), KialiAuthStrategy::Anonymous);
        KialiGraphRequest request;
        request.namespaces = {QStringLiteral("secret")};
        try {
            client.graph(request);
            QFAIL("no error");
        } catch (const ConnectionError& error) {
            QCOMPARE(error.failure(), ConnectionFailure::Forbidden);
            QVERIFY2(error.message().contains(QStringLiteral("not accessible")), qPrintable(error.message()));
        }
        QCOMPARE(server.requests().size(), 1);
    }

    void healthUsesCurrentThenLegacyEndpoint()
    {
        bool legacy = false;
        FakeHttpServer server([&](const FakeRequest& request) {
            if (request.path == QLatin1String("/kiali/api/clusters/health")) {
                if (legacy)
                    return FakeResponse::text("404 page not found", 404);
                return FakeResponse::json(
                    R"({"namespaceWorkloadHealth":{"bookinfo":{"reviews-v1":{"requests":{"inbound":{"http":{"200":1.5,"500":0.5}},"outbound":{}},"workloadStatus":null,"status":{"status":"Degraded","errorRatio":25,"totalRequestRate":2}}}}})");
            }
            if (request.path == QLatin1String("/kiali/api/namespaces/bookinfo/health"))
                return FakeResponse::json(
                    R"({"details-v1":{"requests":{"inbound":{},"outbound":{}},"workloadStatus":null}})");
            return FakeResponse::json(R"({"error":"?"})", 400);
        });
        KialiClient client(settingsFor(server.url()), KialiAuthStrategy::Anonymous);
        auto health = client.workloadHealth({QStringLiteral("bookinfo")}, 300, 1700000000000);
        QCOMPARE(health.size(), std::size_t(1));
        QCOMPARE(health[0].name, QStringLiteral("reviews-v1"));
        QCOMPARE(health[0].status, QStringLiteral("Degraded"));
        QCOMPARE(health[0].errorRatio, 25.0);
        const FakeRequest& sent = server.requests().back();
        QCOMPARE(sent.query.queryItemValue(QStringLiteral("type")), QStringLiteral("workload"));
        QCOMPARE(sent.query.queryItemValue(QStringLiteral("rateInterval")), QStringLiteral("300s"));

        legacy = true;
        health = client.workloadHealth({QStringLiteral("bookinfo")}, 300, 0);
        QCOMPARE(health.size(), std::size_t(1));
        QCOMPARE(health[0].name, QStringLiteral("details-v1"));
        QVERIFY(health[0].status.isEmpty());
    }

    void pollerTakesTopologyFromKialiAndFallsBackToPrometheus()
    {
        MESHSCOPE_REQUIRE_SHARED();
        bool kialiDown = false;
        FakeHttpServer kiali([&](const FakeRequest& request) {
            if (kialiDown)
                return FakeResponse::json(
                    R"({"error":"boom","detail":"Stack trace available in Kiali logs:"})", 500);
            if (request.path == QLatin1String("/kiali/api/namespaces/graph"))
                return FakeResponse::json(fixture(QStringLiteral("test_workload_graph.expected")));
            return FakeResponse::json(R"({"error":"?"})", 404);
        });
        // Prometheus answers every topology query with one destination-reported series.
        FakeHttpServer prometheus([](const FakeRequest& request) {
            if (request.body.contains("tcp"))
                return FakeResponse::json(
                    R"({"status":"success","data":{"resultType":"vector","result":[]}})");
            return FakeResponse::json(
                R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{"source_cluster":"east","source_workload_namespace":"bookinfo","source_workload":"productpage-v1","source_canonical_service":"productpage","destination_cluster":"east","destination_workload_namespace":"bookinfo","destination_workload":"details-v1","destination_service_name":"details","destination_service_namespace":"bookinfo","request_protocol":"http","response_code":"200","response_flags":"-"},"value":[1523364075,"5"]}]}})");
        });
        ConnectionProfile profile;
        profile.prometheus = settingsFor(prometheus.url());
        profile.prometheus.url.setPath(QString());
        profile.kiali = settingsFor(kiali.url());
        profile.kiali.maxRetries = 0;
        profile.namespaces = {QStringLiteral("bookinfo")};
        MeshPoller poller(profile);
        QStringList warnings;
        const TopologyFrame fromKiali = poller.fetchTopology(1523364075000, &warnings);
        // This Kiali serves no health: that is a warning, never a lost graph.
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.front().contains(QStringLiteral("Kiali health unavailable")),
            qPrintable(warnings.front()));
        warnings.clear();
        QCOMPARE(int(fromKiali.edges.size()), 18);

        kialiDown = true;
        const TopologyFrame fromPrometheus = poller.fetchTopology(1523364075000, &warnings);
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.front().contains(QStringLiteral("rebuilt from Prometheus")),
            qPrintable(warnings.front()));
        QCOMPARE(int(fromPrometheus.edges.size()), 1);
        QCOMPARE(fromPrometheus.edges.front().requestRate, 5.0);
        // The same Kiali id either way.
        const TopologyNode* details = fromPrometheus.node(fromPrometheus.edges.front().destination);
        QVERIFY(details);
        bool sameId = false;
        for (const TopologyNode& node : fromKiali.nodes)
            sameId = sameId || node.id == details->id;
        QVERIFY2(sameId, qPrintable(details->id));
    }

    void pollerAttachesKialiHealthToNodes()
    {
        MESHSCOPE_REQUIRE_SHARED();
        // The graph is Kiali's recorded body; the health body is hand-written (the
        // fixtures hold no recorded health answer), shaped as WIRE-FORMATS.md describes.
        bool garbage = false;
        int healthRequests = 0;
        FakeHttpServer kiali([&](const FakeRequest& request) {
            if (request.path == QLatin1String("/kiali/api/namespaces/graph"))
                return FakeResponse::json(fixture(QStringLiteral("test_workload_graph.expected")));
            if (request.path == QLatin1String("/kiali/api/clusters/health")) {
                ++healthRequests;
                if (garbage)
                    return FakeResponse::json("{\"namespaceWorkloadHealth\": [truncated");
                return FakeResponse::json(
                    R"({"namespaceWorkloadHealth":{"bookinfo":{"reviews-v1":{"requests":{"inbound":{"http":{"200":1.5,"500":0.5}},"outbound":{}},"workloadStatus":null,"status":{"status":"Degraded","errorRatio":25,"totalRequestRate":2}},"details-v1":{"requests":{"inbound":{"http":{"200":2}},"outbound":{}},"workloadStatus":null,"status":{"status":"Healthy","errorRatio":0,"totalRequestRate":2}}}}})");
            }
            return FakeResponse::json(R"({"error":"?"})", 404);
        });
        MeshPoller poller(bookinfoProfile(kiali.url()));
        QStringList warnings;
        const TopologyFrame frame = poller.fetchTopology(1523364075000, &warnings);
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
        const auto healthOf = [](const TopologyFrame& f, const QString& workload) {
            for (const TopologyNode& node : f.nodes) {
                if (node.workload == workload && node.ns == QLatin1String("bookinfo"))
                    return node.kialiHealth;
            }
            return QStringLiteral("(no node)");
        };
        QCOMPARE(healthOf(frame, QStringLiteral("reviews-v1")), QStringLiteral("Degraded"));
        QCOMPARE(healthOf(frame, QStringLiteral("details-v1")), QStringLiteral("Healthy"));
        QCOMPARE(healthOf(frame, QStringLiteral("ratings-v1")), QString());

        // Kiali is asked again only every few frames; a garbage answer is a warning and
        // the last verdicts stay.
        garbage = true;
        QStringList later;
        TopologyFrame last;
        for (int i = 0; i < 4; ++i)
            last = poller.fetchTopology(1523364075000 + (i + 1) * 15000, &later);
        QCOMPARE(healthRequests, 2);
        QCOMPARE(later.size(), 1);
        QVERIFY2(
            later.front().contains(QStringLiteral("Kiali health unavailable")), qPrintable(later.front()));
        QCOMPARE(healthOf(last, QStringLiteral("reviews-v1")), QStringLiteral("Degraded"));
    }

    void kialiHealthBacksOffAfterFailures()
    {
        MESHSCOPE_REQUIRE_SHARED();
        bool healthy = false;
        FakeHttpServer kiali([&](const FakeRequest& request) {
            if (request.path == QLatin1String("/kiali/api/namespaces/graph"))
                return FakeResponse::json(fixture(QStringLiteral("test_workload_graph.expected")));
            if (request.path == QLatin1String("/kiali/api/clusters/health") && healthy)
                return FakeResponse::json(
                    R"({"namespaceWorkloadHealth":{"bookinfo":{"reviews-v1":{"requests":{"inbound":{"http":{"200":1}},"outbound":{}},"workloadStatus":null,"status":{"status":"Healthy","errorRatio":0,"totalRequestRate":1}}}}})");
            return FakeResponse::json("{\"namespaceWorkloadHealth\": [truncated");
        });
        MeshPoller poller(bookinfoProfile(kiali.url()));
        const QString health = QStringLiteral("/kiali/api/clusters/health");
        const auto frames = [&](int from, int to) {
            TopologyFrame last;
            for (int i = from; i <= to; ++i) {
                QStringList warnings;
                last = poller.fetchTopology(1523364075000 + i * 15000, &warnings);
            }
            return last;
        };
        // Failing from the first frame: asked at frames 1, 9, 25, then every 16th
        // (4 frames × 2 per failure, capped), never every frame.
        frames(1, 60);
        QCOMPARE(kiali.count(health), 5);
        QVERIFY(kiali.count(health) <= 60 / MeshPoller::MaxHealthEveryFrames + 2);

        // Kiali recovers: the next ask (frame 73) succeeds and the cadence is every 4th again.
        healthy = true;
        frames(61, 72);
        QCOMPARE(kiali.count(health), 5);
        const TopologyFrame recovered = frames(73, 73);
        QCOMPARE(kiali.count(health), 6);
        bool verdict = false;
        for (const TopologyNode& node : recovered.nodes)
            verdict = verdict
                || (node.workload == QLatin1String("reviews-v1")
                    && node.kialiHealth == QLatin1String("Healthy"));
        QVERIFY(verdict);
        frames(74, 81);
        QCOMPARE(kiali.count(health), 8);
    }

    void garbageGraphIsReported()
    {
        FakeHttpServer server(
            [](const FakeRequest&) { return FakeResponse::json("{\"elements\": [garbage"); });
        KialiClient client(settingsFor(server.url()), KialiAuthStrategy::Anonymous);
        KialiGraphRequest request;
        request.namespaces = {QStringLiteral("a")};
        try {
            client.graph(request);
            QFAIL("no error");
        } catch (const ConnectionError& error) {
            QCOMPARE(error.failure(), ConnectionFailure::BadResponse);
        }
    }
};

QTEST_GUILESS_MAIN(TestLiveKiali)
#include "test_live_kiali.moc"
