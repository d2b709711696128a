#include "http_client.h"

#include "model/meshscope_error.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTimer>

#include <algorithm>
#include <deque>
#include <optional>

namespace meshscope {

QByteArray HttpRequest::encodedParams() const
{
    QByteArray encoded;
    for (const auto& [name, value] : params) {
        if (!encoded.isEmpty())
            encoded += '&';
        encoded += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return encoded;
}

QByteArray HttpResponse::header(const QByteArray& name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

namespace {

QUrl joinUrl(const QUrl& base, const QString& path)
{
    QUrl url = base;
    QString basePath = url.path();
    if (!basePath.endsWith(QLatin1Char('/')))
        basePath += QLatin1Char('/');
    url.setPath(basePath + path);
    return url;
}

QSslConfiguration sslConfiguration(const TlsSettings& tls, const QString& service)
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    if (!tls.caFile.isEmpty()) {
        const auto cas = QSslCertificate::fromPath(tls.caFile, QSsl::Pem);
        if (cas.isEmpty())
            throw ConnectionError(ConnectionFailure::Tls,
                QStringLiteral("%1: no PEM certificate could be read from the CA file %2")
                    .arg(service, tls.caFile));
        config.addCaCertificates(cas);
    }
    if (!tls.clientCertFile.isEmpty()) {
        const auto certs = QSslCertificate::fromPath(tls.clientCertFile, QSsl::Pem);
        if (certs.isEmpty())
            throw ConnectionError(ConnectionFailure::Tls,
                QStringLiteral("%1: no PEM certificate in the client certificate file %2")
                    .arg(service, tls.clientCertFile));
        QFile keyFile(tls.clientKeyFile.isEmpty() ? tls.clientCertFile : tls.clientKeyFile);
        if (!keyFile.open(QIODevice::ReadOnly))
            throw ConnectionError(ConnectionFailure::Tls,
                QStringLiteral("%1: cannot read the client key file %2").arg(service, keyFile.fileName()));
        const QByteArray pem = keyFile.readAll();
        QSslKey key(pem, QSsl::Rsa, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(pem, QSsl::Ec, QSsl::Pem);
        if (key.isNull())
            throw ConnectionError(ConnectionFailure::Tls,
                QStringLiteral("%1: the client key in %2 is not an unencrypted RSA or EC PEM key")
                    .arg(service, keyFile.fileName()));
        config.setLocalCertificate(certs.first());
        config.setPrivateKey(key);
    }
    if (tls.skipVerify)
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
    return config;
}

bool isRetryableTransportError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
        return true;
    default:
        return false;
    }
}

} // namespace

/// One sendAll(): the state of every request, driven by a local event loop.
class HttpClient::Batch
{
public:
    Batch(HttpClient& client, const std::vector<HttpRequest>& requests, const JobControl* job)
        : m_client(client)
        , m_requests(requests)
        , m_job(job)
        , m_calls(requests.size())
    { }

    std::vector<HttpOutcome> run()
    {
        if (m_requests.empty())
            return {};
        m_ssl = m_client.m_settings.url.scheme() == QLatin1String("https")
            ? sslConfiguration(m_client.m_settings.tls, m_client.m_service)
            : QSslConfiguration();
        for (std::size_t i = 0; i < m_requests.size(); ++i)
            m_ready.push_back(i);
        QTimer cancelPoll;
        QObject::connect(&cancelPoll, &QTimer::timeout, [this] { checkCancelled(); });
        cancelPoll.start(50);
        startReady();
        if (m_remaining > 0)
            m_loop.exec();
        // The loop also ends early when the thread is asked to quit: treat it as a cancel.
        if (m_cancelled || m_remaining > 0 || (m_job && m_job->isCancelled())) {
            m_cancelled = true;
            for (Call& call : m_calls) {
                if (call.reply)
                    call.reply->abort();
            }
            throw CancelledError();
        }
        std::vector<HttpOutcome> outcomes;
        outcomes.reserve(m_calls.size());
        for (Call& call : m_calls)
            outcomes.push_back(std::move(call.outcome));
        return outcomes;
    }

private:
    struct Call
    {
        int attempt = 0;
        QPointer<QNetworkReply> reply;
        QElapsedTimer timer;
        bool timedOut = false;
        QString sslErrors;
        HttpOutcome outcome;
    };

