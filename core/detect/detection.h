#pragma once

// Batch entry point of the detectors, used by the GUI, the CLI and the correlator.
// Implemented in core/detect/.

#include "model/detector_checkpoint.h"
#include "model/findings.h"
#include "model/job_control.h"
#include "model/series_store.h"

#include <QHash>
#include <QSet>

#include <vector>

namespace meshscope {

struct DetectionSettings
{
    double minSignificance = 50;  ///< anomalies below this are not reported
    double sensitivity = 1.0;     ///< >1 more alerts, <1 fewer
    QSet<SeriesKey> muted;        ///< series that never alert
    QHash<SeriesKey, double> seriesSensitivity; ///< per series, times `sensitivity`

    double sensitivityOf(const SeriesKey& key) const { return sensitivity * seriesSensitivity.value(key, 1.0); }
};

/// Per-sample detector output of one series, aligned with the series' samples in the
/// store, for plots (expected value and band) and the timeline. `expected` is the learned
/// normal (seasonal profile once a period is found, else the robust level), the band is
/// expected ± 3 learned spreads in both directions, and `score` is the ensemble's
/// calibrated anomaly likelihood: high at the onset of an anomaly, damped for the next
/// 200 samples (at most two days) after it reached 0.6 (one event, one alert). See docs/detectors.md.
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
/// An anomaly is a stretch of samples deviating by at least 4 learned spreads (gaps of up
/// to 2 normal samples bridged) whose significance (SignificanceScorer: size against the
/// learned spread, duration, traffic of the entity; minimum duration and delta; only the
/// signal's bad direction) reaches `settings.minSignificance`. `Anomaly::detector` names
/// the dominating component ("ensemble/seasonal", "ensemble/changepoint", ...). Reports
/// progress per series; throws CancelledError when `job` is cancelled.
///
/// A series with a checkpoint in `start` (the ones a live session resumed from,
/// Dataset::detectorStart) continues from it as that session did: its samples at or
/// before the checkpoint get NaN band values and are not learnt again, so a replay of the
/// session's recording shows what the session showed. An unusable checkpoint is ignored.
DetectionResult detectAll(const SeriesStore& store, const DetectionSettings& settings = {},
    const JobControl* job = nullptr, const std::vector<DetectorCheckpoint>& start = {});

} // namespace meshscope
