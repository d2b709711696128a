// The HTTP layer and the Prometheus client against a fake server: retries, timeouts,
// error mapping, auth headers, form encoding, warnings, range splitting.
#include "fake_http_server.h"
#include "prometheus_harness.h"

#include "live/connection_error.h"
#include "live/prometheus_client.h"
#include "model/meshscope_error.h"

#include <QTest>
#include <QTimer>

#include <cmath>

using namespace meshscope;
using namespace meshscope::testing;

namespace {
const QByteArray VectorBody
    = R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{"a":"1"},"value":[1700000000,"2.5"]}]}})";

EndpointSettings settingsFor(const QUrl& url)
{
    EndpointSettings settings;
    settings.url = url;
    settings.timeoutMs = 2000;
    settings.retryBaseMs = 10;
    settings.maxRetries = 2;
    return settings;
}

template<typename F> ConnectionError expectConnectionError(F call)
{
    try {
        call();
    } catch (const ConnectionError& error) {
        return error;
    }
    QTest::qFail("no ConnectionError was thrown", __FILE__, __LINE__);
    return ConnectionError(ConnectionFailure::BadResponse, {});
}
} // namespace

class TestLiveHttp : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void retriesServerErrorsThenSucceeds()
    {
        int calls = 0;
        FakeHttpServer server([&](const FakeRequest&) {
            return ++calls < 3 ? FakeResponse::text("busy", 503) : FakeResponse::json(VectorBody);
        });
        PrometheusClient client(settingsFor(server.url()));
        const PromResponse response = client.query(QStringLiteral("up"), 0);
        QCOMPARE(calls, 3);
        QCOMPARE(response.series.size(), std::size_t(1));
        QCOMPARE(response.series.front().values.front(), 2.5);
    }

    void givesUpAfterRetries()
    {
        FakeHttpServer server([](const FakeRequest&) {
            return FakeResponse::json(
                R"({"status":"error","errorType":"internal","error":"disk on fire"})", 500);
        });
        PrometheusClient client(settingsFor(server.url()));
        const ConnectionError error = expectConnectionError([&] { client.query(QStringLiteral("up"), 0); });
        QCOMPARE(error.failure(), ConnectionFailure::ServerError);
        QCOMPARE(server.requests().size(), 3); // 1 + maxRetries
        QVERIFY2(error.message().contains(QStringLiteral("disk on fire")), qPrintable(error.message()));
    }

    void clientErrorsAreNotRetried_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("failure");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("401") << 401 << QByteArray("Unauthorized") << int(ConnectionFailure::Unauthorized)
                             << QStringLiteral("credentials");
        QTest::newRow("403") << 403 << QByteArray("forbidden") << int(ConnectionFailure::Forbidden)
                             << QStringLiteral("permission");
        QTest::newRow("404") << 404 << QByteArray("404 page not found") << int(ConnectionFailure::NotFound)
                             << QStringLiteral("path prefix");
        QTest::newRow("bad PromQL")
            << 400
            << QByteArray(
                   R"({"status":"error","errorType":"bad_data","error":"1:4: parse error: unexpected <EOF>"})")
            << int(ConnectionFailure::BadQuery) << QStringLiteral("parse error");
        QTest::newRow("execution")
            << 422
            << QByteArray(
                   R"({"status":"error","errorType":"execution","error":"many-to-many matching not allowed"})")
            << int(ConnectionFailure::BadQuery) << QStringLiteral("many-to-many");
    }
    void clientErrorsAreNotRetried()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, failure);
        QFETCH(QString, mentions);
        FakeHttpServer server([&](const FakeRequest&) { return FakeResponse::json(body, status); });
        PrometheusClient client(settingsFor(server.url()));
        const ConnectionError error
            = expectConnectionError([&] { client.query(QStringLiteral("rate(x"), 0); });
        QCOMPARE(int(error.failure()), failure);
        QCOMPARE(error.httpStatus(), status);
        QCOMPARE(server.requests().size(), 1);
        QVERIFY2(error.message().contains(mentions), qPrintable(error.message()));
    }

    void stallingServerTimesOut()
    {
        FakeHttpServer server([](const FakeRequest&) {
            FakeResponse response;
            response.stall = true;
            return response;
        });
        EndpointSettings settings = settingsFor(server.url());
        settings.timeoutMs = 300;
        PrometheusClient client(settings);
        const ConnectionError error = expectConnectionError([&] { client.query(QStringLiteral("up"), 0); });
        QCOMPARE(error.failure(), ConnectionFailure::Timeout);
        QCOMPARE(server.requests().size(), 1); // a timeout is not retried
        QVERIFY2(error.message().contains(QStringLiteral("did not answer")), qPrintable(error.message()));
    }

    void unreachableServerIsNamed()
    {
        EndpointSettings settings
            = settingsFor(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(freeLocalPort())));
        settings.maxRetries = 1;
        PrometheusClient client(settings);
        const ConnectionError error = expectConnectionError([&] { client.buildInfo(); });
        QCOMPARE(error.failure(), ConnectionFailure::Unreachable);
        QVERIFY2(
            error.message().contains(QStringLiteral("refused the connection")), qPrintable(error.message()));
    }

    void garbageBodiesAreReported_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("html") << QByteArray("<!DOCTYPE html><html><body>Sign in</body></html>");
        QTest::newRow("truncated") << QByteArray(
            "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"met");
        QTest::newRow("binary") << QByteArray("\x00\x01\x02garbage", 10);
    }
    void garbageBodiesAreReported()
    {
        QFETCH(QByteArray, body);
        FakeHttpServer server([&](const FakeRequest&) { return FakeResponse::json(body); });
        PrometheusClient client(settingsFor(server.url()));
        const ConnectionError error = expectConnectionError([&] { client.query(QStringLiteral("up"), 0); });
        QCOMPARE(error.failure(), ConnectionFailure::BadResponse);
    }

    void sendsAuthAndExtraHeaders()
    {
        FakeHttpServer server([](const FakeRequest&) { return FakeResponse::json(VectorBody); });
        EndpointSettings settings = settingsFor(server.url());
        settings.auth.kind = EndpointAuth::Kind::Bearer;
        settings.auth.token = QStringLiteral("s3cr3t-token-value");
        settings.extraHeaders.append(qMakePair(QByteArray("X-Scope-OrgID"), QByteArray("tenant-a")));
        PrometheusClient client(settings);
        client.query(QStringLiteral("up"), 0);
        QCOMPARE(server.requests().front().header("authorization"), QByteArray("Bearer s3cr3t-token-value"));
        QCOMPARE(server.requests().front().header("x-scope-orgid"), QByteArray("tenant-a"));

        settings.auth.kind = EndpointAuth::Kind::Basic;
        settings.auth.username = QStringLiteral("alice");
        settings.auth.password = QStringLiteral("pa:ss word");
        PrometheusClient basic(settings);
        basic.query(QStringLiteral("up"), 0);
        QCOMPARE(server.requests().back().header("authorization"),
            "Basic " + QByteArray("alice:pa:ss word").toBase64());
    }

    void secretsNeverAppearInErrors()
    {
        const QString token = QStringLiteral("tok-9f8e7d6c5b4a");
        // A misbehaving proxy that echoes the Authorization header into its error page.
        FakeHttpServer server([](const FakeRequest& request) {
            return FakeResponse::text("denied for " + request.header("authorization"), 403);
        });
        EndpointSettings settings = settingsFor(server.url());
        settings.auth.kind = EndpointAuth::Kind::Bearer;
        settings.auth.token = token;
        PrometheusClient client(settings);
        const ConnectionError error = expectConnectionError([&] { client.query(QStringLiteral("up"), 0); });
        QVERIFY2(!error.message().contains(token), qPrintable(error.message()));
        const ConnectionError meta = expectConnectionError([&] { client.labels({}, 0, 0); });
        QVERIFY2(!meta.message().contains(token), qPrintable(meta.message()));
    }

    void longPromqlIsPostedFormEncoded()
    {
        FakeHttpServer server([](const FakeRequest&) { return FakeResponse::json(VectorBody); });
        PrometheusClient client(settingsFor(server.url()));
        QString promql
            = QStringLiteral("sum(rate(a{x=\"1\"}[5m])) + 2 % 3 & ") + QString(5000, QLatin1Char('b'));
        client.query(promql, 1700000000123);
        const FakeRequest& request = server.requests().front();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.header("content-type"), QByteArray("application/x-www-form-urlencoded"));
        const QUrlQuery form(QString::fromLatin1(request.body));
        QCOMPARE(form.queryItemValue(QStringLiteral("query"), QUrl::FullyDecoded), promql);
        QCOMPARE(form.queryItemValue(QStringLiteral("time")), QStringLiteral("1700000000.123"));
    }

    void warningsAreSurfaced()
    {
        FakeHttpServer server([](const FakeRequest& request) {
            const bool partial = QUrlQuery(QString::fromLatin1(request.body))
                                     .queryItemValue(QStringLiteral("partial_response"))
                == QLatin1String("true");
            return FakeResponse::json(
                partial ? QByteArray(
                    R"({"status":"success","warnings":["No StoreAPIs matched for this query"],"data":{"resultType":"vector","result":[]}})")
                        : QByteArray(R"({"status":"success","data":{"resultType":"vector","result":[]}})"));
        });
        PrometheusClient client(settingsFor(server.url()));
        client.setPartialResponse(true);
        const PromResponse response = client.query(QStringLiteral("up"), 0);
        QCOMPARE(response.warnings, QStringList {QStringLiteral("No StoreAPIs matched for this query")});
    }

    void splitsRangesOverThePointLimit()
    {
        // A matrix with one point per step of the requested piece, so joining can be checked.
        FakeHttpServer server([](const FakeRequest& request) {
            const QUrlQuery form(QString::fromLatin1(request.body));
            const double start = form.queryItemValue(QStringLiteral("start")).toDouble();
            const double end = form.queryItemValue(QStringLiteral("end")).toDouble();
            const double step = form.queryItemValue(QStringLiteral("step")).toDouble();
            if ((end - start) / step > 11000)
                return FakeResponse::json(
                    R"({"status":"error","errorType":"bad_data","error":"exceeded maximum resolution of 11,000 points per timeseries"})",
                    400);
            QByteArray values;
            for (double t = start; t <= end; t += step)
                values += (values.isEmpty() ? "" : ",") + QByteArray("[") + QByteArray::number(t, 'f', 3)
                    + ",\"1\"]";
            return FakeResponse::json(
                R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{"a":"1"},"values":[)"
                + values + "]}]}}");
        });
        PrometheusClient client(settingsFor(server.url()));
        const qint64 start = 1700000000000;
        const qint64 step = 1000;
        const qint64 end = start + 25000 * step;
        const PromResponse response = client.queryRange(QStringLiteral("x"), start, end, step);
        QCOMPARE(server.requests().size(), 3);
        QCOMPARE(response.series.size(), std::size_t(1));
        const auto& times = response.series.front().timesMs;
        QCOMPARE(times.size(), std::size_t(25001));
        for (std::size_t i = 1; i < times.size(); ++i)
            QCOMPARE(times[i] - times[i - 1], step);
        QCOMPARE(PrometheusClient::fittingStepMs(start, end, step), 2273);
    }

    void cancellationStopsAWait()
    {
        FakeHttpServer server([](const FakeRequest&) {
            FakeResponse response;
            response.stall = true;
            return response;
        });
        EndpointSettings settings = settingsFor(server.url());
        settings.timeoutMs = 60000;
        PrometheusClient client(settings);
        JobControl job;
        QTimer::singleShot(100, [&job] { job.cancel(); });
        QVERIFY_THROWS_EXCEPTION(CancelledError, client.query(QStringLiteral("up"), 0, &job));
    }
};

QTEST_GUILESS_MAIN(TestLiveHttp)
#include "test_live_http.moc"
