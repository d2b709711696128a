#pragma once

#include "correlator.h"
#include "series_change.h"

#include "model/dataset.h"
#include "model/job_control.h"

#include <optional>

namespace meshscope {

struct InvestigationSettings
{
    CorrelationSettings correlation;
    SeriesChangeSettings changes;
    /// The instant to investigate (`--at`); without it the most significant incident is.
    std::optional<qint64> atMs;
    /// Where the problem was noticed, when known (a case's alarm_entity): call paths
    /// in the evidence start there.
    QString alarmEntity;
    /// Incidents below this significance are not reported.
    double minIncidentSignificance = 50;
    /// Incident gate: an incident is only reported when the raw samples confirm it, i.e.
    /// at least one of its anomalies' series, measured before/after the anomaly's start
    /// with the ranking's statistics (sustained share of the after-window against the
    /// normal's spread and range), deviates by at least this many robust sigmas. Short
    /// blips and series that swing like this every day do not pass. 0 = no gate.
    double confirmMagnitude = 5.0;
    /// Anomalies of an incident checked by the gate (the most significant first).
    int confirmAnomalies = 24;
    /// Without `atMs`: move the chosen instant to the onset of its strongest deviations
    /// when the data changes at least as clearly there.
    bool refineInstant = true;
};

/// The answer to "what is broken, where did it start": incidents and one ranking.
struct InvestigationResult
{
    std::vector<Incident> incidents;             ///< chronological
    int focusIncident = -1;                      ///< index of the incident the ranking is about
    std::vector<RootCauseCandidate> ranking;     ///< best first; empty when nothing is wrong
    qint64 atMs = 0;                             ///< instant the ranking looked at (0 = none)
};

/// Correlates `anomalies` (detector output for `dataset`) into incidents and ranks the
/// root-cause candidates of the incident at `settings.atMs` (else of the most significant
/// incident, at the start of its anomaly where the data changed most clearly) with the
/// ranking's own before/after statistics on the raw samples plus the call graph. When `atMs` is given and no detector anomaly covers it but the series clearly
/// changed there, that change is reported as an incident of its own.
InvestigationResult investigate(const Dataset& dataset, const std::vector<Anomaly>& anomalies,
    const InvestigationSettings& settings = {}, const JobControl* job = nullptr);

/// Ranks the candidates for a change at `atMs` from the raw samples and the topology
/// in force then (used by `investigate`, the GUI's "why here?" and the evaluation).
std::vector<RootCauseCandidate> rankAt(const Dataset& dataset, qint64 atMs, const QString& symptomNode = {},
    const SeriesChangeSettings& changes = {}, const RankingSettings& ranking = {}, const JobControl* job = nullptr);

} // namespace meshscope
