// Replot with 1 M points at 1600x900 offscreen: our min/max level of detail (recomputed
// for every new visible range) against QCustomPlot's adaptive sampling of all samples.
#include "model/dataset.h"
#include "model/signal_names.h"
#include "models/entity_selection.h"
#include "models/time_window.h"
#include "plots/signal_plots.h"

#include <QApplication>
#include <QElapsedTimer>

#include <benchmark/benchmark.h>

#include <cmath>
#include <memory>

using namespace meshscope;

namespace {

constexpr qint64 T0 = 1'700'000'000'000;
constexpr qint64 StepMs = 1000;

std::shared_ptr<Dataset> millionPoints()
{
    static std::shared_ptr<Dataset> ds = [] {
        auto d = std::make_shared<Dataset>();
        const SeriesId id = d->series.ensureSeries({QStringLiteral("cart"), SignalName::RequestRate});
        constexpr int N = 1'000'000;
        d->series.reserve(id, N);
        for (int i = 0; i < N; ++i)
            d->series.append(id, T0 + i * StepMs, 100 + 20 * std::sin(i * 0.001) + (i % 97 == 0 ? 40 : 0));
        return d;
    }();
    return ds;
}

void replot(benchmark::State& state, PlotSampling sampling)
{
    const auto ds = millionPoints();
    TimeWindow window;
    EntitySelection selection;
    SignalPlots plots(&window, &selection);
    plots.resize(1600, 900);
    plots.show();
    plots.setSampling(sampling);
    plots.setDataset(ds);
    window.reset(ds->timeRange());
    selection.select(QStringLiteral("cart"));
    plots.replotNow();
    const TimeRange full = ds->timeRange();
    qint64 i = 0;
    QElapsedTimer clock;
    clock.start();
    for (auto _ : state) {
        // A different range each time (as a drag or wheel zoom would give) so nothing is cached.
        const qint64 shrink = (i++ % 10) * StepMs;
        window.setVisibleRange(TimeRange {full.startMs + shrink, full.endMs - shrink});
        plots.replotNow();
    }
    state.counters["points"] = plots.pointCount(SignalName::RequestRate);
    state.counters["ms/replot"]
        = static_cast<double>(clock.nsecsElapsed()) / 1e6 / static_cast<double>(state.iterations());
}

void BM_ReplotLevelOfDetail(benchmark::State& state)
{
    replot(state, PlotSampling::LevelOfDetail);
}
void BM_ReplotAdaptiveSampling(benchmark::State& state)
{
    replot(state, PlotSampling::Adaptive);
}

BENCHMARK(BM_ReplotLevelOfDetail)->Unit(benchmark::kMillisecond)->Iterations(30)->UseRealTime();
BENCHMARK(BM_ReplotAdaptiveSampling)->Unit(benchmark::kMillisecond)->Iterations(30)->UseRealTime();

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
