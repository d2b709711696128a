// Error ratios at the noise floor of their traffic: ordinary binomial failures stay
// quiet, a real error burst alerts at once, and the demo's only incident is the injected
// cartservice saturation (not the sparse error ratios of low-traffic services).

#include "correlate/investigation.h"
#include "detect/detection.h"
#include "detect/ratio_noise_floor.h"
#include "detect/series_detection_stream.h"
#include "detect/significance_scorer.h"
#include "model/signal_names.h"
#include "simulator/mesh_simulator.h"

#include "test_support.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <functional>
#include <random>

using namespace meshscope;
using namespace meshscope::testing;

namespace {

constexpr qint64 StepMs = 15'000;
constexpr qint64 HourMs = 3'600'000;
constexpr qint64 DayMs = 24 * HourMs;
constexpr qint64 Start = 1'700'000'000'000LL / DayMs * DayMs;
const QString TestEntity = QStringLiteral("frontend->ratings");

/// Request rate (req/s) and failure probability at a time of day.
struct Load
{
    double rate = 0;
    double failure = 0;
};
using LoadCurve = std::function<Load(qint64 tMs)>;

/// One error ratio with its request rate, the failures drawn binomially from the requests
/// of each step, as Istio's counters would report them.
SeriesStore binomialMesh(qint64 durationMs, const LoadCurve& curve, unsigned seed)
{
    std::mt19937_64 rng(seed);
    SeriesStore store;
    const SeriesId rateId = store.ensureSeries({TestEntity, SignalName::RequestRate});
    const SeriesId ratioId = store.ensureSeries({TestEntity, SignalName::ErrorRatio});
    for (qint64 t = Start; t < Start + durationMs; t += StepMs) {
        const Load load = curve(t);
        std::poisson_distribution<int> arrivals(load.rate * StepMs / 1000.0);
        const int requests = arrivals(rng);
        std::binomial_distribution<int> failures(requests, load.failure);
        const int failed = requests > 0 ? failures(rng) : 0;
        store.append(rateId, t, requests * 1000.0 / StepMs);
        store.append(ratioId, t, requests > 0 ? double(failed) / requests : 0.0);
    }
    return store;
}

double dailyPhase(qint64 tMs)
{
    return 0.5 - 0.5 * std::cos(2 * M_PI * double((tMs - Start) % DayMs) / double(DayMs));
}

std::vector<Anomaly> ratioAnomalies(const SeriesStore& store)
{
    std::vector<Anomaly> found;
    for (const Anomaly& a : detectAll(store).anomalies)
        if (a.series.signal == SignalName::ErrorRatio)
            found.push_back(a);
    return found;
}

QString describe(const std::vector<Anomaly>& anomalies)
{
    QStringList parts;
    for (const Anomaly& a : anomalies)
        parts << QStringLiteral("%1 h: observed %2 expected %3 significance %4")
                     .arg(double(a.startMs - Start) / HourMs, 0, 'f', 2)
                     .arg(a.observed)
                     .arg(a.expected)
                     .arg(a.significance, 0, 'f', 1);
    return parts.join(QStringLiteral("; "));
}

} // namespace

