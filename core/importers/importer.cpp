#include "importer.h"

#include "case_folder.h"
#include "import_util.h"
#include "kiali_graph.h"
#include "mesh_signal_builder.h"
#include "openmetrics_parser.h"
#include "prom_json_import.h"
#include "series_accumulator.h"

#include "model/meshscope_error.h"
#include "recording/recording.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace meshscope {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("meshscope", text);
}

const std::pair<InputFormat, const char*> FormatNames[] = {{InputFormat::Auto, "auto"}, {InputFormat::Recording, "meshrec"},
    {InputFormat::OpenMetrics, "openmetrics"}, {InputFormat::PromJson, "prom-json"}, {InputFormat::Kiali, "kiali"},
    {InputFormat::Case, "case"}};

bool looksLikeOpenMetrics(const QByteArray& head)
{
    for (const QByteArray& raw : head.split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        qsizetype i = 0;
        while (i < line.size() && (std::isalnum(static_cast<unsigned char>(line[i])) || line[i] == '_' || line[i] == ':'))
            ++i;
        return i > 0 && !std::isdigit(static_cast<unsigned char>(line[0])) && i < line.size()
            && (line[i] == '{' || line[i] == ' ' || line[i] == '\t');
    }
    return head.trimmed().startsWith('#');
}

/// The case folder of a path (the folder itself, or the folder of its signals.csv).
QString caseDir(const QString& path)
{
    const QFileInfo info(path);
    return info.isDir() ? path : info.absolutePath();
}

void importOpenMetrics(Dataset& dataset, const QStringList& paths, ImportReport& report, const JobControl* job)
{
    RawSeriesSet raw;
    OpenMetricsParser parser(raw);
    for (const QString& path : paths)
        parser.parse(importutil::readWholeFile(path), path, job);
    SeriesAccumulator accumulator;
    std::vector<TopologyFrame> frames;
    MeshSignalBuilder(raw).build(accumulator, frames, report.warnings);
    accumulator.flushInto(dataset.series, report);
    report.duplicates += raw.duplicates;
    report.outOfOrder += raw.outOfOrder;
    for (TopologyFrame& frame : frames) {
        dataset.topology.add(std::move(frame));
        ++report.topologyFrames;
    }
}

void importPromJson(Dataset& dataset, const QStringList& paths, ImportReport& report, const JobControl* job)
{
    SeriesAccumulator accumulator;
    for (int i = 0; i < paths.size(); ++i) {
        promjsonimport::importBody(importutil::readWholeFile(paths[i]), paths[i], accumulator, report);
        throwIfCancelled(job);
        reportProgress(job, double(i + 1) / double(paths.size()));
    }
    accumulator.flushInto(dataset.series, report);
}

void importKiali(Dataset& dataset, const QStringList& paths, ImportReport& report)
{
    for (const QString& path : paths) {
        KialiGraphStats stats;
        dataset.topology.add(parseKialiGraph(importutil::readWholeFile(path), path, &stats));
        ++report.topologyFrames;
        if (!stats.graphType.isEmpty())
            dataset.settings.insert(QStringLiteral("kiali.graph_type"), stats.graphType);
        if (stats.durationS > 0)
            dataset.settings.insert(QStringLiteral("kiali.duration_s"), QString::number(stats.durationS));
    }
}

void importOneFormat(Dataset& dataset, const QStringList& paths, InputFormat format, ImportReport& report, const JobControl* job)
{
    switch (format) {
    case InputFormat::OpenMetrics:
        importOpenMetrics(dataset, paths, report, job);
        break;
    case InputFormat::PromJson:
        importPromJson(dataset, paths, report, job);
        break;
    case InputFormat::Kiali:
        importKiali(dataset, paths, report);
        break;
    case InputFormat::Case:
        for (const QString& path : paths)
            casefolder::importCase(caseDir(path), dataset, report, job);
        break;
    case InputFormat::Recording:
        throw MeshscopeError(tr("a recording cannot be imported into other data; open it on its own"), paths.join(QStringLiteral(", ")));
    case InputFormat::Auto:
        break;
    }
}

} // namespace

