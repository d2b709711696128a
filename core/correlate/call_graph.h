#pragma once

#include "model/topology.h"

#include <QHash>
#include <QString>

#include <vector>

namespace meshscope {

/// A compact, indexed view of one topology frame for the correlator and the ranking:
/// nodes get dense ids, and each node knows its callers and callees. Building it is
/// O(nodes + edges); lookups are O(1).
class CallGraph
{
public:
    CallGraph() = default;
    explicit CallGraph(const TopologyFrame& frame);

    bool isEmpty() const { return m_names.empty(); }
    int nodeCount() const { return static_cast<int>(m_names.size()); }
    /// Id of a node, or -1 when the graph does not know it.
    int nodeId(const QString& node) const { return m_ids.value(node, -1); }
    const QString& nodeName(int id) const { return m_names[static_cast<std::size_t>(id)]; }
    const std::vector<int>& callees(int id) const { return m_callees[static_cast<std::size_t>(id)]; }
    const std::vector<int>& callers(int id) const { return m_callers[static_cast<std::size_t>(id)]; }
    bool calls(int caller, int callee) const;

    /// Nodes within `hops` calls of `id` in either direction, `id` included, sorted.
    std::vector<int> neighbourhood(int id, int hops) const;
    /// Shortest chain of calls from `from` down to `to` (both included), empty when `to`
    /// is not reachable from `from` by following calls.
    std::vector<int> callPath(int from, int to) const;
    /// The shortest call chains from `from` to every node at once: the predecessor of
    /// each node on its chain (-1 for `from`, -2 when unreachable). `pathIn(tree, to)`
    /// then equals `callPath(from, to)`; cheaper when many paths share a start.
    std::vector<int> callTree(int from) const;
    static std::vector<int> pathIn(const std::vector<int>& tree, int to);

private:
    int addNode(const QString& name);

    QHash<QString, int> m_ids;
    std::vector<QString> m_names;
    std::vector<std::vector<int>> m_callees;
    std::vector<std::vector<int>> m_callers;
};

} // namespace meshscope
