// Continuous live detection: feeding series poll by poll gives exactly the anomalies and
// bands of detecting the whole series at once (what a replay of the recording shows),
// and a fault shows up as an anomaly and an incident while it happens.
#include "live/live_detection.h"

#include "detect/detection.h"
#include "model/signal_names.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <random>

using namespace meshscope;

namespace {

constexpr qint64 StepMs = 15'000;
constexpr qint64 StartMs = 1'700'000'000'000LL;
constexpr std::size_t Samples = 1200;
constexpr std::size_t FaultAt = 800; ///< errors and latency of frontend->cart jump here

qint64 timeAt(std::size_t i)
{
    return StartMs + static_cast<qint64>(i) * StepMs;
}

/// frontend->cart and cart->db with noisy steady golden signals; frontend->cart fails
/// from sample FaultAt on (errors 1% -> 30%, p95 latency 40 -> 180 ms).
std::vector<SeriesBatch> meshSeries()
{
    std::mt19937 rng(11);
    std::normal_distribution<double> noise(0.0, 1.0);
    struct Spec
    {
        QString entity;
        QString signal;
        double level;
        double spread;
        double faultLevel; ///< < 0: no fault
    };
    const QString edge = QStringLiteral("frontend->cart");
    const std::vector<Spec> specs {
        {edge, SignalName::RequestRate, 20, 0.8, -1},
        {edge, SignalName::ErrorRatio, 0.01, 0.002, 0.3},
        {edge, SignalName::LatencyP95, 40, 2, 180},
        {QStringLiteral("cart->db"), SignalName::LatencyP95, 12, 0.6, -1},
        {QStringLiteral("cart"), SignalName::LatencyP50, 20, 1, -1},
    };
    std::vector<SeriesBatch> series;
    for (const Spec& spec : specs) {
        SeriesBatch batch;
        batch.key = {spec.entity, spec.signal};
        for (std::size_t i = 0; i < Samples; ++i) {
            const double level = spec.faultLevel >= 0 && i >= FaultAt ? spec.faultLevel : spec.level;
            batch.timesMs.push_back(timeAt(i));
            batch.values.push_back(std::max(0.0, level + spec.spread * noise(rng)));
        }
        series.push_back(std::move(batch));
    }
    return series;
}

/// Samples [from, to) of every series, as one poll brings them.
std::vector<SeriesBatch> slice(const std::vector<SeriesBatch>& all, std::size_t from, std::size_t to)
{
    std::vector<SeriesBatch> part;
    for (const SeriesBatch& batch : all) {
        SeriesBatch piece;
        piece.key = batch.key;
        piece.timesMs.assign(batch.timesMs.begin() + long(from), batch.timesMs.begin() + long(to));
        piece.values.assign(batch.values.begin() + long(from), batch.values.begin() + long(to));
        part.push_back(std::move(piece));
    }
    return part;
}

TopologyFrame topology()
{
    TopologyFrame frame;
    frame.tMs = StartMs;
    for (const QString& name : {QStringLiteral("frontend"), QStringLiteral("cart"), QStringLiteral("db")}) {
        TopologyNode node;
        node.name = name;
        node.ns = QStringLiteral("shop");
        node.workload = name;
        frame.nodes.push_back(node);
    }
    TopologyEdge edge;
    edge.source = QStringLiteral("frontend");
    edge.destination = QStringLiteral("cart");
    frame.edges.push_back(edge);
    edge.source = QStringLiteral("cart");
    edge.destination = QStringLiteral("db");
    frame.edges.push_back(edge);
    return frame;
}

/// The band values each poll hands over, appended per series.
struct BandCollector
{
    void add(const LiveFindings& findings)
    {
        for (std::size_t i = 0; i < findings.bandKeys.size(); ++i) {
            SeriesBand& band = bands[findings.bandKeys[i]];
            const SeriesBand& part = findings.bandAppends[i];
            band.expected.insert(band.expected.end(), part.expected.begin(), part.expected.end());
            band.lower.insert(band.lower.end(), part.lower.begin(), part.lower.end());
            band.upper.insert(band.upper.end(), part.upper.begin(), part.upper.end());
            band.score.insert(band.score.end(), part.score.begin(), part.score.end());
        }
    }
    QHash<SeriesKey, SeriesBand> bands;
};

void sortAnomalies(std::vector<Anomaly>& anomalies)
{
    std::sort(anomalies.begin(), anomalies.end(), [](const Anomaly& a, const Anomaly& b) {
        if (a.startMs != b.startMs)
            return a.startMs < b.startMs;
        return a.series.entity != b.series.entity ? a.series.entity < b.series.entity
                                                  : a.series.signal < b.series.signal;
    });
}

} // namespace

