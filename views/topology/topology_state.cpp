#include "topology_state.h"

#include "model/signal_names.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace meshscope {

namespace {
// Kiali marks any 5xx degraded; a healthy mesh always has a trickle of 5xx (the demo's
// baseline is 0.1%), which would paint every edge orange. Below this share we call it healthy.
constexpr double ErrorEpsilon = 0.005;

double shareOf(const std::map<QString, double>& ratesByCode, QChar classDigit, double* total)
{
    double matching = 0;
    *total = 0;
    for (const auto& [code, rate] : ratesByCode) {
        *total += rate;
        if (code.size() == 3 && code.front() == classDigit)
            matching += rate;
    }
    return *total > 0 ? matching / *total : 0;
}
} // namespace

KialiHealth kialiHealth(const TopologyEdge& edge, double errorRatio)
{
    if (edge.protocol == QLatin1String("tcp"))
        return KialiHealth::Unknown;
    double total = 0;
    const double clientErrors = shareOf(edge.ratesByCode, QLatin1Char('4'), &total);
    if (errorRatio > 0.10 || clientErrors > 0.20)
        return KialiHealth::Failure;
    if (errorRatio > ErrorEpsilon || clientErrors > 0.10)
        return KialiHealth::Degraded;
    return KialiHealth::Healthy;
}

std::optional<KialiHealth> healthFromKialiStatus(const QString& status)
{
    if (status == QLatin1String("Healthy"))
        return KialiHealth::Healthy;
    if (status == QLatin1String("Degraded"))
        return KialiHealth::Degraded;
    if (status == QLatin1String("Failure"))
        return KialiHealth::Failure;
    if (status.isEmpty())
        return std::nullopt; // no verdict: compute our own
    return KialiHealth::Unknown; // "Not Ready", "NA": Kiali cannot tell either
}

TopologyStateBuilder::TopologyStateBuilder(std::shared_ptr<const Dataset> dataset)
    : m_dataset(std::move(dataset))
{
    const SeriesStore& store = m_dataset->series;
    for (SeriesId id = 0; id < store.seriesCount(); ++id) {
        const SeriesKey& key = store.key(id);
        if (key.signal == SignalName::RequestRate)
            m_index[key.entity].rate = id;
        else if (key.signal == SignalName::ErrorRatio)
            m_index[key.entity].errors = id;
        else if (key.signal == SignalName::LatencyP95)
            m_index[key.entity].p95 = id;
    }
    const auto& anomalies = m_dataset->anomalies;
    for (std::size_t i = 0; i < anomalies.size(); ++i)
        m_index[anomalies[i].series.entity].anomalies.push_back(static_cast<int>(i));
}

const TopologyStateBuilder::EntityIndex* TopologyStateBuilder::indexOf(const QString& entity) const
{
    const auto it = m_index.constFind(entity);
    return it == m_index.constEnd() ? nullptr : &it.value();
}

double TopologyStateBuilder::significanceAt(const EntityIndex* index, qint64 tMs) const
{
    double best = 0;
    if (!index)
        return best;
    for (int i : index->anomalies) {
        const Anomaly& a = m_dataset->anomalies[static_cast<std::size_t>(i)];
        if (a.startMs <= tMs && tMs <= a.endMs)
            best = std::max(best, std::max(a.significance, 1.0));
    }
    return best;
}

double TopologyStateBuilder::valueAt(SeriesId id, qint64 tMs, double fallback) const
{
    double value = fallback;
    if (id != InvalidSeries && m_dataset->series.valueAt(id, tMs, &value, MaxSampleAgeMs))
        return value;
    return fallback;
}

double TopologyStateBuilder::errorRatioOverHealthWindow(const EntityIndex* index, qint64 tMs, double fallback) const
{
    if (!index || index->errors == InvalidSeries)
        return fallback;
    const SeriesStore& store = m_dataset->series;
    const SeriesSpan errors = store.range(index->errors, tMs - HealthWindowMs + 1, tMs);
    if (errors.size < 2)
        return fallback; // coarse data: the sample at the cursor is the window
    const SeriesSpan rates = index->rate == InvalidSeries ? SeriesSpan {} : store.range(index->rate, tMs - HealthWindowMs + 1, tMs);
    const bool weighted = rates.size == errors.size
        && std::equal(errors.timesMs, errors.timesMs + errors.size, rates.timesMs);
    double failed = 0;
    double total = 0;
    for (std::size_t i = 0; i < errors.size; ++i) {
        const double weight = weighted ? rates.values[i] : 1.0;
        if (!std::isfinite(errors.values[i]) || !std::isfinite(weight))
            continue;
        failed += weight * errors.values[i];
        total += weight;
    }
    return total > 0 ? failed / total : fallback;
}

