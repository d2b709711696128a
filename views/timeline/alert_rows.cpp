#include "alert_rows.h"

#include "timeline_model.h"

#include <QStringList>

#include <algorithm>
#include <limits>

namespace meshscope {

namespace {

bool isFiring(const ExternalAlert& alert)
{
    return alert.state == QLatin1String("firing");
}

QString stateText(const ExternalAlert& alert)
{
    if (isFiring(alert))
        return TimelineModel::tr("firing");
    if (alert.state == QLatin1String("pending"))
        return TimelineModel::tr("pending");
    return alert.state;
}

} // namespace

void AlertRows::setAlerts(std::vector<ExternalAlert> alerts, qint64 dataEndMs)
{
    m_alerts = std::move(alerts);
    std::stable_sort(m_alerts.begin(), m_alerts.end(),
        [](const ExternalAlert& a, const ExternalAlert& b) { return a.startMs < b.startMs; });
    m_dataEndMs = dataEndMs;
    m_startMs = std::numeric_limits<qint64>::max();
    m_endMs = std::numeric_limits<qint64>::min();
    for (const ExternalAlert& alert : m_alerts) {
        m_startMs = std::min(m_startMs, alert.startMs);
        m_endMs = std::max(m_endMs, shownEndMs(alert));
    }
    if (m_alerts.empty())
        m_startMs = m_endMs = 0;
}

qint64 AlertRows::shownEndMs(const ExternalAlert& alert) const
{
    return alert.isOpen() ? std::max(alert.startMs, m_dataEndMs) : std::max(alert.startMs, alert.endMs);
}

int AlertRows::firingCount() const
{
    return static_cast<int>(std::count_if(m_alerts.begin(), m_alerts.end(), isFiring));
}

QString AlertRows::title(const ExternalAlert& alert) const
{
    if (alert.entity.isEmpty())
        return alert.name;
    return TimelineModel::tr("%1 · %2").arg(alert.name, alert.entity);
}

QString AlertRows::barText(const ExternalAlert& alert) const
{
    QStringList parts {stateText(alert)};
    const QString severity = alert.labels.value(QStringLiteral("severity"));
    if (!severity.isEmpty())
        parts << TimelineModel::tr("severity %1").arg(severity);
    if (alert.isOpen())
        parts << TimelineModel::tr("active");
    return parts.join(QStringLiteral(" · "));
}

QString AlertRows::toolTip(const ExternalAlert& alert) const
{
    QString text = TimelineModel::tr("Prometheus alert %1 (%2)").arg(alert.name, stateText(alert));
    if (!alert.entity.isEmpty())
        text += QLatin1Char('\n') + TimelineModel::tr("concerns %1").arg(alert.entity);
    text += QLatin1Char('\n')
        + (alert.isOpen()
                ? TimelineModel::tr("since %1 UTC, still active").arg(TimelineModel::timeText(alert.startMs))
                : TimelineModel::tr("%1 – %2 UTC")
                      .arg(TimelineModel::timeText(alert.startMs), TimelineModel::timeText(alert.endMs)));
    if (alert.activeAtMs > 0)
        text += QLatin1Char('\n')
            + TimelineModel::tr("rule active since %1 UTC").arg(TimelineModel::timeText(alert.activeAtMs));
    QStringList labels;
    for (auto it = alert.labels.cbegin(); it != alert.labels.cend(); ++it)
        labels << QString(it.key() + QLatin1Char('=') + it.value());
    if (!labels.isEmpty())
        text += QLatin1Char('\n') + TimelineModel::tr("labels: %1").arg(labels.join(QStringLiteral(", ")));
    return text;
}

QVariant AlertRows::groupData(int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case TimelineModel::EntityColumn:
            return TimelineModel::tr("Prometheus alerts (%1, %2 firing)").arg(count()).arg(firingCount());
        case TimelineModel::OnsetColumn:
            return TimelineModel::timeText(m_startMs);
        case TimelineModel::DurationColumn:
            return TimelineModel::durationText(m_endMs - m_startMs);
        }
        return {};
    case Qt::ToolTipRole:
        return TimelineModel::tr("Alerts of Prometheus' own alerting rules: filled bars were firing, "
                                 "dashed ones only pending.");
    case TimelineModel::RowKindRole:
        return QVariant::fromValue(TimelineModel::RowKind::AlertGroup);
    case TimelineModel::StartRole:
        return m_startMs;
    case TimelineModel::EndRole:
        return m_endMs;
    case TimelineModel::AlertSpansRole: {
        std::vector<AlertSpan> spans;
        spans.reserve(m_alerts.size());
        for (const ExternalAlert& alert : m_alerts)
            spans.push_back({alert.startMs, shownEndMs(alert), isFiring(alert), alert.isOpen()});
        return QVariant::fromValue(spans);
    }
    case TimelineModel::SortRole:
        if (column == TimelineModel::EntityColumn)
            return QString(); // sorted by name, the group stays on top
        if (column == TimelineModel::DurationColumn)
            return m_endMs - m_startMs;
        return m_startMs;
    }
    return {};
}

QVariant AlertRows::alertData(int row, int column, int role) const
{
    const ExternalAlert& alert = at(row);
    const qint64 endMs = shownEndMs(alert);
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case TimelineModel::EntityColumn:
            return title(alert);
        case TimelineModel::SignificanceColumn:
            return stateText(alert);
        case TimelineModel::OnsetColumn:
            return TimelineModel::timeText(alert.startMs);
        case TimelineModel::DurationColumn: {
            const QString duration = TimelineModel::durationText(endMs - alert.startMs);
            // Still active: it lasts at least this long.
            return alert.isOpen() ? TimelineModel::tr("≥ %1").arg(duration) : duration;
        }
        case TimelineModel::TimeBarColumn:
            return barText(alert);
        }
        return {};
    case Qt::ToolTipRole:
        return toolTip(alert);
    case TimelineModel::RowKindRole:
        return QVariant::fromValue(TimelineModel::RowKind::Alert);
    case TimelineModel::EntityRole:
        return alert.entity;
    case TimelineModel::StartRole:
        return alert.startMs;
    case TimelineModel::EndRole:
        return endMs;
    case TimelineModel::StateRole:
        return alert.state;
    case TimelineModel::OpenRole:
        return alert.isOpen();
    case TimelineModel::SortRole:
        if (column == TimelineModel::EntityColumn)
            return title(alert);
        if (column == TimelineModel::SignificanceColumn)
            return alert.state;
        if (column == TimelineModel::DurationColumn)
            return endMs - alert.startMs;
        return alert.startMs;
    }
    return {};
}

} // namespace meshscope
