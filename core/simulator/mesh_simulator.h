#pragma once

// The mesh simulator: a deterministic Istio mesh with injected faults, producing golden
// signals (a Dataset), per-call traces for the raw Istio metrics, and the ground truth.

#include "fault_spec.h"
#include "sim_mesh.h"
#include "traffic_model.h"

#include "model/dataset.h"
#include "model/job_control.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace meshscope {

/// What to simulate. Defaults give a boutique-like mesh over 6 hours with one fault.
struct SimulationOptions
{
    QString topology = QStringLiteral("boutique"); ///< bookinfo, boutique or random
    int services = 30; ///< random meshes only (gateway not counted)
    int namespaces = 3; ///< random meshes only
    qint64 endMs = 0; ///< time of the last sample; 0 = now rounded down to the step, minus 3 h
    qint64 durationMs = 6 * 3600 * 1000LL;
    qint64 stepMs = 15000;
    quint64 seed = 1;
    std::vector<FaultSpec> faults; ///< empty: one default fault unless noFault
    bool noFault = false;
    bool keepTraces = true; ///< keep per-call traces (needed by writeIstioOpenMetrics)

    /// The bundled demo: 4 h of the boutique mesh ending 2025-06-03 16:00 UTC with a CPU
    /// saturation of cartservice that slows and fails its callers. Fixed seed.
    static SimulationOptions demo();
};

/// Per-call measured values at every step, as the Istio metrics will report them.
/// NaN rate = the call did not exist at that step (a canary outside its window).
struct CallTrace
{
    std::vector<float> rate; ///< attempts/s (tcp: connections' calls/s)
    std::vector<float> failFast; ///< share of attempts failing at the caller (503 UH / 0 UC)
    std::vector<float> overload; ///< share of attempts answered 503 by the callee
    std::vector<float> appError; ///< share of attempts answered 500 (grpc: status 13)
    std::vector<float> medianMs; ///< response-time median of attempts that reached the callee
    std::vector<float> sigma; ///< lognormal shape of that response time
    std::vector<float> sentBytes; ///< tcp: bytes/s from caller to callee
    std::vector<float> receivedBytes; ///< tcp: bytes/s from callee to caller
};

/// One injected fault as the ground truth tells it.
struct FaultTruth
{
    FaultType type = FaultType::Latency;
    QString rootCause; ///< the faulty node (a bad deploy: the new version's workload)
    QString service; ///< the service targeted (a bad deploy: the old version)
    qint64 onsetMs = 0;
    qint64 endMs = 0; ///< exclusive, clipped to the simulated range
    double severity = 1;
    QStringList affected; ///< nodes and edges whose signals the fault changes visibly, sorted
};

struct SimulationResult
{
    SimulationOptions options;
    SimMesh mesh;
    qint64 startMs = 0; ///< counters start at 0 here; the first sample is at startMs + step
    std::vector<qint64> timesMs; ///< sample times, startMs + step ... endMs
    Dataset dataset;
    std::vector<CallTrace> traces; ///< per mesh call; empty unless options.keepTraces
    std::vector<ScheduledFault> faults;
    std::vector<FaultTruth> truth;
};

/// Runs the simulation. Throws MeshscopeError for invalid options (unknown fault
/// target, onset outside the simulated range...). Same options → identical result.
SimulationResult simulateMesh(const SimulationOptions& options, const JobControl* job = nullptr);

/// The ground truth as JSON (keys sorted, indented). Top-level keys follow the case
/// format's truth.json (system, root_cause, fault, inject_time, source) plus `faults`
/// (every fault with onset, end, duration_s, severity, affected), `start`, `end`,
/// `step_s`, `seed`, `topology`.
QByteArray groundTruthJson(const SimulationResult& result);
/// Writes groundTruthJson() to `path`.
void writeGroundTruth(const SimulationResult& result, const QString& path);

} // namespace meshscope
