#pragma once

#include "http_client.h"

#include "importers/prom_json.h"

#include <QJsonValue>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace meshscope {

/// `GET /api/v1/status/buildinfo`: the connection test.
struct PromBuildInfo
{
    QString version;
    QString revision;
    QString branch;
    QString goVersion;
};

/// One entry of `GET /api/v1/alerts`.
struct PromAlert
{
    QMap<QString, QString> labels;
    QMap<QString, QString> annotations;
    QString state; ///< pending or firing
    qint64 activeAtMs = 0;
    double value = 0;
};

/// One query of a batch: instant when `range` is false (at `timeMs`), else a range query.
struct PromQuery
{
    QString promql;
    bool range = false;
    qint64 timeMs = 0;
    qint64 startMs = 0;
    qint64 endMs = 0;
    qint64 stepMs = 0;

    static PromQuery instant(QString promql, qint64 timeMs);
    static PromQuery ranged(QString promql, qint64 startMs, qint64 endMs, qint64 stepMs);
};

/// What fetching cost, to tell the client's share from the server's.
struct PromFetchStats
{
    int requests = 0;
    qint64 bytes = 0;
    qint64 serverMs = 0; ///< summed request-to-last-byte time of the final attempts
    qint64 parseMs = 0; ///< summed body parsing time (runs in parallel, so can exceed wall time)
    qint64 waitMs = 0; ///< wall time spent waiting for answers
};

/// Client of the Prometheus HTTP API (and of Thanos, Mimir, Cortex, VictoriaMetrics,
/// which speak it). Queries are POSTed form-encoded so long PromQL fits; bodies are
/// parsed on the thread pool. API errors become ConnectionError with the server's
/// message (BadQuery for bad PromQL). Warnings, e.g. Thanos partial responses, are
/// returned in PromResponse::warnings, never dropped. Blocking, like HttpClient.
class PrometheusClient
{
public:
    /// Prometheus rejects ranges of more than this many points per series.
    static constexpr qint64 MaxPointsPerSeries = 11000;

    explicit PrometheusClient(EndpointSettings settings);

    HttpClient& http() { return m_http; }
    /// Sends `partial_response=<value>` (Thanos); unset sends nothing.
    void setPartialResponse(std::optional<bool> allow) { m_partialResponse = allow; }

    PromBuildInfo buildInfo(const JobControl* job = nullptr);
    PromResponse query(const QString& promql, qint64 timeMs, const JobControl* job = nullptr);
    /// A range query; ranges over the 11,000-point limit are split into several requests
    /// and the pieces joined per series, so the requested step is kept.
    PromResponse queryRange(
        const QString& promql, qint64 startMs, qint64 endMs, qint64 stepMs, const JobControl* job = nullptr);
    /// Runs queries concurrently; results in order. Throws the first error.
    std::vector<PromResponse> queryBatch(
        const std::vector<PromQuery>& queries, const JobControl* job = nullptr);

    /// `/api/v1/series`: label sets matching any of the selectors.
    std::vector<QMap<QString, QString>> series(
        const QStringList& matchers, qint64 startMs, qint64 endMs, const JobControl* job = nullptr);
    /// `/api/v1/labels`
    QStringList labels(
        const QStringList& matchers, qint64 startMs, qint64 endMs, const JobControl* job = nullptr);
    /// `/api/v1/label/<name>/values`
    QStringList labelValues(const QString& name, const QStringList& matchers, qint64 startMs, qint64 endMs,
        const JobControl* job = nullptr);
    /// `/api/v1/alerts`: alerts pending or firing now. A body without a list of alerts, or
    /// an alert without `alertname`, is a bad response (ConnectionError), never "none".
    std::vector<PromAlert> alerts(const JobControl* job = nullptr);
    /// History of alerts for the timeline: the ALERTS series over a range.
    PromResponse alertHistory(qint64 startMs, qint64 endMs, qint64 stepMs, const JobControl* job = nullptr);

    /// The sub-ranges a range query is split into to respect MaxPointsPerSeries.
    static std::vector<TimeRange> splitRange(qint64 startMs, qint64 endMs, qint64 stepMs);
    /// The smallest step >= stepMs that fits the range into one request.
    static qint64 fittingStepMs(qint64 startMs, qint64 endMs, qint64 stepMs);

    PromFetchStats stats() const { return m_stats; }
    void resetStats() { m_stats = {}; }

private:
    HttpRequest buildRequest(const PromQuery& query) const;
    ConnectionError apiError(const HttpResponse& response, const QString& what) const;
    PromResponse parseOutcome(const HttpResponse& response, const QString& what, qint64* parseMs) const;
    std::vector<PromResponse> runBatch(const std::vector<PromQuery>& queries, const JobControl* job);
    QJsonValue fetchData(
        const QString& path, const QList<QPair<QString, QString>>& params, bool post, const JobControl* job);

    HttpClient m_http;
    std::optional<bool> m_partialResponse;
    PromFetchStats m_stats;
};

} // namespace meshscope
