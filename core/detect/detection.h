#pragma once

// Batch entry point of the detectors, used by the GUI, the CLI and the correlator.
// Implemented in core/detect/.

#include "model/findings.h"
#include "model/job_control.h"
#include "model/series_store.h"

#include <QSet>

#include <vector>

namespace meshscope {

struct DetectionSettings
{
    double minSignificance = 50;  ///< anomalies below this are not reported
    double sensitivity = 1.0;     ///< >1 more alerts, <1 fewer
    QSet<SeriesKey> muted;        ///< series that never alert
};

/// Per-sample detector output of one series, aligned with the series' samples in the
/// store, for plots (expected value and band) and the timeline.
struct SeriesBand
{
    SeriesId series = InvalidSeries;
    std::vector<float> expected;
    std::vector<float> lower;
    std::vector<float> upper;
    std::vector<float> score; ///< 0..1
};

struct DetectionResult
{
    std::vector<Anomaly> anomalies; ///< chronological by start
    std::vector<SeriesBand> bands;  ///< one per series of the store, in SeriesId order
};

/// Runs the default detector ensemble on every series (in parallel), off the GUI thread.
DetectionResult detectAll(const SeriesStore& store, const DetectionSettings& settings = {},
    const JobControl* job = nullptr);

} // namespace meshscope
