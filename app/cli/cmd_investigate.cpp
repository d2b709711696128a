// meshscope-cli investigate: incidents and ranked root-cause candidates for a case
// folder, a recording or dump, or a Prometheus range.

#include "cli_command.h"

#include "correlate/input_investigation.h"
#include "detect/detection_tuning.h"
#include "importers/importer.h"
#include "live/mesh_poller.h"
#include "live/profile_options.h"
#include "model/meshscope_error.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace meshscope::cli {

namespace {

QJsonValue seconds(qint64 ms)
{
    if (ms % 1000 == 0)
        return QJsonValue(static_cast<qint64>(ms / 1000));
    return QJsonValue(static_cast<double>(ms) / 1000.0);
}

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

qint64 unixSecondsOption(const QCommandLineParser& parser, const QString& name)
{
    bool ok = false;
    const double value = parser.value(name).toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < 0)
        throw MeshscopeError(
            QStringLiteral("--%1 must be a time in unix seconds, not '%2'").arg(name, parser.value(name)));
    return static_cast<qint64>(std::llround(value * 1000.0));
}

QJsonObject candidateJson(const RootCauseCandidate& candidate)
{
    return QJsonObject {
        {QStringLiteral("entity"), candidate.entity},
        {QStringLiteral("score"), candidate.score},
        {QStringLiteral("magnitude"), candidate.magnitude},
        {QStringLiteral("onset"), candidate.onsetMs > 0 ? seconds(candidate.onsetMs) : QJsonValue()},
        {QStringLiteral("signals"), QJsonArray::fromStringList(candidate.signalNames)},
        {QStringLiteral("path_to_symptoms"), QJsonArray::fromStringList(candidate.pathToSymptoms)},
        {QStringLiteral("explained_by_callee"), candidate.explainedByCallee},
        {QStringLiteral("evidence"), candidate.evidence},
    };
}

QJsonObject incidentJson(const Incident& incident, const std::vector<Anomaly>& anomalies)
{
    QJsonArray candidates;
    for (const RootCauseCandidate& candidate : incident.candidates)
        candidates.append(candidateJson(candidate));
    QJsonArray alerts;
    for (int index : incident.anomalyIndexes) {
        const Anomaly& anomaly = anomalies[static_cast<std::size_t>(index)];
        alerts.append(QJsonObject {
            {QStringLiteral("entity"), anomaly.series.entity},
            {QStringLiteral("signal"), anomaly.series.signal},
            {QStringLiteral("start"), seconds(anomaly.startMs)},
            {QStringLiteral("end"), seconds(anomaly.endMs)},
            {QStringLiteral("significance"), anomaly.significance},
        });
    }
    return QJsonObject {
        {QStringLiteral("id"), incident.id},
        {QStringLiteral("start"), seconds(incident.startMs)},
        {QStringLiteral("end"), seconds(incident.endMs)},
        {QStringLiteral("significance"), incident.significance},
        {QStringLiteral("first_affected"), incident.firstAffected},
        {QStringLiteral("resolved"), incident.resolved},
        {QStringLiteral("anomalies"), alerts},
        {QStringLiteral("candidates"), candidates},
    };
}

QJsonArray externalAlertsJson(const std::vector<ExternalAlert>& alerts)
{
    QJsonArray out;
    for (const ExternalAlert& alert : alerts) {
        QJsonObject labels;
        for (auto it = alert.labels.cbegin(); it != alert.labels.cend(); ++it)
            labels.insert(it.key(), it.value());
        out.append(QJsonObject {{QStringLiteral("name"), alert.name},
            {QStringLiteral("entity"), alert.entity}, {QStringLiteral("state"), alert.state},
            {QStringLiteral("start"), seconds(alert.startMs)},
            {QStringLiteral("end"), alert.isOpen() ? QJsonValue() : seconds(alert.endMs)},
            {QStringLiteral("active_at"), alert.activeAtMs > 0 ? seconds(alert.activeAtMs) : QJsonValue()},
            {QStringLiteral("labels"), labels}});
    }
    return out;
}

