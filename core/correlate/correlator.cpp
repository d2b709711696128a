#include "correlator.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace meshscope {

Correlator::Correlator(CorrelationSettings settings)
    : m_settings(settings)
{
}

void Correlator::setTopology(const TopologyFrame& frame)
{
    m_graph = CallGraph(frame);
    // Group node ids refer to the old graph: translate them by name.
    for (Group& group : m_groups) {
        group.rankingDirty = true; // explanations follow the calls of the new graph
        group.graphNodes.clear();
        for (const QString& entity : std::as_const(group.entities)) {
            for (int id : graphNodesOf(entity))
                group.graphNodes.insert(id);
        }
    }
}

std::vector<int> Correlator::graphNodesOf(const QString& entity) const
{
    std::vector<int> ids;
    const auto [source, destination] = Entity::edgeEnds(entity);
    for (const QString& node : {source, destination}) {
        const int id = node.isEmpty() ? -1 : m_graph.nodeId(node);
        if (id >= 0)
            ids.push_back(id);
    }
    return ids;
}

bool Correlator::isNear(const Group& group, const std::vector<int>& neighbourhood, qint64 startMs) const
{
    if (startMs > group.lastActivityMs + m_settings.windowMs || startMs < group.incident.startMs - m_settings.windowMs)
        return false;
    if (m_graph.isEmpty())
        return true; // no topology at all: time is all we know
    for (int id : neighbourhood) {
        if (group.graphNodes.contains(id))
            return true;
    }
    return false;
}

std::vector<int> Correlator::matchingGroups(const Anomaly& anomaly, const std::vector<int>& nodes) const
{
    std::vector<int> neighbourhood;
    for (int id : nodes) {
        for (int near : m_graph.neighbourhood(id, m_settings.maxHops))
            neighbourhood.push_back(near);
    }
    std::vector<int> result;
    for (int index : m_open) {
        const Group& group = m_groups[static_cast<std::size_t>(index)];
        const bool sameEntity = group.entities.contains(anomaly.series.entity)
            && anomaly.startMs <= group.lastActivityMs + m_settings.windowMs
            && anomaly.startMs >= group.incident.startMs - m_settings.windowMs;
        if (sameEntity || isNear(group, neighbourhood, anomaly.startMs))
            result.push_back(index);
    }
    return result;
}

int Correlator::openGroup(const Anomaly& anomaly)
{
    Group group;
    group.incident.id = QStringLiteral("INC-%1").arg(m_nextId++, 4, 10, QLatin1Char('0'));
    group.incident.startMs = anomaly.startMs;
    group.lastActivityMs = anomaly.startMs;
    m_groups.push_back(std::move(group));
    const int index = static_cast<int>(m_groups.size()) - 1;
    m_groupById.insert(m_groups.back().incident.id, index);
    m_open.push_back(index);
    return index;
}

void Correlator::addToGroup(int groupIndex, int anomalyIndex, const std::vector<int>& nodes)
{
    Group& group = m_groups[static_cast<std::size_t>(groupIndex)];
    const Anomaly& anomaly = m_anomalies[static_cast<std::size_t>(anomalyIndex)];
    auto& indexes = group.incident.anomalyIndexes;
    const auto at = std::upper_bound(indexes.begin(), indexes.end(), anomalyIndex, [this](int a, int b) {
        const qint64 sa = m_anomalies[static_cast<std::size_t>(a)].startMs;
        const qint64 sb = m_anomalies[static_cast<std::size_t>(b)].startMs;
        return sa != sb ? sa < sb : a < b;
    });
    indexes.insert(at, anomalyIndex);
    group.entities.insert(anomaly.series.entity);
    // Detector anomalies as evidence: significance 0..100 maps onto ~0..10 sigma.
    addEvidence(group, {anomaly.series, anomaly.significance / 10.0, anomaly.startMs, anomaly.expected, anomaly.observed});
    for (int id : nodes)
        group.graphNodes.insert(id);
    group.lastActivityMs = std::max({group.lastActivityMs, anomaly.startMs, anomaly.endMs});
    group.strongest = std::max(group.strongest, anomaly.significance);
    refreshSummary(group);
}

