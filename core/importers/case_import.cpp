#include "case_folder.h"

#include "csv_reader.h"
#include "import_util.h"

#include "model/entity.h"
#include "model/meshscope_error.h"
#include "model/signal_names.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSet>

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <string>
#include <unordered_map>

namespace meshscope::casefolder {

namespace {

QString qstr(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

/// `digits[.digits]` seconds to milliseconds.
bool parseTimestamp(std::string_view text, qint64* ms)
{
    if (text.empty() || text.size() > 24)
        return false;
    for (char c : text) {
        if (!((c >= '0' && c <= '9') || c == '.'))
            return false;
    }
    if (text.front() == '.' || text.back() == '.' || text.find('.') != text.rfind('.'))
        return false;
    double seconds = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
    return ec == std::errc() && ptr == text.data() + text.size() && importutil::secondsToMs(seconds, ms);
}

bool validEntity(std::string_view e)
{
    if (e.empty() || e.front() == ' ' || e.back() == ' ' || e.find('\n') != std::string_view::npos)
        return false;
    const std::size_t arrow = e.find("->");
    if (arrow == std::string_view::npos)
        return true;
    return arrow > 0 && arrow + 2 < e.size() && e.find("->", arrow + 2) == std::string_view::npos;
}

void checkHeader(CsvReader& reader, std::vector<std::string_view>& fields, std::initializer_list<std::string_view> header)
{
    if (!reader.next(fields) || fields.size() != header.size() || !std::equal(fields.begin(), fields.end(), header.begin()))
        reader.fail(QCoreApplication::translate("meshscope", "the header must be exactly \"%1\"")
                        .arg(qstr(*header.begin()) + QStringLiteral(",...")));
}

} // namespace

TimeRange importSignalsCsv(const QByteArray& data, const QString& path, Dataset& dataset, ImportReport& report,
    QSet<QString>& nodes, const JobControl* job)
{
    if (!importutil::isValidUtf8(data.constData(), static_cast<std::size_t>(data.size())))
        throw MeshscopeError(QCoreApplication::translate("meshscope", "not valid UTF-8"), path);
    CsvReader reader(data, path);
    std::vector<std::string_view> f;
    checkHeader(reader, f, {"timestamp", "entity", "signal", "value"});
    std::unordered_map<std::string, SeriesId> ids;
    std::string key;
    QSet<SeriesId> touched;
    TimeRange range;
    while (reader.next(f)) {
        if (f.size() != 4)
            reader.fail(QCoreApplication::translate(
                "meshscope", "expected 4 fields (timestamp,entity,signal,value), found %1")
                            .arg(f.size()));
        qint64 tMs = 0;
        if (!parseTimestamp(f[0], &tMs))
            reader.fail(QCoreApplication::translate(
                "meshscope", "timestamp must be unix seconds (digits, optionally .digits): %1")
                            .arg(qstr(f[0])));
        double value = 0;
        const auto [ptr, ec] = std::from_chars(f[3].data(), f[3].data() + f[3].size(), value);
        if (ec != std::errc() || ptr != f[3].data() + f[3].size() || !std::isfinite(value) || f[3].empty())
            reader.fail(QCoreApplication::translate("meshscope", "value must be a finite number: %1")
                            .arg(qstr(f[3])));
        key.assign(f[1]).append(1, '\0').append(f[2]);
        auto it = ids.find(key);
        if (it == ids.end()) {
            if (!validEntity(f[1]))
                reader.fail(
                    QCoreApplication::translate("meshscope", "bad entity name: \"%1\"").arg(qstr(f[1])));
            const QString signal = qstr(f[2]);
            if (!isValidSignalName(signal))
                reader.fail(QCoreApplication::translate("meshscope", "signal must match [a-z0-9_]+: \"%1\"")
                                .arg(signal));
            const QString entity = qstr(f[1]);
            if (!Entity::isEdge(entity))
                nodes.insert(entity);
            it = ids.emplace(key, dataset.series.ensureSeries(SeriesKey {entity, signal})).first;
        }
        switch (dataset.series.append(it->second, tMs, value)) {
        case AppendStatus::Appended:
            ++report.samples;
            touched.insert(it->second);
            range.include(tMs);
            break;
        case AppendStatus::Duplicate:
            ++report.duplicates;
            break;
        case AppendStatus::OutOfOrder:
            ++report.outOfOrder;
            break;
        }
        if ((reader.line() & 0x3FFF) == 0)
            throwIfCancelled(job);
    }
    report.series += static_cast<int>(touched.size());
    return range;
}

TopologyFrame parseTopologyCsv(const QByteArray& data, const QString& path, const QSet<QString>& signalNodes)
{
    if (!importutil::isValidUtf8(data.constData(), static_cast<std::size_t>(data.size())))
        throw MeshscopeError(QCoreApplication::translate("meshscope", "not valid UTF-8"), path);
    CsvReader reader(data, path);
    std::vector<std::string_view> f;
    checkHeader(reader, f, {"source", "destination"});
    TopologyFrame frame;
    QSet<QString> nodes = signalNodes;
    QSet<QString> seenEdges;
    while (reader.next(f)) {
        if (f.size() != 2 || f[0].empty() || f[1].empty())
            reader.fail(
                QCoreApplication::translate("meshscope", "expected 2 non-empty fields (source,destination)"));
        if (f[0].find("->") != std::string_view::npos || f[1].find("->") != std::string_view::npos)
            reader.fail(QCoreApplication::translate(
                "meshscope", "topology.csv names nodes, not edges (found \"->\")"));
        TopologyEdge edge;
        edge.source = qstr(f[0]);
        edge.destination = qstr(f[1]);
        if (seenEdges.contains(edge.entity()))
            continue;
        seenEdges.insert(edge.entity());
        nodes.insert(edge.source);
        nodes.insert(edge.destination);
        frame.edges.push_back(edge);
    }
    QStringList sorted(nodes.cbegin(), nodes.cend());
    sorted.sort();
    for (const QString& name : sorted) {
        TopologyNode node;
        node.name = name;
        frame.nodes.push_back(node);
    }
    return frame;
}

namespace {

QString jsonText(const nlohmann::json& value)
{
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    return QString::fromStdString(value.dump());
}

void readHints(const QString& path, Dataset& dataset)
{
    const QByteArray data = importutil::readWholeFile(path);
    nlohmann::json hints;
    try {
        hints = nlohmann::json::parse(data.constBegin(), data.constEnd());
    } catch (const nlohmann::json::parse_error& error) {
        throw MeshscopeError(QCoreApplication::translate("meshscope", "not valid JSON: %1")
                                 .arg(QString::fromUtf8(error.what())),
            importutil::offsetWhere(path, static_cast<qint64>(error.byte)));
    }
    if (!hints.is_object())
        throw MeshscopeError(
            QCoreApplication::translate("meshscope", "case.json must hold a JSON object"), path);
    for (const char* key : {"alarm_time", "step_s", "alarm_entity", "alarm_signal"}) {
        const auto it = hints.find(key);
        if (it == hints.end() || it->is_null())
            continue;
        const bool numeric = std::string_view(key) == "alarm_time" || std::string_view(key) == "step_s";
        if (numeric != it->is_number())
            throw MeshscopeError(
                QCoreApplication::translate("meshscope", "case.json: \"%1\" has the wrong type")
                    .arg(QLatin1String(key)),
                path);
        dataset.settings.insert(QStringLiteral("case.") + QLatin1String(key), jsonText(*it));
    }
}

} // namespace

void importCase(const QString& dir, Dataset& dataset, ImportReport& report, const JobControl* job)
{
    const QDir folder(dir);
    const QString signalsPath = folder.filePath(QStringLiteral("signals.csv"));
    if (!QFileInfo::exists(signalsPath))
        throw MeshscopeError(
            QCoreApplication::translate("meshscope", "not a case folder: signals.csv is missing"), dir);
    QSet<QString> nodes;
    const TimeRange range = importSignalsCsv(importutil::readWholeFile(signalsPath), signalsPath, dataset, report, nodes, job);
    const QString topologyPath = folder.filePath(QStringLiteral("topology.csv"));
    if (QFileInfo::exists(topologyPath)) {
        TopologyFrame frame = parseTopologyCsv(importutil::readWholeFile(topologyPath), topologyPath, nodes);
        frame.tMs = range.isValid() ? range.startMs : 0;
        dataset.topology.add(std::move(frame));
        ++report.topologyFrames;
    }
    const QString hintsPath = folder.filePath(QStringLiteral("case.json"));
    if (QFileInfo::exists(hintsPath))
        readHints(hintsPath, dataset);
    dataset.settings.insert(QStringLiteral("case.id"), QFileInfo(QDir::cleanPath(QFileInfo(dir).absoluteFilePath())).fileName());
}

} // namespace meshscope::casefolder
