// Live mode of the console against a real Prometheus (backfilled with promtool): the
// session grows the dataset and the time window, shows its state, and survives the
// server going away without leaking secrets into the recording; the next session resumes
// the detectors from it.
#include "prometheus_harness.h"
#include "synthetic_istio.h"
#include "test_support.h"

#include "detect/detection.h"
#include "model/dataset.h"
#include "models/time_window.h"
#include "pages/live_session.h"
#include "recording/recording.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace meshscope;
using namespace meshscope::testing;

class TestLiveSession : public QObject
{
    Q_OBJECT
private:
    PrometheusHarness m_prometheus;
    SyntheticMesh m_mesh;
    const QString m_token = QStringLiteral("gui-live-secret-31415926");

    ConnectionProfile profile() const
    {
        ConnectionProfile p;
        p.name = QStringLiteral("test mesh");
        p.prometheus.url = m_prometheus.url();
        p.prometheus.auth.kind = EndpointAuth::Kind::Bearer; // Prometheus ignores it
        p.prometheus.auth.token = m_token;
        p.prometheus.timeoutMs = 3000;
        p.prometheus.maxRetries = 0;
        p.prometheus.retryBaseMs = 20;
        p.pollIntervalS = 5;
        p.backfillMinutes = 10;
        return p;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (!PrometheusHarness::available())
            QSKIP("/usr/bin/prometheus or /usr/bin/promtool is not installed");
        m_mesh = SyntheticMesh::recentSmall();
        QString error;
        QVERIFY2(m_prometheus.start(m_mesh.openMetrics(), &error), qPrintable(error));
    }

    void profileIsSavedWithoutSecrets()
    {
        QSettings settings;
        LiveSession::saveProfile(settings, profile());
        const ConnectionProfile loaded = LiveSession::loadProfile(settings);
        QCOMPARE(loaded.name, QStringLiteral("test mesh"));
        QCOMPARE(loaded.prometheus.url, m_prometheus.url());
        QVERIFY(loaded.prometheus.auth.token.isEmpty());
        QVERIFY(!settings.value(QStringLiteral("live/profile")).toString().contains(m_token));
    }

