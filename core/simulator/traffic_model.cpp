#include "traffic_model.h"

#include "sim_random.h"

#include <algorithm>
#include <cmath>

namespace meshscope {

namespace {
constexpr double Pi = 3.141592653589793;
constexpr double FailFastLatencyMs = 0.8; // a 503 "UH" from the caller's own sidecar
constexpr double ParallelShare = 0.3; // calls beyond the slowest overlap partly
constexpr int IstioRetries = 2; // Istio's default retry policy
} // namespace

struct TrafficModel::Effects
{
    double latencyAddMs = 0;
    double latencyFactor = 1;
    double sigmaAdd = 0;
    double errorAdd = 0;
    double overloadAdd = 0;
    double failFast = 0;
    double inboundFactor = 1;
    double cpuFloorShare = 0; ///< CPU forced to at least this share of the limit
    double canaryShare = 0; ///< share of this service's traffic going to an active canary
    bool active = true;
    bool down = false;
};

TrafficModel::TrafficModel(const SimMesh& mesh, std::vector<ScheduledFault> faults, quint64 seed)
    : m_mesh(mesh)
    , m_faults(std::move(faults))
    , m_seed(seed)
{ }

double TrafficModel::trafficCycle(qint64 tMs)
{
    const double hours = static_cast<double>(tMs % 86400000) / 3600e3;
    // Trough at 04:00 UTC (30 % of peak), peak at 16:00 UTC.
    const double daily = 0.3 + 0.7 * (0.5 - 0.5 * std::cos(2 * Pi * (hours - 4.0) / 24.0));
    const qint64 day = tMs / 86400000;
    const int weekday = static_cast<int>((day + 3) % 7); // 1970-01-01 was a Thursday; 0 = Monday
    const double weekly = weekday >= 5 ? 0.7 : 1.0;
    return daily * weekly;
}

void TrafficModel::collectEffects(qint64 tMs, int skipFault, std::vector<Effects>& effects) const
{
    effects.assign(m_mesh.services.size(), Effects {});
    for (std::size_t i = 0; i < m_mesh.services.size(); ++i)
        effects[i].active = m_mesh.services[i].canaryOf < 0;
    for (std::size_t f = 0; f < m_faults.size(); ++f) {
        const ScheduledFault& fault = m_faults[f];
        const bool on = static_cast<int>(f) != skipFault && fault.activeAt(tMs);
        if (!on)
            continue;
        Effects& e = effects[static_cast<std::size_t>(fault.service)];
        const double s = fault.severity;
        switch (fault.type) {
        case FaultType::Latency:
            e.latencyAddMs += 400.0 * s;
            e.sigmaAdd += 0.1;
            break;
        case FaultType::Errors:
            e.errorAdd += 0.3 * s;
            break;
        case FaultType::Saturation:
            e.cpuFloorShare = std::max(e.cpuFloorShare, std::min(0.995, 0.9 + 0.08 * s));
            e.latencyFactor *= 1.0 + 2.0 * s;
            e.overloadAdd += 0.2 * s;
            break;
        case FaultType::TrafficDrop:
            e.inboundFactor *= std::max(0.0, 1.0 - 0.8 * s);
            break;
        case FaultType::BadDeploy:
            e.active = true;
            e.latencyFactor *= 1.0 + 2.0 * s;
            e.errorAdd += 0.25 * s;
            effects[static_cast<std::size_t>(fault.base)].canaryShare = 0.5;
            break;
        case FaultType::DependencyOutage:
            e.failFast = std::min(1.0, s);
            e.down = s >= 1.0;
            break;
        }
    }
}

double TrafficModel::callSplit(int call, const std::vector<Effects>& effects) const
{
    const SimCall& c = m_mesh.calls[static_cast<std::size_t>(call)];
    const SimService& callee = m_mesh.services[static_cast<std::size_t>(c.to)];
    if (callee.canaryOf >= 0)
        return effects[static_cast<std::size_t>(callee.canaryOf)].canaryShare;
    return 1.0 - effects[static_cast<std::size_t>(c.to)].canaryShare;
}

void TrafficModel::forwardRates(MeshStep& out, const std::vector<Effects>& effects, bool withRetries) const
{
    for (ServiceStep& s : out.services)
        s.inRate = 0;
    for (int index : m_mesh.order) {
        const auto i = static_cast<std::size_t>(index);
        ServiceStep& s = out.services[i];
        if (m_mesh.services[i].isRoot)
            s.inRate += out.rootRate * effects[i].inboundFactor;
        s.reachedRate = s.active ? s.inRate * (1.0 - effects[i].failFast) : 0.0;
        for (int c : m_mesh.outCalls[i]) {
            CallStep& call = out.calls[static_cast<std::size_t>(c)];
            const SimCall& sc = m_mesh.calls[static_cast<std::size_t>(c)];
            if (!call.active) {
                call.attempts = 0;
                continue;
            }
            const double calls = s.reachedRate * sc.callsPerRequest * callSplit(c, effects)
                * effects[static_cast<std::size_t>(sc.to)].inboundFactor;
            call.attempts = calls * (withRetries ? call.retryFactor : 1.0);
            out.services[static_cast<std::size_t>(sc.to)].inRate += call.attempts;
        }
    }
}

void TrafficModel::backwardHealth(MeshStep& out, const std::vector<Effects>& effects) const
{
    for (auto it = m_mesh.order.rbegin(); it != m_mesh.order.rend(); ++it) {
        const auto i = static_cast<std::size_t>(*it);
        const SimService& svc = m_mesh.services[i];
        const Effects& e = effects[i];
        ServiceStep& s = out.services[i];
        const double demand = svc.cpuIdleCores + svc.cpuPerRps * s.reachedRate;
        const double utilisation = std::max(demand / svc.cpuLimitCores, e.cpuFloorShare);
        const double naturalOverload = demand > svc.cpuLimitCores ? 1.0 - svc.cpuLimitCores / demand : 0.0;
        s.overload = svc.tcpOnly ? 0.0 : std::min(0.95, naturalOverload + e.overloadAdd);
        const double queueing = 1.0 / (1.0 - 0.5 * std::min(utilisation, 0.98));
        const double own = svc.ownLatencyMs * e.latencyFactor * queueing + e.latencyAddMs;
        double sum = 0;
        double slowest = 0;
        double survive = 1;
        for (int c : m_mesh.outCalls[i]) {
            CallStep& call = out.calls[static_cast<std::size_t>(c)];
            if (!call.active)
                continue;
            const SimCall& sc = m_mesh.calls[static_cast<std::size_t>(c)];
            const ServiceStep& d = out.services[static_cast<std::size_t>(sc.to)];
            const double retryable = d.failFast + (1.0 - d.failFast) * d.overload;
            const double p500 = (1.0 - d.failFast) * (1.0 - d.overload) * d.appError;
            const bool retries = sc.protocol != CallProtocol::Tcp;
            call.retryFactor = retries ? 1.0 + retryable + retryable * retryable : 1.0;
            const double finalFail
                = std::pow(retryable, retries ? IstioRetries + 1 : 1) + p500 * call.retryFactor;
            const double perRequest = sc.callsPerRequest * callSplit(c, effects);
            const double contribution = perRequest * call.retryFactor
                * ((1.0 - d.failFast) * d.meanMs + d.failFast * FailFastLatencyMs);
            sum += contribution;
            slowest = std::max(slowest, contribution);
            survive *= 1.0 - sc.criticality * std::min(1.0, perRequest) * std::min(1.0, finalFail);
        }
        s.meanMs = own + slowest + ParallelShare * (sum - slowest);
        s.sigma = svc.latencySigma + e.sigmaAdd;
        s.appError = 1.0 - (1.0 - std::min(1.0, svc.baseErrorRatio + e.errorAdd)) * survive;
    }
}

void TrafficModel::evaluate(qint64 tMs, qint64 step, MeshStep& out, int skipFault) const
{
    std::vector<Effects> effects;
    collectEffects(tMs, skipFault, effects);
    const std::size_t n = m_mesh.services.size();
    out.services.assign(n, ServiceStep {});
    out.calls.assign(m_mesh.calls.size(), CallStep {});
    for (std::size_t i = 0; i < n; ++i) {
        out.services[i].active = effects[i].active;
        out.services[i].down = effects[i].down;
        out.services[i].failFast = effects[i].failFast;
    }
    for (std::size_t c = 0; c < m_mesh.calls.size(); ++c) {
        const SimCall& sc = m_mesh.calls[c];
        out.calls[c].active = effects[static_cast<std::size_t>(sc.from)].active
            && effects[static_cast<std::size_t>(sc.to)].active;
    }
    // Slow drifts (seeded phases) and per-step jitter on top of the daily cycle.
    const double phase1 = SimRandom::uniform(m_seed, 0xD1F7, 1) * 2 * Pi;
    const double phase2 = SimRandom::uniform(m_seed, 0xD1F7, 2) * 2 * Pi;
    const double hours = static_cast<double>(tMs) / 3600e3;
    const double drift = 1.0 + 0.04 * std::sin(2 * Pi * hours / 5.3 + phase1)
        + 0.03 * std::sin(2 * Pi * hours / 1.7 + phase2);
    const double jitter = 1.0 + 0.02 * SimRandom::gaussian(m_seed, 0x7007, static_cast<quint64>(step));
    out.rootRate = m_mesh.peakRootRate * trafficCycle(tMs) * drift * std::max(0.5, jitter);

    forwardRates(out, effects, false);
    backwardHealth(out, effects);
    forwardRates(out, effects, true);
    for (std::size_t i = 0; i < n; ++i) {
        const SimService& svc = m_mesh.services[i];
        ServiceStep& s = out.services[i];
        if (s.down) {
            s.cpu = 0;
            s.memory = 0.2 * svc.memoryBaseBytes;
            continue;
        }
        const double demand = svc.cpuIdleCores + svc.cpuPerRps * s.reachedRate;
        s.cpu = std::min(svc.cpuLimitCores, std::max(demand, effects[i].cpuFloorShare * svc.cpuLimitCores));
        s.memory = svc.memoryBaseBytes + svc.memoryPerRps * s.reachedRate;
    }
}

} // namespace meshscope
