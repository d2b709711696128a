#include "sim_mesh.h"

#include "model/entity.h"
#include "model/meshscope_error.h"
#include "model/topology.h"

#include <algorithm>

namespace meshscope {

QString callProtocolName(CallProtocol protocol)
{
    switch (protocol) {
    case CallProtocol::Http:
        return QStringLiteral("http");
    case CallProtocol::Grpc:
        return QStringLiteral("grpc");
    case CallProtocol::Tcp:
        return QStringLiteral("tcp");
    }
    return QStringLiteral("http");
}

int SimMesh::indexOf(const QString& name) const
{
    for (std::size_t i = 0; i < services.size(); ++i) {
        if (services[i].name == name)
            return static_cast<int>(i);
    }
    return -1;
}

void SimMesh::finalize()
{
    const std::size_t n = services.size();
    outCalls.assign(n, {});
    inCalls.assign(n, {});
    std::vector<int> pending(n, 0);
    for (std::size_t c = 0; c < calls.size(); ++c) {
        outCalls[static_cast<std::size_t>(calls[c].from)].push_back(static_cast<int>(c));
        inCalls[static_cast<std::size_t>(calls[c].to)].push_back(static_cast<int>(c));
        ++pending[static_cast<std::size_t>(calls[c].to)];
    }
    // Kahn's algorithm in index order keeps the order deterministic.
    order.clear();
    depth.assign(n, 0);
    std::vector<int> ready;
    for (std::size_t i = 0; i < n; ++i) {
        if (pending[i] == 0)
            ready.push_back(static_cast<int>(i));
    }
    std::size_t head = 0;
    while (head < ready.size()) {
        const int s = ready[head++];
        order.push_back(s);
        for (int c : outCalls[static_cast<std::size_t>(s)]) {
            const auto to = static_cast<std::size_t>(calls[static_cast<std::size_t>(c)].to);
            depth[to] = std::max(depth[to], depth[static_cast<std::size_t>(s)] + 1);
            if (--pending[to] == 0)
                ready.push_back(static_cast<int>(to));
        }
    }
    if (order.size() != n)
        throw MeshscopeError(
            QStringLiteral("the simulated mesh '%1' has a call cycle; calls must go downwards").arg(system));
}

int SimMesh::addCanary(int index)
{
    SimService canary = services[static_cast<std::size_t>(index)];
    const QString& base = canary.name;
    // "reviews-v3" becomes "reviews-v4", "cartservice" becomes "cartservice-v2".
    const qsizetype dash = base.lastIndexOf(QLatin1String("-v"));
    bool numeric = false;
    const int number = dash > 0 ? base.mid(dash + 2).toInt(&numeric) : 0;
    int next = numeric ? number + 1 : 2;
    QString stem = numeric ? base.left(dash) : base;
    while (indexOf(stem + QStringLiteral("-v%1").arg(next)) >= 0)
        ++next;
    canary.name = stem + QStringLiteral("-v%1").arg(next);
    canary.version = QStringLiteral("v%1").arg(next);
    canary.isRoot = false;
    canary.canaryOf = index;
    services.push_back(canary);
    const int canaryIndex = static_cast<int>(services.size()) - 1;
    const std::size_t existing = calls.size();
    for (std::size_t c = 0; c < existing; ++c) {
        SimCall call = calls[c];
        if (call.to == index) {
            call.to = canaryIndex;
            calls.push_back(call);
        } else if (call.from == index) {
            call.from = canaryIndex;
            calls.push_back(call);
        }
    }
    return canaryIndex;
}

QStringList SimMesh::serviceNames() const
{
    QStringList names;
    for (const SimService& service : services) {
        if (service.canaryOf < 0)
            names.append(service.name);
    }
    return names;
}

QString SimMesh::callEntity(int call) const
{
    const SimCall& c = calls[static_cast<std::size_t>(call)];
    return Entity::edge(
        services[static_cast<std::size_t>(c.from)].name, services[static_cast<std::size_t>(c.to)].name);
}

TopologyNode SimMesh::topologyNode(std::size_t index) const
{
    const SimService& s = services[index];
    TopologyNode node;
    node.name = s.name;
    node.cluster = cluster;
    node.ns = s.ns;
    node.workload = s.name;
    node.app = s.app;
    node.version = s.version;
    node.service = s.app;
    node.kind = NodeKind::Workload;
    node.isRoot = s.isRoot;
    return node;
}

TopologyEdge SimMesh::topologyEdge(std::size_t index) const
{
    const SimCall& c = calls[index];
    TopologyEdge edge;
    edge.source = services[static_cast<std::size_t>(c.from)].name;
    edge.destination = services[static_cast<std::size_t>(c.to)].name;
    edge.protocol = callProtocolName(c.protocol);
    return edge;
}

TopologyFrame SimMesh::shapeFrame() const
{
    TopologyFrame frame;
    for (std::size_t i = 0; i < services.size(); ++i)
        frame.nodes.push_back(topologyNode(i));
    for (std::size_t c = 0; c < calls.size(); ++c)
        frame.edges.push_back(topologyEdge(c));
    return frame;
}

} // namespace meshscope