    void growsDatasetAndReportsState()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("live.meshrec"));
        TimeWindow window;
        LiveSession session(&window);
        // A clock in the recorded hour running 25x faster than real time.
        const qint64 base = (m_mesh.startS + 1800) * 1000;
        QElapsedTimer elapsed;
        elapsed.start();
        session.setClock([=] { return base + elapsed.elapsed() * 25; });
        session.setPollIntervalMs(200);
        QSignalSpy updates(&session, &LiveSession::datasetUpdated);
        QSignalSpy detections(&session, &LiveSession::detectionUpdated);
        session.start(profile(), path);
        QCOMPARE(session.recordingPath(), path);
        QVERIFY(session.isRunning());

        // The backfill arrives first, as one new dataset.
        QTRY_VERIFY_WITH_TIMEOUT(updates.count() >= 1, 20000);
        QVERIFY(updates.at(0).at(1).toBool());
        QVERIFY(session.dataset());
        QVERIFY(session.dataset()->series.seriesCount() > 0);
        QVERIFY(window.fullRange().isValid());
        QVERIFY(window.fullRange().startMs <= base - 9 * 60 * 1000);
        // Connected, or slow when a loaded machine takes over half the 200 ms interval.
        QTRY_VERIFY_WITH_TIMEOUT(
            session.status().state == LiveState::Connected || session.status().state == LiveState::Slow, 20000);
        QTRY_VERIFY(session.indicator()->text().contains(QStringLiteral("connected"))
            || session.indicator()->text().contains(QStringLiteral("slow")));

        // Later polls grow the same dataset and extend the window.
        const qint64 firstEnd = window.fullRange().endMs;
        QTRY_VERIFY_WITH_TIMEOUT(window.fullRange().endMs > firstEnd, 20000);
        QVERIFY(!updates.last().at(1).toBool());

        // The live detectors ran on every update without being asked: their bands cover
        // exactly the grown dataset's samples, for the plots, and their findings ride in it.
        QTRY_VERIFY_WITH_TIMEOUT(detections.count() >= 2, 20000);
        const auto shown = detections.last().at(0).value<std::shared_ptr<const Dataset>>();
        const auto detection = detections.last().at(1).value<std::shared_ptr<const DetectionResult>>();
        QVERIFY(shown && detection);
        QCOMPARE(detection->bands.size(), std::size_t(shown->series.seriesCount()));
        for (SeriesId id = 0; id < shown->series.seriesCount(); ++id) {
            QCOMPARE(detection->bands[std::size_t(id)].series, id);
            QCOMPARE(detection->bands[std::size_t(id)].expected.size(), shown->series.samples(id).size);
            QCOMPARE(detection->bands[std::size_t(id)].score.size(), shown->series.samples(id).size);
        }
        QCOMPARE(shown->anomalies, detection->anomalies);

        // The server goes away: the state says so.
        m_prometheus.kill();
        QTRY_VERIFY_WITH_TIMEOUT(session.status().state == LiveState::Reconnecting
                || session.status().state == LiveState::Stale,
            20000);
        QVERIFY(session.indicator()->text().contains(QStringLiteral("reconnecting"))
            || session.indicator()->text().contains(QStringLiteral("stale")));
        QVERIFY(!session.indicator()->text().contains(m_token));
        session.stop();
        QVERIFY(!session.isRunning());
        QVERIFY(session.indicator()->text().contains(liveStateName(LiveState::Stopped)));
        QString error;
        QVERIFY2(m_prometheus.restart(&error), qPrintable(error));

        for (const QString& file : QDir(dir.path()).entryList(QDir::Files)) {
            QFile f(dir.filePath(file));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains(m_token.toUtf8()), qPrintable(file));
        }
        QVERIFY(QFile::exists(path));
    }

    // A session leaves its detectors' checkpoints in its recording; the next session of
    // the same connection in that folder resumes them (and says so), one in a folder
    // without an earlier session starts cold (and says so).
    void nextSessionResumesTheDetectors()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        TimeWindow window;
        const qint64 base = (m_mesh.startS + 1800) * 1000;
        const auto runSession = [&](const QString& path, qint64 startMs, QString* report) {
            LiveSession session(&window);
            QElapsedTimer elapsed;
            elapsed.start();
            session.setClock([=] { return startMs + elapsed.elapsed() * 25; });
            session.setPollIntervalMs(200);
            QSignalSpy detections(&session, &LiveSession::detectionUpdated);
            QSignalSpy resumed(&session, &LiveSession::detectorsResumed);
            session.start(profile(), path);
            QTRY_VERIFY_WITH_TIMEOUT(detections.count() >= 2, 20000);
            QTRY_VERIFY_WITH_TIMEOUT(resumed.count() >= 1, 20000);
            *report = resumed.first().first().toString();
            session.stop();
        };
        QString first, second;
        runSession(dir.filePath(QStringLiteral("first.meshrec")), base, &first);
        QVERIFY2(first.contains(QStringLiteral("no earlier session")), qPrintable(first));
        {
            const auto reader = RecordingReader::open(dir.filePath(QStringLiteral("first.meshrec")));
            QVERIFY(reader->info().detectorStateCount > 0);
            QCOMPARE(reader->info().detectorStateCount, reader->info().seriesCount);
        }
        runSession(dir.filePath(QStringLiteral("second.meshrec")), base + 5 * 60 * 1000, &second);
        QVERIFY2(second.startsWith(QStringLiteral("first.meshrec: resumed ")), qPrintable(second));
        QVERIFY2(!second.contains(QStringLiteral("cold")), qPrintable(second));
        QVERIFY(!second.contains(m_token));
        // The second recording remembers where its detectors started, for its replay.
        const Dataset replayed = loadRecording(dir.filePath(QStringLiteral("second.meshrec")));
        QCOMPARE(int(replayed.detectorStart.size()),
            RecordingReader::open(dir.filePath(QStringLiteral("first.meshrec")))->info().detectorStateCount);
    }
};

QTEST_MAIN(TestLiveSession)
#include "test_live_session.moc"
