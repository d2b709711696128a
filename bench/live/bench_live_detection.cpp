// Per-poll cost of continuous live detection on a 500-workload mesh: the detectors are
// warmed on an hour of backfill, then each iteration is one poll bringing one new sample
// per series. Compare with `full_detect_ms`, what rerunning detectAll on the history costs.
// BM_CheckpointResume500Workloads: what a session's detector checkpoints cost to take,
// to write into a recording, to read back and to resume in a new session.
#include "live/live_detection.h"

#include "detect/detection.h"
#include "model/signal_names.h"
#include "recording/recording.h"

#include <QElapsedTimer>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <random>

using namespace meshscope;

namespace {

constexpr int Workloads = 500;
constexpr qint64 StepMs = 15'000;
constexpr int BackfillSamples = 240; // one hour
constexpr qint64 StartMs = 1'700'000'000'000LL;

struct MeshSeries
{
    std::vector<SeriesKey> keys;
    std::vector<double> levels;
};

/// A tree of 500 workloads: per call (edge) and per workload (inbound) the five golden
/// signals the poller fetches.
MeshSeries meshSeries()
{
    MeshSeries mesh;
    const QStringList signalNames {SignalName::RequestRate, SignalName::ErrorRatio, SignalName::LatencyP50,
        SignalName::LatencyP95, SignalName::LatencyP99};
    const std::vector<double> levels {20, 0.01, 20, 60, 120};
    for (int i = 0; i < Workloads; ++i) {
        const QString node = QStringLiteral("svc-%1").arg(i);
        const QString edge = i == 0 ? QStringLiteral("unknown->svc-0")
                                    : QStringLiteral("svc-%1->%2").arg((i - 1) / 3).arg(node);
        for (const QString& entity : {edge, node}) {
            for (int s = 0; s < signalNames.size(); ++s) {
                mesh.keys.push_back({entity, signalNames[s]});
                mesh.levels.push_back(levels[std::size_t(s)] * (1 + (i % 7) * 0.1));
            }
        }
    }
    return mesh;
}

/// `count` samples per series from sample index `first`; from `faultFrom` on the error
/// ratio of every 25th call is 30%.
std::vector<SeriesBatch> poll(const MeshSeries& mesh, int first, int count, std::mt19937& rng, int faultFrom)
{
    std::normal_distribution<double> noise(0.0, 0.03);
    std::vector<SeriesBatch> batches(mesh.keys.size());
    for (std::size_t k = 0; k < mesh.keys.size(); ++k) {
        SeriesBatch& batch = batches[k];
        batch.key = mesh.keys[k];
        const bool faulty = batch.key.signal == SignalName::ErrorRatio
            && batch.key.entity.contains(QLatin1String("->")) && (k / 10) % 25 == 3;
        for (int i = first; i < first + count; ++i) {
            batch.timesMs.push_back(StartMs + i * StepMs);
            const double level = faulty && i >= faultFrom ? 0.3 : mesh.levels[k];
            batch.values.push_back(std::max(0.0, level * (1 + noise(rng))));
        }
    }
    return batches;
}

TopologyFrame topology()
{
    TopologyFrame frame;
    frame.tMs = StartMs;
    for (int i = 0; i < Workloads; ++i) {
        TopologyNode node;
        node.name = QStringLiteral("svc-%1").arg(i);
        node.workload = node.name;
        frame.nodes.push_back(node);
        if (i > 0) {
            TopologyEdge edge;
            edge.source = QStringLiteral("svc-%1").arg((i - 1) / 3);
            edge.destination = node.name;
            frame.edges.push_back(edge);
        }
    }
    return frame;
}

void runPolls(benchmark::State& state, bool fault)
{
    const MeshSeries mesh = meshSeries();
    std::mt19937 rng(5);
    LiveDetection live;
    QElapsedTimer warm;
    warm.start();
    live.update(poll(mesh, 0, BackfillSamples, rng, fault ? BackfillSamples : 1 << 30), {topology()},
        StartMs + (BackfillSamples - 1) * StepMs);
    const double backfillMs = double(warm.nsecsElapsed()) / 1e6;
    int next = BackfillSamples;
    std::size_t anomalies = 0;
    std::size_t incidents = 0;
    for (auto _ : state) {
        state.PauseTiming();
        const std::vector<SeriesBatch> batches = poll(mesh, next, 1, rng, fault ? BackfillSamples : 1 << 30);
        state.ResumeTiming();
        const LiveFindings findings = live.update(batches, {}, StartMs + next * StepMs);
        anomalies = findings.anomalies.size();
        incidents = findings.incidents.size();
        ++next;
    }
    QElapsedTimer full;
    full.start();
    const DetectionResult batch = detectAll(live.dataset().series);
    benchmark::DoNotOptimize(batch.anomalies.size());
    state.counters["series"] = double(mesh.keys.size());
    state.counters["backfill_ms"] = backfillMs;
    state.counters["full_detect_ms"] = double(full.nsecsElapsed()) / 1e6;
    state.counters["anomalies"] = double(anomalies);
    state.counters["incidents"] = double(incidents);
}

void BM_LivePollQuiet500Workloads(benchmark::State& state)
{
    runPolls(state, false);
}

void BM_LivePollDuringIncident500Workloads(benchmark::State& state)
{
    runPolls(state, true);
}

void BM_CheckpointResume500Workloads(benchmark::State& state)
{
    const MeshSeries mesh = meshSeries();
    std::mt19937 rng(5);
    LiveDetection live;
    live.update(
        poll(mesh, 0, BackfillSamples, rng, 1 << 30), {topology()}, StartMs + (BackfillSamples - 1) * StepMs);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("checkpoints.meshrec"));
    double takeMs = 0, storeMs = 0, readMs = 0, resumeMs = 0, bytes = 0;
    int resumed = 0;
    for (auto _ : state) {
        QElapsedTimer clock;
        clock.start();
        const std::vector<DetectorCheckpoint> checkpoints = live.checkpoints();
        takeMs += double(clock.nsecsElapsed()) / 1e6;
        bytes = 0;
        for (const DetectorCheckpoint& c : checkpoints)
            bytes += double(c.state.size());
        clock.restart();
        {
            const std::unique_ptr<RecordingWriter> writer = RecordingWriter::create(path, true);
            writer->storeDetectorCheckpoints(checkpoints);
            writer->close();
        }
        storeMs += double(clock.nsecsElapsed()) / 1e6;
        clock.restart();
        const std::vector<DetectorCheckpoint> stored = RecordingReader::open(path)->detectorCheckpoints();
        readMs += double(clock.nsecsElapsed()) / 1e6;
        clock.restart();
        LiveDetection next;
        resumed = next.resume(stored, StartMs + BackfillSamples * StepMs).resumed;
        resumeMs += double(clock.nsecsElapsed()) / 1e6;
    }
    const double n = double(state.iterations());
    state.counters["series"] = double(mesh.keys.size());
    state.counters["resumed"] = resumed;
    state.counters["state_MB"] = bytes / 1e6;
    state.counters["take_ms"] = takeMs / n;
    state.counters["store_ms"] = storeMs / n;
    state.counters["read_ms"] = readMs / n;
    state.counters["resume_ms"] = resumeMs / n;
}

} // namespace

BENCHMARK(BM_CheckpointResume500Workloads)->Iterations(3)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_LivePollQuiet500Workloads)->Iterations(40)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_LivePollDuringIncident500Workloads)
    ->Iterations(40)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_MAIN();
