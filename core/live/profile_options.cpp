#include "profile_options.h"

#include "model/meshscope_error.h"

#include <QCommandLineParser>
#include <QFile>
#include <QProcessEnvironment>

namespace meshscope::ProfileOptions {

namespace {
QString option(const char* name)
{
    return QString::fromLatin1(name);
}

QString readSecretFile(const QString& path, const QString& what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw MeshscopeError(
            QStringLiteral("cannot read the %1 file %2: %3").arg(what, path, file.errorString()));
    return QString::fromUtf8(file.readAll()).trimmed();
}

/// A secret from, in order: the file option, the flag, the environment variable.
QString secret(const QCommandLineParser& parser, const QString& fileOption, const QString& flag,
    const char* env, const QString& what)
{
    if (!fileOption.isEmpty() && parser.isSet(fileOption))
        return readSecretFile(parser.value(fileOption), what);
    if (!flag.isEmpty() && parser.isSet(flag))
        return parser.value(flag);
    return qEnvironmentVariable(env);
}

void readCommon(const QCommandLineParser& parser, EndpointSettings& endpoint, const QString& prefix,
    QStringList* warnings)
{
    const QString ca = prefix + QStringLiteral("ca-file");
    const QString cert = prefix + QStringLiteral("cert");
    const QString key = prefix + QStringLiteral("key");
    endpoint.tls.caFile = parser.value(ca);
    endpoint.tls.clientCertFile = parser.value(cert);
    endpoint.tls.clientKeyFile = parser.value(key);
    if (parser.isSet(QStringLiteral("insecure-skip-verify"))) {
        endpoint.tls.skipVerify = true;
        if (warnings)
            *warnings << QStringLiteral("TLS certificate verification is OFF for %1 (--insecure-skip-verify)")
                             .arg(endpoint.displayUrl());
    }
    bool ok = false;
    const double timeoutS = parser.value(QStringLiteral("timeout")).toDouble(&ok);
    if (!ok || timeoutS <= 0)
        throw MeshscopeError(QStringLiteral("--timeout must be a positive number of seconds"));
    endpoint.timeoutMs = int(timeoutS * 1000);
    const int retries = parser.value(QStringLiteral("retries")).toInt(&ok);
    if (!ok || retries < 0)
        throw MeshscopeError(QStringLiteral("--retries must be 0 or more"));
    endpoint.maxRetries = retries;
}
} // namespace

void addTo(QCommandLineParser& parser)
{
    parser.addOptions({
        {option("prometheus"), QStringLiteral("Prometheus-compatible base URL (required)."),
            QStringLiteral("URL")},
        {option("kiali"), QStringLiteral("Kiali base URL, e.g. https://host/kiali (optional)."),
            QStringLiteral("URL")},
        {option("token"),
            QStringLiteral("Prometheus bearer token (prefer --token-file or MESHSCOPE_PROMETHEUS_TOKEN)."),
            QStringLiteral("TOKEN")},
        {option("token-file"), QStringLiteral("File holding the Prometheus bearer token."),
            QStringLiteral("FILE")},
        {option("user"), QStringLiteral("Prometheus basic-auth user (or MESHSCOPE_PROMETHEUS_USER)."),
            QStringLiteral("USER")},
        {option("password-file"),
            QStringLiteral("File holding the basic-auth password (or MESHSCOPE_PROMETHEUS_PASSWORD)."),
            QStringLiteral("FILE")},
        {option("header"), QStringLiteral("Extra header 'Name: value' for Prometheus, repeatable."),
            QStringLiteral("HEADER")},
        {option("tenant"), QStringLiteral("Mimir/Cortex tenant (sends X-Scope-OrgID)."),
            QStringLiteral("ID")},
        {option("ca-file"), QStringLiteral("Extra CA certificate (PEM) for Prometheus."),
            QStringLiteral("FILE")},
        {option("cert"), QStringLiteral("Client certificate (PEM) for Prometheus."), QStringLiteral("FILE")},
        {option("key"), QStringLiteral("Client key (PEM) for Prometheus."), QStringLiteral("FILE")},
        {option("kiali-auth"),
            QStringLiteral(
                "Kiali login: anonymous, token or header (default: token if a Kiali token is given)."),
            QStringLiteral("STRATEGY")},
        {option("kiali-token-file"),
            QStringLiteral("File holding the Kubernetes token for Kiali (or MESHSCOPE_KIALI_TOKEN)."),
            QStringLiteral("FILE")},
        {option("kiali-ca-file"), QStringLiteral("Extra CA certificate (PEM) for Kiali."),
            QStringLiteral("FILE")},
        {option("kiali-cert"), QStringLiteral("Client certificate (PEM) for Kiali."), QStringLiteral("FILE")},
        {option("kiali-key"), QStringLiteral("Client key (PEM) for Kiali."), QStringLiteral("FILE")},
        {option("insecure-skip-verify"),
            QStringLiteral("Accept any TLS certificate (unsafe; says so on stderr).")},
        {option("timeout"), QStringLiteral("Seconds to wait for each answer (default 30)."),
            QStringLiteral("S"), QStringLiteral("30")},
        {option("retries"), QStringLiteral("Retries on 5xx and connection errors (default 3)."),
            QStringLiteral("N"), QStringLiteral("3")},
        {option("namespaces"),
            QStringLiteral("Comma-separated namespaces (default: all with Istio traffic)."),
            QStringLiteral("LIST")},
        {option("rate-window"),
            QStringLiteral("rate() window and Kiali graph duration in seconds (default 60)."),
            QStringLiteral("S"), QStringLiteral("60")},
    });
}

ConnectionProfile read(const QCommandLineParser& parser, QStringList* warnings)
{
    ConnectionProfile profile;
    if (!parser.isSet(QStringLiteral("prometheus")))
        throw MeshscopeError(QStringLiteral("--prometheus URL is required"));
    profile.prometheus.url = QUrl::fromUserInput(parser.value(QStringLiteral("prometheus")));
    EndpointAuth& auth = profile.prometheus.auth;
    auth.token = secret(parser, QStringLiteral("token-file"), QStringLiteral("token"),
        "MESHSCOPE_PROMETHEUS_TOKEN", QStringLiteral("token"));
    auth.username = parser.isSet(QStringLiteral("user")) ? parser.value(QStringLiteral("user"))
                                                         : qEnvironmentVariable("MESHSCOPE_PROMETHEUS_USER");
    if (!auth.username.isEmpty()) {
        auth.kind = EndpointAuth::Kind::Basic;
        auth.password = secret(parser, QStringLiteral("password-file"), {}, "MESHSCOPE_PROMETHEUS_PASSWORD",
            QStringLiteral("password"));
        if (!auth.token.isEmpty())
            throw MeshscopeError(
                QStringLiteral("give either a token or a user and password for Prometheus, not both"));
    } else if (!auth.token.isEmpty()) {
        auth.kind = EndpointAuth::Kind::Bearer;
    }
    readCommon(parser, profile.prometheus, QString(), warnings);
    for (const QString& header : parser.values(QStringLiteral("header"))) {
        const qsizetype colon = header.indexOf(QLatin1Char(':'));
        if (colon <= 0)
            throw MeshscopeError(
                QStringLiteral("--header must look like 'Name: value', not '%1'").arg(header));
        profile.prometheus.extraHeaders.append(
            qMakePair(header.left(colon).trimmed().toLatin1(), header.mid(colon + 1).trimmed().toUtf8()));
    }
    if (parser.isSet(QStringLiteral("tenant")))
        profile.prometheus.extraHeaders.append(
            qMakePair(QByteArray("X-Scope-OrgID"), parser.value(QStringLiteral("tenant")).toUtf8()));

    if (parser.isSet(QStringLiteral("kiali"))) {
        profile.kiali.url = QUrl::fromUserInput(parser.value(QStringLiteral("kiali")));
        profile.kiali.auth.token = secret(parser, QStringLiteral("kiali-token-file"), {},
            "MESHSCOPE_KIALI_TOKEN", QStringLiteral("Kiali token"));
        const QString strategy = parser.value(QStringLiteral("kiali-auth"));
        profile.kialiAuth = strategy.isEmpty()
            ? (profile.kiali.auth.token.isEmpty() ? KialiAuthStrategy::Anonymous : KialiAuthStrategy::Token)
            : kialiAuthStrategyFromName(strategy);
        readCommon(parser, profile.kiali, QStringLiteral("kiali-"), warnings);
    }
    const QString namespaces = parser.value(QStringLiteral("namespaces"));
    if (!namespaces.isEmpty())
        profile.namespaces = namespaces.split(QLatin1Char(','), Qt::SkipEmptyParts);
    bool ok = false;
    profile.rateWindowS = parser.value(QStringLiteral("rate-window")).toInt(&ok);
    if (!ok || profile.rateWindowS < 1)
        throw MeshscopeError(QStringLiteral("--rate-window must be a positive number of seconds"));
    return profile;
}

} // namespace meshscope::ProfileOptions
