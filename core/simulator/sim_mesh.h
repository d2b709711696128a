#pragma once

// The simulated mesh: services (workloads) and the calls between them with the
// parameters the traffic model needs.

#include <QString>
#include <QStringList>

#include <vector>

namespace meshscope {

struct TopologyFrame;
struct TopologyEdge;
struct TopologyNode;

enum class CallProtocol { Http, Grpc, Tcp };

QString callProtocolName(CallProtocol protocol);

/// One workload of the simulated mesh. `name` is its entity name (the workload name).
struct SimService
{
    QString name;
    QString app; ///< canonical service and Kubernetes service name
    QString version = QStringLiteral("v1");
    QString ns;
    bool isRoot = false; ///< the ingress gateway: external traffic enters here
    bool tcpOnly = false; ///< a database or cache reached over plain TCP
    double ownLatencyMs = 5; ///< mean own processing time per request
    double latencySigma = 0.45; ///< lognormal shape of the response time
    double baseErrorRatio = 0.001; ///< share of requests answered 500 on a good day
    double cpuIdleCores = 0.02;
    double cpuPerRps = 0.002; ///< cores per handled request/s
    double cpuLimitCores = 1.0;
    double memoryBaseBytes = 120e6;
    double memoryPerRps = 0.4e6;
    /// Index of the service this workload is a new version of (a bad deploy's canary);
    /// -1 for regular workloads. Canaries exist only while their fault is active.
    int canaryOf = -1;
};

/// A directed call from one service to another.
struct SimCall
{
    int from = -1;
    int to = -1;
    CallProtocol protocol = CallProtocol::Http;
    double callsPerRequest = 1.0; ///< fan-out: calls made per request the caller handles
    double criticality = 1.0; ///< share of failed calls that fail the caller's request
    double requestBytes = 400; ///< tcp: bytes sent per call
    double responseBytes = 1500; ///< tcp: bytes received per call
};

/// A whole simulated mesh. Call finalize() after building it.
struct SimMesh
{
    QString system; ///< "bookinfo", "boutique", "random"
    QString cluster = QStringLiteral("Kubernetes");
    double peakRootRate = 50; ///< external requests/s at the daily peak
    std::vector<SimService> services;
    std::vector<SimCall> calls;

    // Derived by finalize():
    std::vector<int> order; ///< topological: callers before callees
    std::vector<std::vector<int>> outCalls; ///< call indexes per service
    std::vector<std::vector<int>> inCalls; ///< call indexes per service
    std::vector<int> depth; ///< longest call path from a root

    /// Index of the service named `name`, or -1.
    int indexOf(const QString& name) const;
    /// Builds the derived members; throws MeshscopeError when the calls form a cycle.
    void finalize();
    /// Adds a canary (new version) of service `index` with the same callers and
    /// callees; returns its index. Call finalize() afterwards.
    int addCanary(int index);
    /// Names of the regular (non-canary) services.
    QStringList serviceNames() const;
    /// Entity name of a call: "from->to".
    QString callEntity(int call) const;
    /// Service `index` as a workload node of the topology.
    TopologyNode topologyNode(std::size_t index) const;
    /// Call `index` as an edge of the topology, without rates.
    TopologyEdge topologyEdge(std::size_t index) const;
    /// Every service as a workload node and every call as an edge, without rates.
    TopologyFrame shapeFrame() const;
};

} // namespace meshscope
