#pragma once

#include "fault_spec.h"
#include "sim_mesh.h"

#include <QtGlobal>

#include <vector>

namespace meshscope {

/// A fault resolved onto the mesh: which service, when.
struct ScheduledFault
{
    FaultType type = FaultType::Latency;
    int service = -1; ///< the faulty service (for a bad deploy: the canary)
    int base = -1; ///< bad deploy: the service the canary is a new version of; else = service
    qint64 startMs = 0;
    qint64 endMs = 0; ///< exclusive
    double severity = 1.0;

    bool activeAt(qint64 tMs) const { return tMs >= startMs && tMs < endMs; }
};

/// The noise-free state of one service at one instant.
struct ServiceStep
{
    bool active = true; ///< false for a canary outside its fault window
    bool down = false; ///< dependency outage
    double inRate = 0; ///< attempts/s arriving (retries included)
    double reachedRate = 0; ///< attempts/s the service actually handles
    double failFast = 0; ///< share of arriving attempts that never reach it (503 UH / no response)
    double overload = 0; ///< share of handled attempts answered 503 (retried by callers)
    double appError = 0; ///< share of the rest answered 500 (own errors + callees' surfacing)
    double meanMs = 0; ///< mean response time of handled requests
    double sigma = 0.45; ///< lognormal shape of the response time
    double cpu = 0; ///< cores
    double memory = 0; ///< bytes
};

/// The noise-free state of one call at one instant.
struct CallStep
{
    bool active = true;
    double attempts = 0; ///< attempts/s (tcp: calls/s), retries included
    double retryFactor = 1; ///< attempts per call made by the caller
};

struct MeshStep
{
    double rootRate = 0; ///< external requests/s entering at the root
    std::vector<ServiceStep> services;
    std::vector<CallStep> calls;
};

/// The traffic model: daily and weekly cycles at the root, fan-out along the calls,
/// latency adding up the call chain, errors partly surfacing upstream, retries (Istio's
/// default: 2 retries on 503 and connect failures) amplifying load on a failing callee,
/// CPU saturation. Deterministic: a pure function of (mesh, faults, seed, time).
class TrafficModel
{
public:
    TrafficModel(const SimMesh& mesh, std::vector<ScheduledFault> faults, quint64 seed);

    /// Multiplier of the root rate in (0, 1]: night trough, afternoon peak, quieter weekends.
    static double trafficCycle(qint64 tMs);

    /// Evaluates the mesh at `tMs`. `step` keys the root traffic noise. `skipFault` (an
    /// index into the faults) is left out, so callers can measure a fault's effect.
    void evaluate(qint64 tMs, qint64 step, MeshStep& out, int skipFault = -1) const;

    const std::vector<ScheduledFault>& faults() const { return m_faults; }

private:
    struct Effects;
    void collectEffects(qint64 tMs, int skipFault, std::vector<Effects>& effects) const;
    void forwardRates(MeshStep& out, const std::vector<Effects>& effects, bool withRetries) const;
    void backwardHealth(MeshStep& out, const std::vector<Effects>& effects) const;
    double callSplit(int call, const std::vector<Effects>& effects) const;

    const SimMesh& m_mesh;
    std::vector<ScheduledFault> m_faults;
    quint64 m_seed;
};

} // namespace meshscope
