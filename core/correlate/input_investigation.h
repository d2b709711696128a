#pragma once

#include "investigation.h"

#include "detect/detection.h"
#include "model/external_alert.h"

#include <optional>

namespace meshscope {

/// How `meshscope-cli investigate` (and the evaluation, and the GUI's investigate
/// action) treat a loaded input.
struct InputInvestigationOptions
{
    /// The instant to investigate; when absent a case's `alarm_time` is used (CASE-FORMAT:
    /// "as if given --at") unless `ignoreAlarmTime`.
    std::optional<qint64> atMs;
    bool ignoreAlarmTime = false;
    /// Detect again even when the input holds anomalies (e.g. with a new tuning).
    bool redetect = false;
    DetectionSettings detection;
    InvestigationSettings investigation;
};

/// Where the input came from and what was looked at, for reports.
struct InputInvestigation
{
    InvestigationResult result;
    std::vector<Anomaly> anomalies; ///< what the incidents' anomaly indexes refer to
    bool anomaliesFromInput = false; ///< the input (a recording) held them; else detected now
    bool atFromCase = false; ///< the instant is the case's alarm_time
    std::vector<ExternalAlert> externalAlerts; ///< the input's Prometheus alerts, in onset order
};

/// The whole pipeline on one loaded input: the input's own anomalies (a recording) or
/// the detectors' (detectAll), the case hints (alarm time and entity, stored by the case
/// importer as settings `case.alarm_time` / `case.alarm_entity`), then `investigate`.
InputInvestigation investigateInput(
    const Dataset& dataset, const InputInvestigationOptions& options, const JobControl* job = nullptr);

} // namespace meshscope
