#include "detection.h"

#include "ensemble_detector.h"
#include "significance_scorer.h"

#include "model/signal_names.h"

#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <mutex>
#include <numeric>

namespace meshscope {

namespace {

// A sample is inside an anomalous stretch when its combined deviation exceeds this many
// spreads; the stretch then goes to the significance scorer.
constexpr double StretchDeviation = 4.0;
// Normal samples tolerated inside one stretch, so a flickering deviation stays one anomaly.
constexpr int MaxGapSamples = 2;

struct Stretch
{
    std::size_t first = 0;
    std::size_t last = 0;
    std::size_t peak = 0;
    double peakDeviation = 0;
    double peakScore = 0;
    QString component;
    bool warmAtPeak = true;
};

struct SeriesResult
{
    SeriesBand band;
    std::vector<Anomaly> anomalies;
};

// Mean request rate per entity, scaled to 0..1 on a log scale against the busiest one.
QHash<QString, double> trafficWeights(const SeriesStore& store)
{
    QHash<QString, double> mean;
    double busiest = 0;
    for (SeriesId id = 0; id < store.seriesCount(); ++id) {
        if (store.key(id).signal != SignalName::RequestRate)
            continue;
        const SeriesSpan span = store.samples(id);
        if (span.empty())
            continue;
        const double m = std::accumulate(span.values, span.values + span.size, 0.0) / static_cast<double>(span.size);
        mean.insert(store.key(id).entity, std::max(0.0, m));
        busiest = std::max(busiest, m);
    }
    for (auto it = mean.begin(); it != mean.end(); ++it)
        it.value() = busiest > 0 ? std::log1p(it.value()) / std::log1p(busiest) : 1.0;
    return mean;
}

Anomaly toAnomaly(const SeriesKey& key, const SeriesSpan& span, const SeriesBand& band, const Stretch& s,
    double significance)
{
    Anomaly a;
    a.series = key;
    a.startMs = span.timesMs[s.first];
    a.endMs = span.timesMs[s.last];
    a.peakMs = span.timesMs[s.peak];
    a.significance = significance;
    a.peakScore = s.peakScore;
    a.expected = band.expected[s.peak];
    a.observed = span.values[s.peak];
    a.detector = QStringLiteral("ensemble/") + s.component;
    return a;
}

SeriesResult detectSeries(const SeriesStore& store, SeriesId id, const DetectionSettings& settings,
    double trafficWeight)
{
    const SeriesKey& key = store.key(id);
    const SeriesSpan span = store.samples(id);
    SeriesResult result;
    SeriesBand& band = result.band;
    band.series = id;
    band.expected.resize(span.size);
    band.lower.resize(span.size);
    band.upper.resize(span.size);
    band.score.resize(span.size);
    // Both directions are learned and drawn; the significance scorer alerts only the bad one.
    DetectorConfig config;
    config.signalClass = signalClass(key.signal);
    config.sensitivity = std::max(settings.sensitivity, 1e-6);
    EnsembleDetector detector(config);
    const SignificanceScorer scorer(key.signal, settings.sensitivity);
    const bool muted = settings.muted.contains(key);

    std::vector<Stretch> stretches;
    Stretch current;
    bool open = false;
    int gap = 0;
    for (std::size_t i = 0; i < span.size; ++i) {
        const double score = detector.update(span.timesMs[i], span.values[i]);
        const DetectorOutput& out = detector.output();
        band.expected[i] = static_cast<float>(out.expected);
        band.lower[i] = static_cast<float>(out.lower);
        band.upper[i] = static_cast<float>(out.upper);
        band.score[i] = static_cast<float>(score);
        if (muted)
            continue;
        const bool abnormal = std::abs(out.deviation) >= StretchDeviation;
        if (abnormal) {
            if (!open)
                current = Stretch {i, i, i, 0, 0, {}, true};
            open = true;
            gap = 0;
            current.last = i;
            current.peakScore = std::max(current.peakScore, score);
            if (std::abs(out.deviation) > std::abs(current.peakDeviation)) {
                current.peak = i;
                current.peakDeviation = out.deviation;
                current.component = detector.strongestComponent();
                current.warmAtPeak = out.warm;
            }
        } else if (open && ++gap > MaxGapSamples) {
            stretches.push_back(current);
            open = false;
        }
    }
    if (open)
        stretches.push_back(current);

    for (const Stretch& s : stretches) {
        DeviationEvidence evidence;
        evidence.peakDeviation = s.peakDeviation / config.sensitivity; // the scorer applies it
        evidence.expected = band.expected[s.peak];
        evidence.observed = span.values[s.peak];
        evidence.samples = static_cast<int>(s.last - s.first + 1);
        evidence.durationMs = span.timesMs[s.last] - span.timesMs[s.first];
        evidence.trafficWeight = trafficWeight;
        evidence.warm = s.warmAtPeak;
        const double significance = scorer.score(evidence);
        if (significance > 0 && significance >= settings.minSignificance)
            result.anomalies.push_back(toAnomaly(key, span, band, s, significance));
    }
    return result;
}

} // namespace

DetectionResult detectAll(const SeriesStore& store, const DetectionSettings& settings, const JobControl* job)
{
    const QHash<QString, double> traffic = trafficWeights(store);
    std::vector<SeriesId> ids(static_cast<std::size_t>(store.seriesCount()));
    std::iota(ids.begin(), ids.end(), 0);
    std::vector<SeriesResult> results(ids.size());
    std::atomic<int> done {0};
    std::mutex progressMutex;
    // Each series is independent; the global thread pool spreads them over the cores.
    // Exceptions cannot cross QtConcurrent, so cancellation is checked after the map.
    QtConcurrent::blockingMap(ids, [&](SeriesId id) {
        if (job && job->isCancelled())
            return;
        const SeriesKey& key = store.key(id);
        results[static_cast<std::size_t>(id)] = detectSeries(store, id, settings, traffic.value(key.entity, 1.0));
        const double fraction = static_cast<double>(++done) / static_cast<double>(ids.size());
        const std::lock_guard lock(progressMutex);
        reportProgress(job, fraction);
    });
    throwIfCancelled(job);

    DetectionResult result;
    result.bands.reserve(results.size());
    for (SeriesResult& r : results) {
        result.bands.push_back(std::move(r.band));
        result.anomalies.insert(result.anomalies.end(), r.anomalies.begin(), r.anomalies.end());
    }
    std::stable_sort(result.anomalies.begin(), result.anomalies.end(),
        [](const Anomaly& a, const Anomaly& b) { return a.startMs < b.startMs; });
    return result;
}

} // namespace meshscope