    void checkCancelled()
    {
        if (m_cancelled || !m_job || !m_job->isCancelled())
            return;
        m_cancelled = true;
        for (Call& call : m_calls) {
            if (call.reply)
                call.reply->abort();
        }
        m_loop.quit();
    }

    void startReady()
    {
        while (
            !m_cancelled && m_inFlight < std::max(1, m_client.m_settings.maxConcurrent) && !m_ready.empty()) {
            const std::size_t index = m_ready.front();
            m_ready.pop_front();
            start(index);
        }
    }

    QNetworkRequest buildRequest(const HttpRequest& request) const
    {
        const EndpointSettings& settings = m_client.m_settings;
        QUrl url = joinUrl(settings.url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery), request.path);
        if (request.method == HttpRequest::Method::Get && !request.params.isEmpty())
            url.setQuery(QString::fromLatin1(request.encodedParams()), QUrl::StrictMode);
        QNetworkRequest networkRequest(url);
        networkRequest.setAttribute(
            QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
        // Over HTTP/2 Qt 6.4 never reports a server closing the connection after the
        // TLS 1.3 handshake (a missing client certificate): the request would just time out.
        networkRequest.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        networkRequest.setRawHeader("Accept", "application/json");
        networkRequest.setRawHeader("User-Agent", "meshscope/" MESHSCOPE_VERSION);
        const EndpointAuth& auth = settings.auth;
        if (auth.kind == EndpointAuth::Kind::Bearer)
            networkRequest.setRawHeader("Authorization", "Bearer " + auth.token.toUtf8());
        else if (auth.kind == EndpointAuth::Kind::Basic)
            networkRequest.setRawHeader("Authorization",
                "Basic " + (auth.username + QLatin1Char(':') + auth.password).toUtf8().toBase64());
        for (const auto& [name, value] : settings.extraHeaders)
            networkRequest.setRawHeader(name, value);
        if (url.scheme() == QLatin1String("https"))
            networkRequest.setSslConfiguration(m_ssl);
        return networkRequest;
    }

