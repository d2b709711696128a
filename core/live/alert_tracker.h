#pragma once

#include "prometheus_client.h"

#include "model/external_alert.h"

#include <QMap>
#include <QString>

#include <functional>
#include <vector>

namespace meshscope {

/// Turns what Prometheus says about its alerting rules into alert intervals: the
/// `ALERTS` history of a range (backfill, `record`), then the `/api/v1/alerts` answer of
/// each poll. An alert that stops being reported closes its interval; one that comes back
/// later opens a new one.
class AlertTracker
{
public:
    /// Names the entity an alert concerns from its labels ("" when they do not say).
    using EntityOf = std::function<QString(const QMap<QString, QString>& labels)>;

    explicit AlertTracker(EntityOf entityOf);

    /// Adds the intervals of an `ALERTS` range query sampled every `stepMs`: samples
    /// further apart than one step belong to different intervals; an interval still
    /// present at `endMs` stays open.
    void mergeHistory(const PromResponse& history, qint64 stepMs, qint64 endMs);
    /// Merges the alerts active at `nowMs`: updates open intervals, opens new ones and
    /// closes at `nowMs` those no longer reported.
    void mergeActive(const std::vector<PromAlert>& active, qint64 nowMs);

    /// Every interval so far, in onset order.
    std::vector<ExternalAlert> alerts() const;
    /// True when a merge changed anything since the last call (so the recording needs
    /// rewriting); clears the flag.
    bool takeChanged();

private:
    /// Identity of an alert across polls: its name and (secret-free) labels.
    static QString identity(const QString& name, const QMap<QString, QString>& labels);
    ExternalAlert* openInterval(const QString& id);
    bool knows(const QString& id, qint64 startMs) const;
    void add(ExternalAlert alert);

    EntityOf m_entityOf;
    std::vector<ExternalAlert> m_alerts;
    std::vector<QString> m_ids; ///< identity of m_alerts[i]
    bool m_changed = false;
};

/// The entity an alert's labels point at, named as live series are: an edge
/// `source->destination` when both workloads are given, else the destination workload,
/// else `workload`; "" when none. `name(ns, workload)` gives the entity name.
QString alertEntityFromLabels(
    const QMap<QString, QString>& labels, const std::function<QString(const QString&, const QString&)>& name);

} // namespace meshscope