void Correlator::mergeInto(int target, int source, std::vector<IncidentChange>* changes)
{
    Group& from = m_groups[static_cast<std::size_t>(source)];
    Group& into = m_groups[static_cast<std::size_t>(target)];
    std::vector<int> merged;
    std::merge(into.incident.anomalyIndexes.begin(), into.incident.anomalyIndexes.end(),
        from.incident.anomalyIndexes.begin(), from.incident.anomalyIndexes.end(), std::back_inserter(merged),
        [this](int a, int b) {
            const qint64 sa = m_anomalies[static_cast<std::size_t>(a)].startMs;
            const qint64 sb = m_anomalies[static_cast<std::size_t>(b)].startMs;
            return sa != sb ? sa < sb : a < b;
        });
    into.incident.anomalyIndexes = std::move(merged);
    into.graphNodes.unite(from.graphNodes);
    into.entities.unite(from.entities);
    for (const SignalEvidence& signal : std::as_const(from.evidence))
        addEvidence(into, signal);
    from.evidence.clear();
    from.ranked.clear();
    from.unranked.clear();
    into.lastActivityMs = std::max(into.lastActivityMs, from.lastActivityMs);
    into.strongest = std::max(into.strongest, from.strongest);
    from.alive = false;
    m_open.erase(std::remove(m_open.begin(), m_open.end(), source), m_open.end());
    changes->push_back({from.incident.id, IncidentChangeKind::Merged, into.incident.id});
}

void Correlator::refreshSummary(Group& group) const
{
    Incident& incident = group.incident;
    const Anomaly& first = m_anomalies[static_cast<std::size_t>(incident.anomalyIndexes.front())];
    incident.startMs = first.startMs;
    QString firstAffected = Entity::suspectNode(first.series.entity);
    if (firstAffected != incident.firstAffected) {
        incident.firstAffected = std::move(firstAffected);
        group.rankingDirty = true; // call paths in the evidence start there
    }
    incident.endMs = group.lastActivityMs;
    const double strongest = group.strongest;
    // Breadth adds to the strongest signal: many services deviating together is
    // more certainly an incident than one, but never beyond the scale.
    const double breadth = 5.0 * std::log2(static_cast<double>(group.entities.size()));
    incident.significance = std::min(100.0, strongest + breadth);
}

std::vector<IncidentChange> Correlator::advanceTo(qint64 nowMs)
{
    std::vector<IncidentChange> changes;
    if (nowMs <= m_nowMs)
        return changes;
    m_nowMs = nowMs;
    std::vector<int> stillOpen;
    for (int index : m_open) {
        Group& group = m_groups[static_cast<std::size_t>(index)];
        if (m_nowMs - group.lastActivityMs > m_settings.quietPeriodMs) {
            group.incident.resolved = true;
            changes.push_back({group.incident.id, IncidentChangeKind::Resolved, {}});
        } else {
            stillOpen.push_back(index);
        }
    }
    m_open = std::move(stillOpen);
    return changes;
}

std::vector<IncidentChange> Correlator::addAnomaly(const Anomaly& anomaly)
{
    std::vector<IncidentChange> changes = advanceTo(anomaly.startMs);
    const int anomalyIndex = static_cast<int>(m_anomalies.size());
    m_anomalies.push_back(anomaly);
    const std::vector<int> nodes = graphNodesOf(anomaly.series.entity);
    const std::vector<int> matches = matchingGroups(anomaly, nodes);
    if (matches.empty()) {
        const int index = openGroup(anomaly);
        addToGroup(index, anomalyIndex, nodes);
        changes.push_back({m_groups[static_cast<std::size_t>(index)].incident.id, IncidentChangeKind::Opened, {}});
        return changes;
    }
    // The oldest incident absorbs the others this anomaly ties together.
    const int target = *std::min_element(matches.begin(), matches.end());
    for (int other : matches) {
        if (other != target)
            mergeInto(target, other, &changes);
    }
    addToGroup(target, anomalyIndex, nodes);
    changes.push_back({m_groups[static_cast<std::size_t>(target)].incident.id, IncidentChangeKind::Updated, {}});
    return changes;
}

