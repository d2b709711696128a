#include "synthetic_signals.h"

#include "detect/detection.h"
#include "model/meshscope_error.h"
#include "model/signal_names.h"

#include <QTest>

using namespace meshscope;
using namespace meshscope::testing;

namespace {

constexpr std::size_t Days = 5;
constexpr std::size_t PerDay = 288; // 5-minute samples
constexpr std::size_t FaultStart = 4 * PerDay + 120;
constexpr std::size_t FaultLength = 12;

// A small mesh: a latency series with a fault, a healthy error series, a request rate.
SeriesStore makeStore()
{
    SeriesStore store;
    const auto add = [&](const QString& entity, const QString& signal, Synthetic s) {
        const SeriesId id = store.ensureSeries({entity, signal});
        store.appendSorted(id, s.timesMs.data(), s.values.data(), s.values.size());
    };
    Synthetic latency = dailySignal(Days * PerDay, 5 * MinuteMs, 120, 30, 3, 1);
    for (std::size_t i = FaultStart; i < FaultStart + FaultLength; ++i)
        latency.values[i] += 150;
    add(QStringLiteral("frontend->cart"), SignalName::LatencyP99, latency);
    Synthetic errors = dailySignal(Days * PerDay, 5 * MinuteMs, 0.002, 0, 0.0005, 2);
    add(QStringLiteral("frontend->cart"), SignalName::ErrorRatio, errors);
    add(QStringLiteral("frontend->cart"), SignalName::RequestRate, dailySignal(Days * PerDay, 5 * MinuteMs, 50, 20, 2, 3));
    return store;
}

} // namespace

class TestDetection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsTheFaultAndFillsBands()
    {
        const SeriesStore store = makeStore();
        const DetectionResult result = detectAll(store);
        QCOMPARE(int(result.bands.size()), store.seriesCount());
        for (int id = 0; id < store.seriesCount(); ++id) {
            const SeriesBand& band = result.bands[std::size_t(id)];
            QCOMPARE(band.series, id);
            QCOMPARE(band.expected.size(), store.samples(id).size);
            QCOMPARE(band.score.size(), store.samples(id).size);
            for (float s : band.score)
                QVERIFY(s >= 0 && s <= 1);
        }
        QVERIFY(!result.anomalies.empty());
        const SeriesSpan latency = store.samples(0);
        bool found = false;
        for (const Anomaly& a : result.anomalies) {
            QVERIFY(a.significance >= 50 && a.significance <= 100);
            QVERIFY(a.startMs <= a.peakMs && a.peakMs <= a.endMs);
            if (a.series.signal == SignalName::LatencyP99 && a.startMs >= latency.timesMs[FaultStart - 2]
                && a.startMs <= latency.timesMs[FaultStart + 2]) {
                found = true;
                QVERIFY(a.observed > a.expected + 100);
            }
        }
        QVERIFY(found);
        // The band is learned: it contains the value most of the time outside the fault.
        const SeriesBand& band = result.bands[0];
        int inside = 0, total = 0;
        for (std::size_t i = 2 * PerDay; i < FaultStart; ++i, ++total)
            inside += latency.values[i] >= band.lower[i] && latency.values[i] <= band.upper[i];
        QVERIFY(inside > 0.95 * total);
    }

    void quietOnHealthySeries()
    {
        const DetectionResult result = detectAll(makeStore());
        for (const Anomaly& a : result.anomalies)
            QVERIFY2(a.series.signal == SignalName::LatencyP99, qPrintable(a.series.toString()));
        QVERIFY(result.anomalies.size() <= 2);
    }

    void chronologicalAndDeterministic()
    {
        const SeriesStore store = makeStore();
        const DetectionResult a = detectAll(store);
        const DetectionResult b = detectAll(store);
        QVERIFY(a.anomalies == b.anomalies);
        QVERIFY(std::is_sorted(a.anomalies.begin(), a.anomalies.end(),
            [](const Anomaly& x, const Anomaly& y) { return x.startMs < y.startMs; }));
    }

    void settingsMuteAndThreshold()
    {
        const SeriesStore store = makeStore();
        DetectionSettings muted;
        muted.muted.insert({QStringLiteral("frontend->cart"), SignalName::LatencyP99});
        QVERIFY(detectAll(store, muted).anomalies.empty());
        DetectionSettings strict;
        strict.minSignificance = 100.1;
        QVERIFY(detectAll(store, strict).anomalies.empty());
        DetectionSettings dull;
        dull.sensitivity = 0.2; // a 150 ms jump on 3 ms noise is still extreme
        DetectionSettings sharp;
        sharp.sensitivity = 2;
        QVERIFY(detectAll(store, dull).anomalies.size() <= detectAll(store, sharp).anomalies.size());
    }

    void perSeriesSensitivityActsOnThatSeriesOnly()
    {
        const SeriesStore store = makeStore();
        const SeriesKey latency {QStringLiteral("frontend->cart"), SignalName::LatencyP99};
        DetectionSettings global;
        global.sensitivity = 0.25;
        DetectionSettings perSeries;
        perSeries.seriesSensitivity.insert(latency, 0.25);
        QCOMPARE(perSeries.sensitivityOf(latency), 0.25);
        QCOMPARE(perSeries.sensitivityOf({QStringLiteral("frontend->cart"), SignalName::ErrorRatio}), 1.0);
        const auto ofLatency = [&](const DetectionResult& result) {
            std::vector<Anomaly> out;
            for (const Anomaly& a : result.anomalies) {
                if (a.series == latency)
                    out.push_back(a);
            }
            return out;
        };
        const DetectionResult tuned = detectAll(store, perSeries);
        // The latency series is judged exactly as with a global 0.25...
        QVERIFY(ofLatency(tuned) == ofLatency(detectAll(store, global)));
        // ...and less sharply than by default: lower significance or no anomaly at all.
        const std::vector<Anomaly> normal = ofLatency(detectAll(store));
        QVERIFY(!normal.empty());
        const std::vector<Anomaly> dulled = ofLatency(tuned);
        QVERIFY(dulled.empty() || dulled.front().significance < normal.front().significance);
        // The other series keep their own default judgement.
        DetectionSettings mutedLatency;
        mutedLatency.muted.insert(latency);
        const auto others = [&](const DetectionResult& result) {
            std::vector<Anomaly> out;
            for (const Anomaly& a : result.anomalies) {
                if (!(a.series == latency))
                    out.push_back(a);
            }
            return out;
        };
        QVERIFY(others(tuned) == others(detectAll(store, mutedLatency)));
    }

    void progressAndCancellation()
    {
        const SeriesStore store = makeStore();
        double last = 0;
        JobControl progress([&](double f) { last = f; });
        detectAll(store, {}, &progress);
        QCOMPARE(last, 1.0);
        JobControl cancelled;
        cancelled.cancel();
        QVERIFY_THROWS_EXCEPTION(CancelledError, detectAll(store, {}, &cancelled));
    }

    void emptyStore()
    {
        const DetectionResult result = detectAll(SeriesStore());
        QVERIFY(result.bands.empty());
        QVERIFY(result.anomalies.empty());
    }
};

QTEST_GUILESS_MAIN(TestDetection)
#include "test_detection.moc"
