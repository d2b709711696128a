#include "alert_tracker.h"

#include <algorithm>
#include <map>

namespace meshscope {

QString alertEntityFromLabels(
    const QMap<QString, QString>& labels, const std::function<QString(const QString&, const QString&)>& name)
{
    const auto workloadOf = [&](const QString& prefix) {
        const QString workload = labels.value(prefix + QStringLiteral("workload"));
        if (workload.isEmpty() || workload == QLatin1String("unknown"))
            return QString();
        QString ns = labels.value(prefix + QStringLiteral("workload_namespace"));
        if (ns.isEmpty())
            ns = labels.value(QStringLiteral("namespace"));
        return name(ns, workload);
    };
    const QString destination = workloadOf(QStringLiteral("destination_"));
    const QString source = workloadOf(QStringLiteral("source_"));
    if (!source.isEmpty() && !destination.isEmpty())
        return source + QStringLiteral("->") + destination;
    if (!destination.isEmpty())
        return destination;
    return workloadOf(QString());
}

AlertTracker::AlertTracker(EntityOf entityOf)
    : m_entityOf(std::move(entityOf))
{ }

QString AlertTracker::identity(const QString& name, const QMap<QString, QString>& labels)
{
    QString id = name;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        id += QLatin1Char('\x1f') + it.key() + QLatin1Char('=') + it.value();
    return id;
}

ExternalAlert* AlertTracker::openInterval(const QString& id)
{
    for (std::size_t i = 0; i < m_alerts.size(); ++i) {
        if (m_ids[i] == id && m_alerts[i].isOpen())
            return &m_alerts[i];
    }
    return nullptr;
}

bool AlertTracker::knows(const QString& id, qint64 startMs) const
{
    for (std::size_t i = 0; i < m_alerts.size(); ++i) {
        if (m_ids[i] == id && m_alerts[i].startMs == startMs)
            return true;
    }
    return false;
}

bool AlertTracker::takeChanged()
{
    const bool changed = m_changed;
    m_changed = false;
    return changed;
}

void AlertTracker::add(ExternalAlert alert)
{
    alert.entity = m_entityOf ? m_entityOf(alert.labels) : QString();
    m_ids.push_back(identity(alert.name, alert.labels));
    m_alerts.push_back(std::move(alert));
    m_changed = true;
}

void AlertTracker::mergeHistory(const PromResponse& history, qint64 stepMs, qint64 endMs)
{
    // One alert has a pending and a firing series; join them by identity, firing wins.
    std::map<QString, std::map<qint64, QString>> statesById;
    std::map<QString, std::pair<QString, QMap<QString, QString>>> alertById;
    for (const PromSeries& series : history.series) {
        QMap<QString, QString> all;
        for (const auto& [key, value] : series.labels)
            all.insert(key, value);
        const QString name = all.value(QStringLiteral("alertname"));
        const QString state = all.value(QStringLiteral("alertstate"));
        const QMap<QString, QString> labels = alertLabelsWithoutSecrets(all);
        const QString id = identity(name, labels);
        alertById[id] = {name, labels};
        auto& states = statesById[id];
        for (const qint64 t : series.timesMs) {
            QString& s = states[t];
            if (s != QLatin1String("firing"))
                s = state;
        }
    }
    for (const auto& [id, states] : statesById) {
        ExternalAlert current;
        qint64 last = 0;
        const auto flush = [&](bool open) {
            current.endMs = open ? -1 : last + stepMs;
            // A later backfill (after an outage) sees intervals it already has.
            if (!knows(id, current.startMs) && !(open && openInterval(id)))
                add(current);
        };
        for (const auto& [t, state] : states) {
            if (!current.name.isEmpty() && t - last > stepMs) {
                flush(false);
                current = {};
            }
            if (current.name.isEmpty()) {
                current.name = alertById[id].first;
                current.labels = alertById[id].second;
                current.startMs = current.activeAtMs = t;
            }
            current.state = state;
            last = t;
        }
        if (!current.name.isEmpty())
            flush(endMs - last <= stepMs);
    }
}

void AlertTracker::mergeActive(const std::vector<PromAlert>& active, qint64 nowMs)
{
    std::vector<QString> seen;
    for (const PromAlert& alert : active) {
        const QString name = alert.labels.value(QStringLiteral("alertname"));
        const QMap<QString, QString> labels = alertLabelsWithoutSecrets(alert.labels);
        const QString id = identity(name, labels);
        seen.push_back(id);
        if (ExternalAlert* open = openInterval(id)) {
            if (open->state != alert.state
                || (alert.activeAtMs > 0 && open->activeAtMs != alert.activeAtMs)) {
                open->state = alert.state;
                if (alert.activeAtMs > 0)
                    open->activeAtMs = alert.activeAtMs;
                m_changed = true;
            }
            continue;
        }
        ExternalAlert interval;
        interval.name = name;
        interval.labels = labels;
        interval.state = alert.state;
        interval.activeAtMs = alert.activeAtMs;
        // Prometheus' activeAt is when the rule first matched: the true onset.
        interval.startMs = alert.activeAtMs > 0 ? std::min(alert.activeAtMs, nowMs) : nowMs;
        add(std::move(interval));
    }
    for (std::size_t i = 0; i < m_alerts.size(); ++i) {
        if (m_alerts[i].isOpen() && std::find(seen.begin(), seen.end(), m_ids[i]) == seen.end()) {
            m_alerts[i].endMs = std::max(nowMs, m_alerts[i].startMs + 1);
            m_changed = true;
        }
    }
}

std::vector<ExternalAlert> AlertTracker::alerts() const
{
    std::vector<ExternalAlert> out = m_alerts;
    std::stable_sort(out.begin(), out.end(),
        [](const ExternalAlert& a, const ExternalAlert& b) { return a.startMs < b.startMs; });
    return out;
}

} // namespace meshscope
