#include "prometheus_client.h"

#include "model/meshscope_error.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace meshscope {

namespace {

QString secondsText(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 3);
}

QString bodySnippet(const QByteArray& body)
{
    QString text = QString::fromUtf8(body.left(200)).simplified();
    if (body.size() > 200)
        text += QStringLiteral("…");
    return text;
}

bool looksLikeHtml(const QByteArray& body)
{
    const QByteArray start = body.left(100).trimmed().toLower();
    return start.startsWith("<!doctype html") || start.startsWith("<html");
}

/// The `error` of a Prometheus envelope, when the body is one.
QString envelopeError(const QByteArray& body, QString* errorType = nullptr)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject())
        return {};
    const QJsonObject object = document.object();
    if (errorType)
        *errorType = object.value(QLatin1String("errorType")).toString();
    return object.value(QLatin1String("error")).toString();
}

QString seriesIdentity(const PromSeries& series)
{
    auto labels = series.labels;
    std::sort(labels.begin(), labels.end());
    QString identity;
    for (const auto& [name, value] : labels)
        identity += name + QLatin1Char('\x1f') + value + QLatin1Char('\x1e');
    return identity;
}

/// Joins the pieces of a split range query into one response, series by series.
PromResponse joinPieces(std::vector<PromResponse> pieces)
{
    PromResponse joined = std::move(pieces.front());
    QHash<QString, std::size_t> index;
    for (std::size_t i = 0; i < joined.series.size(); ++i)
        index.insert(seriesIdentity(joined.series[i]), i);
    for (std::size_t p = 1; p < pieces.size(); ++p) {
        joined.warnings += pieces[p].warnings;
        joined.infos += pieces[p].infos;
        for (PromSeries& series : pieces[p].series) {
            const QString identity = seriesIdentity(series);
            const auto found = index.constFind(identity);
            if (found == index.constEnd()) {
                index.insert(identity, joined.series.size());
                joined.series.push_back(std::move(series));
                continue;
            }
            PromSeries& target = joined.series[*found];
            for (std::size_t i = 0; i < series.timesMs.size(); ++i) {
                if (!target.timesMs.empty() && series.timesMs[i] <= target.timesMs.back())
                    continue;
                target.timesMs.push_back(series.timesMs[i]);
                target.values.push_back(series.values[i]);
            }
        }
    }
    joined.warnings.removeDuplicates();
    return joined;
}

} // namespace

PromQuery PromQuery::instant(QString promql, qint64 timeMs)
{
    PromQuery query;
    query.promql = std::move(promql);
    query.timeMs = timeMs;
    return query;
}

PromQuery PromQuery::ranged(QString promql, qint64 startMs, qint64 endMs, qint64 stepMs)
{
    PromQuery query;
    query.promql = std::move(promql);
    query.range = true;
    query.startMs = startMs;
    query.endMs = endMs;
    query.stepMs = stepMs;
    return query;
}

PrometheusClient::PrometheusClient(EndpointSettings settings)
    : m_http(std::move(settings), QStringLiteral("Prometheus"))
{ }

std::vector<TimeRange> PrometheusClient::splitRange(qint64 startMs, qint64 endMs, qint64 stepMs)
{
    std::vector<TimeRange> pieces;
    if (stepMs <= 0 || endMs < startMs)
        return pieces;
    // Prometheus refuses (end-start)/step > 11000; a piece spans 10999 steps, and the
    // next starts one step later so the grid stays the same.
    const qint64 span = (MaxPointsPerSeries - 1) * stepMs;
    for (qint64 s = startMs; s <= endMs; s += span + stepMs)
        pieces.push_back(TimeRange {s, std::min(endMs, s + span)});
    return pieces;
}

qint64 PrometheusClient::fittingStepMs(qint64 startMs, qint64 endMs, qint64 stepMs)
{
    const qint64 needed = (endMs - startMs + MaxPointsPerSeries - 1) / MaxPointsPerSeries;
    return std::max({stepMs, needed, qint64(1)});
}

