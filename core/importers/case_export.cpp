#include "case_folder.h"

#include "import_util.h"

#include "model/entity.h"
#include "model/meshscope_error.h"
#include "model/signal_names.h"

#include <QCoreApplication>
#include <QDir>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

namespace meshscope::casefolder {

namespace {

/// As the reference writer: ',' -> ';', line breaks -> ' ', surrounding blanks dropped.
QByteArray cleanName(const QString& name)
{
    QString n = name;
    n.replace(QLatin1Char(','), QLatin1Char(';')).replace(QLatin1Char('\r'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
    return n.trimmed().toUtf8();
}

QByteArray csvField(const QByteArray& text)
{
    if (!text.contains('"'))
        return text;
    QByteArray quoted = text;
    quoted.replace("\"", "\"\"");
    return '"' + quoted + '"';
}

struct Column
{
    QByteArray entity;
    QByteArray signal;
    SeriesSpan samples;
};

QByteArray signalsCsv(const Dataset& dataset, const JobControl* job)
{
    std::vector<Column> columns;
    for (SeriesId id = 0; id < dataset.series.seriesCount(); ++id) {
        const SeriesKey& key = dataset.series.key(id);
        Column c {cleanName(key.entity), importutil::sanitizeSignalName(key.signal).toUtf8(), dataset.series.samples(id)};
        if (!c.entity.isEmpty() && !c.samples.empty())
            columns.push_back(c);
    }
    // Rows sort by time, then entity and signal as byte strings (CASE-FORMAT.md).
    std::sort(columns.begin(), columns.end(),
        [](const Column& a, const Column& b) { return a.entity != b.entity ? a.entity < b.entity : a.signal < b.signal; });
    struct Row
    {
        qint64 tMs;
        int column;
        double value;
    };
    std::vector<Row> rows;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        for (std::size_t i = 0; i < columns[c].samples.size; ++i) {
            if (std::isfinite(columns[c].samples.values[i]))
                rows.push_back(Row {columns[c].samples.timesMs[i], int(c), columns[c].samples.values[i]});
        }
    }
    throwIfCancelled(job);
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.tMs != b.tMs ? a.tMs < b.tMs : a.column < b.column; });
    QByteArray out("timestamp,entity,signal,value\n");
    out.reserve(qsizetype(rows.size()) * 48);
    const Row* previous = nullptr;
    for (const Row& row : rows) {
        const Column& c = columns[std::size_t(row.column)];
        // Names that differ only by cleaning collapse into one (entity, signal): keep the first.
        if (previous && previous->tMs == row.tMs && columns[std::size_t(previous->column)].entity == c.entity
            && columns[std::size_t(previous->column)].signal == c.signal)
            continue;
        previous = &row;
        out += importutil::msToSecondsText(row.tMs) + ',' + csvField(c.entity) + ',' + c.signal + ','
            + importutil::numberText(row.value) + '\n';
    }
    return out;
}

QByteArray topologyCsv(const TopologyFrame& merged)
{
    std::set<std::pair<QByteArray, QByteArray>> edges;
    for (const TopologyEdge& edge : merged.edges) {
        const QByteArray source = cleanName(edge.source);
        const QByteArray destination = cleanName(edge.destination);
        if (!source.isEmpty() && !destination.isEmpty() && !source.contains("->") && !destination.contains("->"))
            edges.emplace(source, destination);
    }
    QByteArray out("source,destination\n");
    for (const auto& [source, destination] : edges)
        out += csvField(source) + ',' + csvField(destination) + '\n';
    return out;
}

nlohmann::json hintsOf(const Dataset& dataset)
{
    nlohmann::json hints = nlohmann::json::object();
    for (const char* key : {"alarm_time", "step_s"}) {
        bool ok = false;
        const double value = dataset.settings.value(QStringLiteral("case.") + QLatin1String(key)).toDouble(&ok);
        if (ok && std::isfinite(value))
            hints[key] = value == std::floor(value) && std::fabs(value) < 1e15 ? nlohmann::json(qint64(value)) : nlohmann::json(value);
    }
    for (const char* key : {"alarm_entity", "alarm_signal"}) {
        const QString value = dataset.settings.value(QStringLiteral("case.") + QLatin1String(key));
        if (!value.isEmpty())
            hints[key] = value.toStdString();
    }
    return hints;
}

} // namespace

void exportCase(const Dataset& dataset, const QString& dir, const JobControl* job)
{
    if (!QDir().mkpath(dir))
        throw MeshscopeError(QCoreApplication::translate("meshscope", "cannot create the case folder"), dir);
    if (dataset.series.sampleCount() == 0)
        throw MeshscopeError(QCoreApplication::translate("meshscope", "nothing to export: the data holds no samples"), dir);
    const QDir folder(dir);
    importutil::writeWholeFile(folder.filePath(QStringLiteral("signals.csv")), signalsCsv(dataset, job));
    reportProgress(job, 0.8);
    if (!dataset.topology.isEmpty())
        importutil::writeWholeFile(folder.filePath(QStringLiteral("topology.csv")), topologyCsv(dataset.topology.merged()));
    const nlohmann::json hints = hintsOf(dataset);
    if (!hints.empty())
        importutil::writeWholeFile(folder.filePath(QStringLiteral("case.json")), QByteArray::fromStdString(hints.dump(1) + "\n"));
    // The format requires truth.json; an export knows no ground truth, so every label
    // is null and readers (which never read it) are unaffected.
    nlohmann::json truth = {{"system", dataset.settings.value(QStringLiteral("case.system"), QStringLiteral("unknown")).toStdString()},
        {"root_cause", nullptr}, {"fault", nullptr}, {"inject_time", nullptr}, {"source", "meshscope export"}};
    importutil::writeWholeFile(folder.filePath(QStringLiteral("truth.json")), QByteArray::fromStdString(truth.dump(1) + "\n"));
    reportProgress(job, 1.0);
}

} // namespace meshscope::casefolder
