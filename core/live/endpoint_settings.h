#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace meshscope {

/// How a client proves who it is. Secrets live only here and in the request headers;
/// they are never logged, recorded or put into error messages.
struct EndpointAuth
{
    enum class Kind { None, Bearer, Basic };
    Kind kind = Kind::None;
    QString token; ///< Bearer
    QString username; ///< Basic
    QString password; ///< Basic

    /// The secret strings (token, password) that must never leave the process.
    QStringList secrets() const;
};

/// TLS choices. The default trusts the system CAs and verifies the peer.
struct TlsSettings
{
    QString caFile; ///< extra CA certificates (PEM) trusted besides the system ones
    QString clientCertFile; ///< client certificate (PEM) for mutual TLS
    QString clientKeyFile; ///< its private key (PEM, unencrypted)
    /// Accepts any server certificate. Only as an explicit choice; callers show it.
    bool skipVerify = false;
};

/// One HTTP endpoint (a Prometheus-compatible API or Kiali) and how to talk to it.
struct EndpointSettings
{
    QUrl url; ///< base URL, e.g. http://prometheus:9090 or https://host/kiali
    EndpointAuth auth;
    TlsSettings tls;
    /// Sent with every request, e.g. X-Scope-OrgID for a Mimir/Cortex tenant.
    QList<QPair<QByteArray, QByteArray>> extraHeaders;
    int timeoutMs = 30000; ///< per attempt
    int maxRetries = 3; ///< extra attempts on 5xx and connection errors, never on 4xx
    int retryBaseMs = 500; ///< first backoff; doubles per attempt
    int maxConcurrent = 4; ///< requests in flight at once

    bool isValid() const { return url.isValid() && !url.host().isEmpty(); }
    /// The URL as it may be shown: no user info, no query.
    QString displayUrl() const;
};

/// Replaces every secret of `auth` found in `text` by "***" (defence in depth for error
/// texts that quote server answers).
QString redactSecrets(QString text, const EndpointAuth& auth);

} // namespace meshscope
