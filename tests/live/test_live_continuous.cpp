// Continuous live detection against a real Prometheus: a fault that starts after the
// backfill becomes an anomaly and an incident while polling, without anyone asking.
#include "fake_http_server.h"
#include "prometheus_harness.h"
#include "synthetic_istio.h"

#include "live/live_detection.h"
#include "live/live_source.h"
#include "model/signal_names.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMutex>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace meshscope;
using namespace meshscope::testing;

namespace {
QMutex logMutex;
QStringList logLines;

void captureLog(QtMsgType, const QMessageLogContext&, const QString& message)
{
    const QMutexLocker lock(&logMutex);
    logLines.append(message);
}

/// A Kiali in the token strategy answering on its own thread (LiveSource::stop blocks
/// the test thread while the worker logs out).
struct ThreadedKiali
{
    const QString token = QStringLiteral("kiali-sa-token-16180339");
    QMutex mutex;
    int logins = 0;
    QList<QByteArray> logoutCookies;
    QThread thread;
    QObject context;
    FakeHttpServer* server = nullptr;

    ThreadedKiali()
    {
        context.moveToThread(&thread);
        thread.start();
        QMetaObject::invokeMethod(
            &context,
            [this] { server = new FakeHttpServer([this](const FakeRequest& r) { return answer(r); }); },
            Qt::BlockingQueuedConnection);
    }
    ~ThreadedKiali()
    {
        QMetaObject::invokeMethod(
            &context, [this] { delete server; }, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
    }
    FakeResponse answer(const FakeRequest& request)
    {
        const QMutexLocker lock(&mutex);
        if (request.path == QLatin1String("/kiali/api/authenticate")) {
            ++logins;
            FakeResponse response
                = FakeResponse::json(R"({"expiresOn":"2030-01-01T00:00:00Z","username":"sa"})");
            response.headers.append(qMakePair(QByteArray("Set-Cookie"),
                QByteArray("kiali-token-Kubernetes=session-cookie-value; Path=/kiali; HttpOnly")));
            return response;
        }
        if (request.path == QLatin1String("/kiali/api/logout")) {
            logoutCookies.append(request.header("cookie"));
            return FakeResponse::text({}, 204);
        }
        // No graph here: the topology is rebuilt from Prometheus (with a warning).
        return FakeResponse::json(R"({"error":"graph unavailable"})", 500);
    }
};
} // namespace

class TestLiveContinuous : public QObject
{
    Q_OBJECT
private:
    PrometheusHarness m_prometheus;
    SyntheticMesh m_mesh;
    qint64 m_backfillEndMs = 0;
    qint64 m_faultMs = 0;

    /// The incident holding an error-ratio anomaly of frontend->catalog that started after
    /// the backfill, in the latest findings of `updates`; null when there is none yet.
    static const Incident* faultIncident(const LiveFindings& findings, qint64 afterMs)
    {
        for (const Incident& incident : findings.incidents) {
            for (int index : incident.anomalyIndexes) {
                const Anomaly& anomaly = findings.anomalies[std::size_t(index)];
                if (anomaly.series.entity == QStringLiteral("frontend->catalog")
                    && anomaly.series.signal == SignalName::ErrorRatio && anomaly.startMs > afterMs)
                    return &incident;
            }
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!PrometheusHarness::available())
            QSKIP("/usr/bin/prometheus or /usr/bin/promtool is not installed");
        // The small mesh over an hour that ended 3 h ago; frontend->catalog starts failing
        // (no errors -> half its requests) four minutes after the end of the backfill.
        const qint64 endS = (QDateTime::currentSecsSinceEpoch() - 3 * 3600) / 3600 * 3600;
        m_mesh = SyntheticMesh::small(endS - 3600, endS);
        m_backfillEndMs = (m_mesh.startS + 1800) * 1000;
        m_faultMs = m_backfillEndMs + 4 * 60 * 1000;
        for (SyntheticCall& call : m_mesh.calls) {
            if (call.sourceWorkload == QStringLiteral("frontend")
                && call.destinationWorkload == QStringLiteral("catalog")) {
                call.faultFromS = m_faultMs / 1000;
                call.faultErrorRatio = 0.5;
            }
        }
        QString error;
        QVERIFY2(m_prometheus.start(m_mesh.openMetrics(), &error), qPrintable(error));
    }