void Correlator::addEvidence(Group& group, const SignalEvidence& signal) const
{
    const auto found = group.evidence.find(signal.series);
    if (found == group.evidence.end()) {
        group.evidence.insert(signal.series, signal);
        placeSeries(group, {signal.magnitude, signal.series});
        return;
    }
    const qint64 firstOnset = std::min(found->onsetMs, signal.onsetMs);
    if (signal.magnitude > found->magnitude) {
        removeSeries(group, {found->magnitude, found->series});
        *found = signal;
        found->onsetMs = firstOnset;
        placeSeries(group, {signal.magnitude, signal.series});
    } else if (firstOnset != found->onsetMs) {
        found->onsetMs = firstOnset;
        if (group.ranked.count({found->magnitude, found->series}) > 0)
            group.rankingDirty = true; // onsets weigh in the ranking
    }
}

void Correlator::placeSeries(Group& group, RankedSeries entry) const
{
    // Invariant: every ranked series is stronger than every unranked one, and series
    // are only left unranked while the ranked set is full.
    const std::size_t keep = static_cast<std::size_t>(std::max(1, m_settings.maxRankedSeries));
    if (group.ranked.size() < keep || StrongerFirst()(entry, *group.ranked.rbegin())) {
        group.ranked.insert(std::move(entry));
        group.rankingDirty = true;
        if (group.ranked.size() > keep)
            group.unranked.insert(group.ranked.extract(std::prev(group.ranked.end())));
    } else {
        group.unranked.insert(std::move(entry));
    }
}

void Correlator::removeSeries(Group& group, const RankedSeries& entry) const
{
    if (group.ranked.erase(entry) == 0) {
        group.unranked.erase(entry);
        return;
    }
    group.rankingDirty = true;
    if (!group.unranked.empty())
        group.ranked.insert(group.unranked.extract(group.unranked.begin()));
}

void Correlator::rank(const Group& group) const
{
    if (!group.rankingDirty)
        return;
    // The strongest series, strongest first (ties by name): the same input whatever
    // order the anomalies arrived in.
    SignalEvidenceList evidence;
    evidence.reserve(group.ranked.size());
    for (const RankedSeries& entry : group.ranked)
        evidence.push_back(group.evidence.value(entry.series));
    RankingSettings settings = m_settings.ranking;
    settings.anomalousMagnitude = 0; // every detector anomaly already passed its threshold
    group.incident.candidates = RootCauseRanker(settings).rank(evidence, m_graph, group.incident.firstAffected);
    group.rankingDirty = false;
}

const Incident* Correlator::incident(const QString& id) const
{
    const auto found = m_groupById.constFind(id);
    if (found == m_groupById.cend())
        return nullptr;
    const Group& group = m_groups[static_cast<std::size_t>(*found)];
    if (!group.alive)
        return nullptr;
    rank(group);
    return &group.incident;
}

std::vector<Incident> Correlator::incidents() const
{
    std::vector<Incident> result;
    for (const Group& group : m_groups) {
        if (!group.alive)
            continue;
        rank(group);
        result.push_back(group.incident);
    }
    std::stable_sort(result.begin(), result.end(),
        [](const Incident& a, const Incident& b) { return a.startMs < b.startMs; });
    return result;
}

std::vector<Incident> Correlator::correlate(const std::vector<Anomaly>& anomalies, const TopologyHistory& topology,
    const CorrelationSettings& settings, qint64 asOfMs)
{
    std::vector<int> order(anomalies.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&anomalies](int a, int b) {
        return anomalies[static_cast<std::size_t>(a)].startMs < anomalies[static_cast<std::size_t>(b)].startMs;
    });
    Correlator correlator(settings);
    const TopologyFrame* frame = nullptr;
    std::vector<int> fed;
    for (int index : order) {
        Anomaly anomaly = anomalies[static_cast<std::size_t>(index)];
        if (anomaly.startMs >= asOfMs)
            break;
        anomaly.endMs = std::min(anomaly.endMs, asOfMs);
        const TopologyFrame* current = topology.frameAt(anomaly.startMs);
        if (current && current != frame) {
            frame = current;
            correlator.setTopology(*frame);
        }
        correlator.addAnomaly(anomaly);
        fed.push_back(index);
    }
    if (asOfMs != std::numeric_limits<qint64>::max())
        correlator.advanceTo(asOfMs);
    std::vector<Incident> result = correlator.incidents();
    for (Incident& incident : result) {
        for (int& index : incident.anomalyIndexes)
            index = fed[static_cast<std::size_t>(index)];
    }
    return result;
}

} // namespace meshscope
