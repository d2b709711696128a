#include "input_investigation.h"

#include <cmath>

namespace meshscope {

namespace {

std::optional<qint64> caseAlarmTime(const Dataset& dataset)
{
    const QString text = dataset.settings.value(QStringLiteral("case.alarm_time"));
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (!ok || !std::isfinite(seconds))
        return std::nullopt;
    return static_cast<qint64>(std::llround(seconds * 1000.0));
}

} // namespace

InputInvestigation investigateInput(
    const Dataset& dataset, const InputInvestigationOptions& options, const JobControl* job)
{
    InputInvestigation out;
    out.externalAlerts = dataset.alerts;
    InvestigationSettings settings = options.investigation;
    settings.atMs = options.atMs;
    if (!settings.atMs && !options.ignoreAlarmTime) {
        settings.atMs = caseAlarmTime(dataset);
        out.atFromCase = settings.atMs.has_value();
    }
    if (settings.alarmEntity.isEmpty())
        settings.alarmEntity = dataset.settings.value(QStringLiteral("case.alarm_entity"));
    if (!dataset.anomalies.empty() && !options.redetect) {
        out.anomalies = dataset.anomalies;
        out.anomaliesFromInput = true;
    } else {
        out.anomalies = detectAll(dataset.series, options.detection, job, dataset.detectorStart).anomalies;
    }
    out.result = investigate(dataset, out.anomalies, settings, job);
    return out;
}

} // namespace meshscope
