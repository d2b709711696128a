#include "root_cause_ranker.h"

#include "call_graph.h"

#include "model/signal_names.h"

#include <QDateTime>
#include <QHash>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace meshscope {

namespace {

/// Kinds of evidence, by how they travel through the call graph.
enum Kind { Local = 0, Latency, Errors, Traffic, KindCount };

Kind kindOf(const QString& signal)
{
    switch (signalClass(signal)) {
    case SignalClass::Latency:
        return Latency;
    case SignalClass::Errors:
        return Errors;
    case SignalClass::Traffic:
    case SignalClass::Bytes: // bytes on the wire move with the calls
        return Traffic;
    case SignalClass::Saturation:
    case SignalClass::Custom:
        break;
    }
    return Local; // resources and unknown signals: nothing upstream causes them
}

/// What one node has against it, aggregated from its signals.
struct NodeCase
{
    QString name;
    int graphId = -1;
    double peak[KindCount] = {};     ///< largest deviation per kind, in sigmas
    double strength[KindCount] = {}; ///< the same on the ranking's scale
    double explained[KindCount] = {};
    int explainer = -1; ///< index into the node list of the callee that explains most
    qint64 onsetMs = std::numeric_limits<qint64>::max();
    std::vector<const SignalEvidence*> signals;
    double score = 0;

    double total() const { return *std::max_element(strength, strength + KindCount); }
    double largestPeak() const { return *std::max_element(peak, peak + KindCount); }
};

std::vector<NodeCase> collectNodes(const SignalEvidenceList& evidence, const CallGraph& graph, bool logScale,
    QHash<QString, int>* indexByName)
{
    std::vector<NodeCase> nodes;
    nodes.reserve(evidence.size());
    indexByName->reserve(static_cast<qsizetype>(evidence.size())); // no rehashing while it fills
    for (const SignalEvidence& signal : evidence) {
        // How much a call carries is the caller's doing; how slow or failing it is, the
        // callee's.
        const Kind kind = kindOf(signal.series.signal);
        const QString name = kind == Traffic && Entity::isEdge(signal.series.entity)
            ? Entity::edgeEnds(signal.series.entity).first
            : Entity::suspectNode(signal.series.entity);
        int index = indexByName->value(name, -1);
        if (index < 0) {
            index = static_cast<int>(nodes.size());
            indexByName->insert(name, index);
            NodeCase node;
            node.name = name;
            node.graphId = graph.nodeId(name);
            nodes.push_back(std::move(node));
        }
        NodeCase& node = nodes[static_cast<std::size_t>(index)];
        // Deviations span orders of magnitude (a 5-sigma CPU rise, a 5,000-sigma timeout
        // storm): on a log scale one huge symptom does not drown the clear but smaller
        // deviation of the callee that causes it.
        const double strength = logScale ? std::log1p(signal.magnitude) : signal.magnitude;
        node.strength[kind] = std::max(node.strength[kind], strength);
        node.peak[kind] = std::max(node.peak[kind], signal.magnitude);
        node.signals.push_back(&signal);
    }
    for (NodeCase& node : nodes) {
        std::sort(node.signals.begin(), node.signals.end(),
            [](const SignalEvidence* a, const SignalEvidence* b) { return a->magnitude > b->magnitude; });
    }
    return nodes;
}

} // namespace

RootCauseRanker::RootCauseRanker(RankingSettings settings)
    : m_settings(settings)
{
}

namespace {

class RankingRun
{
public:
    RankingRun(const RankingSettings& settings, const CallGraph& graph, const SignalEvidenceList& evidence)
        : m_settings(settings)
        , m_graph(graph)
    {
        m_nodes = collectNodes(evidence, graph, settings.logScale, &m_indexByName);
        m_nodeOfGraphId.assign(static_cast<std::size_t>(graph.nodeCount()), -1);
        m_visitMark.assign(static_cast<std::size_t>(graph.nodeCount()), 0);
        for (std::size_t i = 0; i < m_nodes.size(); ++i) {
            if (m_nodes[i].graphId >= 0)
                m_nodeOfGraphId[static_cast<std::size_t>(m_nodes[i].graphId)] = static_cast<int>(i);
        }
    }