    /// Prometheus only, 5 s steps, 10 minutes of backfill.
    ConnectionProfile pollingProfile() const
    {
        ConnectionProfile profile;
        profile.prometheus.url = m_prometheus.url();
        profile.prometheus.timeoutMs = 5000;
        profile.prometheus.maxRetries = 1;
        profile.prometheus.retryBaseMs = 20;
        profile.pollIntervalS = 5;
        profile.backfillMinutes = 10;
        return profile;
    }

    /// Starts `source` with detection at the end of the backfill, on a clock running 25x
    /// faster than real time: the 200 ms poll interval is a 5 s step.
    void startFast(LiveSource& source, QElapsedTimer& elapsed) const
    {
        elapsed.start();
        source.setClock([base = m_backfillEndMs, &elapsed] { return base + elapsed.elapsed() * 25; });
        source.setPollIntervalMs(200);
        source.setDetectionEnabled(true);
        source.start();
    }

    void faultAfterBackfillBecomesAnIncident()
    {
        QElapsedTimer elapsed; // outlives the source, whose clock reads it
        LiveSource source(pollingProfile());
        QSignalSpy updates(&source, &LiveSource::updateArrived);
        startFast(source, elapsed);
        QTRY_VERIFY_WITH_TIMEOUT(!updates.isEmpty(), 20000);

        // The backfill warms the detectors on a healthy mesh: nothing to report.
        const LiveUpdate backfill = updates.first().first().value<LiveUpdate>();
        QVERIFY(backfill.backfill);
        QVERIFY(backfill.findings);
        QVERIFY(backfill.findings->incidents.empty());
        QVERIFY(!backfill.findings->bandAppends.empty());
        QCOMPARE(backfill.findings->bandAppends.size(), backfill.series.size());

        auto latest = [&] { return updates.last().first().value<LiveUpdate>(); };
        QTRY_VERIFY_WITH_TIMEOUT(
            latest().findings && faultIncident(*latest().findings, m_backfillEndMs), 40000);
        const LiveUpdate update = latest();
        source.stop();

        const Incident* incident = faultIncident(*update.findings, m_backfillEndMs);
        QVERIFY(incident);
        QVERIFY(!incident->resolved);
        // Found while polling, within a few minutes of the fault's start (rate windows
        // smooth the onset), and ranked like the console's batch analysis does.
        QVERIFY2(std::abs(incident->startMs - m_faultMs) <= 3 * 60 * 1000,
            qPrintable(QStringLiteral("incident at %1, fault at %2").arg(incident->startMs).arg(m_faultMs)));
        QVERIFY(update.endMs < m_faultMs + 10 * 60 * 1000);
        QVERIFY(!incident->candidates.empty());
        // Every poll fed only its own new samples to the detectors.
        for (const QVariantList& arguments : updates) {
            const LiveUpdate poll = arguments.first().value<LiveUpdate>();
            QVERIFY(poll.findings);
            QCOMPARE(poll.findings->bandAppends.size(), poll.series.size());
            for (std::size_t i = 0; i < poll.series.size(); ++i)
                QCOMPARE(poll.findings->bandAppends[i].expected.size(), poll.series[i].timesMs.size());
        }
    }