class TestRatioNoise : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void standardErrorHasAFloor()
    {
        // A ratio that was always 0 still has Laplace's floor: about 1/n.
        const double floor = RatioNoiseFloor::standardError(0, 120);
        QVERIFY(floor > 0.005 && floor < 0.012);
        // More traffic resolves the ratio better.
        QVERIFY(RatioNoiseFloor::standardError(0.01, 10'000) < RatioNoiseFloor::standardError(0.01, 100));
        // k failures above a normal of 0 are worth about k standard errors.
        const double three = RatioNoiseFloor::deviationLimit(3.0 / 120, 0, 0, 120);
        QVERIFY(three > 2 && three < 4);
        // Below one percentage point nothing is significant, whatever the traffic.
        DeviationEvidence e {50, 0.001, 0.009, 10, 150'000, 1, true};
        QCOMPARE(SignificanceScorer(SignalName::ErrorRatio).score(e), 0.0);
        e.observed = 0.05;
        QVERIFY(SignificanceScorer(SignalName::ErrorRatio).score(e) > 50);
        // Unknown traffic: no limit from the floor.
        QVERIFY(std::isinf(RatioNoiseFloor::deviationLimit(0.05, 0, 0, std::nan(""))));
    }

    void sparseQuantisedRatioStaysQuiet_data()
    {
        QTest::addColumn<double>("rate");
        QTest::addColumn<double>("failure");
        QTest::addColumn<unsigned>("seed");
        // 0.5 req/s: 7-8 requests a step, one failure reads as 13 %.
        QTest::newRow("0.5 req/s, 0.2 %") << 0.5 << 0.002 << 1u;
        QTest::newRow("2 req/s, 0.5 %") << 2.0 << 0.005 << 2u;
        QTest::newRow("4 req/s, 1 %") << 4.0 << 0.01 << 3u;
        QTest::newRow("8 req/s, 0.3 %") << 8.0 << 0.003 << 4u;
    }

    void sparseQuantisedRatioStaysQuiet()
    {
        QFETCH(double, rate);
        QFETCH(double, failure);
        QFETCH(unsigned, seed);
        const SeriesStore store = binomialMesh(DayMs, [&](qint64) { return Load {rate, failure}; }, seed);
        const SeriesSpan ratio = store.samples(store.find({TestEntity, SignalName::ErrorRatio}));
        std::size_t zeros = 0;
        for (std::size_t i = 0; i < ratio.size; ++i)
            zeros += ratio.values[i] == 0 ? 1 : 0;
        QVERIFY2(zeros > ratio.size / 2, "the series must be sparse to test anything");
        const std::vector<Anomaly> found = ratioAnomalies(store);
        QVERIFY2(found.empty(), qPrintable(describe(found)));
    }

    void loadFollowingRatioStaysQuiet()
    {
        // Near capacity a service fails more at peak: 5 req/s and 0.2 % at night,
        // 60 req/s and 2 % in the afternoon, over one day (no daily profile learned yet).
        const SeriesStore store = binomialMesh(DayMs, [](qint64 t) {
            const double phase = dailyPhase(t);
            return Load {5 + 55 * phase, 0.002 + 0.018 * phase * phase};
        }, 11);
        const std::vector<Anomaly> found = ratioAnomalies(store);
        QVERIFY2(found.empty(), qPrintable(describe(found)));
    }

    void errorBurstAlertsWithinTwoSteps()
    {
        // 0.2 % of 50 req/s for 6 hours, then 5 % for 20 minutes.
        const qint64 onset = Start + 6 * HourMs;
        const SeriesStore store = binomialMesh(7 * HourMs, [](qint64 t) {
            const qint64 burst = Start + 6 * HourMs;
            return Load {50, t >= burst && t < burst + 20 * 60'000 ? 0.05 : 0.002};
        }, 21);
        const SeriesId id = store.find({TestEntity, SignalName::ErrorRatio});
        const SeriesSpan span = store.samples(id);
        const std::size_t onsetIndex = std::size_t((onset - Start) / StepMs);
        QCOMPARE(span.timesMs[onsetIndex], onset);

        // Live: after the second sample of the burst the anomaly is already reported.
        SeriesDetectionStream stream(store.key(id), DetectionSettings {});
        QVERIFY(stream.feed(store, id, 0, onsetIndex, 1.0, nullptr).empty());
        QVERIFY(!stream.runningAnomaly(1.0));
        stream.feed(store, id, onsetIndex, 2, 1.0, nullptr);
        const std::optional<Anomaly> running = stream.runningAnomaly(1.0);
        QVERIFY2(running.has_value(), "no alert two steps into the burst");
        QVERIFY(running->startMs >= onset && running->startMs <= onset + StepMs);

        // Batch: one anomaly, starting at the burst.
        const std::vector<Anomaly> found = ratioAnomalies(store);
        QVERIFY2(found.size() == 1, qPrintable(describe(found)));
        QVERIFY(found.front().startMs >= onset && found.front().startMs <= onset + 2 * StepMs);
        QVERIFY(found.front().significance >= DetectionSettings {}.minSignificance);
    }

    void demoIncidentIsTheCartserviceSaturation()
    {
        // The bundled demo: one fault, cartservice CPU saturation at 14:30 for 25 minutes.
        const SimulationResult simulation = simulateMesh(SimulationOptions::demo());
        QCOMPARE(int(simulation.truth.size()), 1);
        const qint64 onset = simulation.truth.front().onsetMs;
        const qint64 end = simulation.truth.front().endMs;
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(onset, Qt::UTC).time(), QTime(14, 30));

        // No error ratio alerts outside the fault (the sparse ratios of quiet services).
        const DetectionResult detection = detectAll(simulation.dataset.series);
        for (const Anomaly& a : detection.anomalies) {
            if (a.series.signal == SignalName::ErrorRatio)
                QVERIFY2(a.startMs >= onset && a.startMs < end, qPrintable(a.series.toString()));
        }
        const InvestigationResult result = investigate(simulation.dataset, detection.anomalies);
        QCOMPARE(int(result.incidents.size()), 1);
        QVERIFY(std::llabs(result.incidents.front().startMs - onset) <= 2 * 60'000);
        QVERIFY(!result.ranking.empty());
        QCOMPARE(result.ranking.front().entity, QStringLiteral("cartservice"));
    }

    void demoRecordingInvestigatedByTheCli()
    {
        // What a user runs: the demo recording as the build makes it, then investigate.
        QTemporaryDir dir;
        const QString recording = dir.filePath(QStringLiteral("demo.meshrec"));
        const CliResult simulated
            = runCli({QStringLiteral("simulate"), QStringLiteral("--demo"), QStringLiteral("-o"), recording});
        QVERIFY2(simulated.exitCode == 0, simulated.err.constData());
        const CliResult investigated = runCli({QStringLiteral("investigate"), QStringLiteral("--json"), recording});
        QVERIFY2(investigated.exitCode == 0, investigated.err.constData());
        const QJsonObject answer = QJsonDocument::fromJson(investigated.out).object();
        const QJsonArray incidents = answer.value(QStringLiteral("incidents")).toArray();
        QCOMPARE(incidents.size(), 1);
        const QJsonObject incident = incidents.first().toObject();
        const qint64 onsetS = 1748961000; // 2025-06-03 14:30 UTC
        QVERIFY2(std::llabs(incident.value(QStringLiteral("start")).toInteger() - onsetS) <= 120,
            investigated.out.constData());
        QCOMPARE(incident.value(QStringLiteral("first_affected")).toString(), QStringLiteral("cartservice"));
        const QJsonArray ranking = answer.value(QStringLiteral("ranking")).toArray();
        QVERIFY(!ranking.isEmpty());
        QCOMPARE(ranking.first().toObject().value(QStringLiteral("entity")).toString(), QStringLiteral("cartservice"));
    }
};

QTEST_GUILESS_MAIN(TestRatioNoise)
#include "test_ratio_noise.moc"
