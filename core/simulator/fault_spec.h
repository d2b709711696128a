#pragma once

#include <QString>
#include <QtGlobal>

namespace meshscope {

/// The faults the simulator can inject. See docs/simulator.md for their semantics.
enum class FaultType {
    Latency, ///< the service answers slowly (+400 ms per severity)
    Errors, ///< the service answers 500 to a share of requests (30 % per severity)
    Saturation, ///< CPU at its limit: queueing latency and some 503s (overload)
    TrafficDrop, ///< traffic into the service drops by 80 % per severity
    BadDeploy, ///< a new version appears, takes half the traffic, errs and is slow
    DependencyOutage, ///< the service is down: callers get 503 "UH" and no-response "UC"
};

/// "latency", "errors", "saturation", "traffic-drop", "bad-deploy", "outage".
QString faultTypeName(FaultType type);
/// Accepts the names above and aliases (cpu, error, drop, deploy, dependency-outage,
/// down...); throws MeshscopeError listing the valid names otherwise.
FaultType faultTypeFromName(const QString& name);

/// One fault to inject. Unset fields (-1 / empty) are chosen by the simulator.
struct FaultSpec
{
    FaultType type = FaultType::Latency;
    QString target; ///< service (node entity) name; empty = a sensible default
    qint64 onsetOffsetMs = -1; ///< from the start of the simulation
    qint64 durationMs = -1;
    double severity = 1.0; ///< scales the size of the fault (1 = as documented)
};

/// Parses `TYPE[:ENTITY][@ONSET_OFFSET][+DURATION][*SEVERITY]`, e.g.
/// `latency:cartservice@3h+20m` or `outage@90m`. Throws MeshscopeError on bad input.
FaultSpec parseFaultSpec(const QString& text);

/// Parses a duration such as `6h`, `90m`, `2h30m`, `45s`, `1d` or plain seconds `3600`.
/// `what` names the option in the error message.
qint64 parseDurationMs(const QString& text, const QString& what);

} // namespace meshscope