QByteArray toJson(const InputInvestigation& run)
{
    const InvestigationResult& result = run.result;
    QJsonArray ranking;
    for (const RootCauseCandidate& candidate : result.ranking)
        ranking.append(QJsonObject {
            {QStringLiteral("entity"), candidate.entity}, {QStringLiteral("score"), candidate.score}});
    QJsonArray incidents;
    for (const Incident& incident : result.incidents)
        incidents.append(incidentJson(incident, run.anomalies));
    QJsonObject root {
        {QStringLiteral("ranking"), ranking},
        {QStringLiteral("incidents"), incidents},
        {QStringLiteral("at"), result.atMs > 0 ? seconds(result.atMs) : QJsonValue()},
        {QStringLiteral("focus_incident"),
            result.focusIncident >= 0 ? QJsonValue(result.focusIncident) : QJsonValue()},
        {QStringLiteral("anomalies_detected"), static_cast<qint64>(run.anomalies.size())},
        {QStringLiteral("prometheus_alerts"), externalAlertsJson(run.externalAlerts)},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString externalAlertsText(const std::vector<ExternalAlert>& alerts)
{
    if (alerts.empty())
        return {};
    QString text = QStringLiteral("\nPrometheus alerts (%1):\n").arg(alerts.size());
    for (const ExternalAlert& alert : alerts) {
        QStringList labels;
        for (auto it = alert.labels.cbegin(); it != alert.labels.cend(); ++it)
            labels << QString(it.key() + QLatin1Char('=') + it.value());
        text += QStringLiteral("  %1%2  %3  %4 .. %5%6\n")
                    .arg(alert.name,
                        alert.entity.isEmpty() ? QString() : QString(QStringLiteral(" on ") + alert.entity),
                        alert.state, isoTime(alert.startMs),
                        alert.isOpen() ? QStringLiteral("(still active)") : isoTime(alert.endMs),
                        labels.isEmpty() ? QString()
                                         : QString(QStringLiteral("  ") + labels.join(QLatin1Char(' '))));
    }
    return text;
}

QString incidentsText(const InputInvestigation& run)
{
    const InvestigationResult& result = run.result;
    QString text;
    if (result.atMs > 0)
        text += QStringLiteral("Looking at %1%2\n")
                    .arg(isoTime(result.atMs),
                        run.atFromCase ? QStringLiteral(" (the case's alarm time)") : QString());
    text += QStringLiteral("%1 anomalies %2, %3 incidents\n")
                .arg(run.anomalies.size())
                .arg(run.anomaliesFromInput ? QStringLiteral("in the input") : QStringLiteral("detected"))
                .arg(result.incidents.size());
    if (result.incidents.empty()) {
        text += QStringLiteral("Nothing is wrong.\n");
        return text;
    }
    for (std::size_t i = 0; i < result.incidents.size(); ++i) {
        const Incident& incident = result.incidents[i];
        const bool focus = static_cast<int>(i) == result.focusIncident;
        text += QStringLiteral("\n%1 %2  %3 .. %4  significance %5%6\n")
                    .arg(focus ? QStringLiteral("*") : QStringLiteral(" "), incident.id,
                        isoTime(incident.startMs), isoTime(incident.endMs))
                    .arg(incident.significance, 0, 'f', 0)
                    .arg(incident.resolved ? QStringLiteral(" (resolved)") : QString());
        text += QStringLiteral("  first affected: %1; %2 alerts\n")
                    .arg(incident.firstAffected)
                    .arg(incident.anomalyIndexes.size());
        const std::size_t shown = focus ? 5 : 3;
        for (std::size_t c = 0; c < incident.candidates.size() && c < shown; ++c) {
            const RootCauseCandidate& candidate = incident.candidates[c];
            text += QStringLiteral("  %1. %2 (score %3)\n     %4\n")
                        .arg(c + 1)
                        .arg(candidate.entity)
                        .arg(candidate.score, 0, 'g', 4)
                        .arg(candidate.evidence);
        }
    }
    return text;
}

QString toText(const InputInvestigation& run)
{
    return incidentsText(run) + externalAlertsText(run.externalAlerts);
}

Dataset loadFromPrometheus(const QCommandLineParser& parser)
{
    if (!parser.isSet(QStringLiteral("start")) || !parser.isSet(QStringLiteral("end")))
        throw MeshscopeError(QStringLiteral("with --prometheus give --start and --end (unix seconds)"));
    const qint64 startMs = unixSecondsOption(parser, QStringLiteral("start"));
    const qint64 endMs = unixSecondsOption(parser, QStringLiteral("end"));
    if (endMs <= startMs)
        throw MeshscopeError(QStringLiteral("--end must be after --start"));
    QStringList warnings;
    MeshPoller poller(ProfileOptions::read(parser, &warnings));
    for (const QString& warning : warnings)
        printErr(QStringLiteral("warning: ") + warning);
    const MeshSnapshot snapshot = poller.fetch(startMs, endMs, true);
    for (const QString& warning : snapshot.warnings)
        printErr(QStringLiteral("warning: ") + warning);
    Dataset dataset;
    for (const SeriesBatch& batch : snapshot.series) {
        const SeriesId id = dataset.series.ensureSeries(batch.key);
        for (std::size_t i = 0; i < batch.timesMs.size(); ++i)
            dataset.series.append(id, batch.timesMs[i], batch.values[i]);
    }
    for (const TopologyFrame& frame : snapshot.frames)
        dataset.topology.add(frame);
    // After the series, so alert entities get the names the series were given.
    QStringList alertWarnings;
    dataset.alerts = poller.alertHistory(startMs, endMs, &alertWarnings);
    for (const QString& warning : alertWarnings)
        printErr(QStringLiteral("warning: ") + warning);
    return dataset;
}

Dataset loadInput(const QCommandLineParser& parser)
{
    const bool fromPrometheus = parser.isSet(QStringLiteral("prometheus"));
    const bool fromCase = parser.isSet(QStringLiteral("case"));
    const QStringList files = parser.positionalArguments();
    if (int(fromPrometheus) + int(fromCase) + int(!files.isEmpty()) != 1)
        throw MeshscopeError(QStringLiteral(
            "give exactly one input: --case DIR, FILE..., or --prometheus URL --start T --end T"));
    if (fromPrometheus)
        return loadFromPrometheus(parser);
    if (fromCase)
        return loadAnyInput({parser.value(QStringLiteral("case"))}, InputFormat::Case);
    return loadAnyInput(files);
}

int runInvestigate(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Finds incidents (anomalies close in time and connected in the call graph) and ranks their "
        "root-cause\n"
        "candidates. A case's alarm_time is investigated as if given --at unless --ignore-alarm-time."));
    ProfileOptions::addTo(parser);
    parser.addOptions({
        {QStringLiteral("case"), QStringLiteral("A case folder (CASE-FORMAT.md)."), QStringLiteral("DIR")},
        {QStringLiteral("start"), QStringLiteral("With --prometheus: start of the range, unix seconds."),
            QStringLiteral("T")},
        {QStringLiteral("end"), QStringLiteral("With --prometheus: end of the range, unix seconds."),
            QStringLiteral("T")},
        {QStringLiteral("at"), QStringLiteral("Investigate this instant (unix seconds)."),
            QStringLiteral("T")},
        {QStringLiteral("ignore-alarm-time"),
            QStringLiteral("Find the incidents without the case's alarm_time.")},
        {QStringLiteral("window"), QStringLiteral("Correlation window in seconds (default 600)."),
            QStringLiteral("S")},
        {QStringLiteral("hops"),
            QStringLiteral("Anomalies within this many calls are connected (default 1)."),
            QStringLiteral("K")},
        {QStringLiteral("tuning"),
            QStringLiteral("Per-series detector tuning (muted series, sensitivities) as saved by the console "
                           "(View › Detector Tuning); detects again even when the input holds anomalies."),
            QStringLiteral("FILE")},
        {QStringLiteral("json"), QStringLiteral("Print one JSON object: ranking, incidents, prometheus_alerts.")},
    });
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A recording or importable dump(s)."),
        QStringLiteral("[FILE...]"));
    if (!parseCommandLine(parser, QStringLiteral("investigate"), arguments))
        return 0;

    InputInvestigationOptions options;
    if (parser.isSet(QStringLiteral("at")))
        options.atMs = unixSecondsOption(parser, QStringLiteral("at"));
    options.ignoreAlarmTime = parser.isSet(QStringLiteral("ignore-alarm-time"));
    CorrelationSettings& correlation = options.investigation.correlation;
    if (parser.isSet(QStringLiteral("window"))) {
        bool ok = false;
        const double windowS = parser.value(QStringLiteral("window")).toDouble(&ok);
        if (!ok || windowS <= 0)
            throw MeshscopeError(QStringLiteral("--window must be a positive number of seconds"));
        correlation.windowMs = static_cast<qint64>(windowS * 1000);
    }
    if (parser.isSet(QStringLiteral("hops"))) {
        bool ok = false;
        correlation.maxHops = parser.value(QStringLiteral("hops")).toInt(&ok);
        if (!ok || correlation.maxHops < 0)
            throw MeshscopeError(QStringLiteral("--hops must be a number of calls (0 or more)"));
    }

    if (parser.isSet(QStringLiteral("tuning"))) {
        const QString path = parser.value(QStringLiteral("tuning"));
        if (!QFileInfo::exists(path))
            throw MeshscopeError(QStringLiteral("--tuning: %1 does not exist").arg(path));
        options.detection = DetectionTuning::load(path).applyTo(options.detection);
        options.redetect = true;
    }

    const Dataset dataset = loadInput(parser);
    TerminalProgress progress(QStringLiteral("investigating"));
    const JobControl job([&progress](double fraction) { progress.update(fraction); });
    const InputInvestigation run = investigateInput(dataset, options, &job);
    if (parser.isSet(QStringLiteral("json")))
        printOut(QString::fromUtf8(toJson(run)));
    else
        printOut(toText(run));
    return 0;
}

} // namespace

MESHSCOPE_CLI_COMMAND("investigate",
    "Find incidents and rank their root causes (case, recording, dump or Prometheus)", runInvestigate);

} // namespace meshscope::cli