    /// The console hands its detector tuning to live detection when it connects: the series
    /// that alerts in the test above stays quiet once it is muted, and keeps its band.
    void mutedSeriesStaysQuietWhilePolling()
    {
        const SeriesKey failing {QStringLiteral("frontend->catalog"), SignalName::ErrorRatio};
        DetectionSettings settings;
        settings.muted.insert(failing);
        QElapsedTimer elapsed;
        LiveSource source(pollingProfile());
        source.setDetectionSettings(settings);
        QSignalSpy updates(&source, &LiveSource::updateArrived);
        startFast(source, elapsed);
        // Unmuted, the incident is there within 3 minutes of the fault; the polls go on to 6.
        const qint64 untilMs = m_faultMs + 6 * 60 * 1000;
        QTRY_VERIFY_WITH_TIMEOUT(
            !updates.isEmpty() && updates.last().first().value<LiveUpdate>().endMs >= untilMs, 60000);
        source.stop();

        bool banded = false;
        for (const QVariantList& arguments : updates) {
            const LiveUpdate poll = arguments.first().value<LiveUpdate>();
            QVERIFY(poll.findings);
            for (const Anomaly& anomaly : poll.findings->anomalies)
                QVERIFY2(!(anomaly.series == failing),
                    qPrintable(QStringLiteral("muted %1 alerted at %2").arg(failing.toString()).arg(anomaly.startMs)));
            for (std::size_t i = 0; i < poll.series.size(); ++i)
                banded = banded
                    || (poll.series[i].key == failing && !poll.findings->bandAppends[i].expected.empty());
        }
        QVERIFY2(banded, "the muted series got no band: it was not polled or not detected at all");
    }

    void disconnectLogsOutOfKialiWithoutLeakingSecrets()
    {
        ThreadedKiali kiali;
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("live.meshrec"));
        ConnectionProfile profile;
        profile.prometheus.url = m_prometheus.url();
        profile.prometheus.timeoutMs = 5000;
        profile.kiali.url = kiali.server->url();
        profile.kiali.url.setPath(QStringLiteral("/kiali"));
        profile.kiali.timeoutMs = 3000;
        profile.kiali.maxRetries = 0;
        profile.kiali.auth.token = kiali.token;
        profile.kialiAuth = KialiAuthStrategy::Token;
        profile.pollIntervalS = 5;
        profile.backfillMinutes = 5;

        logLines.clear();
        const QtMessageHandler previous = qInstallMessageHandler(captureLog);
        LiveSource source(profile);
        source.setClock([base = m_backfillEndMs] { return base; });
        source.setPollIntervalMs(100);
        source.setRecordingPath(path);
        source.setDetectionEnabled(true);
        QSignalSpy updates(&source, &LiveSource::updateArrived);
        source.start();
        QTRY_VERIFY_WITH_TIMEOUT(updates.count() >= 2, 20000);
        source.stop();
        qInstallMessageHandler(previous);

        {
            const QMutexLocker lock(&kiali.mutex);
            QVERIFY(kiali.logins >= 1);
            QCOMPARE(kiali.logoutCookies.size(), 1);
            QVERIFY2(kiali.logoutCookies.front().contains("kiali-token-Kubernetes=session-cookie-value"),
                kiali.logoutCookies.front().constData());
        }
        // Neither the token nor the session cookie in the recording, the status, the
        // warnings or anything logged.
        const QList<QByteArray> secrets {kiali.token.toUtf8(), QByteArrayLiteral("session-cookie-value")};
        for (const QString& file : QDir(dir.path()).entryList(QDir::Files)) {
            QFile f(dir.filePath(file));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            for (const QByteArray& secret : secrets)
                QVERIFY2(!bytes.contains(secret), qPrintable(file));
        }
        QStringList texts = logLines;
        texts << source.status().text();
        for (const QVariantList& arguments : updates)
            texts << arguments.first().value<LiveUpdate>().warnings;
        for (const QString& text : texts) {
            for (const QByteArray& secret : secrets)
                QVERIFY2(!text.toUtf8().contains(secret), qPrintable(text));
        }
    }
};

QTEST_GUILESS_MAIN(TestLiveContinuous)
#include "test_live_continuous.moc"
