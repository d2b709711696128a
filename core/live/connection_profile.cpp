#include "connection_profile.h"

#include "model/meshscope_error.h"

#include <QJsonArray>

namespace meshscope {

QString endpointAuthKindName(EndpointAuth::Kind kind)
{
    switch (kind) {
    case EndpointAuth::Kind::None:
        return QStringLiteral("none");
    case EndpointAuth::Kind::Bearer:
        return QStringLiteral("bearer");
    case EndpointAuth::Kind::Basic:
        return QStringLiteral("basic");
    }
    return {};
}

EndpointAuth::Kind endpointAuthKindFromName(const QString& name)
{
    const QString lower = name.toLower();
    if (lower.isEmpty() || lower == QLatin1String("none"))
        return EndpointAuth::Kind::None;
    if (lower == QLatin1String("bearer") || lower == QLatin1String("token"))
        return EndpointAuth::Kind::Bearer;
    if (lower == QLatin1String("basic"))
        return EndpointAuth::Kind::Basic;
    throw MeshscopeError(QStringLiteral("unknown auth kind '%1' (use none, bearer or basic)").arg(name));
}

void ConnectionProfile::validate() const
{
    if (!prometheus.isValid())
        throw MeshscopeError(
            QStringLiteral("the Prometheus URL is missing or invalid (e.g. http://prometheus:9090)"));
    const QString scheme = prometheus.url.scheme();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        throw MeshscopeError(QStringLiteral("the Prometheus URL must start with http:// or https://"));
    if (!kiali.url.isEmpty() && !kiali.isValid())
        throw MeshscopeError(QStringLiteral("the Kiali URL is invalid (e.g. https://host/kiali)"));
    if (pollIntervalS < MinPollIntervalS || pollIntervalS > MaxPollIntervalS)
        throw MeshscopeError(QStringLiteral("the poll interval must be between %1 and %2 s, not %3 s")
                                 .arg(MinPollIntervalS)
                                 .arg(MaxPollIntervalS)
                                 .arg(pollIntervalS));
    if (backfillMinutes < 0)
        throw MeshscopeError(QStringLiteral("the backfill cannot be negative"));
    if (rateWindowS < 1)
        throw MeshscopeError(QStringLiteral("the rate window must be at least 1 s"));
}

QMap<QString, QString> ConnectionProfile::describe() const
{
    QMap<QString, QString> settings;
    settings.insert(QStringLiteral("source"), QStringLiteral("live"));
    settings.insert(QStringLiteral("live.prometheus_url"), prometheus.displayUrl());
    settings.insert(QStringLiteral("live.prometheus_auth"), endpointAuthKindName(prometheus.auth.kind));
    if (hasKiali()) {
        settings.insert(QStringLiteral("live.kiali_url"), kiali.displayUrl());
        settings.insert(QStringLiteral("live.kiali_auth"), kialiAuthStrategyName(kialiAuth));
    }
    settings.insert(QStringLiteral("live.namespaces"), namespaces.join(QLatin1Char(',')));
    settings.insert(QStringLiteral("live.step_s"), QString::number(pollIntervalS));
    settings.insert(QStringLiteral("live.rate_window_s"), QString::number(rateWindowS));
    return settings;
}

namespace {
QJsonObject endpointJson(const EndpointSettings& endpoint)
{
    QJsonObject object;
    object.insert(QLatin1String("url"), endpoint.displayUrl());
    object.insert(QLatin1String("auth"), endpointAuthKindName(endpoint.auth.kind));
    if (!endpoint.auth.username.isEmpty())
        object.insert(QLatin1String("username"), endpoint.auth.username);
    object.insert(QLatin1String("caFile"), endpoint.tls.caFile);
    object.insert(QLatin1String("clientCertFile"), endpoint.tls.clientCertFile);
    object.insert(QLatin1String("clientKeyFile"), endpoint.tls.clientKeyFile);
    object.insert(QLatin1String("skipVerify"), endpoint.tls.skipVerify);
    object.insert(QLatin1String("timeoutMs"), endpoint.timeoutMs);
    QJsonObject headers;
    for (const auto& [name, value] : endpoint.extraHeaders)
        headers.insert(QString::fromLatin1(name), QString::fromUtf8(value));
    object.insert(QLatin1String("headers"), headers);
    return object;
}

EndpointSettings endpointFromJson(const QJsonObject& object)
{
    EndpointSettings endpoint;
    endpoint.url = QUrl(object.value(QLatin1String("url")).toString());
    endpoint.auth.kind = endpointAuthKindFromName(object.value(QLatin1String("auth")).toString());
    endpoint.auth.username = object.value(QLatin1String("username")).toString();
    endpoint.tls.caFile = object.value(QLatin1String("caFile")).toString();
    endpoint.tls.clientCertFile = object.value(QLatin1String("clientCertFile")).toString();
    endpoint.tls.clientKeyFile = object.value(QLatin1String("clientKeyFile")).toString();
    endpoint.tls.skipVerify = object.value(QLatin1String("skipVerify")).toBool();
    endpoint.timeoutMs = object.value(QLatin1String("timeoutMs")).toInt(endpoint.timeoutMs);
    const QJsonObject headers = object.value(QLatin1String("headers")).toObject();
    for (auto it = headers.begin(); it != headers.end(); ++it)
        endpoint.extraHeaders.append({it.key().toLatin1(), it.value().toString().toUtf8()});
    return endpoint;
}
} // namespace

QJsonObject ConnectionProfile::toJson() const
{
    QJsonObject object;
    object.insert(QLatin1String("name"), name);
    object.insert(QLatin1String("prometheus"), endpointJson(prometheus));
    if (hasKiali()) {
        QJsonObject k = endpointJson(kiali);
        k.insert(QLatin1String("strategy"), kialiAuthStrategyName(kialiAuth));
        object.insert(QLatin1String("kiali"), k);
    }
    object.insert(QLatin1String("namespaces"), QJsonArray::fromStringList(namespaces));
    object.insert(QLatin1String("pollIntervalS"), pollIntervalS);
    object.insert(QLatin1String("backfillMinutes"), backfillMinutes);
    object.insert(QLatin1String("rateWindowS"), rateWindowS);
    return object;
}

ConnectionProfile ConnectionProfile::fromJson(const QJsonObject& object)
{
    ConnectionProfile profile;
    profile.name = object.value(QLatin1String("name")).toString();
    profile.prometheus = endpointFromJson(object.value(QLatin1String("prometheus")).toObject());
    if (object.contains(QLatin1String("kiali"))) {
        const QJsonObject k = object.value(QLatin1String("kiali")).toObject();
        profile.kiali = endpointFromJson(k);
        profile.kialiAuth = kialiAuthStrategyFromName(k.value(QLatin1String("strategy")).toString());
    }
    for (const QJsonValue& ns : object.value(QLatin1String("namespaces")).toArray())
        profile.namespaces << ns.toString();
    profile.pollIntervalS = object.value(QLatin1String("pollIntervalS")).toInt(profile.pollIntervalS);
    profile.backfillMinutes = object.value(QLatin1String("backfillMinutes")).toInt(profile.backfillMinutes);
    profile.rateWindowS = object.value(QLatin1String("rateWindowS")).toInt(profile.rateWindowS);
    return profile;
}

} // namespace meshscope