HttpRequest PrometheusClient::buildRequest(const PromQuery& query) const
{
    HttpRequest request;
    request.method = HttpRequest::Method::Post;
    request.addParam(QStringLiteral("query"), query.promql);
    if (query.range) {
        request.path = QStringLiteral("api/v1/query_range");
        request.addParam(QStringLiteral("start"), secondsText(query.startMs));
        request.addParam(QStringLiteral("end"), secondsText(query.endMs));
        request.addParam(QStringLiteral("step"), secondsText(query.stepMs));
    } else {
        request.path = QStringLiteral("api/v1/query");
        if (query.timeMs > 0)
            request.addParam(QStringLiteral("time"), secondsText(query.timeMs));
    }
    if (m_partialResponse)
        request.addParam(QStringLiteral("partial_response"),
            *m_partialResponse ? QStringLiteral("true") : QStringLiteral("false"));
    return request;
}

PromResponse PrometheusClient::query(const QString& promql, qint64 timeMs, const JobControl* job)
{
    return std::move(runBatch({PromQuery::instant(promql, timeMs)}, job).front());
}

PromResponse PrometheusClient::queryRange(
    const QString& promql, qint64 startMs, qint64 endMs, qint64 stepMs, const JobControl* job)
{
    return std::move(queryBatch({PromQuery::ranged(promql, startMs, endMs, stepMs)}, job).front());
}

std::vector<PromResponse> PrometheusClient::queryBatch(
    const std::vector<PromQuery>& queries, const JobControl* job)
{
    // Expand range queries over the point limit into pieces, then join them back.
    std::vector<PromQuery> expanded;
    std::vector<std::pair<std::size_t, std::size_t>> owner; // query index -> [first, count)
    for (const PromQuery& query : queries) {
        const std::size_t first = expanded.size();
        if (query.range && query.stepMs > 0
            && (query.endMs - query.startMs) / query.stepMs >= MaxPointsPerSeries) {
            for (const TimeRange& piece : splitRange(query.startMs, query.endMs, query.stepMs))
                expanded.push_back(PromQuery::ranged(query.promql, piece.startMs, piece.endMs, query.stepMs));
        } else {
            expanded.push_back(query);
        }
        owner.emplace_back(first, expanded.size() - first);
    }
    std::vector<PromResponse> parts = runBatch(expanded, job);
    if (parts.size() == queries.size())
        return parts;
    std::vector<PromResponse> results;
    for (const auto& [first, count] : owner) {
        std::vector<PromResponse> pieces(std::make_move_iterator(parts.begin() + qsizetype(first)),
            std::make_move_iterator(parts.begin() + qsizetype(first + count)));
        results.push_back(joinPieces(std::move(pieces)));
    }
    return results;
}

ConnectionError PrometheusClient::apiError(const HttpResponse& response, const QString& what) const
{
    const EndpointSettings& settings = m_http.settings();
    QString errorType;
    QString message = envelopeError(response.body, &errorType);
    if (message.isEmpty())
        message = looksLikeHtml(response.body) ? QStringLiteral("an HTML page (a proxy or login page?)")
                                               : bodySnippet(response.body);
    if (errorType == QLatin1String("timeout"))
        return ConnectionError(ConnectionFailure::Timeout,
            QStringLiteral(
                "the query timed out inside Prometheus at %1: %2 (narrow the range or the selector)")
                .arg(settings.displayUrl(), redactSecrets(message, settings.auth)),
            response.status);
    if ((response.status == 400 || response.status == 422) && !errorType.isEmpty())
        return ConnectionError(ConnectionFailure::BadQuery,
            QStringLiteral("Prometheus at %1 rejected the query (%2, HTTP %3): %4")
                .arg(settings.displayUrl(), errorType)
                .arg(response.status)
                .arg(redactSecrets(message, settings.auth)),
            response.status);
    return m_http.statusError(response, what, message);
}

