// Topology view figures: layout time, full repaint at 1600x900, restyle of 5% of the
// edges + repaint, and one replay frame, on random meshes of 200, 1,000 and 3,000
// services (~3 calls each) from the simulator's generator.
//
// "Repaint" is what the console does after a restyle: the view repaints the region the
// scene marked dirty when the event loop runs. The FullRepaint variants repaint the whole
// viewport instead (the figure measured before lit edges were batched).

#include "model/signal_names.h"
#include "models/entity_selection.h"
#include "models/time_window.h"
#include "simulator/mesh_generator.h"
#include "topology/topology_layout.h"
#include "topology/topology_state.h"
#include "topology/topology_view.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QPaintEvent>

#include <benchmark/benchmark.h>

#include <map>
#include <memory>
#include <random>

using namespace meshscope;

namespace {

constexpr qint64 StartMs = 1'700'000'000'000;
constexpr qint64 StepMs = 15'000;
constexpr int Samples = 240;

TopologyFrame frameOf(const SimMesh& mesh)
{
    TopologyFrame frame = mesh.shapeFrame();
    for (std::size_t i = 0; i < frame.edges.size(); ++i)
        frame.edges[i].requestRate = 5 + static_cast<double>(i % 50);
    return frame;
}

/// A random mesh of `services`; `namespaces` 0 means one per 60 services.
const TopologyFrame& meshOf(int services, int namespaces = 0)
{
    static std::map<std::pair<int, int>, TopologyFrame> cache;
    const int spread = namespaces > 0 ? namespaces : std::max(2, services / 60);
    auto it = cache.find({services, spread});
    if (it == cache.end())
        it = cache.emplace(std::make_pair(services, spread), frameOf(MeshGenerator::random(services, spread, 7))).first;
    return it->second;
}

/// A dataset with request rate and error ratio series for every edge of the frame.
std::shared_ptr<const Dataset> datasetOf(const TopologyFrame& frame)
{
    auto data = std::make_shared<Dataset>();
    data->topology.add(frame);
    std::mt19937 random(11);
    std::uniform_real_distribution<double> noise(0.8, 1.2);
    for (const TopologyEdge& e : frame.edges) {
        const SeriesId rate = data->series.ensureSeries({e.entity(), SignalName::RequestRate});
        const SeriesId errors = data->series.ensureSeries({e.entity(), SignalName::ErrorRatio});
        for (int i = 0; i < Samples; ++i) {
            const qint64 t = StartMs + i * StepMs;
            data->series.append(rate, t, e.requestRate * noise(random) * (1 + (i % 40) / 10.0));
            data->series.append(errors, t, (i % 17 == 0) ? 0.02 : 0.0);
        }
    }
    return data;
}

/// Counts the viewport's paint events and the area they covered.
class PaintCounter : public QObject
{
public:
    int paints = 0;
    double paintedPixels = 0;

    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint) {
            ++paints;
            for (const QRect& r : static_cast<QPaintEvent*>(event)->region())
                paintedPixels += static_cast<double>(r.width()) * r.height();
        }
        return QObject::eventFilter(watched, event);
    }
};

/// A shown 1600x900 view holding the laid-out frame.
struct ViewFixture
{
    TimeWindow window;
    EntitySelection selection;
    TopologyView view {&window, &selection};

    explicit ViewFixture(const TopologyFrame& frame)
    {
        view.resize(1600, 900);
        view.show();
        view.topologyScene()->setTopology(frame, TopologyLayouter::layout(frame));
        view.fitAll();
        QApplication::processEvents();
        view.viewport()->repaint();
        view.viewport()->installEventFilter(&counter);
    }

    /// Runs the event loop until the view repainted what the scene marked dirty, as it
    /// does in the console after a restyle.
    void paintPending()
    {
        const int before = counter.paints;
        for (int i = 0; i < 20 && counter.paints == before; ++i)
            QCoreApplication::processEvents();
    }

    PaintCounter counter;
};

TopologyState quietState(const TopologyFrame& frame)
{
    TopologyState state;
    state.nodes.resize(frame.nodes.size());
    state.edges.resize(frame.edges.size());
    for (std::size_t i = 0; i < frame.edges.size(); ++i) {
        state.edges[i].requestRate = frame.edges[i].requestRate;
        state.edges[i].health = KialiHealth::Healthy;
    }
    return state;
}

void BM_Layout(benchmark::State& state)
{
    const TopologyFrame& frame = meshOf(static_cast<int>(state.range(0)));
    TopologyLayout layout;
    for (auto _ : state) {
        layout = TopologyLayouter::layout(frame);
        benchmark::DoNotOptimize(layout.positions.size());
    }
    state.counters["nodes"] = static_cast<double>(frame.nodes.size());
    state.counters["edges"] = static_cast<double>(frame.edges.size());
    state.counters["dot"] = layout.engine == TopologyLayout::Engine::GraphvizDot ? 1 : 0;
    state.counters["aspect"] = layout.bounds.width() / layout.bounds.height();
}

