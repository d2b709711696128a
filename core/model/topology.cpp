#include "topology.h"

#include <QSet>

#include <algorithm>

namespace meshscope {

QString nodeKindName(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Workload:
        return QStringLiteral("workload");
    case NodeKind::App:
        return QStringLiteral("app");
    case NodeKind::Service:
        return QStringLiteral("service");
    case NodeKind::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

NodeKind nodeKindFromName(const QString& name)
{
    if (name == QLatin1String("workload"))
        return NodeKind::Workload;
    if (name == QLatin1String("app"))
        return NodeKind::App;
    if (name == QLatin1String("service"))
        return NodeKind::Service;
    return NodeKind::Unknown;
}

const TopologyNode* TopologyFrame::node(const QString& name) const
{
    for (const TopologyNode& n : nodes) {
        if (n.name == name)
            return &n;
    }
    return nullptr;
}

bool TopologyFrame::sameShape(const TopologyFrame& other) const
{
    if (nodes.size() != other.nodes.size() || edges.size() != other.edges.size())
        return false;
    QSet<QString> names;
    for (const TopologyNode& n : nodes)
        names.insert(n.name);
    for (const TopologyNode& n : other.nodes) {
        if (!names.contains(n.name))
            return false;
    }
    QSet<QString> edgeKeys;
    for (const TopologyEdge& e : edges)
        edgeKeys.insert(e.entity() + QLatin1Char(' ') + e.protocol);
    for (const TopologyEdge& e : other.edges) {
        if (!edgeKeys.contains(e.entity() + QLatin1Char(' ') + e.protocol))
            return false;
    }
    return true;
}

QStringList TopologyFrame::namespaces() const
{
    QSet<QString> seen;
    for (const TopologyNode& n : nodes)
        seen.insert(n.ns);
    QStringList out(seen.begin(), seen.end());
    out.sort();
    return out;
}

void TopologyHistory::add(TopologyFrame frame)
{
    const auto at = std::upper_bound(m_frames.begin(), m_frames.end(), frame.tMs,
        [](qint64 t, const TopologyFrame& f) { return t < f.tMs; });
    m_frames.insert(at, std::move(frame));
}

const TopologyFrame* TopologyHistory::frameAt(qint64 tMs) const
{
    if (m_frames.empty())
        return nullptr;
    const auto it = std::upper_bound(m_frames.begin(), m_frames.end(), tMs,
        [](qint64 t, const TopologyFrame& f) { return t < f.tMs; });
    return it == m_frames.begin() ? &m_frames.front() : &*(it - 1);
}

TopologyFrame TopologyHistory::merged() const
{
    TopologyFrame out;
    QHash<QString, std::size_t> nodeIndex;
    QHash<QString, std::size_t> edgeIndex;
    for (const TopologyFrame& frame : m_frames) {
        out.tMs = frame.tMs;
        for (const TopologyNode& n : frame.nodes) {
            const auto it = nodeIndex.constFind(n.name);
            if (it == nodeIndex.cend()) {
                nodeIndex.insert(n.name, out.nodes.size());
                out.nodes.push_back(n);
            } else {
                out.nodes[it.value()] = n;
            }
        }
        for (const TopologyEdge& e : frame.edges) {
            const QString key = e.entity() + QLatin1Char(' ') + e.protocol;
            const auto it = edgeIndex.constFind(key);
            if (it == edgeIndex.cend()) {
                edgeIndex.insert(key, out.edges.size());
                out.edges.push_back(e);
            } else {
                out.edges[it.value()] = e;
            }
        }
    }
    return out;
}

} // namespace meshscope