    std::vector<RootCauseCandidate> run(const QString& symptomNode)
    {
        computeOnsets();
        for (NodeCase& node : m_nodes)
            explainByCallees(node);
        for (NodeCase& node : m_nodes) {
            double score = 0;
            for (int kind = 0; kind < KindCount; ++kind) {
                const double weight = kind == Traffic && !isTrafficOrigin(node) ? m_settings.trafficWeight : 1.0;
                score = std::max(score, weight * node.strength[kind] * (1.0 - node.explained[kind]));
            }
            score *= callerSupport(node);
            if (isAnomalous(node) && m_earliestOnset != std::numeric_limits<qint64>::max()) {
                const double delay = static_cast<double>(node.onsetMs - m_earliestOnset);
                score *= 1.0 + m_settings.onsetBonus * std::exp(-delay / static_cast<double>(m_settings.onsetDecayMs));
            }
            node.score = score;
        }
        std::vector<int> order(m_nodes.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = static_cast<int>(i);
        std::stable_sort(order.begin(), order.end(), [this](int a, int b) {
            const NodeCase& x = m_nodes[static_cast<std::size_t>(a)];
            const NodeCase& y = m_nodes[static_cast<std::size_t>(b)];
            if (x.score != y.score)
                return x.score > y.score;
            if (x.onsetMs != y.onsetMs)
                return x.onsetMs < y.onsetMs;
            return x.name < y.name;
        });
        if (m_settings.maxCandidates > 0 && static_cast<int>(order.size()) > m_settings.maxCandidates)
            order.resize(static_cast<std::size_t>(m_settings.maxCandidates));
        std::vector<RootCauseCandidate> result;
        for (int index : order)
            result.push_back(candidate(m_nodes[static_cast<std::size_t>(index)], symptomNode));
        return result;
    }

private:
    bool isAnomalous(const NodeCase& node) const { return node.largestPeak() >= m_settings.anomalousMagnitude; }

    /// An entry point (nobody calls it) whose outgoing traffic shifted while none of its
    /// callees is slow, failing or short of resources: nothing upstream or downstream
    /// explains the shift, so it is the origin, not a consequence, and counts fully (an
    /// ingress gateway that stops passing requests has no other evidence).
    bool isTrafficOrigin(const NodeCase& node) const
    {
        if (node.graphId < 0 || !m_graph.callers(node.graphId).empty() || m_graph.callees(node.graphId).empty()
            || node.peak[Traffic] < m_settings.anomalousMagnitude)
            return false;
        for (int callee : m_graph.callees(node.graphId)) {
            const int index = m_nodeOfGraphId[static_cast<std::size_t>(callee)];
            if (index < 0)
                continue;
            const NodeCase& other = m_nodes[static_cast<std::size_t>(index)];
            if (std::max({other.peak[Latency], other.peak[Errors], other.peak[Local]}) >= m_settings.anomalousMagnitude)
                return false;
        }
        return true;
    }

    void computeOnsets()
    {
        for (NodeCase& node : m_nodes) {
            for (const SignalEvidence* signal : node.signals) {
                if (signal->magnitude >= m_settings.anomalousMagnitude)
                    node.onsetMs = std::min(node.onsetMs, signal->onsetMs);
            }
            if (isAnomalous(node))
                m_earliestOnset = std::min(m_earliestOnset, node.onsetMs);
        }
    }

    /// Anomalous callees (or callers) of `node`, looking through nodes without signals.
    /// Computed once per node and direction (the explanation and the caller support
    /// both ask), with the walk's buffers reused: a huge incident ranks hundreds of nodes.
    const std::vector<int>& anomalousNeighbours(const NodeCase& node, bool downwards) const
    {
        const std::size_t index = static_cast<std::size_t>(&node - m_nodes.data());
        auto& cache = downwards ? m_anomalousCallees : m_anomalousCallers;
        if (cache.empty())
            cache.resize(m_nodes.size());
        if (cache[index].has_value())
            return *cache[index];
        std::vector<int>& found = cache[index].emplace();
        if (node.graphId < 0)
            return found;
        const int mark = ++m_visitEpoch; // marks nodes seen in this walk
        m_frontier.assign(1, node.graphId);
        m_visitMark[static_cast<std::size_t>(node.graphId)] = mark;
        for (int depth = 0; depth <= m_settings.transparentHops && !m_frontier.empty(); ++depth) {
            m_next.clear();
            for (int id : m_frontier) {
                for (int other : downwards ? m_graph.callees(id) : m_graph.callers(id)) {
                    int& seen = m_visitMark[static_cast<std::size_t>(other)];
                    if (seen == mark)
                        continue;
                    seen = mark;
                    const int neighbour = m_nodeOfGraphId[static_cast<std::size_t>(other)];
                    if (neighbour < 0)
                        m_next.push_back(other); // unobserved: look through it
                    else if (isAnomalous(m_nodes[static_cast<std::size_t>(neighbour)]))
                        found.push_back(neighbour);
                }
            }
            std::swap(m_frontier, m_next);
        }
        return found;
    }

    /// Symptoms flow up the call graph: a node whose anomaly several anomalous callers
    /// share explains more of the picture (the idea behind random walks from the symptoms).
    double callerSupport(const NodeCase& node) const
    {
        if (node.graphId < 0 || !isAnomalous(node))
            return 1.0;
        const auto& callers = anomalousNeighbours(node, false);
        return 1.0 + m_settings.callerSupport * std::log2(1.0 + static_cast<double>(callers.size()));
    }

    /// How much of `node`'s symptoms of one kind a neighbour's deviation explains.
    double share(double cause, double symptom) const
    {
        if (symptom <= 0)
            return 0;
        return std::min(1.0, cause / (m_settings.explainRatio * symptom)) * m_settings.maxExplained;
    }

    void explain(NodeCase& node, int kind, double by, int explainer)
    {
        const double value = share(by, node.strength[kind]);
        if (value > node.explained[kind]) {
            node.explained[kind] = value;
            if (kind != Traffic)
                node.explainer = explainer;
        }
    }

    /// A callee's slowness or failure makes its callers slow (latency); only failures
    /// (errors, or a local resource problem that makes it fail) explain callers' errors.
    /// Traffic shifts travel down the calls: a caller's shift explains its callees'.
    void explainByCallees(NodeCase& node)
    {
        if (node.graphId < 0)
            return;
        for (int index : anomalousNeighbours(node, true)) {
            const NodeCase& callee = m_nodes[static_cast<std::size_t>(index)];
            explain(node, Latency, callee.total(), index);
            explain(node, Errors, std::max(callee.strength[Errors], callee.strength[Local]), index);
        }
        // Fewer (or more) calls into a service follow from its callers sending fewer.
        for (int index : anomalousNeighbours(node, false))
            explain(node, Traffic, m_nodes[static_cast<std::size_t>(index)].strength[Traffic], index);
    }

    QStringList pathFrom(const NodeCase& node, const QString& symptomNode) const
    {
        QStringList path;
        if (node.graphId < 0)
            return path;
        // From the given symptom node when it calls (through others) this one; else from
        // where its anomalous callers surface.
        std::vector<int> ids;
        const int symptom = m_graph.nodeId(symptomNode);
        if (symptom >= 0 && symptom != node.graphId) {
            // Every candidate's path starts at the symptom node: one walk serves them all.
            if (m_symptomTree.empty())
                m_symptomTree = m_graph.callTree(symptom);
            ids = CallGraph::pathIn(m_symptomTree, node.graphId);
        }
        if (ids.empty())
            ids = m_graph.callPath(highestAnomalousCaller(node.graphId), node.graphId);
        for (int id : ids)
            path.append(m_graph.nodeName(id));
        return path;
    }

    /// Walks up through anomalous callers (strongest first) to where the symptoms surface.
    int highestAnomalousCaller(int id) const
    {
        std::vector<int> visited {id};
        for (;;) {
            int best = -1;
            double bestTotal = 0;
            for (int caller : m_graph.callers(id)) {
                const int index = m_nodeOfGraphId[static_cast<std::size_t>(caller)];
                if (index < 0 || std::find(visited.begin(), visited.end(), caller) != visited.end())
                    continue;
                const NodeCase& node = m_nodes[static_cast<std::size_t>(index)];
                if (isAnomalous(node) && node.total() > bestTotal) {
                    best = caller;
                    bestTotal = node.total();
                }
            }
            if (best < 0)
                return id;
            visited.push_back(best);
            id = best;
        }
    }

    RootCauseCandidate candidate(const NodeCase& node, const QString& symptomNode) const;

    const RankingSettings& m_settings;
    const CallGraph& m_graph;
    std::vector<NodeCase> m_nodes;
    QHash<QString, int> m_indexByName;
    std::vector<int> m_nodeOfGraphId; ///< node list index per call-graph id, -1 = no evidence
    mutable std::vector<int> m_visitMark;
    mutable int m_visitEpoch = 0;
    mutable std::vector<int> m_frontier, m_next; ///< buffers of the neighbour walks
    mutable std::vector<std::optional<std::vector<int>>> m_anomalousCallees, m_anomalousCallers;
    mutable std::vector<int> m_symptomTree; ///< shortest call chains from the symptom node
    qint64 m_earliestOnset = std::numeric_limits<qint64>::max();
};

QString describeSignal(const SignalEvidence& signal)
{
    return QStringLiteral("%1 %2 sigma (normal %3, seen %4)")
        .arg(signal.series.toString())
        .arg(signal.magnitude, 0, 'f', 1)
        .arg(signal.baseline, 0, 'g', 4)
        .arg(signal.observed, 0, 'g', 4);
}

RootCauseCandidate RankingRun::candidate(const NodeCase& node, const QString& symptomNode) const
{
    RootCauseCandidate result;
    result.entity = node.name;
    result.score = node.score;
    result.magnitude = node.largestPeak();
    result.onsetMs = node.onsetMs == std::numeric_limits<qint64>::max() ? 0 : node.onsetMs;
    QStringList described;
    for (const SignalEvidence* signal : node.signals) {
        result.signalNames.append(signal->series.toString());
        if (described.size() < 3)
            described.append(describeSignal(*signal));
    }
    result.pathToSymptoms = pathFrom(node, symptomNode);
    const double mostExplained = std::max(node.explained[Latency], node.explained[Errors]);
    result.explainedByCallee = node.explainer >= 0 && mostExplained >= 0.5 * m_settings.maxExplained;
    QString text = described.join(QStringLiteral("; "));
    if (result.onsetMs > 0)
        text += QStringLiteral("; onset ")
            + QDateTime::fromMSecsSinceEpoch(result.onsetMs, Qt::UTC).toString(Qt::ISODate);
    if (node.explainer >= 0) {
        text += QStringLiteral("; %1% of its latency/errors explained by anomalous callee %2")
                    .arg(qRound(mostExplained * 100))
                    .arg(m_nodes[static_cast<std::size_t>(node.explainer)].name);
    } else if (node.strength[Latency] + node.strength[Errors] > 0 && node.graphId >= 0) {
        text += QStringLiteral("; no anomalous callee explains it");
    }
    if (result.pathToSymptoms.size() > 1)
        text += QStringLiteral("; reached from the symptoms via ") + result.pathToSymptoms.join(QStringLiteral(" -> "));
    result.evidence = text;
    return result;
}

} // namespace

std::vector<RootCauseCandidate> RootCauseRanker::rank(
    const SignalEvidenceList& evidence, const CallGraph& graph, const QString& symptomNode) const
{
    RankingRun run(m_settings, graph, evidence);
    return run.run(symptomNode);
}

} // namespace meshscope