class TestLiveDetection : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void chunksGiveTheBatchResult_data()
    {
        QTest::addColumn<int>("backfill");
        QTest::addColumn<int>("chunk");
        QTest::newRow("sample by sample") << 0 << 1;
        QTest::newRow("backfill, then polls of 1") << 400 << 1;
        QTest::newRow("backfill, then polls of 7") << 400 << 7;
        QTest::newRow("polls of 64") << 0 << 64;
        QTest::newRow("all at once") << int(Samples) << 1;
    }

    void chunksGiveTheBatchResult()
    {
        QFETCH(int, backfill);
        QFETCH(int, chunk);
        const std::vector<SeriesBatch> all = meshSeries();
        LiveDetection live;
        BandCollector collector;
        QHash<SeriesKey, SeriesBand>& bands = collector.bands;
        auto collect = [&](const LiveFindings& findings) {
            QCOMPARE(findings.bandKeys.size(), findings.bandAppends.size());
            collector.add(findings);
        };
        std::size_t done = 0;
        if (backfill > 0) {
            done = std::size_t(backfill);
            collect(live.update(slice(all, 0, done), {topology()}, timeAt(done - 1)));
        }
        while (done < Samples) {
            const std::size_t next = std::min(Samples, done + std::size_t(chunk));
            collect(live.update(slice(all, done, next), {}, timeAt(next - 1)));
            done = next;
        }
        std::vector<Anomaly> streamed = live.finish().anomalies;

        const DetectionResult batch = detectAll(live.dataset().series);
        std::vector<Anomaly> expected = batch.anomalies;
        sortAnomalies(streamed);
        sortAnomalies(expected);
        QVERIFY(!expected.empty());
        QCOMPARE(streamed.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i)
            QVERIFY2(streamed[i] == expected[i],
                qPrintable(QStringLiteral("%1 %2..%3 sig %4 (batch %5 %6..%7 sig %8)")
                               .arg(streamed[i].series.toString())
                               .arg(streamed[i].startMs)
                               .arg(streamed[i].endMs)
                               .arg(streamed[i].significance)
                               .arg(expected[i].series.toString())
                               .arg(expected[i].startMs)
                               .arg(expected[i].endMs)
                               .arg(expected[i].significance)));
        for (const SeriesBand& band : batch.bands) {
            const SeriesBand& mine = bands.value(live.dataset().series.key(band.series));
            QCOMPARE(mine.expected, band.expected);
            QCOMPARE(mine.lower, band.lower);
            QCOMPARE(mine.upper, band.upper);
            QCOMPARE(mine.score, band.score);
        }
    }

    void faultShowsWhileItHappens()
    {
        const std::vector<SeriesBatch> all = meshSeries();
        LiveDetection live;
        LiveFindings findings = live.update(slice(all, 0, 600), {topology()}, timeAt(599));
        QVERIFY(findings.incidents.empty());
        const int before = int(findings.anomalies.size());
        // Polls of 4 samples (a minute) until the fault is a confirmed incident.
        bool incident = false;
        std::size_t done = 600;
        while (!incident && done < FaultAt + 40) {
            findings = live.update(slice(all, done, done + 4), {}, timeAt(done + 3));
            done += 4;
            incident = !findings.incidents.empty();
        }
        QVERIFY2(incident, "no incident within 10 minutes of the fault");
        QVERIFY(done > FaultAt);
        QVERIFY(int(findings.anomalies.size()) > before);
        const Incident& found = findings.incidents.back();
        QVERIFY(std::abs(found.startMs - timeAt(FaultAt)) <= 2 * StepMs);
        QVERIFY(!found.resolved);
        QVERIFY(!found.candidates.empty());
        QVERIFY2(found.candidates.front().entity == QStringLiteral("cart")
                || found.candidates.front().entity == QStringLiteral("frontend->cart"),
            qPrintable(found.candidates.front().entity));
        bool errorAnomaly = false;
        for (int index : found.anomalyIndexes) {
            const Anomaly& anomaly = findings.anomalies[std::size_t(index)];
            errorAnomaly = errorAnomaly
                || (anomaly.series.entity == QStringLiteral("frontend->cart")
                    && anomaly.series.signal == SignalName::ErrorRatio);
        }
        QVERIFY(errorAnomaly);
        // The running anomaly grows with the next poll: reported as updated, not as new.
        findings = live.update(slice(all, done, done + 4), {}, timeAt(done + 3));
        QVERIFY(findings.updatedAnomalies > 0);
    }

    // A session that resumes the detectors of an earlier one (its checkpoints, as the
    // recording keeps them) gives exactly the bands and the anomalies of one session
    // that never stopped, from the first sample after the checkpoint on; the backfill's
    // samples before it are kept but not learnt again (NaN band).
    void resumedSessionContinuesExactly()
    {
        const std::vector<SeriesBatch> all = meshSeries();
        constexpr std::size_t Cut = 700; // the first session stops here, before the fault
        constexpr std::size_t Overlap = 60; // the second one's backfill reaches back this far
        LiveDetection whole;
        BandCollector wholeBands;
        wholeBands.add(whole.update(slice(all, 0, 400), {topology()}, timeAt(399)));
        for (std::size_t done = 400; done < Samples; done += 5)
            wholeBands.add(whole.update(slice(all, done, done + 5), {}, timeAt(done + 4)));
        std::vector<Anomaly> wholeAnomalies = whole.finish().anomalies;

        LiveDetection first;
        first.update(slice(all, 0, 400), {topology()}, timeAt(399));
        for (std::size_t done = 400; done < Cut; done += 5)
            first.update(slice(all, done, done + 5), {}, timeAt(done + 4));
        const std::vector<DetectorCheckpoint> checkpoints = first.checkpoints();
        QCOMPARE(checkpoints.size(), all.size());

        LiveDetection second;
        const DetectorResume resumed = second.resume(checkpoints, timeAt(Cut));
        QCOMPARE(resumed.resumed, int(all.size()));
        QCOMPARE(resumed.cold, 0);
        QCOMPARE(resumed.learntUntilMs, timeAt(Cut - 1));
        BandCollector secondBands;
        secondBands.add(second.update(slice(all, Cut - Overlap, Cut + 5), {topology()}, timeAt(Cut + 4)));
        for (std::size_t done = Cut + 5; done < Samples; done += 5)
            secondBands.add(second.update(slice(all, done, done + 5), {}, timeAt(done + 4)));
        std::vector<Anomaly> secondAnomalies = second.finish().anomalies;

        for (const SeriesBatch& batch : all) {
            const SeriesBand& mine = secondBands.bands.value(batch.key);
            const SeriesBand& expected = wholeBands.bands.value(batch.key);
            QCOMPARE(mine.score.size(), Samples - (Cut - Overlap));
            for (std::size_t i = 0; i < Overlap; ++i)
                QVERIFY(std::isnan(mine.expected[i]) && std::isnan(mine.score[i]));
            for (std::size_t i = Overlap; i < mine.score.size(); ++i) {
                const std::size_t at = Cut - Overlap + i;
                QCOMPARE(mine.expected[i], expected.expected[at]);
                QCOMPARE(mine.lower[i], expected.lower[at]);
                QCOMPARE(mine.upper[i], expected.upper[at]);
                QCOMPARE(mine.score[i], expected.score[at]);
            }
        }
        const auto afterCut = [](std::vector<Anomaly> anomalies) {
            std::erase_if(anomalies, [](const Anomaly& a) { return a.startMs <= timeAt(Cut); });
            sortAnomalies(anomalies);
            return anomalies;
        };
        const std::vector<Anomaly> expectedAfter = afterCut(wholeAnomalies);
        QVERIFY(!expectedAfter.empty()); // the fault at FaultAt
        QCOMPARE(afterCut(secondAnomalies), expectedAfter);
        // A replay of the second session's data that starts from the checkpoints it resumed
        // from (what its recording keeps) shows exactly what the session showed.
        const DetectionResult replay = detectAll(second.dataset().series, {}, nullptr, resumed.accepted);
        for (const SeriesBand& band : replay.bands) {
            const SeriesBand& live = secondBands.bands.value(second.dataset().series.key(band.series));
            QCOMPARE(band.score.size(), live.score.size());
            for (std::size_t i = 0; i < band.score.size(); ++i) {
                QCOMPARE(std::isnan(band.score[i]), i < Overlap);
                if (i >= Overlap) {
                    QCOMPARE(band.expected[i], live.expected[i]);
                    QCOMPARE(band.score[i], live.score[i]);
                }
            }
        }
        QCOMPARE(afterCut(replay.anomalies), expectedAfter);
        // A fresh session's detectors are not warm: their scores differ after the cut.
        LiveDetection cold;
        BandCollector coldBands;
        coldBands.add(cold.update(slice(all, Cut - Overlap, Samples), {topology()}, timeAt(Samples - 1)));
        QVERIFY(coldBands.bands.value(all[0].key).score != secondBands.bands.value(all[0].key).score);
    }

    // Checkpoints that do not fit start their series cold, each reason said once; the
    // others resume. Resumed series not seen again keep their checkpoint.
    void unusableCheckpointsStartCold()
    {
        const std::vector<SeriesBatch> all = meshSeries();
        LiveDetection first;
        first.update(slice(all, 0, 300), {topology()}, timeAt(299));
        std::vector<DetectorCheckpoint> checkpoints = first.checkpoints();
        QCOMPARE(checkpoints.size(), std::size_t(5));
        checkpoints[0].state.chop(40); // truncated
        checkpoints[1].config.replace(QStringLiteral("sensitivity 1"), QStringLiteral("sensitivity 2"));
        checkpoints[2].lastMs -= LiveDetection::MaxResumeAgeMs + StepMs; // too old
        LiveDetection second;
        const DetectorResume resumed = second.resume(checkpoints, timeAt(300));
        QCOMPARE(resumed.resumed, 2);
        QCOMPARE(resumed.cold, 3);
        QCOMPARE(resumed.problems.size(), 3);
        QVERIFY2(resumed.text().contains(QStringLiteral("resumed 2 series")), qPrintable(resumed.text()));
        QVERIFY2(resumed.text().contains(QStringLiteral("3 series start cold")), qPrintable(resumed.text()));
        // Only the first series comes back; the two resumed ones keep their checkpoints.
        second.update(slice({all[0]}, 290, 310), {}, timeAt(309));
        const std::vector<DetectorCheckpoint> after = second.checkpoints();
        QCOMPARE(after.size(), std::size_t(3));
        QCOMPARE(std::count_if(after.begin(), after.end(),
                     [&](const DetectorCheckpoint& c) {
                         return c.series == checkpoints[3].series && c.state == checkpoints[3].state;
                     }),
            1);
    }

    void samplesAlreadySeenAreIgnored()
    {
        const std::vector<SeriesBatch> all = meshSeries();
        LiveDetection live;
        live.update(slice(all, 0, 100), {}, timeAt(99));
        // Polls overlap their predecessor; only the new samples are fed.
        const LiveFindings findings = live.update(slice(all, 90, 110), {}, timeAt(109));
        QCOMPARE(findings.bandAppends.size(), all.size());
        for (const SeriesBand& band : findings.bandAppends)
            QCOMPARE(band.expected.size(), std::size_t(10));
        QCOMPARE(live.dataset().series.samples(0).size, std::size_t(110));
    }
};

QTEST_GUILESS_MAIN(TestLiveDetection)
#include "test_live_detection.moc"
