#pragma once

#include "detector_checkpoint.h"
#include "external_alert.h"
#include "findings.h"
#include "series_store.h"
#include "topology.h"

#include <QMap>
#include <QString>

#include <memory>
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
    /// The detector checkpoints the live session that recorded this data resumed from
    /// (empty when it started cold): detection starts from them, so a replay shows what
    /// the session showed.
    std::vector<DetectorCheckpoint> detectorStart;

    TimeRange timeRange() const;
};

/// A dataset to share between the GUI thread and background jobs. When its last reference
/// is dropped on the application's main thread, the freeing is handed to a worker thread:
/// freeing the samples of a 24 h, 1,000-service recording takes longer than several frames.
std::shared_ptr<Dataset> makeSharedDataset(Dataset dataset);

} // namespace meshscope
