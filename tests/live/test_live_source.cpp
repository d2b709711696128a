// The live source against a real Prometheus: backfill, polling, a recording committed
// every poll, Prometheus killed mid-session and restarted, secrets kept out of the file.
#include "prometheus_harness.h"
#include "synthetic_istio.h"
#include "test_support.h"

#include "live/live_source.h"
#include "recording/recording.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace meshscope;
using namespace meshscope::testing;

class TestLiveSource : public QObject
{
    Q_OBJECT
private:
    PrometheusHarness m_prometheus;
    SyntheticMesh m_mesh;

private Q_SLOTS:
    void initTestCase()
    {
        if (!PrometheusHarness::available())
            QSKIP("/usr/bin/prometheus or /usr/bin/promtool is not installed");
        m_mesh = SyntheticMesh::recentSmall();
        QString error;
        QVERIFY2(m_prometheus.start(m_mesh.openMetrics(), &error), qPrintable(error));
    }

    void invalidProfileFailsClearly()
    {
        ConnectionProfile profile;
        profile.prometheus.url = QUrl(QStringLiteral("ftp://nowhere"));
        LiveSource source(profile);
        QSignalSpy failed(&source, &LiveSource::failed);
        source.start();
        QTRY_COMPARE(failed.count(), 1);
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("http://")));
        source.stop();
    }

    void pollsRecordsAndSurvivesARestart()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("live.meshrec"));
        const QString token = QStringLiteral("live-secret-token-27182818");
        ConnectionProfile profile;
        profile.prometheus.url = m_prometheus.url();
        profile.prometheus.auth.kind = EndpointAuth::Kind::Bearer; // Prometheus ignores it; the file must too
        profile.prometheus.auth.token = token;
        profile.prometheus.timeoutMs = 5000;
        profile.prometheus.maxRetries = 1;
        profile.prometheus.retryBaseMs = 20;
        profile.pollIntervalS = 5;
        profile.backfillMinutes = 10;

        // A clock in the recorded hour running 25x faster than real time, so a 200 ms
        // poll interval advances one 5 s step.
        const qint64 base = (m_mesh.startS + 1800) * 1000;
        QElapsedTimer elapsed;
        elapsed.start();
        LiveSource source(profile);
        source.setClock([=] { return base + elapsed.elapsed() * 25; });
        source.setPollIntervalMs(200);
        source.setRecordingPath(path);
        QSignalSpy updates(&source, &LiveSource::updateArrived);
        QSignalSpy states(&source, &LiveSource::statusChanged);
        source.start();
        QTRY_VERIFY_WITH_TIMEOUT(updates.count() >= 4, 20000);
        const LiveUpdate backfill = updates.first().first().value<LiveUpdate>();
        QVERIFY(backfill.backfill);
        QVERIFY(!backfill.frames.empty());
        QVERIFY(backfill.series.size() > 10);
        QVERIFY2(backfill.warnings.isEmpty(), qPrintable(backfill.warnings.join(QLatin1Char('\n'))));
        QVERIFY(backfill.alerts.empty()); // no alerting rules configured
        QVERIFY(source.status().state == LiveState::Connected || source.status().state == LiveState::Slow);

        m_prometheus.kill();
        QTRY_VERIFY_WITH_TIMEOUT(
            source.status().state == LiveState::Reconnecting || source.status().state == LiveState::Stale,
            20000);
        QVERIFY2(!source.status().detail.contains(token), qPrintable(source.status().detail));
        QVERIFY2(
            source.status().detail.contains(QStringLiteral("refused")), qPrintable(source.status().detail));
        QString error;
        QVERIFY2(m_prometheus.restart(&error), qPrintable(error));
        const int before = updates.count();
        QTRY_VERIFY_WITH_TIMEOUT(updates.count() >= before + 3, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(
            source.status().state == LiveState::Connected || source.status().state == LiveState::Slow, 10000);
        source.stop();
        QCOMPARE(source.status().state, LiveState::Stopped);

        // The recording: readable, closed cleanly, one sample per step with no hole
        // (Prometheus kept the data through its restart), no secret anywhere in it.
        const auto reader = RecordingReader::open(path);
        const RecordingInfo info = reader->info();
        QCOMPARE(info.health, QStringLiteral("ok"));
        QVERIFY(info.topologyFrames >= 1);
        std::vector<qint64> times;
        std::vector<double> values;
        reader->readSeries(SeriesKey {QStringLiteral("frontend->cart"), QStringLiteral("request_rate")},
            TimeRange {0, std::numeric_limits<qint64>::max()}, times, values);
        QVERIFY(times.size() > 120); // ten minutes of backfill at 5 s, then the polls
        for (std::size_t i = 1; i < times.size(); ++i)
            QCOMPARE(times[i] - times[i - 1], qint64(5000));
        for (double value : values)
            QVERIFY(std::abs(value - 6) < 1e-6);
        for (const QString& file : QDir(dir.path()).entryList(QDir::Files)) {
            QFile f(dir.filePath(file));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains(token.toUtf8()), qPrintable(file));
        }
    }

    void cliFollowStopsCleanlyOnSigterm()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("follow.meshrec"));
        QProcess cli;
        cli.start(cliPath(),
            {QStringLiteral("record"), QStringLiteral("--prometheus"), m_prometheus.url().toString(),
                QStringLiteral("--follow"), QStringLiteral("--step"), QStringLiteral("5"),
                QStringLiteral("--backfill"), QStringLiteral("300"), QStringLiteral("-o"), path});
        QVERIFY(cli.waitForStarted());
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += cli.readAllStandardError()).contains("connected"), 30000);
        cli.terminate(); // SIGTERM
        QVERIFY(cli.waitForFinished(30000));
        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        err += cli.readAllStandardError();
        QVERIFY2(cli.exitCode() == 0, err.constData());
        const auto reader = RecordingReader::open(path);
        QCOMPARE(reader->info().health, QStringLiteral("ok"));
        QVERIFY(reader->info().sampleCount > 0);
    }

    void statusTextSaysWhatItMeans()
    {
        LiveStatus status;
        status.state = LiveState::Stale;
        status.lastSuccessMs = QDateTime(QDate(2026, 1, 1), QTime(12, 3, 15)).toMSecsSinceEpoch();
        status.failedAttempts = 2;
        status.detail = QStringLiteral("Prometheus at http://x refused the connection");
        QCOMPARE(status.text(),
            QStringLiteral("stale since 12:03:15 (reconnecting, attempt 3): Prometheus at http://x refused "
                           "the connection"));
    }
};

QTEST_GUILESS_MAIN(TestLiveSource)
#include "test_live_source.moc"
