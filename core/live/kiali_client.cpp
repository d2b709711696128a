#include "kiali_client.h"

#include "model/meshscope_error.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkCookie>
#include <QNetworkCookieJar>

namespace meshscope {

QString kialiAuthStrategyName(KialiAuthStrategy strategy)
{
    switch (strategy) {
    case KialiAuthStrategy::Anonymous:
        return QStringLiteral("anonymous");
    case KialiAuthStrategy::Token:
        return QStringLiteral("token");
    case KialiAuthStrategy::Header:
        return QStringLiteral("header");
    }
    return {};
}

KialiAuthStrategy kialiAuthStrategyFromName(const QString& name)
{
    const QString lower = name.toLower();
    if (lower == QLatin1String("anonymous") || lower.isEmpty())
        return KialiAuthStrategy::Anonymous;
    if (lower == QLatin1String("token"))
        return KialiAuthStrategy::Token;
    if (lower == QLatin1String("header") || lower == QLatin1String("bearer")
        || lower == QLatin1String("openshift"))
        return KialiAuthStrategy::Header;
    throw MeshscopeError(
        QStringLiteral("unknown Kiali auth strategy '%1' (use anonymous, token or header)").arg(name));
}

namespace {
EndpointSettings httpSettings(EndpointSettings settings, KialiAuthStrategy strategy)
{
    // In the token strategy Kiali accepts only its session cookies; the token is sent
    // once, in the login form.
    if (strategy == KialiAuthStrategy::Header && !settings.auth.token.isEmpty())
        settings.auth.kind = EndpointAuth::Kind::Bearer;
    else if (strategy != KialiAuthStrategy::Header)
        settings.auth.kind = EndpointAuth::Kind::None;
    return settings;
}
} // namespace

KialiClient::KialiClient(EndpointSettings settings, KialiAuthStrategy strategy)
    : m_http(httpSettings(settings, strategy), QStringLiteral("Kiali"))
    , m_strategy(strategy)
    , m_token(settings.auth.token)
{ }

QString KialiClient::serverMessage(const HttpResponse& response) const
{
    const QJsonDocument document = QJsonDocument::fromJson(response.body);
    if (document.isObject()) {
        const QString error = document.object().value(QLatin1String("error")).toString();
        if (!error.isEmpty())
            return error;
    }
    // A 401 from Kiali is plain text (http.Error), other proxies send HTML.
    const QString text = QString::fromUtf8(response.body.left(200)).simplified();
    return text.startsWith(QLatin1Char('<')) ? QString() : text;
}

void KialiClient::login(const JobControl* job)
{
    if (m_strategy != KialiAuthStrategy::Token)
        return;
    if (m_token.isEmpty())
        throw ConnectionError(ConnectionFailure::Unauthorized,
            QStringLiteral("Kiali at %1 uses the token strategy: give a Kubernetes token")
                .arg(m_http.settings().displayUrl()));
    HttpRequest request;
    request.method = HttpRequest::Method::Post;
    request.path = QStringLiteral("api/authenticate");
    request.addParam(QStringLiteral("token"), m_token);
    request.retry = false;
    const HttpResponse response = m_http.send(request, job);
    if (response.status < 200 || response.status >= 300)
        throw m_http.statusError(
            response, request.path, response.status == 401 ? QString() : serverMessage(response));
    m_loggedIn = true;
}

bool KialiClient::logout(const JobControl* job)
{
    if (m_strategy != KialiAuthStrategy::Token || !m_loggedIn)
        return true;
    m_loggedIn = false;
    HttpRequest request;
    request.path = QStringLiteral("api/logout");
    request.retry = false; // disconnecting must not wait for backoff
    bool told = false;
    try {
        const HttpResponse response = m_http.send(request, job);
        told = response.status >= 200 && response.status < 300;
    } catch (const std::exception&) {
        // Kiali unreachable at disconnect: the session expires there on its own.
    }
    // Whatever the server said, this client keeps no session.
    QNetworkCookieJar* jar = m_http.cookieJar();
    for (const QNetworkCookie& cookie : jar->cookiesForUrl(m_http.settings().url))
        jar->deleteCookie(cookie);
    return told;
}

QByteArray KialiClient::getJson(
    const QString& path, const QList<QPair<QString, QString>>& params, const JobControl* job, int* status)
{
    if (m_strategy == KialiAuthStrategy::Token && !m_loggedIn)
        login(job);
    HttpRequest request;
    request.path = path;
    request.params = params;
    HttpResponse response = m_http.send(request, job);
    if (response.status == 401 && m_strategy == KialiAuthStrategy::Token) {
        // The session expired: log in again, once.
        m_loggedIn = false;
        login(job);
        response = m_http.send(request, job);
    }
    if (status)
        *status = response.status;
    if (status && response.status == 404)
        return {};
    if (response.status < 200 || response.status >= 300)
        throw m_http.statusError(response, path, serverMessage(response));
    return response.body;
}

namespace {
QJsonObject objectOf(const QByteArray& body, const QString& service, const QString& path)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        throw ConnectionError(ConnectionFailure::BadResponse,
            QStringLiteral("%1 sent a body for %2 that is not a JSON object (at byte %3)")
                .arg(service, path)
                .arg(error.error != QJsonParseError::NoError ? error.offset : 0));
    return document.object();
}
} // namespace

