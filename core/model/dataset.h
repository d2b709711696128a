#pragma once

#include "external_alert.h"
#include "findings.h"
#include "series_store.h"
#include "topology.h"

#include <QMap>
#include <QString>

#include <vector>

namespace meshscope {

/// Everything one investigation holds in memory: what a recording stores and what
/// importers produce. Owned by one thread at a time.
struct Dataset
{
    SeriesStore series;
    TopologyHistory topology;
    std::vector<Anomaly> anomalies;
    std::vector<Incident> incidents;
    std::vector<Note> notes;
    /// Alerts from Prometheus' alerting rules, in onset order.
    std::vector<ExternalAlert> alerts;
    /// Settings used to produce this data (source, detector parameters...), as text.
    QMap<QString, QString> settings;

    TimeRange timeRange() const;
};

} // namespace meshscope