namespace {
/// The entries of `latest` in the order of `frame` (same shape): what a frame of the same
/// node and edge set says now, for a state aligned with the frame that was laid out.
struct AlignedFrame
{
    std::vector<const TopologyNode*> nodes;
    std::vector<const TopologyEdge*> edges;

    AlignedFrame(const TopologyFrame& frame, const TopologyFrame* latest)
    {
        nodes.reserve(frame.nodes.size());
        edges.reserve(frame.edges.size());
        QHash<QString, const TopologyNode*> latestNodes;
        QHash<QString, const TopologyEdge*> latestEdges;
        const bool other = latest && latest != &frame;
        if (other) {
            for (const TopologyNode& node : latest->nodes)
                latestNodes.insert(node.name, &node);
            for (const TopologyEdge& edge : latest->edges)
                latestEdges.insert(edge.entity() + QLatin1Char(' ') + edge.protocol, &edge);
        }
        for (const TopologyNode& node : frame.nodes)
            nodes.push_back(other ? latestNodes.value(node.name, &node) : &node);
        for (const TopologyEdge& edge : frame.edges)
            edges.push_back(other ? latestEdges.value(edge.entity() + QLatin1Char(' ') + edge.protocol, &edge) : &edge);
    }
};
} // namespace

TopologyState TopologyStateBuilder::stateAt(const TopologyFrame& frame, qint64 tMs, const TopologyFrame* latest) const
{
    const AlignedFrame aligned(frame, latest);
    TopologyState state;
    state.tMs = tMs;
    state.nodes.resize(frame.nodes.size());
    state.edges.resize(frame.edges.size());

    // Entities named by incidents open at tMs, and their top-ranked suspects.
    QSet<QString> incidentEntities;
    QSet<QString> rootCauses;
    for (const Incident& incident : m_dataset->incidents) {
        if (tMs < incident.startMs || (incident.resolved && tMs > incident.endMs))
            continue;
        for (int i : incident.anomalyIndexes) {
            if (i >= 0 && static_cast<std::size_t>(i) < m_dataset->anomalies.size())
                incidentEntities.insert(m_dataset->anomalies[static_cast<std::size_t>(i)].series.entity);
        }
        if (!incident.candidates.empty())
            rootCauses.insert(Entity::suspectNode(incident.candidates.front().entity));
    }

    QHash<QString, int> nodeRow;
    for (std::size_t i = 0; i < frame.nodes.size(); ++i) {
        const QString& name = frame.nodes[i].name;
        nodeRow.insert(name, static_cast<int>(i));
        NodeState& node = state.nodes[i];
        node.anomalySignificance = significanceAt(indexOf(name), tMs);
        node.rootCause = rootCauses.contains(name);
    }
    for (std::size_t i = 0; i < frame.edges.size(); ++i) {
        const TopologyEdge& edge = *aligned.edges[i];
        const QString entity = edge.entity();
        const EntityIndex* index = indexOf(entity);
        EdgeState& out = state.edges[i];
        out.requestRate = valueAt(index ? index->rate : InvalidSeries, tMs, edge.requestRate);
        out.errorRatio = valueAt(index ? index->errors : InvalidSeries, tMs, edge.errorRatio);
        out.latencyP95Ms = valueAt(index ? index->p95 : InvalidSeries, tMs, edge.latencyP95Ms);
        out.health = out.requestRate > 0 ? kialiHealth(edge, errorRatioOverHealthWindow(index, tMs, out.errorRatio))
                                         : KialiHealth::Unknown;
        out.anomalySignificance = significanceAt(index, tMs);
        out.inOpenIncident = incidentEntities.contains(entity);
        const auto row = nodeRow.constFind(edge.destination);
        if (row != nodeRow.constEnd()) {
            NodeState& target = state.nodes[static_cast<std::size_t>(*row)];
            target.health = std::max(target.health, out.health);
        }
    }
    // Kiali judges a workload on more than our rates (pods, proxies, its own tolerances):
    // where it gave a verdict, it wins over the one computed from inbound edges.
    for (std::size_t i = 0; i < frame.nodes.size(); ++i) {
        const auto verdict = healthFromKialiStatus(aligned.nodes[i]->kialiHealth);
        if (verdict) {
            state.nodes[i].health = *verdict;
            state.nodes[i].healthFromKiali = true;
        }
    }
    return state;
}

} // namespace meshscope
