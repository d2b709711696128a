// meshscope-cli simulate: a simulated Istio mesh with injected faults, written as a
// recording, raw Istio metrics (OpenMetrics) and/or a case folder, with its ground truth.

#include "cli_command.h"

#include "importers/importer.h"
#include "model/meshscope_error.h"
#include "recording/recording.h"
#include "simulator/fault_spec.h"
#include "simulator/istio_openmetrics.h"
#include "simulator/mesh_simulator.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>

namespace meshscope::cli {

namespace {

qint64 parseInteger(const QString& text, const QString& option)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok)
        throw MeshscopeError(QStringLiteral("%1: '%2' is not an integer").arg(option, text));
    return value;
}

SimulationOptions optionsFrom(const QCommandLineParser& parser)
{
    if (parser.isSet(QStringLiteral("demo"))) {
        for (const char* name :
            {"topology", "services", "namespaces", "duration", "step", "end", "seed", "fault", "no-fault"}) {
            if (parser.isSet(QLatin1String(name)))
                throw MeshscopeError(
                    QStringLiteral("--demo is a fixed scenario; it cannot be combined with --%1")
                        .arg(QLatin1String(name)));
        }
        return SimulationOptions::demo();
    }
    SimulationOptions o;
    if (parser.isSet(QStringLiteral("topology")))
        o.topology = parser.value(QStringLiteral("topology"));
    if (parser.isSet(QStringLiteral("services"))) {
        o.services = static_cast<int>(
            parseInteger(parser.value(QStringLiteral("services")), QStringLiteral("--services")));
        if (!parser.isSet(QStringLiteral("topology")))
            o.topology = QStringLiteral("random");
    }
    if (parser.isSet(QStringLiteral("namespaces")))
        o.namespaces = static_cast<int>(
            parseInteger(parser.value(QStringLiteral("namespaces")), QStringLiteral("--namespaces")));
    if (parser.isSet(QStringLiteral("duration")))
        o.durationMs
            = parseDurationMs(parser.value(QStringLiteral("duration")), QStringLiteral("--duration"));
    if (parser.isSet(QStringLiteral("step")))
        o.stepMs = parseDurationMs(parser.value(QStringLiteral("step")), QStringLiteral("--step"));
    if (parser.isSet(QStringLiteral("end")))
        o.endMs = parseInteger(parser.value(QStringLiteral("end")), QStringLiteral("--end")) * 1000;
    if (parser.isSet(QStringLiteral("seed")))
        o.seed = static_cast<quint64>(
            parseInteger(parser.value(QStringLiteral("seed")), QStringLiteral("--seed")));
    for (const QString& fault : parser.values(QStringLiteral("fault")))
        o.faults.push_back(parseFaultSpec(fault));
    o.noFault = parser.isSet(QStringLiteral("no-fault"));
    if (o.noFault && !o.faults.empty())
        throw MeshscopeError(QStringLiteral("--no-fault and --fault contradict each other"));
    return o;
}

QString describe(const SimulationResult& r)
{
    QString text
        = QStringLiteral("simulated %1 mesh: %2 nodes, %3 edges, %4 steps of %5 s from %6 to %7 UTC\n")
              .arg(r.mesh.system)
              .arg(r.mesh.services.size())
              .arg(r.mesh.calls.size())
              .arg(r.timesMs.size())
              .arg(r.options.stepMs / 1000.0)
              .arg(QDateTime::fromMSecsSinceEpoch(r.startMs, Qt::UTC).toString(Qt::ISODate),
                  QDateTime::fromMSecsSinceEpoch(r.options.endMs, Qt::UTC).toString(Qt::ISODate));
    text += QStringLiteral("%1 series, %2 samples, %3 topology frames\n")
                .arg(r.dataset.series.seriesCount())
                .arg(r.dataset.series.sampleCount())
                .arg(r.dataset.topology.frames().size());
    if (r.truth.empty())
        text += QStringLiteral("no fault injected\n");
    for (const FaultTruth& t : r.truth) {
        text += QStringLiteral("fault %1 on %2 at %3 for %4 s, %5 entities affected\n")
                    .arg(faultTypeName(t.type), t.rootCause,
                        QDateTime::fromMSecsSinceEpoch(t.onsetMs, Qt::UTC).toString(Qt::ISODate))
                    .arg((t.endMs - t.onsetMs) / 1000)
                    .arg(t.affected.size());
    }
    return text;
}

