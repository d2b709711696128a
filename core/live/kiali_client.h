#pragma once

#include "http_client.h"

#include "importers/kiali_graph.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace meshscope {

/// How meshscope logs in to Kiali (WIRE-FORMATS.md §1.2).
enum class KialiAuthStrategy {
    Anonymous, ///< no credentials
    Token, ///< POST /api/authenticate with a Kubernetes token, then session cookies
    Header, ///< `Authorization: Bearer <token>` on every request (header/openshift)
};

QString kialiAuthStrategyName(KialiAuthStrategy strategy);
/// "anonymous", "token", "header" (also "bearer"); throws MeshscopeError otherwise.
KialiAuthStrategy kialiAuthStrategyFromName(const QString& name);

struct KialiStatus
{
    QString version; ///< "v2.30.0"
    QString state; ///< "running"
    QString prometheusVersion;
};

struct KialiNamespace
{
    QString name;
    QString cluster;
};

/// Parameters of `/api/namespaces/graph`, always sent explicitly (defaults differ between
/// the backend, the frontend and versions).
struct KialiGraphRequest
{
    QStringList namespaces;
    QString graphType = QStringLiteral("workload");
    int durationS = 60;
    qint64 queryTimeMs = 0; ///< 0: now; else the end of the window (past frames)
    bool injectServiceNodes = false;
    QString appenders = QStringLiteral("deadNode,health");
};

/// One entry of Kiali's health answer.
struct KialiHealthEntry
{
    QString ns;
    QString name;
    QString status; ///< Healthy, Degraded, Failure, Not Ready, NA; empty before Kiali v2.22
    double errorRatio = -1; ///< percent 0..100 when Kiali computed it, else -1
};

/// Client of the Kiali REST API: version discovery, the auth strategies, namespaces, the
/// graph (parsed by parseKialiGraph) and health. In the token strategy it logs in on
/// first use and again once when the session expires (401). Blocking, like HttpClient.
class KialiClient
{
public:
    /// For Token and Header, `settings.auth.token` is the Kubernetes token.
    KialiClient(EndpointSettings settings, KialiAuthStrategy strategy);

    HttpClient& http() { return m_http; }

    KialiStatus status(const JobControl* job = nullptr);
    /// The strategy the server is configured with (`/api/auth/info`, no login needed).
    QString serverAuthStrategy(const JobControl* job = nullptr);
    void login(const JobControl* job = nullptr);
    /// Ends the session in the token strategy (`GET /api/logout` with the session
    /// cookies), so the cookie dies on the server too, and forgets the cookies. Best
    /// effort: returns false when the server could not be told (nothing to do otherwise).
    bool logout(const JobControl* job = nullptr);
    bool isLoggedIn() const { return m_loggedIn; }
    std::vector<KialiNamespace> namespaces(const JobControl* job = nullptr);
    QByteArray graphBody(const KialiGraphRequest& request, const JobControl* job = nullptr);
    TopologyFrame graph(
        const KialiGraphRequest& request, const JobControl* job = nullptr, KialiGraphStats* stats = nullptr);
    /// Workload health of the namespaces; falls back to the pre-v1.82 endpoint on 404.
    std::vector<KialiHealthEntry> workloadHealth(const QStringList& namespaces, int rateIntervalS,
        qint64 queryTimeMs, const JobControl* job = nullptr);

private:
    QByteArray getJson(const QString& path, const QList<QPair<QString, QString>>& params,
        const JobControl* job, int* status = nullptr);
    QString serverMessage(const HttpResponse& response) const;

    HttpClient m_http;
    KialiAuthStrategy m_strategy;
    QString m_token;
    bool m_loggedIn = false;
};

} // namespace meshscope
