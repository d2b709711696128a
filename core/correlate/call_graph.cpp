#include "call_graph.h"

#include <algorithm>
#include <deque>

namespace meshscope {

CallGraph::CallGraph(const TopologyFrame& frame)
{
    for (const TopologyNode& node : frame.nodes)
        addNode(node.name);
    for (const TopologyEdge& edge : frame.edges) {
        const int source = addNode(edge.source);
        const int destination = addNode(edge.destination);
        if (source == destination || calls(source, destination))
            continue; // one edge per protocol in the frame; one call relation here
        m_callees[static_cast<std::size_t>(source)].push_back(destination);
        m_callers[static_cast<std::size_t>(destination)].push_back(source);
    }
}

int CallGraph::addNode(const QString& name)
{
    const auto found = m_ids.constFind(name);
    if (found != m_ids.constEnd())
        return found.value();
    const int id = static_cast<int>(m_names.size());
    m_ids.insert(name, id);
    m_names.push_back(name);
    m_callees.emplace_back();
    m_callers.emplace_back();
    return id;
}

bool CallGraph::calls(int caller, int callee) const
{
    const auto& list = m_callees[static_cast<std::size_t>(caller)];
    return std::find(list.begin(), list.end(), callee) != list.end();
}

std::vector<int> CallGraph::neighbourhood(int id, int hops) const
{
    std::vector<int> result {id};
    std::vector<int> frontier {id};
    for (int hop = 0; hop < hops && !frontier.empty(); ++hop) {
        std::vector<int> next;
        for (int node : frontier) {
            for (const auto* list : {&callees(node), &callers(node)}) {
                for (int other : *list) {
                    if (std::find(result.begin(), result.end(), other) == result.end()) {
                        result.push_back(other);
                        next.push_back(other);
                    }
                }
            }
        }
        frontier = std::move(next);
    }
    std::sort(result.begin(), result.end());
    return result;
}

std::vector<int> CallGraph::callPath(int from, int to) const
{
    std::vector<int> previous(m_names.size(), -2);
    std::deque<int> queue {from};
    previous[static_cast<std::size_t>(from)] = -1;
    while (!queue.empty()) {
        const int node = queue.front();
        queue.pop_front();
        if (node == to)
            break;
        for (int callee : callees(node)) {
            if (previous[static_cast<std::size_t>(callee)] == -2) {
                previous[static_cast<std::size_t>(callee)] = node;
                queue.push_back(callee);
            }
        }
    }
    if (previous[static_cast<std::size_t>(to)] == -2)
        return {};
    std::vector<int> path;
    for (int node = to; node != -1; node = previous[static_cast<std::size_t>(node)])
        path.push_back(node);
    std::reverse(path.begin(), path.end());
    return path;
}

std::vector<int> CallGraph::callTree(int from) const
{
    // Same visiting order as callPath, so the chains are identical to its.
    std::vector<int> previous(m_names.size(), -2);
    std::vector<int> queue {from};
    queue.reserve(m_names.size());
    previous[static_cast<std::size_t>(from)] = -1;
    for (std::size_t head = 0; head < queue.size(); ++head) {
        for (int callee : callees(queue[head])) {
            if (previous[static_cast<std::size_t>(callee)] == -2) {
                previous[static_cast<std::size_t>(callee)] = queue[head];
                queue.push_back(callee);
            }
        }
    }
    return previous;
}

std::vector<int> CallGraph::pathIn(const std::vector<int>& tree, int to)
{
    if (to < 0 || static_cast<std::size_t>(to) >= tree.size() || tree[static_cast<std::size_t>(to)] == -2)
        return {};
    std::vector<int> path;
    for (int node = to; node != -1; node = tree[static_cast<std::size_t>(node)])
        path.push_back(node);
    std::reverse(path.begin(), path.end());
    return path;
}

} // namespace meshscope