KialiStatus KialiClient::status(const JobControl* job)
{
    // /api needs no login in any strategy.
    HttpRequest request;
    request.path = QStringLiteral("api");
    const HttpResponse response = m_http.send(request, job);
    if (response.status < 200 || response.status >= 300)
        throw m_http.statusError(response, request.path, serverMessage(response));
    const QJsonObject object = objectOf(response.body, QStringLiteral("Kiali"), request.path);
    const QJsonObject status = object.value(QLatin1String("status")).toObject();
    KialiStatus result;
    result.version = status.value(QLatin1String("Kiali version")).toString();
    result.state = status.value(QLatin1String("Kiali state")).toString();
    for (const QJsonValue& service : object.value(QLatin1String("externalServices")).toArray()) {
        if (service.toObject()
                .value(QLatin1String("name"))
                .toString()
                .compare(QLatin1String("prometheus"), Qt::CaseInsensitive)
            == 0)
            result.prometheusVersion = service.toObject().value(QLatin1String("version")).toString();
    }
    if (result.version.isEmpty())
        throw ConnectionError(ConnectionFailure::BadResponse,
            QStringLiteral("%1 does not look like Kiali: /api has no \"Kiali version\"")
                .arg(m_http.settings().displayUrl()));
    return result;
}

QString KialiClient::serverAuthStrategy(const JobControl* job)
{
    HttpRequest request;
    request.path = QStringLiteral("api/auth/info");
    const HttpResponse response = m_http.send(request, job);
    if (response.status < 200 || response.status >= 300)
        throw m_http.statusError(response, request.path, serverMessage(response));
    return objectOf(response.body, QStringLiteral("Kiali"), request.path)
        .value(QLatin1String("strategy"))
        .toString();
}

std::vector<KialiNamespace> KialiClient::namespaces(const JobControl* job)
{
    const QByteArray body = getJson(QStringLiteral("api/namespaces"), {}, job);
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isArray())
        throw ConnectionError(ConnectionFailure::BadResponse,
            QStringLiteral("Kiali sent a namespace list that is not a JSON array"));
    std::vector<KialiNamespace> result;
    for (const QJsonValue& item : document.array()) {
        const QJsonObject object = item.toObject();
        result.push_back({object.value(QLatin1String("name")).toString(),
            object.value(QLatin1String("cluster")).toString()});
    }
    return result;
}

