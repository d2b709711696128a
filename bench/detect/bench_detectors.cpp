// Per-point cost of every detector and whole-store throughput of detectAll.
// Run: build/bench/bench_detectors  (default runs take a few seconds each)

#include "detect/detection.h"
#include "detect/detector.h"
#include "detect/ensemble_detector.h"
#include "detect/record_score.h"
#include "model/signal_names.h"

#include <benchmark/benchmark.h>

#include <QThreadPool>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <random>

using namespace meshscope;

namespace {

constexpr qint64 StepMs = 60'000;

// A daily cycle with noise and an occasional spike: every detector path is exercised.
std::vector<double> makeSignal(std::size_t n, unsigned seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<double> noise(0, 2);
    std::vector<double> v(n);
    for (std::size_t i = 0; i < n; ++i)
        v[i] = 100 + 30 * std::sin(2 * M_PI * static_cast<double>(i % 1440) / 1440) + noise(rng)
            + (i % 5000 == 4999 ? 40 : 0);
    return v;
}

// 10 M points through one detector on one core; reports ns/point and M points/s.
void perPoint(benchmark::State& state, const QString& name)
{
    constexpr std::size_t Points = 10'000'000;
    static const std::vector<double> values = makeSignal(Points, 1);
    DetectorConfig config;
    config.signalClass = name == QLatin1String("burnrate") ? SignalClass::Errors : SignalClass::Latency;
    for (auto _ : state) {
        std::unique_ptr<Detector> d = createDetector(name, config);
        double sum = 0;
        for (std::size_t i = 0; i < Points; ++i)
            sum += d->update(static_cast<qint64>(i) * StepMs, name == QLatin1String("burnrate") ? values[i] / 1e4 : values[i]);
        benchmark::DoNotOptimize(sum);
    }
    const double points = static_cast<double>(state.iterations()) * Points;
    state.counters["ns/point"] = benchmark::Counter(points, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
    state.counters["Mpoints/s"] = benchmark::Counter(points / 1e6, benchmark::Counter::kIsRate);
}

// The ensemble's record score alone (the value against the range learnt so far).
void perPointRecord(benchmark::State& state)
{
    constexpr std::size_t Points = 10'000'000;
    static const std::vector<double> values = makeSignal(Points, 1);
    for (auto _ : state) {
        RecordScore record;
        double sum = 0;
        for (std::size_t i = 0; i < Points; ++i)
            sum += record.update(static_cast<qint64>(i) * StepMs, values[i]);
        benchmark::DoNotOptimize(sum);
    }
    const double points = static_cast<double>(state.iterations()) * Points;
    state.counters["ns/point"] = benchmark::Counter(points, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
    state.counters["Mpoints/s"] = benchmark::Counter(points / 1e6, benchmark::Counter::kIsRate);
}

// The ensemble on an error ratio with the requests behind each sample (the binomial noise
// floor's path): 10 M points of a sparse ratio at 2 req/s (120 requests a minute).
void perPointRatio(benchmark::State& state)
{
    constexpr std::size_t Points = 10'000'000;
    static const std::vector<double> ratios = [] {
        std::mt19937 rng(3);
        std::binomial_distribution<int> failures(120, 0.004);
        std::vector<double> v(Points);
        for (double& r : v)
            r = failures(rng) / 120.0;
        return v;
    }();
    DetectorConfig config;
    config.signalClass = SignalClass::Errors;
    for (auto _ : state) {
        EnsembleDetector d(config);
        double sum = 0;
        for (std::size_t i = 0; i < Points; ++i)
            sum += d.updateRatio(static_cast<qint64>(i) * StepMs, ratios[i], 120.0);
        benchmark::DoNotOptimize(sum);
    }
    const double points = static_cast<double>(state.iterations()) * Points;
    state.counters["ns/point"] = benchmark::Counter(points, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
    state.counters["Mpoints/s"] = benchmark::Counter(points / 1e6, benchmark::Counter::kIsRate);
}

// detectAll on a store of `series` x `points`, on the global pool (2 threads).
void wholeStore(benchmark::State& state)
{
    const int seriesCount = static_cast<int>(state.range(0));
    const std::size_t points = static_cast<std::size_t>(state.range(1));
    QThreadPool::globalInstance()->setMaxThreadCount(2);
    SeriesStore store;
    std::vector<qint64> times(points);
    for (std::size_t i = 0; i < points; ++i)
        times[i] = static_cast<qint64>(i) * StepMs;
    for (int s = 0; s < seriesCount; ++s) {
        const QString signal = s % 3 == 0 ? SignalName::RequestRate : s % 3 == 1 ? SignalName::LatencyP99 : SignalName::Cpu;
        const SeriesId id = store.ensureSeries({QStringLiteral("svc-%1").arg(s / 3), signal});
        const std::vector<double> values = makeSignal(points, static_cast<unsigned>(s + 2));
        store.appendSorted(id, times.data(), values.data(), points);
    }
    std::size_t anomalies = 0;
    // Process CPU time over all threads: on a loaded machine wall time says little.
    const std::clock_t cpuStart = std::clock();
    for (auto _ : state)
        anomalies = detectAll(store).anomalies.size();
    const double cpuSeconds = static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    const double total = static_cast<double>(state.iterations()) * seriesCount * static_cast<double>(points);
    state.counters["Mpoints/s"] = benchmark::Counter(total / 1e6, benchmark::Counter::kIsRate);
    state.counters["Mpoints/cpu-s"] = total / 1e6 / std::max(cpuSeconds, 1e-9);
    state.counters["anomalies"] = static_cast<double>(anomalies);
}

} // namespace

BENCHMARK_CAPTURE(perPoint, ensemble, QStringLiteral("ensemble"))->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(perPointRatio)->Name("perPoint/ensemble_error_ratio")->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(perPointRecord)->Name("perPoint/record_score")->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(perPoint, seasonal, QStringLiteral("seasonal"))->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(perPoint, level, QStringLiteral("level"))->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(perPoint, changepoint, QStringLiteral("changepoint"))->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(perPoint, spike, QStringLiteral("spike"))->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(perPoint, burnrate, QStringLiteral("burnrate"))->Unit(benchmark::kMillisecond)->Iterations(1);
// 300 series x 20 160 points (two weeks of minutes): ~6 M points
BENCHMARK(wholeStore)->Args({300, 20160})->Unit(benchmark::kMillisecond)->Iterations(2)->UseRealTime();

BENCHMARK_MAIN();