QString inputFormatName(InputFormat format)
{
    for (const auto& [f, name] : FormatNames) {
        if (f == format)
            return QLatin1String(name);
    }
    return QStringLiteral("auto");
}

InputFormat inputFormatFromName(const QString& name)
{
    for (const auto& [f, n] : FormatNames) {
        if (name == QLatin1String(n))
            return f;
    }
    throw MeshscopeError(tr("unknown format \"%1\" (use auto, meshrec, openmetrics, prom-json, kiali or case)").arg(name));
}

InputFormat detectInputFormat(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists())
        throw MeshscopeError(tr("no such file or folder"), path);
    if (info.isDir()) {
        if (QFileInfo::exists(QDir(path).filePath(QStringLiteral("signals.csv"))))
            return InputFormat::Case;
        throw MeshscopeError(tr("folder is not an investigation case (no signals.csv)"), path);
    }
    if (info.fileName() == QLatin1String("signals.csv"))
        return InputFormat::Case;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw MeshscopeError(tr("cannot open for reading: %1").arg(file.errorString()), path);
    QByteArray head = file.read(64 * 1024);
    if (head.startsWith(QByteArrayLiteral("SQLite format 3\0")))
        return InputFormat::Recording;
    if (head.startsWith("\xEF\xBB\xBF"))
        head.remove(0, 3);
    const QByteArray trimmed = head.trimmed();
    if (trimmed.startsWith('{')) {
        if (trimmed.contains("\"elements\""))
            return InputFormat::Kiali;
        if (trimmed.contains("\"status\"") || trimmed.contains("\"resultType\""))
            return InputFormat::PromJson;
        throw MeshscopeError(tr("JSON, but neither a Prometheus API response nor a Kiali graph"), path);
    }
    if (looksLikeOpenMetrics(head))
        return InputFormat::OpenMetrics;
    throw MeshscopeError(tr("cannot tell the format from the content; name it with --format"), path);
}

ImportReport importInto(Dataset& dataset, const QStringList& paths, InputFormat format, const JobControl* job)
{
    if (paths.isEmpty())
        throw MeshscopeError(tr("no input given"));
    ImportReport report;
    if (format != InputFormat::Auto) {
        importOneFormat(dataset, paths, format, report, job);
        return report;
    }
    // Files of the same format are imported together, so OpenMetrics series split over
    // several files join up and counters stay continuous.
    std::vector<std::pair<InputFormat, QStringList>> groups;
    for (const QString& path : paths) {
        const InputFormat f = detectInputFormat(path);
        auto it = std::find_if(groups.begin(), groups.end(), [f](const auto& g) { return g.first == f; });
        if (it == groups.end())
            groups.emplace_back(f, QStringList {path});
        else
            it->second.append(path);
    }
    for (const auto& [f, group] : groups)
        importOneFormat(dataset, group, f, report, job);
    return report;
}

Dataset loadAnyInput(const QStringList& paths, InputFormat format, const JobControl* job, ImportReport* report)
{
    if (paths.size() == 1 && (format == InputFormat::Recording || (format == InputFormat::Auto && detectInputFormat(paths.first()) == InputFormat::Recording)))
    {
        Dataset dataset = loadRecording(paths.first(), job);
        if (report) {
            *report = ImportReport {};
            report->samples = dataset.series.sampleCount();
            report->series = dataset.series.seriesCount();
            report->topologyFrames = static_cast<int>(dataset.topology.frames().size());
        }
        return dataset;
    }
    Dataset dataset;
    const ImportReport r = importInto(dataset, paths, format, job);
    if (report)
        *report = r;
    return dataset;
}

} // namespace meshscope
