#include "mesh_simulator.h"

#include "golden_signal_recorder.h"
#include "ground_truth.h"
#include "mesh_generator.h"
#include "sim_random.h"

#include "model/meshscope_error.h"

#include <QDateTime>

#include <algorithm>

namespace meshscope {

SimulationOptions SimulationOptions::demo()
{
    SimulationOptions o;
    o.topology = QStringLiteral("boutique");
    o.durationMs = 4 * 3600 * 1000LL;
    o.stepMs = 15000;
    o.endMs = 1748966400000LL; // 2025-06-03 16:00 UTC, a Tuesday afternoon
    o.seed = 42;
    FaultSpec fault;
    fault.type = FaultType::Saturation;
    fault.target = QStringLiteral("cartservice");
    fault.onsetOffsetMs = 150 * 60 * 1000LL;
    fault.durationMs = 25 * 60 * 1000LL;
    o.faults.push_back(fault);
    return o;
}

namespace {

qint64 roundDown(qint64 value, qint64 step)
{
    return value - ((value % step) + step) % step;
}

// A deep service that has callers, so the fault has someone to propagate to.
int defaultTarget(const SimMesh& mesh, FaultType type, quint64 seed, int faultIndex)
{
    if (type == FaultType::TrafficDrop)
        return mesh.order.front();
    std::vector<int> candidates;
    for (int minDepth = 2; minDepth >= 1 && candidates.empty(); --minDepth) {
        for (std::size_t i = 0; i < mesh.services.size(); ++i) {
            const SimService& s = mesh.services[i];
            const bool tcpAllowed = type == FaultType::DependencyOutage;
            if (s.isRoot || s.canaryOf >= 0 || (s.tcpOnly && !tcpAllowed) || mesh.inCalls[i].empty()
                || mesh.depth[i] < minDepth)
                continue;
            candidates.push_back(static_cast<int>(i));
        }
    }
    if (candidates.empty())
        throw MeshscopeError(
            QStringLiteral("the mesh has no service a %1 fault could target").arg(faultTypeName(type)));
    const quint64 pick = SimRandom::hash(seed, 0xFA017, static_cast<quint64>(faultIndex));
    return candidates[static_cast<std::size_t>(pick % candidates.size())];
}

ScheduledFault resolveFault(SimMesh& mesh, const FaultSpec& spec, const SimulationResult& result, int index)
{
    const SimulationOptions& o = result.options;
    ScheduledFault f;
    f.type = spec.type;
    f.severity = spec.severity;
    if (spec.target.isEmpty()) {
        f.base = defaultTarget(mesh, spec.type, o.seed, index);
    } else {
        f.base = mesh.indexOf(spec.target);
        if (f.base < 0 || mesh.services[static_cast<std::size_t>(f.base)].canaryOf >= 0) {
            const QStringList names = mesh.serviceNames();
            throw MeshscopeError(
                QStringLiteral("--fault: no service '%1' in the %2 mesh (services: %3%4)")
                    .arg(spec.target, mesh.system, names.mid(0, 20).join(QStringLiteral(", ")),
                        names.size() > 20 ? QStringLiteral(", ...") : QString()));
        }
    }
    if (spec.type == FaultType::BadDeploy && mesh.services[static_cast<std::size_t>(f.base)].isRoot)
        throw MeshscopeError(
            QStringLiteral("--fault bad-deploy: the ingress gateway cannot get a new version"));
    const qint64 defaultOnset = roundDown(o.durationMs * 2 / 3, o.stepMs);
    const qint64 onset = spec.onsetOffsetMs >= 0 ? spec.onsetOffsetMs : defaultOnset;
    if (onset >= o.durationMs)
        throw MeshscopeError(QStringLiteral("--fault: onset %1 s is not inside the simulated %2 s")
                                 .arg(onset / 1000)
                                 .arg(o.durationMs / 1000));
    const qint64 duration = spec.durationMs > 0
        ? spec.durationMs
        : std::max(o.stepMs, roundDown(std::min<qint64>(30 * 60000, o.durationMs / 6), o.stepMs));
    f.startMs = result.startMs + onset;
    f.endMs = std::min(f.startMs + duration, result.timesMs.back() + 1);
    f.service = spec.type == FaultType::BadDeploy ? mesh.addCanary(f.base) : f.base;
    return f;
}

void validate(const SimulationOptions& o)
{
    if (o.stepMs < 1000)
        throw MeshscopeError(QStringLiteral("--step must be at least 1 s"));
    if (o.durationMs < o.stepMs)
        throw MeshscopeError(QStringLiteral("--duration must be at least one step"));
    if (o.durationMs / o.stepMs > 2'000'000)
        throw MeshscopeError(
            QStringLiteral("--duration/--step gives more than 2 million steps; use a larger --step"));
    if (o.endMs < 0 || o.endMs > 4102444800000LL)
        throw MeshscopeError(QStringLiteral("--end must be unix seconds between 1970 and 2100"));
    if (o.topology == QLatin1String("random") && (o.services < 2 || o.services > 20000))
        throw MeshscopeError(QStringLiteral("--services must be between 2 and 20000"));
}

/// Records how the data was produced, so a recording tells its own origin.
void describeSettings(SimulationResult& result)
{
    const SimulationOptions& o = result.options;
    Dataset& d = result.dataset;
    d.settings.insert(QStringLiteral("source"), QStringLiteral("simulator"));
    d.settings.insert(QStringLiteral("simulator.topology"), o.topology);
    d.settings.insert(QStringLiteral("simulator.seed"), QString::number(o.seed));
    d.settings.insert(QStringLiteral("simulator.step_s"), QString::number(o.stepMs / 1000.0));
    d.settings.insert(QStringLiteral("simulator.duration_s"), QString::number(o.durationMs / 1000));
    if (o.topology == QLatin1String("random")) {
        d.settings.insert(QStringLiteral("simulator.services"), QString::number(o.services));
        d.settings.insert(QStringLiteral("simulator.namespaces"), QString::number(o.namespaces));
    }
    QStringList faults;
    for (const FaultTruth& t : result.truth)
        faults.append(QStringLiteral("%1:%2@%3+%4s")
                          .arg(faultTypeName(t.type), t.rootCause)
                          .arg(t.onsetMs / 1000)
                          .arg((t.endMs - t.onsetMs) / 1000));
    d.settings.insert(QStringLiteral("simulator.faults"),
        faults.isEmpty() ? QStringLiteral("none") : faults.join(QLatin1Char(' ')));
}

} // namespace

SimulationResult simulateMesh(const SimulationOptions& options, const JobControl* job)
{
    validate(options);
    SimulationResult result;
    result.options = options;
    SimulationOptions& o = result.options;
    if (o.endMs <= 0)
        o.endMs = roundDown(QDateTime::currentMSecsSinceEpoch(), o.stepMs) - 3 * 3600 * 1000LL;
    o.endMs = roundDown(o.endMs, o.stepMs);
    o.durationMs = roundDown(o.durationMs, o.stepMs);
    result.startMs = o.endMs - o.durationMs;
    for (qint64 t = result.startMs + o.stepMs; t <= o.endMs; t += o.stepMs)
        result.timesMs.push_back(t);

    result.mesh = MeshGenerator::byName(o.topology, o.services, o.namespaces, o.seed);
    std::vector<FaultSpec> specs = o.faults;
    if (specs.empty() && !o.noFault)
        specs.push_back(FaultSpec {});
    if (o.noFault)
        specs.clear();
    for (std::size_t i = 0; i < specs.size(); ++i)
        result.faults.push_back(resolveFault(result.mesh, specs[i], result, static_cast<int>(i)));
    result.mesh.finalize();

    const TrafficModel model(result.mesh, result.faults, o.seed);
    GoldenSignalRecorder recorder(result.mesh, result.dataset, o.keepTraces ? &result.traces : nullptr,
        o.seed, o.stepMs, result.timesMs.size());
    MeshStep state;
    for (std::size_t step = 0; step < result.timesMs.size(); ++step) {
        if (step % 256 == 0) {
            throwIfCancelled(job);
            reportProgress(
                job, 0.95 * static_cast<double>(step) / static_cast<double>(result.timesMs.size()));
        }
        model.evaluate(result.timesMs[step], static_cast<qint64>(step), state);
        recorder.record(step, result.timesMs[step], state);
    }
    recorder.finish();
    for (std::size_t f = 0; f < result.faults.size(); ++f)
        result.truth.push_back(faultTruth(result, model, static_cast<int>(f)));

    describeSettings(result);
    reportProgress(job, 1.0);
    return result;
}

} // namespace meshscope