QByteArray KialiClient::graphBody(const KialiGraphRequest& request, const JobControl* job)
{
    if (request.namespaces.isEmpty())
        throw MeshscopeError(QStringLiteral("the Kiali graph needs at least one namespace"));
    QList<QPair<QString, QString>> query;
    query.append({QStringLiteral("namespaces"), request.namespaces.join(QLatin1Char(','))});
    query.append({QStringLiteral("graphType"), request.graphType});
    query.append({QStringLiteral("duration"), QStringLiteral("%1s").arg(request.durationS)});
    if (request.queryTimeMs > 0)
        query.append({QStringLiteral("queryTime"), QString::number(request.queryTimeMs / 1000)});
    query.append({QStringLiteral("injectServiceNodes"),
        request.injectServiceNodes ? QStringLiteral("true") : QStringLiteral("false")});
    query.append({QStringLiteral("appenders"), request.appenders});
    query.append({QStringLiteral("rateHttp"), QStringLiteral("requests")});
    query.append({QStringLiteral("rateGrpc"), QStringLiteral("requests")});
    query.append({QStringLiteral("rateTcp"), QStringLiteral("sent")});
    query.append({QStringLiteral("ambientTraffic"), QStringLiteral("none")});
    return getJson(QStringLiteral("api/namespaces/graph"), query, job);
}

TopologyFrame KialiClient::graph(
    const KialiGraphRequest& request, const JobControl* job, KialiGraphStats* stats)
{
    const QByteArray body = graphBody(request, job);
    try {
        TopologyFrame frame = parseKialiGraph(body, QStringLiteral("Kiali graph"), stats);
        if (request.queryTimeMs > 0 && frame.tMs == 0)
            frame.tMs = request.queryTimeMs;
        return frame;
    } catch (const ConnectionError&) {
        throw;
    } catch (const MeshscopeError& error) {
        throw ConnectionError(ConnectionFailure::BadResponse,
            QStringLiteral("Kiali at %1 sent a graph meshscope cannot read: %2")
                .arg(m_http.settings().displayUrl(), error.message()));
    }
}

namespace {
KialiHealthEntry healthEntry(const QString& ns, const QString& name, const QJsonObject& health)
{
    KialiHealthEntry entry;
    entry.ns = ns;
    entry.name = name;
    const QJsonObject status = health.value(QLatin1String("status")).toObject();
    entry.status = status.value(QLatin1String("status")).toString();
    if (status.contains(QLatin1String("errorRatio")))
        entry.errorRatio = status.value(QLatin1String("errorRatio")).toDouble();
    return entry;
}
} // namespace

std::vector<KialiHealthEntry> KialiClient::workloadHealth(
    const QStringList& namespaces, int rateIntervalS, qint64 queryTimeMs, const JobControl* job)
{
    std::vector<KialiHealthEntry> result;
    const QString rateInterval = QStringLiteral("%1s").arg(rateIntervalS);
    QList<QPair<QString, QString>> query;
    query.append({QStringLiteral("namespaces"), namespaces.join(QLatin1Char(','))});
    query.append({QStringLiteral("type"), QStringLiteral("workload")});
    query.append({QStringLiteral("rateInterval"), rateInterval});
    if (queryTimeMs > 0)
        query.append({QStringLiteral("queryTime"), QString::number(queryTimeMs / 1000)});
    int status = 0;
    const QByteArray body = getJson(QStringLiteral("api/clusters/health"), query, job, &status);
    if (status != 404) {
        const QJsonObject byNs
            = objectOf(body, QStringLiteral("Kiali"), QStringLiteral("api/clusters/health"))
                  .value(QLatin1String("namespaceWorkloadHealth"))
                  .toObject();
        for (auto ns = byNs.begin(); ns != byNs.end(); ++ns) {
            const QJsonObject items = ns.value().toObject();
            for (auto item = items.begin(); item != items.end(); ++item)
                result.push_back(healthEntry(ns.key(), item.key(), item.value().toObject()));
        }
        return result;
    }
    // Kiali before v1.82: one call per namespace, a bare map.
    for (const QString& ns : namespaces) {
        QList<QPair<QString, QString>> legacy;
        legacy.append({QStringLiteral("type"), QStringLiteral("workload")});
        legacy.append({QStringLiteral("rateInterval"), rateInterval});
        if (queryTimeMs > 0)
            legacy.append({QStringLiteral("queryTime"), QString::number(queryTimeMs / 1000)});
        const QString path = QStringLiteral("api/namespaces/%1/health").arg(ns);
        const QJsonObject items = objectOf(getJson(path, legacy, job), QStringLiteral("Kiali"), path);
        for (auto item = items.begin(); item != items.end(); ++item)
            result.push_back(healthEntry(ns, item.key(), item.value().toObject()));
    }
    return result;
}

} // namespace meshscope
