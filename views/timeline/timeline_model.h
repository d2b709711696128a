#pragma once

#include "alert_rows.h"
#include "model/findings.h"

#include <QAbstractItemModel>

#include <limits>
#include <vector>

namespace meshscope {

/// The alerts of an investigation as a tree for the timeline: one top-level row per
/// incident (newest first) with its anomalies in chronological order as children. An
/// incident with root-cause candidates has a first child "Likely root cause" whose
/// children are its top candidates in rank order (a third level). Without incidents,
/// anomalies are grouped by entity (the entity with the newest onset first). Anomalies
/// that belong to no incident go into a last "not correlated" group. Prometheus' own
/// alerts (setAlerts) come first, in a "Prometheus alerts" group of their own (AlertRows).
class TimelineModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { EntityColumn, SignificanceColumn, OnsetColumn, DurationColumn, TimeBarColumn, ColumnCount };
    enum Role {
        RowKindRole = Qt::UserRole + 1, ///< RowKind
        EntityRole, ///< entity to select when the row is clicked
        StartRole, ///< qint64 ms
        EndRole, ///< qint64 ms
        PeakRole, ///< qint64 ms (anomalies)
        SignificanceRole, ///< double 0..100
        SpansRole, ///< QVariant<std::vector<TimeSpan>>: a group's anomalies
        SortRole, ///< numeric or text key for sorting the column
        RankRole, ///< int, 1 = most likely (candidates)
        SignalsRole, ///< QStringList "entity/signal", strongest first (candidates)
        StateRole, ///< QString "firing" or "pending" (Prometheus alerts)
        OpenRole, ///< bool, still active at the end of the data (Prometheus alerts)
        AlertSpansRole, ///< QVariant<std::vector<AlertSpan>> (the Prometheus alerts group)
    };
    enum class RowKind {
        Incident,
        EntityGroup,
        Uncorrelated,
        Anomaly,
        CauseGroup,
        Candidate,
        AlertGroup,
        Alert
    };
    Q_ENUM(RowKind)

    /// Candidates listed under "Likely root cause"; the rest are in the incident's tooltip.
    static constexpr int MaxCandidateRows = 5;

    explicit TimelineModel(QObject* parent = nullptr);

    /// Replaces everything (a snapshot). Incident::anomalyIndexes index `anomalies`.
    void setFindings(std::vector<Anomaly> anomalies, std::vector<Incident> incidents);
    const std::vector<Anomaly>& anomalies() const { return m_anomalies; }
    /// Replaces the Prometheus alerts (findings stay); open intervals are drawn up to
    /// `dataEndMs`.
    void setAlerts(std::vector<ExternalAlert> alerts, qint64 dataEndMs);
    const std::vector<ExternalAlert>& alerts() const { return m_alertRows.alerts(); }
    /// The Prometheus alert behind an alert row, or null for any other row.
    const ExternalAlert* alertAt(const QModelIndex& index) const;
    /// The "Prometheus alerts" group row, or invalid when there are none.
    QModelIndex alertGroupIndex() const;
    /// The anomaly behind a child row, or null for any other row.
    const Anomaly* anomalyAt(const QModelIndex& index) const;
    /// The incident behind a group row, or null.
    const Incident* incidentAt(const QModelIndex& index) const;
    /// The root-cause candidate behind a candidate row, or null.
    const RootCauseCandidate* candidateAt(const QModelIndex& index) const;
    /// The "Likely root cause" row of the incident row `incident`, or invalid.
    QModelIndex causeGroupIndex(const QModelIndex& incident) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// "2025-06-03 14:30:00" (UTC), as the onset column shows times.
    static QString timeText(qint64 tMs);
    /// "42 s", "3 min 5 s", "2 h 10 min".
    static QString durationText(qint64 ms);

private:
    struct Group
    {
        RowKind kind = RowKind::EntityGroup;
        QString title;
        QString entity;
        qint64 startMs = 0;
        qint64 endMs = 0;
        double significance = 0;
        qint64 newestOnsetMs = std::numeric_limits<qint64>::min(); ///< orders groups, newest first
        int incident = -1; ///< into m_incidents
        std::vector<int> anomalies; ///< into m_anomalies, chronological
    };

    const Group& groupOf(const QModelIndex& index) const;
    /// 1 when the group starts with a "Likely root cause" row, else 0.
    int causeRows(const Group& group) const;
    bool isCauseGroup(const QModelIndex& index) const;
    const Incident& incidentOf(const Group& group) const;
    void buildGroups();
    void buildEntityGroups(const std::vector<int>& anomalyIndexes, RowKind kind);
    QVariant groupData(const Group& group, int column, int role) const;
    QVariant anomalyData(const Anomaly& anomaly, int column, int role) const;
    QVariant causeGroupData(const Incident& incident, int column, int role) const;
    QVariant candidateData(const Incident& incident, int rank, int column, int role) const;
    QString incidentTitle(const Incident& incident) const;
    QString incidentToolTip(const Incident& incident) const;

    std::vector<Anomaly> m_anomalies;
    std::vector<Incident> m_incidents;
    std::vector<Group> m_groups;
    AlertRows m_alertRows;
};

} // namespace meshscope
