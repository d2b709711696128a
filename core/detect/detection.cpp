#include "detection.h"

#include "series_detection_stream.h"

#include "model/meshscope_error.h"
#include "model/signal_names.h"

#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <mutex>
#include <numeric>

namespace meshscope {

namespace {

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
        it.value() = trafficWeightOf(it.value(), busiest);
    return mean;
}

SeriesResult detectSeries(const SeriesStore& store, SeriesId id, const DetectionSettings& settings,
    double trafficWeight, const DetectorCheckpoint* start)
{
    const SeriesSpan span = store.samples(id);
    SeriesResult result;
    result.band.series = id;
    result.band.expected.reserve(span.size);
    result.band.lower.reserve(span.size);
    result.band.upper.reserve(span.size);
    result.band.score.reserve(span.size);
    // The same stream live mode feeds poll by poll, fed the whole series at once.
    SeriesDetectionStream stream(store.key(id), settings);
    if (start) {
        try {
            stream.resume(*start); // as in the live session: feed() skips what it had learnt
        } catch (const MeshscopeError&) {
            // The live session could not use it either (another configuration or version).
        }
    }
    result.anomalies = stream.feed(store, id, 0, span.size, trafficWeight, &result.band);
    for (Anomaly& last : stream.finish(trafficWeight))
        result.anomalies.push_back(std::move(last));
    return result;
}

} // namespace

DetectionResult detectAll(const SeriesStore& store, const DetectionSettings& settings, const JobControl* job,
    const std::vector<DetectorCheckpoint>& start)
{
    const QHash<QString, double> traffic = trafficWeights(store);
    QHash<SeriesKey, const DetectorCheckpoint*> startOf;
    for (const DetectorCheckpoint& checkpoint : start)
        startOf.insert(checkpoint.series, &checkpoint);
    std::vector<SeriesId> ids(static_cast<std::size_t>(store.seriesCount()));
    std::iota(ids.begin(), ids.end(), 0);
    std::vector<SeriesResult> results(ids.size());
    std::atomic<int> done {0};
    std::mutex progressMutex;
    // Each series is independent; the worker pool spreads them over the cores (not the
    // global pool, which the GUI thread's painting needs; see workerThreadPool()).
    // Exceptions cannot cross QtConcurrent, so cancellation is checked after the map.
    QtConcurrent::blockingMap(workerThreadPool(), ids, [&](SeriesId id) {
        if (job && job->isCancelled())
            return;
        const SeriesKey& key = store.key(id);
        results[static_cast<std::size_t>(id)]
            = detectSeries(store, id, settings, traffic.value(key.entity, 1.0), startOf.value(key, nullptr));
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