    void start(std::size_t index)
    {
        const HttpRequest& request = m_requests[index];
        Call& call = m_calls[index];
        ++call.attempt;
        call.timedOut = false;
        call.sslErrors.clear();
        const QNetworkRequest networkRequest = buildRequest(request);
        QNetworkAccessManager* manager = m_client.manager();
        QNetworkReply* reply = nullptr;
        if (request.method == HttpRequest::Method::Post) {
            QNetworkRequest post = networkRequest;
            post.setHeader(
                QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
            reply = manager->post(post, request.encodedParams());
        } else {
            reply = manager->get(networkRequest);
        }
        call.reply = reply;
        call.timer.start();
        ++m_inFlight;
        auto* deadline = new QTimer(reply);
        deadline->setSingleShot(true);
        QObject::connect(deadline, &QTimer::timeout, reply, [&call, reply] {
            call.timedOut = true;
            reply->abort();
        });
        deadline->start(std::max(1, m_client.m_settings.timeoutMs));
        QObject::connect(reply, &QNetworkReply::sslErrors, reply, [&call](const QList<QSslError>& errors) {
            for (const QSslError& error : errors)
                call.sslErrors
                    += (call.sslErrors.isEmpty() ? QString() : QStringLiteral("; ")) + error.errorString();
        });
        QObject::connect(reply, &QNetworkReply::finished, reply, [this, index] { finished(index); });
    }

    void finished(std::size_t index)
    {
        Call& call = m_calls[index];
        QNetworkReply* reply = call.reply;
        reply->deleteLater();
        call.reply = nullptr;
        --m_inFlight;
        if (m_cancelled)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QNetworkReply::NetworkError error = reply->error();
        const HttpRequest& request = m_requests[index];
        const bool mayRetry = request.retry && call.attempt <= m_client.m_settings.maxRetries;
        if (call.timedOut) {
            fail(index, timeoutError());
        } else if (status == 0 && error != QNetworkReply::NoError) {
            if (mayRetry && isRetryableTransportError(error))
                return retryLater(index);
            fail(index, transportError(reply, call.sslErrors));
        } else if ((status >= 500 || status == 429) && mayRetry) {
            return retryLater(index);
        } else {
            HttpResponse& response = call.outcome.response;
            response.status = status;
            response.body = reply->readAll();
            response.elapsedMs = call.timer.elapsed();
            response.attempts = call.attempt;
            for (const auto& pair : reply->rawHeaderPairs())
                response.headers.append(pair);
            done();
        }
    }

    void retryLater(std::size_t index)
    {
        const int attempt = m_calls[index].attempt;
        const qint64 base = qint64(std::max(1, m_client.m_settings.retryBaseMs)) << std::min(attempt - 1, 10);
        // Jitter spreads the retries of many clients after a shared outage.
        const qint64 delay
            = std::min<qint64>(base, 10000) * (80 + QRandomGenerator::global()->bounded(41)) / 100;
        QTimer::singleShot(delay, &m_loop, [this, index] {
            if (m_cancelled)
                return;
            m_ready.push_front(index);
            startReady();
        });
        startReady();
    }

    void fail(std::size_t index, const ConnectionError& error)
    {
        m_calls[index].outcome.response.attempts = m_calls[index].attempt;
        m_calls[index].outcome.error = std::make_exception_ptr(error);
        done();
    }

    void done()
    {
        --m_remaining;
        if (m_remaining == 0)
            m_loop.quit();
        else
            startReady();
    }

    ConnectionError timeoutError() const
    {
        return ConnectionError(ConnectionFailure::Timeout,
            QStringLiteral("%1 at %2 did not answer within %3 s (raise the timeout, or narrow the query)")
                .arg(m_client.m_service, m_client.m_settings.displayUrl())
                .arg(m_client.m_settings.timeoutMs / 1000.0));
    }

    /// A TLS alert from the server about the client's certificate (TLS 1.3 sends it after
    /// the handshake, so Qt reports it as a read error with OpenSSL's raw text).
    std::optional<ConnectionError> clientCertificateRefusal(QNetworkReply* reply, const QString& where) const
    {
        const QString text = reply->errorString();
        const bool alert = text.contains(QLatin1String("alert bad certificate"))
            || text.contains(QLatin1String("alert certificate required"))
            || text.contains(QLatin1String("alert unknown ca"))
            || text.contains(QLatin1String("alert certificate expired"))
            || text.contains(QLatin1String("alert certificate unknown"));
        if (!alert)
            return std::nullopt;
        const TlsSettings& tls = m_client.m_settings.tls;
        if (tls.clientCertFile.isEmpty())
            return ConnectionError(ConnectionFailure::Tls,
                QStringLiteral("%1 requires a client certificate (mutual TLS): give the client certificate "
                               "and key it trusts")
                    .arg(where));
        return ConnectionError(ConnectionFailure::Tls,
            QStringLiteral("%1 did not accept the client certificate %2: check that it is signed by a CA the "
                           "server trusts for clients, has not expired and is meant for client authentication")
                .arg(where, tls.clientCertFile));
    }

    ConnectionError transportError(QNetworkReply* reply, const QString& sslErrors) const
    {
        const QString where
            = QStringLiteral("%1 at %2").arg(m_client.m_service, m_client.m_settings.displayUrl());
        if (const auto alert = clientCertificateRefusal(reply, where))
            return *alert;
        switch (reply->error()) {
        case QNetworkReply::ConnectionRefusedError:
            return ConnectionError(ConnectionFailure::Unreachable,
                where
                    + QStringLiteral(
                        " refused the connection (is it running, and are host and port right?)"));
        case QNetworkReply::HostNotFoundError:
            return ConnectionError(ConnectionFailure::Unreachable,
                QStringLiteral("cannot resolve the host of %1 (check the URL)").arg(where));
        case QNetworkReply::RemoteHostClosedError:
            return ConnectionError(
                ConnectionFailure::Unreachable, where + QStringLiteral(" closed the connection"));
        case QNetworkReply::SslHandshakeFailedError:
            return ConnectionError(ConnectionFailure::Tls,
                QStringLiteral(
                    "TLS handshake with %1 failed: %2 (give the CA file that signed its certificate, "
                    "or explicitly choose to skip verification)")
                    .arg(where,
                        sslErrors.isEmpty() ? redactSecrets(reply->errorString(), m_client.m_settings.auth)
                                            : sslErrors));
        default:
            return ConnectionError(ConnectionFailure::Unreachable,
                QStringLiteral("cannot reach %1: %2")
                    .arg(where, redactSecrets(reply->errorString(), m_client.m_settings.auth)));
        }
    }

    HttpClient& m_client;
    const std::vector<HttpRequest>& m_requests;
    const JobControl* m_job;
    std::vector<Call> m_calls;
    std::deque<std::size_t> m_ready;
    QEventLoop m_loop;
    QSslConfiguration m_ssl;
    int m_inFlight = 0;
    std::size_t m_remaining = m_calls.size();
    bool m_cancelled = false;
};

HttpClient::HttpClient(EndpointSettings settings, QString service)
    : m_settings(std::move(settings))
    , m_service(std::move(service))
{ }

HttpClient::~HttpClient() = default;

QNetworkAccessManager* HttpClient::manager()
{
    if (!m_manager) {
        m_manager = std::make_unique<QNetworkAccessManager>();
        m_manager->setCookieJar(new QNetworkCookieJar(m_manager.get()));
        m_manager->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    }
    return m_manager.get();
}

QNetworkCookieJar* HttpClient::cookieJar()
{
    return manager()->cookieJar();
}

HttpResponse HttpClient::send(const HttpRequest& request, const JobControl* job)
{
    std::vector<HttpOutcome> outcomes = sendAll({request}, job);
    if (outcomes.front().error)
        std::rethrow_exception(outcomes.front().error);
    return std::move(outcomes.front().response);
}

std::vector<HttpOutcome> HttpClient::sendAll(const std::vector<HttpRequest>& requests, const JobControl* job)
{
    throwIfCancelled(job);
    Batch batch(*this, requests, job);
    return batch.run();
}

ConnectionError HttpClient::statusError(
    const HttpResponse& response, const QString& path, const QString& detail) const
{
    const QString where = QStringLiteral("%1 at %2").arg(m_service, m_settings.displayUrl());
    const QString because
        = detail.isEmpty() ? QString() : QStringLiteral(": ") + redactSecrets(detail, m_settings.auth);
    const int status = response.status;
    const QString code = QStringLiteral(" (HTTP %1)").arg(status);
    if (status == 401) {
        const QString hint = m_settings.auth.kind == EndpointAuth::Kind::None
            ? QStringLiteral("it requires credentials: give a token or a user and password")
            : QStringLiteral("check the token or user and password, they may have expired");
        return ConnectionError(ConnectionFailure::Unauthorized,
            where + QStringLiteral(" refused the credentials") + code + QStringLiteral("; ") + hint, status);
    }
    if (status == 403)
        return ConnectionError(ConnectionFailure::Forbidden,
            where + QStringLiteral(" denied access to ") + path + code + because
                + QStringLiteral("; the credentials are valid but lack the permission"),
            status);
    if (status == 404)
        return ConnectionError(ConnectionFailure::NotFound,
            where + QStringLiteral(" has no ") + path + code
                + QStringLiteral(
                    "; check the URL and its path prefix, or the server is too old for this call"),
            status);
    if (status == 400 || status == 422)
        return ConnectionError(ConnectionFailure::BadQuery,
            where + QStringLiteral(" rejected the request") + code + because, status);
    if (status >= 500)
        return ConnectionError(ConnectionFailure::ServerError,
            where + QStringLiteral(" failed") + code + because
                + QStringLiteral(" after %1 attempts").arg(std::max(1, response.attempts)),
            status);
    return ConnectionError(ConnectionFailure::BadResponse,
        where + QStringLiteral(" answered unexpectedly") + code + because, status);
}

} // namespace meshscope
