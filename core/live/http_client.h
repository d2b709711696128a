#pragma once

#include "connection_error.h"
#include "endpoint_settings.h"

#include "model/job_control.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <exception>
#include <memory>
#include <vector>

class QNetworkAccessManager;
class QNetworkCookieJar;

namespace meshscope {

struct HttpRequest
{
    enum class Method { Get, Post };
    Method method = Method::Get;
    QString path; ///< relative to the endpoint's base URL, e.g. "api/v1/query"
    /// Parameters, unencoded: the URL query of a GET, the form-encoded body of a POST.
    QList<QPair<QString, QString>> params;
    bool retry = true; ///< false for calls that must not be repeated (a login)

    void addParam(const QString& name, const QString& value) { params.append({name, value}); }
    /// `name=value&…`, every byte outside the unreserved set percent-encoded.
    QByteArray encodedParams() const;
};

struct HttpResponse
{
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    qint64 elapsedMs = 0; ///< final attempt, request sent to body complete
    int attempts = 0;

    QByteArray header(const QByteArray& name) const;
};

/// A response or the error that prevented one (a ConnectionError or CancelledError).
struct HttpOutcome
{
    HttpResponse response;
    std::exception_ptr error;
};

/// Blocking HTTP client for one endpoint: auth headers, TLS, extra headers, per-attempt
/// timeout, retries with exponential backoff on 5xx/429 and connection errors (never on
/// other 4xx, never after a timeout), cancellation through JobControl. It runs a local
/// event loop in the calling thread, so use it off the GUI thread (LiveSource keeps its
/// clients on a worker thread). A client belongs to the thread that first sends with it.
class HttpClient
{
public:
    /// `service` names the endpoint in messages ("Prometheus", "Kiali").
    HttpClient(EndpointSettings settings, QString service);
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    const EndpointSettings& settings() const { return m_settings; }
    const QString& service() const { return m_service; }

    /// Sends one request. Returns the response whatever its status; throws
    /// ConnectionError when there was no HTTP answer, CancelledError on cancellation.
    HttpResponse send(const HttpRequest& request, const JobControl* job = nullptr);
    /// Sends requests concurrently (at most settings().maxConcurrent in flight) and waits
    /// for all. Outcomes are in request order. Throws CancelledError on cancellation.
    std::vector<HttpOutcome> sendAll(
        const std::vector<HttpRequest>& requests, const JobControl* job = nullptr);

    /// Session cookies (Kiali's token strategy).
    QNetworkCookieJar* cookieJar();
    /// The error a non-2xx response means, with `detail` (e.g. the server's message).
    ConnectionError statusError(
        const HttpResponse& response, const QString& path, const QString& detail) const;

private:
    class Batch;
    QNetworkAccessManager* manager();

    EndpointSettings m_settings;
    QString m_service;
    std::unique_ptr<QNetworkAccessManager> m_manager;
};

} // namespace meshscope
