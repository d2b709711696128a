#pragma once

#include "call_graph.h"
#include "root_cause_ranker.h"

#include "model/findings.h"
#include "model/topology.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <limits>
#include <set>
#include <vector>

namespace meshscope {

/// When anomalies belong to the same incident.
struct CorrelationSettings
{
    /// Anomalies starting within this time of an incident's activity join it.
    qint64 windowMs = 10 * 60 * 1000;
    /// ... when their nodes are within this many calls of the incident's nodes.
    int maxHops = 1;
    /// An incident without new anomalies (or still-running ones) for this long resolves.
    qint64 quietPeriodMs = 15 * 60 * 1000;
    RankingSettings ranking;
    /// Only the strongest series of an incident are ranked (a day-long storm can hold
    /// thousands); candidates come from these.
    int maxRankedSeries = 200;
};

enum class IncidentChangeKind { Opened, Updated, Merged, Resolved };

/// What happened to one incident when an anomaly arrived or time advanced.
struct IncidentChange
{
    QString incidentId;
    IncidentChangeKind kind = IncidentChangeKind::Opened;
    QString mergedInto; ///< for Merged: the incident that absorbed this one

    friend bool operator==(const IncidentChange&, const IncidentChange&) = default;
};

/// Groups anomalies into incidents, incrementally.
///
/// An anomaly joins the open incidents it is close to in time (windowMs) and connected
/// to in the call graph (maxHops, calls in either direction); when it connects several,
/// they merge into the oldest. Anomalies on nodes the graph does not know (or all of
/// them when there is no topology) are grouped by time alone. Incidents resolve after a
/// quiet period. Live mode feeds `addAnomaly` as detectors report; replay feeds the
/// same anomalies in start order, so the state at time t depends only on anomalies that
/// started before t, and `correlate()` (batch) equals the incremental result.
class Correlator
{
public:
    explicit Correlator(CorrelationSettings settings = {});

    /// The call graph in force from now on (already grouped incidents keep their nodes).
    void setTopology(const TopologyFrame& frame);
    /// Adds an anomaly; advances the clock to its start first. Returns what changed.
    std::vector<IncidentChange> addAnomaly(const Anomaly& anomaly);
    /// Advances the clock without new anomalies (resolves quiet incidents).
    std::vector<IncidentChange> advanceTo(qint64 nowMs);

    qint64 now() const { return m_nowMs; }
    const std::vector<Anomaly>& anomalies() const { return m_anomalies; }
    /// Current incidents (merged ones removed) in order of start, ranked.
    std::vector<Incident> incidents() const;
    /// One incident, ranked; null when unknown (or merged away).
    const Incident* incident(const QString& id) const;

    /// Batch: feeds `anomalies` (any order) by start time, with the topology in force at
    /// each start, up to `asOfMs` (anomalies starting later are ignored and running ones
    /// are cut there). Anomaly indexes refer to the `anomalies` argument.
    static std::vector<Incident> correlate(const std::vector<Anomaly>& anomalies, const TopologyHistory& topology,
        const CorrelationSettings& settings = {}, qint64 asOfMs = std::numeric_limits<qint64>::max());

private:
    /// A series' place in an incident's evidence order: strongest first, ties by name.
    struct RankedSeries
    {
        double magnitude = 0;
        SeriesKey series;
    };
    struct StrongerFirst
    {
        bool operator()(const RankedSeries& a, const RankedSeries& b) const
        {
            return a.magnitude != b.magnitude ? a.magnitude > b.magnitude : a.series < b.series;
        }
    };
    using RankedSet = std::set<RankedSeries, StrongerFirst>;

    struct Group
    {
        mutable Incident incident; ///< candidates are ranked lazily, on read
        QSet<int> graphNodes;    ///< call-graph ids of the nodes involved
        QSet<QString> entities;  ///< entity names involved (also those unknown to the graph)
        /// Strongest anomaly per series as ranking evidence, kept up to date as anomalies
        /// arrive so reading a large incident does not revisit all its anomalies.
        QHash<SeriesKey, SignalEvidence> evidence;
        /// The `maxRankedSeries` strongest series (the ranking's whole input) and the
        /// others, kept ordered as evidence arrives: reading a huge incident neither
        /// copies nor sorts all its series, and an anomaly that changes nothing among
        /// the strongest leaves the cached ranking valid.
        RankedSet ranked;
        RankedSet unranked;
        qint64 lastActivityMs = 0;
        double strongest = 0;    ///< largest anomaly significance
        bool alive = true;       ///< false once merged into another
        /// The ranking's input (strongest series, their onsets, first affected node,
        /// topology) changed since the candidates were computed.
        mutable bool rankingDirty = true;
    };

    std::vector<int> graphNodesOf(const QString& entity) const;
    bool isNear(const Group& group, const std::vector<int>& neighbourhood, qint64 startMs) const;
    std::vector<int> matchingGroups(const Anomaly& anomaly, const std::vector<int>& nodes) const;
    int openGroup(const Anomaly& anomaly);
    void mergeInto(int target, int source, std::vector<IncidentChange>* changes);
    void addToGroup(int groupIndex, int anomalyIndex, const std::vector<int>& nodes);
    void refreshSummary(Group& group) const;
    void addEvidence(Group& group, const SignalEvidence& signal) const;
    void placeSeries(Group& group, RankedSeries entry) const;
    void removeSeries(Group& group, const RankedSeries& entry) const;
    void rank(const Group& group) const;

    CorrelationSettings m_settings;
    CallGraph m_graph;
    std::vector<Anomaly> m_anomalies;
    std::vector<Group> m_groups;
    QHash<QString, int> m_groupById; ///< incident id -> index into m_groups (alive or not)
    std::vector<int> m_open; ///< indexes of alive, unresolved groups
    qint64 m_nowMs = std::numeric_limits<qint64>::min();
    int m_nextId = 1;
};

} // namespace meshscope