/// The tiled layout's worst case: one namespace, so dot lays out every call at once
/// before its crowded ranks are folded.
void BM_LayoutOneNamespace(benchmark::State& state)
{
    const TopologyFrame& frame = meshOf(static_cast<int>(state.range(0)), 1);
    TopologyLayout layout;
    for (auto _ : state) {
        layout = TopologyLayouter::layout(frame);
        benchmark::DoNotOptimize(layout.positions.size());
    }
    state.counters["nodes"] = static_cast<double>(frame.nodes.size());
    state.counters["aspect"] = layout.bounds.width() / layout.bounds.height();
}

/// What the GUI thread does when a layout lands: the scene takes the frame and its
/// layout (indexes, node labels measured, lit layer reset), the view fits it.
void BM_LayoutLands(benchmark::State& state)
{
    const TopologyFrame& frame = meshOf(static_cast<int>(state.range(0)));
    const TopologyLayout layout = TopologyLayouter::layout(frame);
    ViewFixture f(frame);
    for (auto _ : state) {
        f.view.topologyScene()->setTopology(frame, layout);
        f.view.fitAll();
    }
    state.counters["nodes"] = static_cast<double>(frame.nodes.size());
}

void BM_FullRepaint(benchmark::State& state)
{
    const TopologyFrame& frame = meshOf(static_cast<int>(state.range(0)));
    ViewFixture f(frame);
    f.view.topologyScene()->applyState(quietState(frame));
    for (auto _ : state) {
        f.view.resetCachedContent();
        f.view.viewport()->repaint();
    }
    state.counters["edges"] = static_cast<double>(frame.edges.size());
}

/// The quiet state with a different 5% of the edges lit for every `offset`.
TopologyState litState(const TopologyState& quiet, std::size_t offset)
{
    TopologyState next = quiet;
    const std::size_t lit = next.edges.size() / 20;
    for (std::size_t k = 0; k < lit; ++k) {
        EdgeState& e = next.edges[(offset + k * 20) % next.edges.size()];
        e.anomalySignificance = 60 + static_cast<double>(k % 40);
        e.errorRatio = 0.2;
        e.health = KialiHealth::Failure;
    }
    return next;
}

void restyleBenchmark(benchmark::State& state, bool fullRepaint)
{
    const TopologyFrame& frame = meshOf(static_cast<int>(state.range(0)));
    ViewFixture f(frame);
    const TopologyState quiet = quietState(frame);
    f.view.topologyScene()->applyState(quiet);
    f.view.viewport()->repaint();
    std::size_t offset = 0;
    f.counter.paintedPixels = 0;
    for (auto _ : state) {
        // A different 5% of the edges lights up each time; the previous ones go quiet.
        f.view.topologyScene()->applyState(litState(quiet, ++offset));
        if (fullRepaint) {
            f.view.viewport()->repaint();
        } else {
            f.paintPending();
        }
    }
    const double viewportPixels = 1.0 * f.view.viewport()->width() * f.view.viewport()->height();
    state.counters["edges"] = static_cast<double>(frame.edges.size());
    state.counters["restyled"] = static_cast<double>(2 * (frame.edges.size() / 20));
    state.counters["repainted%"] = 100.0 * f.counter.paintedPixels / viewportPixels / static_cast<double>(state.iterations());
    state.counters["staticRedraws"] = static_cast<double>(f.view.topologyScene()->staticLayerGeneration());
    state.counters["paints"] = f.counter.paints;
}

void BM_Restyle5PercentAndRepaint(benchmark::State& state)
{
    restyleBenchmark(state, false);
}

void BM_Restyle5PercentAndFullRepaint(benchmark::State& state)
{
    restyleBenchmark(state, true);
}

void BM_ReplayFrame(benchmark::State& state)
{
    // ~667 services have ~2,000 calls.
    const TopologyFrame& frame = meshOf(static_cast<int>(state.range(0)));
    const auto data = datasetOf(frame);
    TopologyStateBuilder builder(data);
    ViewFixture f(frame);
    qint64 t = StartMs;
    for (auto _ : state) {
        t += StepMs;
        if (t > StartMs + Samples * StepMs)
            t = StartMs;
        f.view.topologyScene()->applyState(builder.stateAt(frame, t));
        f.paintPending();
    }
    state.counters["edges"] = static_cast<double>(frame.edges.size());
}

} // namespace

BENCHMARK(BM_Layout)->Arg(200)->Arg(1000)->Arg(3000)->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LayoutOneNamespace)->Arg(1000)->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LayoutLands)->Arg(1000)->Iterations(5)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FullRepaint)->Arg(200)->Arg(1000)->Arg(3000)->Iterations(5)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Restyle5PercentAndRepaint)->Arg(200)->Arg(1000)->Arg(3000)->Iterations(20)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Restyle5PercentAndFullRepaint)->Arg(1000)->Iterations(20)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReplayFrame)->Arg(667)->Iterations(20)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