PromResponse PrometheusClient::parseOutcome(
    const HttpResponse& response, const QString& what, qint64* parseMs) const
{
    if (response.status < 200 || response.status >= 300)
        throw apiError(response, what);
    const EndpointSettings& settings = m_http.settings();
    QElapsedTimer timer;
    timer.start();
    PromResponse parsed;
    try {
        parsed = parsePromResponse(response.body, QStringLiteral("Prometheus %1").arg(what));
    } catch (const MeshscopeError& error) {
        const QString kind = looksLikeHtml(response.body)
            ? QStringLiteral("an HTML page (a proxy or login page?)")
            : QStringLiteral("not Prometheus API JSON");
        throw ConnectionError(ConnectionFailure::BadResponse,
            QStringLiteral("%1 at %2 answered with %3: %4")
                .arg(m_http.service(), settings.displayUrl(), kind,
                    redactSecrets(error.message(), settings.auth)),
            response.status);
    }
    *parseMs = timer.elapsed();
    if (parsed.status == QLatin1String("error"))
        throw ConnectionError(ConnectionFailure::BadQuery,
            QStringLiteral("Prometheus rejected the query (%1): %2").arg(parsed.errorType, parsed.error),
            response.status);
    return parsed;
}

std::vector<PromResponse> PrometheusClient::runBatch(
    const std::vector<PromQuery>& queries, const JobControl* job)
{
    std::vector<HttpRequest> requests;
    requests.reserve(queries.size());
    for (const PromQuery& query : queries)
        requests.push_back(buildRequest(query));
    QElapsedTimer waiting;
    waiting.start();
    std::vector<HttpOutcome> outcomes = m_http.sendAll(requests, job);
    m_stats.waitMs += waiting.elapsed();

    std::vector<PromResponse> results(queries.size());
    std::vector<std::exception_ptr> errors(queries.size());
    std::vector<qint64> parseMs(queries.size(), 0);
    std::vector<std::size_t> indexes(queries.size());
    std::iota(indexes.begin(), indexes.end(), std::size_t(0));
    auto parseOne = [&](std::size_t i) {
        if (outcomes[i].error) {
            errors[i] = outcomes[i].error;
            return;
        }
        try {
            results[i] = parseOutcome(outcomes[i].response, requests[i].path, &parseMs[i]);
        } catch (const ConnectionError&) {
            errors[i] = std::current_exception();
        }
    };
    if (queries.size() == 1)
        parseOne(0);
    else
        QtConcurrent::blockingMap(indexes, parseOne);

    for (std::size_t i = 0; i < queries.size(); ++i) {
        ++m_stats.requests;
        m_stats.bytes += outcomes[i].response.body.size();
        m_stats.serverMs += outcomes[i].response.elapsedMs;
        m_stats.parseMs += parseMs[i];
    }
    for (const std::exception_ptr& error : errors) {
        if (error)
            std::rethrow_exception(error);
    }
    return results;
}

QJsonValue PrometheusClient::fetchData(
    const QString& path, const QList<QPair<QString, QString>>& params, bool post, const JobControl* job)
{
    HttpRequest request;
    request.path = path;
    request.params = params;
    request.method = post ? HttpRequest::Method::Post : HttpRequest::Method::Get;
    const HttpResponse response = m_http.send(request, job);
    QString errorType;
    const QString apiError = envelopeError(response.body, &errorType);
    if (response.status < 200 || response.status >= 300)
        throw m_http.statusError(response, path, apiError.isEmpty() ? bodySnippet(response.body) : apiError);
    const QJsonDocument document = QJsonDocument::fromJson(response.body);
    const QJsonObject object = document.object();
    if (!document.isObject() || object.value(QLatin1String("status")).toString() != QLatin1String("success"))
        throw ConnectionError(ConnectionFailure::BadResponse,
            QStringLiteral("%1 at %2 sent an unexpected answer to %3: %4")
                .arg(m_http.service(), m_http.settings().displayUrl(), path,
                    apiError.isEmpty() ? bodySnippet(response.body) : apiError));
    return object.value(QLatin1String("data"));
}

PromBuildInfo PrometheusClient::buildInfo(const JobControl* job)
{
    const QJsonObject data = fetchData(QStringLiteral("api/v1/status/buildinfo"), {}, false, job).toObject();
    PromBuildInfo info;
    info.version = data.value(QLatin1String("version")).toString();
    info.revision = data.value(QLatin1String("revision")).toString();
    info.branch = data.value(QLatin1String("branch")).toString();
    info.goVersion = data.value(QLatin1String("goVersion")).toString();
    return info;
}

