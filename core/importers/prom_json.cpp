#include "prom_json.h"

#include "import_util.h"
#include "model/meshscope_error.h"

#include <QCoreApplication>

#include <simdjson.h>

#include <string_view>

namespace meshscope {

namespace {

namespace od = simdjson::ondemand;

QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

/// Thrown inside the parser for a wrong shape; turned into a MeshscopeError with the
/// byte offset by the caller, which knows where the iterator stands.
struct ShapeError
{
    QString message;
};

[[noreturn]] void shapeError(const char* message)
{
    throw ShapeError {QCoreApplication::translate("meshscope", message)};
}

/// One `[<unix s>, "<value>"]` pair.
void readSamplePair(od::value pair, qint64* tMs, double* value)
{
    int index = 0;
    for (auto element : pair.get_array()) {
        if (index == 0) {
            if (!importutil::secondsToMs(element.get_double(), tMs))
                shapeError(QT_TRANSLATE_NOOP("meshscope", "timestamp out of range"));
        } else if (index == 1) {
            od::value v = element.value();
            // simdjson's own number parser is the fast path; "NaN", "+Inf", "-Inf" and
            // anything unusual fall back to the text.
            if (v.get_double_in_string().get(*value) != simdjson::SUCCESS) {
                const std::string_view text = v.get_string();
                if (!importutil::parseNumber(text, value))
                    shapeError(QT_TRANSLATE_NOOP("meshscope", "sample value is not a number"));
            }
        } else {
            shapeError(QT_TRANSLATE_NOOP("meshscope", "a sample must be [time, \"value\"]"));
        }
        ++index;
    }
    if (index != 2)
        shapeError(QT_TRANSLATE_NOOP("meshscope", "a sample must be [time, \"value\"]"));
}

void readLabels(od::value metric, PromSeries& series)
{
    for (auto field : metric.get_object()) {
        const std::string_view name = field.unescaped_key();
        const std::string_view value = field.value().get_string();
        series.labels.emplace_back(toQString(name), toQString(value));
    }
}

void readSeries(od::object object, PromResponse& response)
{
    PromSeries series;
    // Series of one response nearly always have the same length: reserving the previous
    // one's size avoids regrowing the columns on the hot path.
    if (!response.series.empty()) {
        series.timesMs.reserve(response.series.back().timesMs.size());
        series.values.reserve(response.series.back().values.size());
    }
    for (auto field : object) {
        const std::string_view key = field.unescaped_key();
        if (key == "metric") {
            readLabels(field.value(), series);
        } else if (key == "values") {
            od::array values = field.value().get_array();
            for (auto pair : values) {
                qint64 t = 0;
                double v = 0;
                readSamplePair(pair.value(), &t, &v);
                series.timesMs.push_back(t);
                series.values.push_back(v);
            }
        } else if (key == "value") {
            qint64 t = 0;
            double v = 0;
            readSamplePair(field.value(), &t, &v);
            series.timesMs.push_back(t);
            series.values.push_back(v);
        }
        // "histogram"/"histograms" (native histograms) are skipped: meshscope keeps
        // classic float series only.
    }
    response.series.push_back(std::move(series));
}

void readResult(od::value result, PromResponse& response)
{
    if (result.type() == od::json_type::null)
        return;
    od::array array = result.get_array();
    PromSeries scalar;
    int index = 0;
    for (auto element : array) {
        od::value value = element.value();
        const od::json_type type = value.type();
        if (type == od::json_type::object) {
            readSeries(value.get_object(), response);
        } else if (index == 0 && type == od::json_type::number) {
            qint64 t = 0;
            if (!importutil::secondsToMs(value.get_double(), &t))
                shapeError(QT_TRANSLATE_NOOP("meshscope", "timestamp out of range"));
            scalar.timesMs.push_back(t);
        } else if (index == 1 && type == od::json_type::string && scalar.timesMs.size() == 1) {
            const std::string_view text = value.get_string();
            double v = 0;
            if (!importutil::parseNumber(text, &v))
                scalar.labels.emplace_back(QStringLiteral("value"), toQString(text)); // a "string" result
            scalar.values.push_back(v);
        } else {
            shapeError(QT_TRANSLATE_NOOP(
                "meshscope", "result is neither a list of series nor a [time, value] pair"));
        }
        ++index;
    }
    if (!scalar.timesMs.empty()) {
        if (scalar.values.size() != 1)
            shapeError(QT_TRANSLATE_NOOP("meshscope", "a scalar result must be [time, \"value\"]"));
        response.series.push_back(std::move(scalar));
    }
}

void readData(od::value data, PromResponse& response)
{
    if (data.type() == od::json_type::null)
        return;
    if (data.type() != od::json_type::object)
        shapeError(QT_TRANSLATE_NOOP("meshscope", "\"data\" is not a query result object"));
    for (auto field : data.get_object()) {
        const std::string_view key = field.unescaped_key();
        if (key == "resultType")
            response.resultType = toQString(field.value().get_string());
        else if (key == "result")
            readResult(field.value(), response);
    }
}

void readStrings(od::value value, QStringList& out)
{
    if (value.type() == od::json_type::null)
        return;
    for (auto element : value.get_array())
        out.append(toQString(element.get_string()));
}

void readEnvelope(od::document& doc, PromResponse& response)
{
    if (doc.type() != od::json_type::object)
        shapeError(QT_TRANSLATE_NOOP("meshscope", "not a Prometheus API response (expected a JSON object)"));
    for (auto field : doc.get_object()) {
        const std::string_view key = field.unescaped_key();
        if (key == "status")
            response.status = toQString(field.value().get_string());
        else if (key == "data")
            readData(field.value(), response);
        else if (key == "errorType")
            response.errorType = toQString(field.value().get_string());
        else if (key == "error")
            response.error = toQString(field.value().get_string());
        else if (key == "warnings")
            readStrings(field.value(), response.warnings);
        else if (key == "infos")
            readStrings(field.value(), response.infos);
    }
    // simdjson 3.0.1 has no document::at_end(); a location left after the whole
    // object was read means trailing content.
    const char* rest = nullptr;
    if (doc.current_location().get(rest) == simdjson::SUCCESS)
        shapeError(QT_TRANSLATE_NOOP("meshscope", "unexpected content after the JSON value"));
}

qint64 errorOffset(od::document& doc, const QByteArray& body)
{
    const char* base = body.constData();
    const char* location = nullptr;
    if (doc.current_location().get(location) != simdjson::SUCCESS || location < base)
        return body.size();
    return static_cast<qint64>(location - base);
}

} // namespace

QString PromSeries::label(const QString& name) const
{
    for (const auto& [key, value] : labels) {
        if (key == name)
            return value;
    }
    return {};
}

PromResponse parsePromResponse(const QByteArray& body, const QString& where)
{
    // One parser per thread keeps its buffers between calls (the live client polls).
    thread_local od::parser parser;
    // simdjson reads up to SIMDJSON_PADDING bytes past the end; QByteArray does not
    // promise that, so the bytes are copied once into a padded buffer.
    const simdjson::padded_string padded(body.constData(), static_cast<std::size_t>(body.size()));
    PromResponse response;
    od::document doc;
    const simdjson::error_code started = parser.iterate(padded).get(doc);
    if (started != simdjson::SUCCESS) {
        throw MeshscopeError(QCoreApplication::translate("meshscope", "not valid JSON: %1")
                                 .arg(QString::fromUtf8(simdjson::error_message(started))),
            where);
    }
    try {
        readEnvelope(doc, response);
    } catch (const ShapeError& error) {
        throw MeshscopeError(error.message, importutil::offsetWhere(where, errorOffset(doc, body)));
    } catch (const simdjson::simdjson_error& error) {
        const QString what = QString::fromUtf8(simdjson::error_message(error.error()));
        throw MeshscopeError(QCoreApplication::translate("meshscope", "malformed or unexpected JSON (%1)").arg(what),
            importutil::offsetWhere(where, errorOffset(doc, body)));
    }
    if (response.status.isEmpty())
        throw MeshscopeError(QCoreApplication::translate("meshscope", "not a Prometheus API response (no \"status\")"), where);
    return response;
}

} // namespace meshscope
