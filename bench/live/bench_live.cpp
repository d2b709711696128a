// Live client overhead against a real Prometheus, side by side with the server's time:
// - a query_range of 2,000 series x 240 points: response bytes -> series in the store;
// - one poll cycle of a 500-workload mesh (all golden signals + topology).
#include "prometheus_harness.h"
#include "synthetic_istio.h"

#include "live/mesh_poller.h"
#include "model/series_store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <memory>

using namespace meshscope;
using namespace meshscope::testing;

namespace {
constexpr int WideSeries = 2000;
constexpr int WidePoints = 240;
constexpr int StepS = 15;

struct Fixture
{
    PrometheusHarness prometheus;
    qint64 startS = 0;
    qint64 endS = 0;
    bool ok = false;
};

Fixture& fixture()
{
    static Fixture f;
    return f;
}

/// 2,000 plain gauges plus a compact 500-workload Istio mesh, in one Prometheus.
QByteArray benchData(qint64 startS, qint64 endS)
{
    QByteArray out;
    for (int i = 0; i < WideSeries; ++i) {
        const QByteArray labels = "bench_metric{i=\"" + QByteArray::number(i) + "\"} ";
        for (qint64 t = startS; t <= endS; t += StepS)
            out += labels + QByteArray::number(i + (t % 600) / 60.0, 'g', 10) + ' ' + QByteArray::number(t)
                + '\n';
    }
    SyntheticMesh mesh = SyntheticMesh::large(500, endS - 1200, endS);
    mesh.scrapeS = 30;
    mesh.compact = true;
    QByteArray istio = mesh.openMetrics();
    out += istio; // ends with # EOF
    return out;
}

void ensureStarted()
{
    Fixture& f = fixture();
    if (f.ok)
        return;
    f.endS = (QDateTime::currentSecsSinceEpoch() - 3 * 3600) / 3600 * 3600;
    f.startS = f.endS - qint64(WidePoints - 1) * StepS;
    QString error;
    f.ok = f.prometheus.start(benchData(f.startS, f.endS), &error);
    if (!f.ok)
        std::fprintf(stderr, "cannot start Prometheus: %s\n", error.toUtf8().constData());
}

void BM_QueryRange2000x240(benchmark::State& state)
{
    ensureStarted();
    Fixture& f = fixture();
    if (!f.ok) {
        state.SkipWithError("Prometheus is not available");
        return;
    }
    EndpointSettings settings;
    settings.url = f.prometheus.url();
    settings.timeoutMs = 60000;
    PrometheusClient client(settings);
    double serverMs = 0;
    double clientMs = 0;
    qint64 samples = 0;
    for (auto _ : state) {
        client.resetStats();
        const PromResponse response
            = client.queryRange(QStringLiteral("bench_metric"), f.startS * 1000, f.endS * 1000, StepS * 1000);
        QElapsedTimer store;
        store.start();
        SeriesStore series;
        for (const PromSeries& s : response.series) {
            const SeriesId id
                = series.ensureSeries(SeriesKey {s.label(QStringLiteral("i")), QStringLiteral("value")});
            series.appendSorted(id, s.timesMs.data(), s.values.data(), s.timesMs.size());
        }
        benchmark::DoNotOptimize(series.sampleCount());
        samples = series.sampleCount();
        const PromFetchStats stats = client.stats();
        serverMs += double(stats.serverMs);
        clientMs += double(stats.parseMs) + double(store.nsecsElapsed()) / 1e6;
    }
    const double n = double(state.iterations());
    state.counters["series_x_points"] = double(samples);
    state.counters["server_ms"] = serverMs / n;
    state.counters["client_ms"] = clientMs / n;
    state.counters["client_over_server"] = clientMs / std::max(1e-9, serverMs);
}
BENCHMARK(BM_QueryRange2000x240)->Iterations(5)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_PollCycle500Workloads(benchmark::State& state)
{
    ensureStarted();
    Fixture& f = fixture();
    if (!f.ok) {
        state.SkipWithError("Prometheus is not available");
        return;
    }
    ConnectionProfile profile;
    profile.prometheus.url = f.prometheus.url();
    profile.prometheus.timeoutMs = 60000;
    profile.pollIntervalS = StepS;
    MeshPoller poller(profile);
    const qint64 now = (f.endS - 120) * 1000;
    double wallMs = 0;
    double waitMs = 0;
    double series = 0;
    double edges = 0;
    for (auto _ : state) {
        // One poll: the last interval's golden signals plus a topology frame.
        const MeshSnapshot snapshot = poller.fetch(now - StepS * 1000, now, true);
        wallMs += double(snapshot.wallMs);
        waitMs += double(snapshot.networkWaitMs);
        series = double(snapshot.series.size());
        edges = snapshot.frames.empty() ? 0 : double(snapshot.frames.front().edges.size());
    }
    const double n = double(state.iterations());
    state.counters["wall_ms"] = wallMs / n;
    state.counters["server_wait_ms"] = waitMs / n;
    state.counters["client_ms"] = (wallMs - waitMs) / n;
    state.counters["client_share"] = (wallMs - waitMs) / std::max(1e-9, wallMs);
    state.counters["series"] = series;
    state.counters["edges"] = edges;
}
BENCHMARK(BM_PollCycle500Workloads)->Iterations(3)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    fixture().prometheus.stop();
    return 0;
}