namespace {
QList<QPair<QString, QString>> metadataQuery(const QStringList& matchers, qint64 startMs, qint64 endMs)
{
    QList<QPair<QString, QString>> query;
    for (const QString& matcher : matchers)
        query.append({QStringLiteral("match[]"), matcher});
    if (startMs > 0)
        query.append({QStringLiteral("start"), secondsText(startMs)});
    if (endMs > 0)
        query.append({QStringLiteral("end"), secondsText(endMs)});
    return query;
}

QStringList stringList(const QJsonValue& value)
{
    QStringList result;
    for (const QJsonValue& item : value.toArray())
        result << item.toString();
    return result;
}

QMap<QString, QString> stringMap(const QJsonValue& value)
{
    QMap<QString, QString> result;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        result.insert(it.key(), it.value().toString());
    return result;
}
} // namespace

std::vector<QMap<QString, QString>> PrometheusClient::series(
    const QStringList& matchers, qint64 startMs, qint64 endMs, const JobControl* job)
{
    std::vector<QMap<QString, QString>> result;
    for (const QJsonValue& item :
        fetchData(QStringLiteral("api/v1/series"), metadataQuery(matchers, startMs, endMs), true, job)
            .toArray())
        result.push_back(stringMap(item));
    return result;
}

QStringList PrometheusClient::labels(
    const QStringList& matchers, qint64 startMs, qint64 endMs, const JobControl* job)
{
    return stringList(
        fetchData(QStringLiteral("api/v1/labels"), metadataQuery(matchers, startMs, endMs), true, job));
}

QStringList PrometheusClient::labelValues(
    const QString& name, const QStringList& matchers, qint64 startMs, qint64 endMs, const JobControl* job)
{
    const QString path
        = QStringLiteral("api/v1/label/%1/values").arg(QString::fromUtf8(QUrl::toPercentEncoding(name)));
    return stringList(fetchData(path, metadataQuery(matchers, startMs, endMs), false, job));
}

std::vector<PromAlert> PrometheusClient::alerts(const JobControl* job)
{
    // A list that is not one must never read as "no alerts": that would close every
    // interval the session tracks.
    const QString path = QStringLiteral("api/v1/alerts");
    const auto malformed = [&](const QString& what) {
        return ConnectionError(ConnectionFailure::BadResponse,
            QStringLiteral("%1 at %2 sent an unexpected answer to %3: %4")
                .arg(m_http.service(), m_http.settings().displayUrl(), path, what));
    };
    std::vector<PromAlert> result;
    const QJsonValue alerts = fetchData(path, {}, false, job).toObject().value(QLatin1String("alerts"));
    if (!alerts.isArray())
        throw malformed(QStringLiteral("no list of alerts"));
    for (const QJsonValue& item : alerts.toArray()) {
        const QJsonObject object = item.toObject();
        if (object.value(QLatin1String("labels"))
                .toObject()
                .value(QLatin1String("alertname"))
                .toString()
                .isEmpty())
            throw malformed(QStringLiteral("an alert without alertname"));
        PromAlert alert;
        alert.labels = stringMap(object.value(QLatin1String("labels")));
        alert.annotations = stringMap(object.value(QLatin1String("annotations")));
        alert.state = object.value(QLatin1String("state")).toString();
        const QDateTime activeAt
            = QDateTime::fromString(object.value(QLatin1String("activeAt")).toString(), Qt::ISODateWithMs);
        alert.activeAtMs = activeAt.isValid() ? activeAt.toMSecsSinceEpoch() : 0;
        alert.value = QLocale::c().toDouble(object.value(QLatin1String("value")).toString());
        result.push_back(std::move(alert));
    }
    return result;
}

PromResponse PrometheusClient::alertHistory(
    qint64 startMs, qint64 endMs, qint64 stepMs, const JobControl* job)
{
    return queryRange(QStringLiteral("ALERTS"), startMs, endMs, stepMs, job);
}

} // namespace meshscope
