// Continuous live detection against a real Prometheus: a fault that starts after the
// backfill becomes an anomaly and an incident while polling, without anyone asking.
#include "prometheus_harness.h"
#include "synthetic_istio.h"

#include "live/live_detection.h"
#include "live/live_source.h"
#include "model/signal_names.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace meshscope;
using namespace meshscope::testing;

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
            if (call.sourceWorkload == QStringLiteral("frontend") && call.destinationWorkload == QStringLiteral("catalog")) {
                call.faultFromS = m_faultMs / 1000;
                call.faultErrorRatio = 0.5;
            }
        }
        QString error;
        QVERIFY2(m_prometheus.start(m_mesh.openMetrics(), &error), qPrintable(error));
    }

    void faultAfterBackfillBecomesAnIncident()
    {
        ConnectionProfile profile;
        profile.prometheus.url = m_prometheus.url();
        profile.prometheus.timeoutMs = 5000;
        profile.prometheus.maxRetries = 1;
        profile.prometheus.retryBaseMs = 20;
        profile.pollIntervalS = 5;
        profile.backfillMinutes = 10;

        // A clock running 25x faster than real time: a 200 ms poll interval is a 5 s step.
        QElapsedTimer elapsed;
        elapsed.start();
        const qint64 base = m_backfillEndMs;
        LiveSource source(profile);
        source.setClock([=] { return base + elapsed.elapsed() * 25; });
        source.setPollIntervalMs(200);
        source.setDetectionEnabled(true);
        QSignalSpy updates(&source, &LiveSource::updateArrived);
        source.start();
        QTRY_VERIFY_WITH_TIMEOUT(!updates.isEmpty(), 20000);

        // The backfill warms the detectors on a healthy mesh: nothing to report.
        const LiveUpdate backfill = updates.first().first().value<LiveUpdate>();
        QVERIFY(backfill.backfill);
        QVERIFY(backfill.findings);
        QVERIFY(backfill.findings->incidents.empty());
        QVERIFY(!backfill.findings->bandAppends.empty());
        QCOMPARE(backfill.findings->bandAppends.size(), backfill.series.size());

        auto latest = [&] { return updates.last().first().value<LiveUpdate>(); };
        QTRY_VERIFY_WITH_TIMEOUT(latest().findings && faultIncident(*latest().findings, m_backfillEndMs), 40000);
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
};

QTEST_GUILESS_MAIN(TestLiveContinuous)
#include "test_live_continuous.moc"
