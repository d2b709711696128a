// meshscope-cli info: what a recording or an importable input holds (time range,
// entities, signals, series and samples, topology size, file health).

#include "cli_command.h"

#include "importers/importer.h"
#include "model/meshscope_error.h"
#include "recording/recording.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace meshscope::cli {

namespace {

struct Summary
{
    QString file;
    QString format;
    TimeRange range;
    int series = 0;
    qint64 samples = 0;
    QStringList entities;
    QStringList signalNames;
    int nodes = 0;
    int edges = 0;
    int frames = 0;
    int alerts = 0; ///< Prometheus alert intervals
    int detectorStates = 0; ///< series whose detectors a next live session can resume
    qint64 duplicates = 0;
    qint64 outOfOrder = 0;
    QString health = QStringLiteral("ok");
    QStringList warnings;
    QMap<QString, QString> settings;
};

QJsonValue seconds(qint64 ms)
{
    if (ms % 1000 == 0)
        return QJsonValue(static_cast<qint64>(ms / 1000));
    return QJsonValue(double(ms) / 1000.0);
}

Summary fromRecording(const QString& path)
{
    const auto reader = RecordingReader::open(path);
    const RecordingInfo info = reader->info();
    Summary s;
    s.format = QStringLiteral("meshrec");
    s.range = info.range;
    s.series = info.seriesCount;
    s.samples = info.sampleCount;
    s.nodes = info.nodeCount;
    s.edges = info.edgeCount;
    s.frames = info.topologyFrames;
    s.alerts = info.alertCount;
    s.detectorStates = info.detectorStateCount;
    s.health = info.health.isEmpty() ? QStringLiteral("ok") : info.health;
    s.settings = info.settings;
    QSet<QString> entities;
    QSet<QString> signalSet;
    for (const SeriesKey& key : reader->seriesKeys()) {
        entities.insert(key.entity);
        signalSet.insert(key.signal);
    }
    s.entities = QStringList(entities.cbegin(), entities.cend());
    s.signalNames = QStringList(signalSet.cbegin(), signalSet.cend());
    return s;
}

Summary fromInput(const QString& path, InputFormat format)
{
    ImportReport report;
    const Dataset dataset = loadAnyInput({path}, format, nullptr, &report);
    Summary s;
    s.format = inputFormatName(format == InputFormat::Auto ? detectInputFormat(path) : format);
    s.range = dataset.timeRange();
    s.series = dataset.series.seriesCount();
    s.samples = dataset.series.sampleCount();
    s.entities = dataset.series.entities();
    s.signalNames = dataset.series.signalNames();
    const TopologyFrame merged = dataset.topology.merged();
    s.nodes = static_cast<int>(merged.nodes.size());
    s.edges = static_cast<int>(merged.edges.size());
    s.frames = static_cast<int>(dataset.topology.frames().size());
    s.alerts = static_cast<int>(dataset.alerts.size());
    s.duplicates = report.duplicates;
    s.outOfOrder = report.outOfOrder;
    s.warnings = report.warnings;
    s.settings = dataset.settings;
    if (report.duplicates + report.outOfOrder > 0)
        s.health = QStringLiteral("%1 duplicate and %2 out-of-order samples dropped")
                       .arg(report.duplicates)
                       .arg(report.outOfOrder);
    return s;
}

QJsonObject toJson(const Summary& s)
{
    QJsonObject settings;
    for (auto it = s.settings.cbegin(); it != s.settings.cend(); ++it)
        settings.insert(it.key(), it.value());
    return QJsonObject {{QStringLiteral("file"), s.file}, {QStringLiteral("format"), s.format},
        {QStringLiteral("start"), s.range.isValid() ? seconds(s.range.startMs) : QJsonValue()},
        {QStringLiteral("end"), s.range.isValid() ? seconds(s.range.endMs) : QJsonValue()},
        {QStringLiteral("series"), s.series}, {QStringLiteral("samples"), s.samples},
        {QStringLiteral("entities"), QJsonArray::fromStringList(s.entities)},
        {QStringLiteral("signals"), QJsonArray::fromStringList(s.signalNames)},
        {QStringLiteral("topology"),
            QJsonObject {{QStringLiteral("nodes"), s.nodes}, {QStringLiteral("edges"), s.edges},
                {QStringLiteral("frames"), s.frames}}},
        {QStringLiteral("alerts"), s.alerts}, {QStringLiteral("detector_states"), s.detectorStates},
        {QStringLiteral("duplicates"), s.duplicates}, {QStringLiteral("out_of_order"), s.outOfOrder},
        {QStringLiteral("health"), s.health},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(s.warnings)},
        {QStringLiteral("settings"), settings}};
}

QString toText(const Summary& s)
{
    auto time
        = [](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs); };
    QString text = QStringLiteral("file:      %1 (%2)\n").arg(s.file, s.format);
    text += s.range.isValid() ? QStringLiteral("range:     %1 .. %2 (%3 s)\n")
                                    .arg(time(s.range.startMs), time(s.range.endMs))
                                    .arg(s.range.durationMs() / 1000)
                              : QStringLiteral("range:     (no samples)\n");
    text += QStringLiteral("series:    %1 (%2 samples)\n").arg(s.series).arg(s.samples);
    text += QStringLiteral("entities:  %1\n").arg(s.entities.size());
    text += QStringLiteral("signals:   %1\n").arg(s.signalNames.join(QStringLiteral(", ")));
    text += QStringLiteral("topology:  %1 nodes, %2 edges, %3 frames\n")
                .arg(s.nodes)
                .arg(s.edges)
                .arg(s.frames);
    text += QStringLiteral("alerts:    %1\n").arg(s.alerts);
    if (s.detectorStates > 0)
        text += QStringLiteral("detectors: %1 series resumable\n").arg(s.detectorStates);
    text += QStringLiteral("health:    %1").arg(s.health);
    for (const QString& warning : s.warnings)
        text += QStringLiteral("\nwarning:   ") + warning;
    return text;
}

int runInfo(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Describes a .meshrec recording or any importable input."));
    parser.addPositionalArgument(QStringLiteral("FILE"),
        QStringLiteral("A recording, a file or a case folder."), QStringLiteral("FILE"));
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON object instead of text.")});
    parser.addOption({QStringLiteral("format"),
        QStringLiteral("auto (default), meshrec, openmetrics, prom-json, kiali or case."),
        QStringLiteral("FORMAT"), QStringLiteral("auto")});
    if (!parseCommandLine(parser, QStringLiteral("info"), arguments))
        return 0;
    const QStringList inputs = parser.positionalArguments();
    if (inputs.size() != 1)
        throw MeshscopeError(QStringLiteral("expected exactly one FILE (see 'meshscope-cli info --help')"));
    const QString path = inputs.first();
    InputFormat format = inputFormatFromName(parser.value(QStringLiteral("format")));
    if (format == InputFormat::Auto)
        format = detectInputFormat(path);
    Summary summary = format == InputFormat::Recording ? fromRecording(path) : fromInput(path, format);
    summary.file = path;
    summary.entities.sort();
    summary.signalNames.sort();
    if (QFileInfo(path).isFile())
        summary.settings.insert(QStringLiteral("file.bytes"), QString::number(QFileInfo(path).size()));
    if (parser.isSet(QStringLiteral("json")))
        printOut(QString::fromUtf8(QJsonDocument(toJson(summary)).toJson(QJsonDocument::Compact)));
    else
        printOut(toText(summary));
    return 0;
}

} // namespace

MESHSCOPE_CLI_COMMAND(
    "info", "Describe a recording or an importable input (time range, series, topology, health)", runInfo);

} // namespace meshscope::cli
