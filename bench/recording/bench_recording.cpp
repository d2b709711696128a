// Recording throughput and size on realistic mesh metrics:
// write >= 5 M samples/s, read >= 20 M samples/s, <= 4 bytes/sample.

#include "recording/chunk_codec.h"
#include "recording/recording.h"

#include <benchmark/benchmark.h>

#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cmath>
#include <numbers>

using namespace meshscope;

namespace {

constexpr int Edges = 400;          // x 5 signals = 2000 series
constexpr int SamplesPerSeries = 2880; // 12 hours at 15 s
constexpr qint64 StepMs = 15000;
constexpr qint64 T0 = 1700000000000;

double roundTo(double v, double scale)
{
    return std::round(v * scale) / scale; // what parsing Prometheus' rounded text gives
}

/// Per-edge request rates with a daily cycle and noise (0.001 req/s), error ratios
/// (1e-4) and latency percentiles (0.01 ms), as Prometheus and Kiali report them.
const Dataset& meshData()
{
    static const Dataset data = [] {
        Dataset d;
        QRandomGenerator rng(42);
        const auto normal = [&rng] {
            const double u1 = std::max(rng.generateDouble(), 1e-12);
            return std::sqrt(-2 * std::log(u1)) * std::cos(2 * std::numbers::pi * rng.generateDouble());
        };
        for (int e = 0; e < Edges; ++e) {
            const QString entity = QStringLiteral("svc%1->svc%2").arg(e / 8).arg(e);
            const double baseRate = std::exp(rng.generateDouble() * 6); // 1..400 req/s
            const double baseLatency = 2 + rng.generateDouble() * 80;
            const double baseErrors = rng.generateDouble() * 0.003;
            const double phase = rng.generateDouble() * 2 * std::numbers::pi;
            const SeriesId ids[] = {d.series.ensureSeries({entity, QStringLiteral("request_rate")}),
                d.series.ensureSeries({entity, QStringLiteral("error_ratio")}),
                d.series.ensureSeries({entity, QStringLiteral("latency_p50_ms")}),
                d.series.ensureSeries({entity, QStringLiteral("latency_p95_ms")}),
                d.series.ensureSeries({entity, QStringLiteral("latency_p99_ms")})};
            for (SeriesId id : ids)
                d.series.reserve(id, SamplesPerSeries);
            for (int i = 0; i < SamplesPerSeries; ++i) {
                const qint64 t = T0 + i * StepMs;
                const double daily = 1 + 0.5 * std::sin(2 * std::numbers::pi * double(t % 86400000) / 86400000.0 + phase);
                const double rate = std::max(0.0, baseRate * daily * (1 + 0.05 * normal()));
                const double errors = std::max(0.0, baseErrors * (1 + 0.5 * normal()));
                const double p50 = baseLatency * (1 + 0.1 * daily) * (1 + 0.05 * normal());
                d.series.append(ids[0], t, roundTo(rate, 1e3));
                d.series.append(ids[1], t, roundTo(errors, 1e4));
                d.series.append(ids[2], t, roundTo(p50, 1e2));
                d.series.append(ids[3], t, roundTo(p50 * (2 + 0.2 * normal()), 1e2));
                d.series.append(ids[4], t, roundTo(p50 * (4 + 0.5 * normal()), 1e2));
            }
        }
        return d;
    }();
    return data;
}

QString benchFile()
{
    static QTemporaryDir dir;
    return dir.filePath(QStringLiteral("bench.meshrec"));
}

void setCounters(benchmark::State& state, double samples, double bytes)
{
    state.counters["samples/s"] = benchmark::Counter(samples, benchmark::Counter::kIsIterationInvariantRate);
    state.counters["bytes/sample"] = bytes / samples;
}

void BM_ChunkEncode(benchmark::State& state)
{
    const SeriesStore& store = meshData().series;
    std::string times;
    std::string values;
    double bytes = 0;
    for (auto _ : state) {
        bytes = 0;
        for (SeriesId id = 0; id < store.seriesCount(); ++id) {
            const SeriesSpan span = store.samples(id);
            for (std::size_t at = 0; at < span.size; at += 1024) {
                const std::size_t n = std::min<std::size_t>(1024, span.size - at);
                times.clear();
                values.clear();
                ChunkCodec::encodeTimes(span.timesMs + at, n, times);
                ChunkCodec::encodeValues(span.values + at, n, values);
                bytes += double(times.size() + values.size());
            }
        }
        benchmark::DoNotOptimize(bytes);
    }
    setCounters(state, double(store.sampleCount()), bytes);
}

void BM_ChunkDecode(benchmark::State& state)
{
    const SeriesStore& store = meshData().series;
    std::vector<std::pair<std::string, std::string>> chunks;
    std::vector<std::size_t> counts;
    for (SeriesId id = 0; id < store.seriesCount(); ++id) {
        const SeriesSpan span = store.samples(id);
        for (std::size_t at = 0; at < span.size; at += 1024) {
            const std::size_t n = std::min<std::size_t>(1024, span.size - at);
            std::string t;
            std::string v;
            ChunkCodec::encodeTimes(span.timesMs + at, n, t);
            ChunkCodec::encodeValues(span.values + at, n, v);
            chunks.emplace_back(std::move(t), std::move(v));
            counts.push_back(n);
        }
    }
    std::vector<qint64> times;
    std::vector<double> values;
    for (auto _ : state) {
        for (std::size_t c = 0; c < chunks.size(); ++c) {
            times.clear();
            values.clear();
            const auto& [t, v] = chunks[c];
            ChunkCodec::decodeTimes(reinterpret_cast<const unsigned char*>(t.data()), t.size(), times);
            ChunkCodec::decodeValues(reinterpret_cast<const unsigned char*>(v.data()), v.size(), counts[c], values);
            benchmark::DoNotOptimize(values.data());
        }
    }
    setCounters(state, double(store.sampleCount()), 0);
}

void BM_WriteRecording(benchmark::State& state)
{
    const Dataset& data = meshData();
    for (auto _ : state)
        saveRecording(data, benchFile(), true);
    setCounters(state, double(data.series.sampleCount()), double(QFileInfo(benchFile()).size()));
}

void BM_ReadRecording(benchmark::State& state)
{
    const Dataset& data = meshData();
    if (!QFileInfo::exists(benchFile()))
        saveRecording(data, benchFile(), true);
    for (auto _ : state) {
        Dataset loaded = loadRecording(benchFile());
        benchmark::DoNotOptimize(loaded.series.sampleCount());
    }
    setCounters(state, double(data.series.sampleCount()), double(QFileInfo(benchFile()).size()));
}

/// One hour of one random series: what a plot asks for when the user zooms.
void BM_ReadSeriesHour(benchmark::State& state)
{
    const Dataset& data = meshData();
    if (!QFileInfo::exists(benchFile()))
        saveRecording(data, benchFile(), true);
    const auto reader = RecordingReader::open(benchFile());
    const std::vector<SeriesKey> keys = reader->seriesKeys();
    QRandomGenerator rng(7);
    std::vector<qint64> times;
    std::vector<double> values;
    double samples = 0;
    for (auto _ : state) {
        const SeriesKey& key = keys[rng.bounded(int(keys.size()))];
        const qint64 start = T0 + rng.bounded(SamplesPerSeries - 240) * StepMs;
        reader->readSeries(key, TimeRange {start, start + 3600000 - 1}, times, values);
        samples += double(times.size());
    }
    state.counters["queries/s"] = benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
    state.counters["samples/query"] = samples / double(state.iterations());
}

/// Live mode: one new sample for every series, then commit (done every few seconds).
void BM_LiveCommit(benchmark::State& state)
{
    const SeriesStore& store = meshData().series;
    QTemporaryDir dir;
    auto writer = RecordingWriter::create(dir.filePath(QStringLiteral("live.meshrec")));
    std::size_t i = 0;
    for (auto _ : state) {
        for (SeriesId id = 0; id < store.seriesCount(); ++id) {
            const SeriesSpan span = store.samples(id);
            writer->appendSamples(store.key(id), span.timesMs + i, span.values + i, 1);
        }
        writer->commit();
        i = (i + 1) % std::size_t(SamplesPerSeries);
        if (i == 0)
            state.SkipWithError("ran out of samples");
    }
    state.counters["series"] = double(store.seriesCount());
}

} // namespace

BENCHMARK(BM_ChunkEncode)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_ChunkDecode)->Unit(benchmark::kMillisecond)->Iterations(5)->UseRealTime();
BENCHMARK(BM_WriteRecording)->Unit(benchmark::kMillisecond)->Iterations(2)->UseRealTime();
BENCHMARK(BM_ReadRecording)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_ReadSeriesHour)->Unit(benchmark::kMicrosecond)->Iterations(2000)->UseRealTime();
BENCHMARK(BM_LiveCommit)->Unit(benchmark::kMillisecond)->Iterations(200)->UseRealTime();

BENCHMARK_MAIN();
