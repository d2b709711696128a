#include "timeline_model.h"

#include "model/signal_names.h"
#include "time_axis_mapping.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <limits>
#include <map>

namespace meshscope {

namespace {

constexpr quintptr TopLevel = 0;

QString formatTime(qint64 tMs)
{
    return QDateTime::fromMSecsSinceEpoch(tMs, QTimeZone::utc())
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString formatDuration(qint64 ms)
{
    const qint64 s = ms / 1000;
    if (s < 60)
        return TimelineModel::tr("%1 s").arg(s);
    if (s < 3600)
        return TimelineModel::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return TimelineModel::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

} // namespace

TimelineModel::TimelineModel(QObject* parent)
    : QAbstractItemModel(parent)
{ }

void TimelineModel::setFindings(std::vector<Anomaly> anomalies, std::vector<Incident> incidents)
{
    beginResetModel();
    m_anomalies = std::move(anomalies);
    m_incidents = std::move(incidents);
    buildGroups();
    endResetModel();
}

void TimelineModel::buildGroups()
{
    m_groups.clear();
    std::vector<bool> inIncident(m_anomalies.size(), false);
    for (std::size_t i = 0; i < m_incidents.size(); ++i) {
        const Incident& incident = m_incidents[i];
        Group g;
        g.kind = RowKind::Incident;
        g.incident = static_cast<int>(i);
        g.title = incident.candidates.empty()
            ? tr("Incident %1: first %2").arg(incident.id, incident.firstAffected)
            : tr("Incident %1: first %2, likely cause %3")
                  .arg(incident.id, incident.firstAffected, incident.candidates.front().entity);
        g.entity = incident.firstAffected;
        g.startMs = incident.startMs;
        g.endMs = incident.endMs;
        g.significance = incident.significance;
        g.newestOnsetMs = incident.startMs;
        for (int a : incident.anomalyIndexes) {
            if (a < 0 || a >= static_cast<int>(m_anomalies.size()))
                continue; // a stale index must not crash the view
            g.anomalies.push_back(a);
            inIncident[static_cast<std::size_t>(a)] = true;
        }
        m_groups.push_back(std::move(g));
    }
    std::vector<int> rest;
    for (std::size_t a = 0; a < m_anomalies.size(); ++a)
        if (!inIncident[a])
            rest.push_back(static_cast<int>(a));
    if (m_incidents.empty())
        buildEntityGroups(rest, RowKind::EntityGroup);
    else if (!rest.empty())
        buildEntityGroups(rest, RowKind::Uncorrelated);

    for (Group& g : m_groups)
        std::stable_sort(g.anomalies.begin(), g.anomalies.end(), [this](int a, int b) {
            return m_anomalies[static_cast<std::size_t>(a)].startMs
                < m_anomalies[static_cast<std::size_t>(b)].startMs;
        });
    // Newest incident on top; the "not correlated" group always last.
    std::stable_sort(m_groups.begin(), m_groups.end(), [](const Group& a, const Group& b) {
        if ((a.kind == RowKind::Uncorrelated) != (b.kind == RowKind::Uncorrelated))
            return b.kind == RowKind::Uncorrelated;
        return a.newestOnsetMs > b.newestOnsetMs;
    });
}

void TimelineModel::buildEntityGroups(const std::vector<int>& anomalyIndexes, RowKind kind)
{
    if (kind == RowKind::Uncorrelated) {
        Group g;
        g.kind = kind;
        g.title = tr("Not correlated (%1)").arg(anomalyIndexes.size());
        g.anomalies = anomalyIndexes;
        g.startMs = std::numeric_limits<qint64>::max();
        g.endMs = std::numeric_limits<qint64>::min();
        for (int a : anomalyIndexes) {
            const Anomaly& anomaly = m_anomalies[static_cast<std::size_t>(a)];
            g.startMs = std::min(g.startMs, anomaly.startMs);
            g.endMs = std::max(g.endMs, anomaly.endMs);
            g.significance = std::max(g.significance, anomaly.significance);
        }
        m_groups.push_back(std::move(g));
        return;
    }
    std::map<QString, Group> byEntity;
    for (int a : anomalyIndexes) {
        const Anomaly& anomaly = m_anomalies[static_cast<std::size_t>(a)];
        auto [it, created] = byEntity.try_emplace(anomaly.series.entity);
        Group& g = it->second;
        if (created) {
            g.kind = kind;
            g.title = anomaly.series.entity;
            g.entity = anomaly.series.entity;
            g.startMs = anomaly.startMs;
            g.endMs = anomaly.endMs;
        }
        g.startMs = std::min(g.startMs, anomaly.startMs);
        g.endMs = std::max(g.endMs, anomaly.endMs);
        g.significance = std::max(g.significance, anomaly.significance);
        g.newestOnsetMs = std::max(g.newestOnsetMs, anomaly.startMs);
        g.anomalies.push_back(a);
    }
    for (auto& [entity, g] : byEntity)
        m_groups.push_back(std::move(g));
}

const Anomaly* TimelineModel::anomalyAt(const QModelIndex& index) const
{
    if (!index.isValid() || index.internalId() == TopLevel)
        return nullptr;
    const Group& g = m_groups[index.internalId() - 1];
    return &m_anomalies[static_cast<std::size_t>(g.anomalies[static_cast<std::size_t>(index.row())])];
}

const Incident* TimelineModel::incidentAt(const QModelIndex& index) const
{
    if (!index.isValid() || index.internalId() != TopLevel)
        return nullptr;
    const Group& g = m_groups[static_cast<std::size_t>(index.row())];
    return g.incident >= 0 ? &m_incidents[static_cast<std::size_t>(g.incident)] : nullptr;
}

QModelIndex TimelineModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount || row >= rowCount(parent))
        return {};
    // internalId 0 marks a group row; a child row stores its group's row + 1.
    if (!parent.isValid())
        return createIndex(row, column, TopLevel);
    return createIndex(row, column, static_cast<quintptr>(parent.row()) + 1);
}

QModelIndex TimelineModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == TopLevel)
        return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, TopLevel);
}

int TimelineModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_groups.size());
    if (parent.internalId() != TopLevel || parent.column() != 0)
        return 0;
    return static_cast<int>(m_groups[static_cast<std::size_t>(parent.row())].anomalies.size());
}

int TimelineModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case EntityColumn:
        return tr("Entity / signal");
    case SignificanceColumn:
        return tr("Significance");
    case OnsetColumn:
        return tr("Onset (UTC)");
    case DurationColumn:
        return tr("Duration");
    case TimeBarColumn:
        return tr("Time");
    }
    return {};
}

QVariant TimelineModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == TopLevel)
        return groupData(m_groups[static_cast<std::size_t>(index.row())], index.column(), role);
    return anomalyData(*anomalyAt(index), index.column(), role);
}

QVariant TimelineModel::groupData(const Group& g, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case EntityColumn:
            return g.title;
        case SignificanceColumn:
            return QString::number(g.significance, 'f', 0);
        case OnsetColumn:
            return formatTime(g.startMs);
        case DurationColumn:
            return formatDuration(g.endMs - g.startMs);
        }
        return {};
    case Qt::ToolTipRole:
        if (g.incident >= 0)
            return incidentToolTip(m_incidents[static_cast<std::size_t>(g.incident)]);
        return tr("%n anomalies", nullptr, static_cast<int>(g.anomalies.size()));
    case RowKindRole:
        return QVariant::fromValue(g.kind);
    case EntityRole:
        return g.entity;
    case StartRole:
        return g.startMs;
    case EndRole:
        return g.endMs;
    case SignificanceRole:
        return g.significance;
    case SpansRole: {
        std::vector<TimeSpan> spans;
        spans.reserve(g.anomalies.size());
        for (int a : g.anomalies) {
            const Anomaly& anomaly = m_anomalies[static_cast<std::size_t>(a)];
            spans.push_back({anomaly.startMs, anomaly.endMs, anomaly.significance});
        }
        return QVariant::fromValue(spans);
    }
    case SortRole:
        if (column == EntityColumn)
            return g.title;
        if (column == SignificanceColumn)
            return g.significance;
        if (column == DurationColumn)
            return g.endMs - g.startMs;
        return g.startMs;
    }
    return {};
}

QVariant TimelineModel::anomalyData(const Anomaly& a, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case EntityColumn:
            return a.series.toString();
        case SignificanceColumn:
            return QString::number(a.significance, 'f', 0);
        case OnsetColumn:
            return formatTime(a.startMs);
        case DurationColumn:
            return formatDuration(a.endMs - a.startMs);
        }
        return {};
    case Qt::ToolTipRole: {
        const QString unit = signalUnit(a.series.signal);
        return tr("%1\nobserved %2 %4, expected %3 %4 at %5\ndetector: %6")
            .arg(a.series.toString())
            .arg(a.observed, 0, 'g', 4)
            .arg(a.expected, 0, 'g', 4)
            .arg(unit, formatTime(a.peakMs), a.detector);
    }
    case RowKindRole:
        return QVariant::fromValue(RowKind::Anomaly);
    case EntityRole:
        return a.series.entity;
    case StartRole:
        return a.startMs;
    case EndRole:
        return a.endMs;
    case PeakRole:
        return a.peakMs;
    case SignificanceRole:
        return a.significance;
    case SortRole:
        if (column == EntityColumn)
            return a.series.toString();
        if (column == SignificanceColumn)
            return a.significance;
        if (column == DurationColumn)
            return a.endMs - a.startMs;
        return a.startMs;
    }
    return {};
}

QString TimelineModel::incidentToolTip(const Incident& incident) const
{
    QString text
        = tr("Incident %1%2\nfirst affected: %3\nsignificance %4, %5 anomalies, %6")
              .arg(incident.id, incident.resolved ? tr(" (resolved)") : QString(), incident.firstAffected)
              .arg(incident.significance, 0, 'f', 0)
              .arg(incident.anomalyIndexes.size())
              .arg(formatDuration(incident.endMs - incident.startMs));
    if (!incident.candidates.empty())
        text += QLatin1Char('\n') + tr("Root-cause candidates:");
    int rank = 1;
    for (const RootCauseCandidate& c : incident.candidates) {
        text += QStringLiteral("\n%1. %2 (%3): %4")
                    .arg(rank++)
                    .arg(c.entity)
                    .arg(c.score, 0, 'f', 2)
                    .arg(c.evidence);
        if (!c.pathToSymptoms.isEmpty())
            text += QStringLiteral("\n    ")
                + tr("path: %1").arg(c.pathToSymptoms.join(QStringLiteral(" → ")));
    }
    return text;
}

} // namespace meshscope