void addSimulateOptions(QCommandLineParser& parser)
{
    parser.addOptions({
        {{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("Write a recording (.meshrec)."),
            QStringLiteral("file")},
        {QStringLiteral("openmetrics"),
            QStringLiteral("Write raw Istio metrics as OpenMetrics text (for promtool backfill)."),
            QStringLiteral("file")},
        {QStringLiteral("case"),
            QStringLiteral("Write a case folder (signals.csv, topology.csv, case.json, truth.json)."),
            QStringLiteral("dir")},
        {QStringLiteral("force"), QStringLiteral("Replace an existing recording.")},
        {QStringLiteral("topology"), QStringLiteral("bookinfo, boutique (default) or random."),
            QStringLiteral("name")},
        {QStringLiteral("services"),
            QStringLiteral("Services of a random mesh (default 30; implies --topology random)."),
            QStringLiteral("n")},
        {QStringLiteral("namespaces"), QStringLiteral("Namespaces of a random mesh (default 3)."),
            QStringLiteral("n")},
        {QStringLiteral("duration"),
            QStringLiteral("Simulated time, e.g. 6h, 24h, 90m or seconds (default 6h)."),
            QStringLiteral("time")},
        {QStringLiteral("step"), QStringLiteral("Sample step (default 15s)."), QStringLiteral("time")},
        {QStringLiteral("end"),
            QStringLiteral(
                "Time of the last sample, unix seconds (default: now rounded down to the step, minus 3 h)."),
            QStringLiteral("unix-s")},
        {QStringLiteral("seed"),
            QStringLiteral("Random seed (default 1); the same seed gives identical output."),
            QStringLiteral("n")},
        {QStringLiteral("fault"),
            QStringLiteral(
                "Inject a fault: TYPE[:SERVICE][@ONSET_OFFSET][+DURATION][*SEVERITY]; TYPE is latency, "
                "errors, saturation, traffic-drop, bad-deploy or outage. Repeatable."),
            QStringLiteral("spec")},
        {QStringLiteral("no-fault"), QStringLiteral("Inject no fault (a healthy mesh).")},
        {QStringLiteral("demo"),
            QStringLiteral("The bundled demo: 4 h of the boutique mesh with a cascading CPU saturation "
                           "(fixed seed and time).")},
    });
}

int runSimulate(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Simulates an Istio mesh with daily traffic cycles and injected faults, and writes it with its "
        "ground "
        "truth (<output>.truth.json; a case folder gets truth.json).\nWith no options: a boutique-like mesh "
        "over 6 h with one fault."));
    addSimulateOptions(parser);
    if (!parseCommandLine(parser, QStringLiteral("simulate"), arguments))
        return 0;
    if (!parser.positionalArguments().isEmpty())
        throw MeshscopeError(
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()));
    const QString recording = parser.value(QStringLiteral("output"));
    const QString openMetrics = parser.value(QStringLiteral("openmetrics"));
    const QString caseDir = parser.value(QStringLiteral("case"));
    if (recording.isEmpty() && openMetrics.isEmpty() && caseDir.isEmpty())
        throw MeshscopeError(
            QStringLiteral("nothing to write: give -o FILE.meshrec, --openmetrics FILE or --case DIR"));

    SimulationOptions options = optionsFrom(parser);
    options.keepTraces = !openMetrics.isEmpty();
    TerminalProgress progress(QStringLiteral("simulating"));
    const JobControl job([&progress](double f) { progress.update(f); });
    const SimulationResult result = simulateMesh(options, &job);
    if (!recording.isEmpty()) {
        saveRecording(result.dataset, recording, parser.isSet(QStringLiteral("force")));
        writeGroundTruth(result, recording + QStringLiteral(".truth.json"));
    }
    if (!openMetrics.isEmpty()) {
        writeIstioOpenMetrics(result, openMetrics);
        writeGroundTruth(result, openMetrics + QStringLiteral(".truth.json"));
    }
    if (!caseDir.isEmpty()) {
        exportCase(result.dataset, caseDir);
        writeGroundTruth(result, QDir(caseDir).filePath(QStringLiteral("truth.json")));
    }
    printOut(describe(result));
    return 0;
}

} // namespace

MESHSCOPE_CLI_COMMAND(
    "simulate", "Simulate an Istio mesh with injected faults (demo, tests, drills)", runSimulate);

} // namespace meshscope::cli
