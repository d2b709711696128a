#include "timeline_model.h"

#include "candidate_summary.h"
#include "model/signal_names.h"
#include "time_axis_mapping.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <limits>
#include <map>

namespace meshscope {

namespace {

// internalId 0 marks a group row; a row under group g stores g + 1, and a candidate
// row (under the group's "Likely root cause" row) stores g + 1 with the top bit set.
constexpr quintptr TopLevel = 0;
constexpr quintptr CandidateBit = quintptr(1) << (sizeof(quintptr) * 8 - 1);

/// A candidate's deviation on the significance scale of the bars (10 sigma = 100, as
/// the investigation maps it).
double candidateSignificance(const RootCauseCandidate& c)
{
    return std::clamp(c.magnitude * 10.0, 0.0, 100.0);
}

QString formatTime(qint64 tMs)
{
    return TimelineModel::timeText(tMs);
}

QString formatDuration(qint64 ms)
{
    return TimelineModel::durationText(ms);
}

} // namespace

QString TimelineModel::timeText(qint64 tMs)
{
    return QDateTime::fromMSecsSinceEpoch(tMs, QTimeZone::utc())
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString TimelineModel::durationText(qint64 ms)
{
    const qint64 s = ms / 1000;
    if (s < 60)
        return tr("%1 s").arg(s);
    if (s < 3600)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

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

void TimelineModel::setAlerts(std::vector<ExternalAlert> alerts, qint64 dataEndMs)
{
    beginResetModel();
    m_alertRows.setAlerts(std::move(alerts), dataEndMs);
    buildGroups();
    endResetModel();
}

void TimelineModel::buildGroups()
{
    m_groups.clear();
    if (!m_alertRows.isEmpty()) {
        Group g;
        g.kind = RowKind::AlertGroup;
        m_groups.push_back(std::move(g));
    }
    std::vector<bool> inIncident(m_anomalies.size(), false);
    for (std::size_t i = 0; i < m_incidents.size(); ++i) {
        const Incident& incident = m_incidents[i];
        Group g;
        g.kind = RowKind::Incident;
        g.incident = static_cast<int>(i);
        g.title = incidentTitle(incident);
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
    // Prometheus' alerts first, then the newest incident; the "not correlated" group
    // always last.
    std::stable_sort(m_groups.begin(), m_groups.end(), [](const Group& a, const Group& b) {
        if ((a.kind == RowKind::AlertGroup) != (b.kind == RowKind::AlertGroup))
            return a.kind == RowKind::AlertGroup;
        if ((a.kind == RowKind::Uncorrelated) != (b.kind == RowKind::Uncorrelated))
            return b.kind == RowKind::Uncorrelated;
        return a.newestOnsetMs > b.newestOnsetMs;
    });
}

QString TimelineModel::incidentTitle(const Incident& incident) const
{
    // What the on-call engineer needs before opening it: where it showed first, the
    // suspect, how many alerts and whether it is over (duration and significance have
    // their own columns).
    QStringList parts {incident.id, tr("first affected %1").arg(incident.firstAffected),
        tr("%n alerts", nullptr, static_cast<int>(incident.anomalyIndexes.size())),
        incident.resolved ? tr("resolved") : tr("ongoing")};
    if (!incident.candidates.empty())
        parts.append(tr("likely cause %1").arg(incident.candidates.front().entity));
    return parts.join(QStringLiteral(" · "));
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

const TimelineModel::Group& TimelineModel::groupOf(const QModelIndex& index) const
{
    const quintptr id = index.internalId();
    if (id == TopLevel)
        return m_groups[static_cast<std::size_t>(index.row())];
    return m_groups[(id & ~CandidateBit) - 1];
}

const Incident& TimelineModel::incidentOf(const Group& group) const
{
    return m_incidents[static_cast<std::size_t>(group.incident)];
}

int TimelineModel::causeRows(const Group& group) const
{
    return group.incident >= 0 && !incidentOf(group).candidates.empty() ? 1 : 0;
}

bool TimelineModel::isCauseGroup(const QModelIndex& index) const
{
    const quintptr id = index.internalId();
    return index.isValid() && id != TopLevel && !(id & CandidateBit) && index.row() == 0
        && causeRows(groupOf(index)) == 1;
}

const Anomaly* TimelineModel::anomalyAt(const QModelIndex& index) const
{
    if (!index.isValid() || index.internalId() == TopLevel || (index.internalId() & CandidateBit)
        || isCauseGroup(index))
        return nullptr;
    const Group& g = groupOf(index);
    if (g.kind == RowKind::AlertGroup)
        return nullptr;
    const auto row = static_cast<std::size_t>(index.row() - causeRows(g));
    return &m_anomalies[static_cast<std::size_t>(g.anomalies[row])];
}

const ExternalAlert* TimelineModel::alertAt(const QModelIndex& index) const
{
    if (!index.isValid() || index.internalId() == TopLevel || (index.internalId() & CandidateBit)
        || groupOf(index).kind != RowKind::AlertGroup)
        return nullptr;
    return &m_alertRows.at(index.row());
}

QModelIndex TimelineModel::alertGroupIndex() const
{
    if (m_groups.empty() || m_groups.front().kind != RowKind::AlertGroup)
        return {};
    return index(0, 0);
}

const Incident* TimelineModel::incidentAt(const QModelIndex& index) const
{
    if (!index.isValid() || index.internalId() != TopLevel)
        return nullptr;
    const Group& g = m_groups[static_cast<std::size_t>(index.row())];
    return g.incident >= 0 ? &incidentOf(g) : nullptr;
}

const RootCauseCandidate* TimelineModel::candidateAt(const QModelIndex& index) const
{
    if (!index.isValid() || !(index.internalId() & CandidateBit))
        return nullptr;
    return &incidentOf(groupOf(index)).candidates[static_cast<std::size_t>(index.row())];
}

QModelIndex TimelineModel::causeGroupIndex(const QModelIndex& incident) const
{
    if (!incidentAt(incident) || causeRows(groupOf(incident)) == 0)
        return {};
    return index(0, 0, incident.siblingAtColumn(0));
}

QModelIndex TimelineModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount || row >= rowCount(parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, TopLevel);
    if (parent.internalId() == TopLevel)
        return createIndex(row, column, static_cast<quintptr>(parent.row()) + 1);
    return createIndex(row, column, parent.internalId() | CandidateBit); // under "Likely root cause"
}

QModelIndex TimelineModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == TopLevel)
        return {};
    const quintptr group = child.internalId() & ~CandidateBit;
    if (child.internalId() & CandidateBit)
        return createIndex(0, 0, group); // the "Likely root cause" row is always first
    return createIndex(static_cast<int>(group - 1), 0, TopLevel);
}

int TimelineModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_groups.size());
    if (parent.column() != 0 || (parent.internalId() & CandidateBit))
        return 0;
    const Group& g = groupOf(parent);
    if (parent.internalId() == TopLevel && g.kind == RowKind::AlertGroup)
        return m_alertRows.count();
    if (parent.internalId() == TopLevel)
        return causeRows(g) + static_cast<int>(g.anomalies.size());
    if (!isCauseGroup(parent))
        return 0;
    return std::min(MaxCandidateRows, static_cast<int>(incidentOf(g).candidates.size()));
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
    const Group& group = groupOf(index);
    if (group.kind == RowKind::AlertGroup) {
        if (index.internalId() == TopLevel)
            return m_alertRows.groupData(index.column(), role);
        return m_alertRows.alertData(index.row(), index.column(), role);
    }
    if (index.internalId() == TopLevel)
        return groupData(group, index.column(), role);
    if (index.internalId() & CandidateBit)
        return candidateData(incidentOf(groupOf(index)), index.row() + 1, index.column(), role);
    if (isCauseGroup(index))
        return causeGroupData(incidentOf(groupOf(index)), index.column(), role);
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

QVariant TimelineModel::causeGroupData(const Incident& incident, int column, int role) const
{
    const RootCauseCandidate& top = incident.candidates.front();
    switch (role) {
    case Qt::DisplayRole:
        if (column != EntityColumn)
            return {};
        if (incident.candidates.size() > std::size_t(MaxCandidateRows))
            return tr("Likely root cause (top %1 of %2)")
                .arg(MaxCandidateRows)
                .arg(incident.candidates.size());
        return tr("Likely root cause (%1)").arg(incident.candidates.size());
    case Qt::ToolTipRole:
        return tr("Root-cause candidates, most likely first. Click one to focus it.");
    case RowKindRole:
        return QVariant::fromValue(RowKind::CauseGroup);
    case EntityRole:
        return top.entity;
    case StartRole:
        return top.onsetMs > 0 ? top.onsetMs : incident.startMs;
    case EndRole:
        return incident.endMs;
    case SignificanceRole:
        return candidateSignificance(top);
    case SignalsRole:
        return top.signalNames;
    case SpansRole: {
        std::vector<TimeSpan> spans;
        for (const RootCauseCandidate& c : incident.candidates)
            if (c.onsetMs > 0)
                spans.push_back({c.onsetMs, incident.endMs, candidateSignificance(c)});
        return QVariant::fromValue(spans);
    }
    case SortRole:
        // Sorted ascending by any column, the candidates stay above the incident's alerts.
        return column == EntityColumn ? QVariant(QString()) : QVariant(std::numeric_limits<qint64>::min());
    }
    return {};
}

QVariant TimelineModel::candidateData(const Incident& incident, int rank, int column, int role) const
{
    const RootCauseCandidate& c = incident.candidates[static_cast<std::size_t>(rank - 1)];
    const qint64 onset = c.onsetMs > 0 ? c.onsetMs : incident.startMs;
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case EntityColumn:
            return tr("%1. %2").arg(rank).arg(c.entity);
        case SignificanceColumn:
            return tr("score %1").arg(c.score, 0, 'f', 1);
        case OnsetColumn:
            return c.onsetMs > 0 ? formatTime(c.onsetMs) : QString();
        case TimeBarColumn:
            return candidateSummary(c);
        }
        return {};
    case Qt::ToolTipRole: {
        QString text
            = tr("%1. %2 (score %3)\n%4").arg(rank).arg(c.entity).arg(c.score, 0, 'f', 2).arg(c.evidence);
        if (!c.pathToSymptoms.isEmpty())
            text += QLatin1Char('\n') + tr("path: %1").arg(c.pathToSymptoms.join(QStringLiteral(" → ")));
        return text;
    }
    case RowKindRole:
        return QVariant::fromValue(RowKind::Candidate);
    case EntityRole:
        return c.entity;
    case StartRole:
        return onset;
    case EndRole:
        return std::max(onset, incident.endMs);
    case PeakRole:
        return onset;
    case SignificanceRole:
        return candidateSignificance(c);
    case RankRole:
        return rank;
    case SignalsRole:
        return c.signalNames;
    case SortRole:
        if (column == EntityColumn)
            return c.entity;
        if (column == SignificanceColumn)
            return c.score;
        if (column == OnsetColumn)
            return onset;
        return rank;
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
