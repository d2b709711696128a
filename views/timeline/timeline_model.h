#pragma once

#include "model/findings.h"

#include <QAbstractItemModel>

#include <limits>
#include <vector>

namespace meshscope {

/// The alerts of an investigation as a two-level tree for the timeline: one top-level
/// row per incident (newest first) with its anomalies in chronological order as
/// children. Without incidents, anomalies are grouped by entity (the entity with the
/// newest onset first). Anomalies that belong to no incident go into a last "not correlated" group.
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
    };
    enum class RowKind { Incident, EntityGroup, Uncorrelated, Anomaly };
    Q_ENUM(RowKind)

    explicit TimelineModel(QObject* parent = nullptr);

    /// Replaces everything (a snapshot). Incident::anomalyIndexes index `anomalies`.
    void setFindings(std::vector<Anomaly> anomalies, std::vector<Incident> incidents);
    const std::vector<Anomaly>& anomalies() const { return m_anomalies; }
    /// The anomaly behind a child row, or null for a group row.
    const Anomaly* anomalyAt(const QModelIndex& index) const;
    /// The incident behind a group row, or null.
    const Incident* incidentAt(const QModelIndex& index) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

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

    void buildGroups();
    void buildEntityGroups(const std::vector<int>& anomalyIndexes, RowKind kind);
    QVariant groupData(const Group& group, int column, int role) const;
    QVariant anomalyData(const Anomaly& anomaly, int column, int role) const;
    QString incidentToolTip(const Incident& incident) const;

    std::vector<Anomaly> m_anomalies;
    std::vector<Incident> m_incidents;
    std::vector<Group> m_groups;
};

} // namespace meshscope
