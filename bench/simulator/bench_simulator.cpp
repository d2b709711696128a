// Simulator speed: the 500-service mesh over 24 h at 15 s must be generated in under
// 30 s; also the demo and the raw Istio metrics writer.

#include "simulator/istio_openmetrics.h"
#include "simulator/mesh_simulator.h"

#include <QBuffer>

#include <benchmark/benchmark.h>

using namespace meshscope;

namespace {

constexpr qint64 FixedEnd = 1748966400000LL;

void largeRandomMesh(benchmark::State& state)
{
    SimulationOptions o;
    o.topology = QStringLiteral("random");
    o.services = static_cast<int>(state.range(0));
    o.namespaces = 10;
    o.durationMs = 24 * 3600 * 1000LL;
    o.stepMs = 15000;
    o.endMs = FixedEnd;
    o.seed = 1;
    o.keepTraces = false;
    qint64 samples = 0;
    qint64 series = 0;
    std::size_t edges = 0;
    for (auto _ : state) {
        const SimulationResult r = simulateMesh(o);
        samples = r.dataset.series.sampleCount();
        series = r.dataset.series.seriesCount();
        edges = r.mesh.calls.size();
        benchmark::DoNotOptimize(samples);
    }
    state.counters["edges"] = static_cast<double>(edges);
    state.counters["series"] = static_cast<double>(series);
    state.counters["samples"] = static_cast<double>(samples);
    state.counters["samples/s"]
        = benchmark::Counter(static_cast<double>(samples), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(largeRandomMesh)->Arg(500)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();

void demo(benchmark::State& state)
{
    qint64 samples = 0;
    for (auto _ : state) {
        const SimulationResult r = simulateMesh(SimulationOptions::demo());
        samples = r.dataset.series.sampleCount();
    }
    state.counters["samples/s"]
        = benchmark::Counter(static_cast<double>(samples), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(demo)->Iterations(5)->Unit(benchmark::kMillisecond);

void istioOpenMetrics(benchmark::State& state)
{
    SimulationOptions o;
    o.topology = QStringLiteral("bookinfo");
    o.durationMs = 3600 * 1000LL;
    o.endMs = FixedEnd;
    const SimulationResult r = simulateMesh(o);
    qint64 bytes = 0;
    for (auto _ : state) {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        writeIstioOpenMetrics(r, buffer);
        bytes = buffer.size();
    }
    state.counters["MB"] = static_cast<double>(bytes) / 1e6;
    state.counters["MB/s"]
        = benchmark::Counter(static_cast<double>(bytes) / 1e6, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(istioOpenMetrics)->Iterations(2)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
