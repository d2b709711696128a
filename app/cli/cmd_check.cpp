// meshscope-cli check: can meshscope talk to this Prometheus (and Kiali)?
#include "cli_command.h"

#include "live/connection_error.h"
#include "live/kiali_client.h"
#include "live/profile_options.h"
#include "live/prometheus_client.h"
#include "model/meshscope_error.h"

#include <QCommandLineParser>
#include <QDateTime>

namespace meshscope::cli {

namespace {

bool checkPrometheus(const ConnectionProfile& profile)
{
    PrometheusClient client(profile.prometheus);
    const QString url = profile.prometheus.displayUrl();
    const PromBuildInfo info = client.buildInfo();
    printOut(QStringLiteral("Prometheus %1: reachable, version %2, auth %3")
                 .arg(url, info.version.isEmpty() ? QStringLiteral("unknown") : info.version,
                     endpointAuthKindName(profile.prometheus.auth.kind)));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 dayAgo = now - 24 * 3600 * 1000LL;
    const QStringList match {QStringLiteral("istio_requests_total")};
    const QStringList workloads
        = client.labelValues(QStringLiteral("destination_workload"), match, dayAgo, now);
    const QStringList namespaces
        = client.labelValues(QStringLiteral("destination_workload_namespace"), match, dayAgo, now);
    if (workloads.isEmpty()) {
        printErr(QStringLiteral(
            "Istio metrics: no istio_requests_total in the last 24 h (is Istio telemetry scraped by this "
            "Prometheus?)"));
        return false;
    }
    printOut(QStringLiteral(
        "Istio metrics: istio_requests_total present, %1 workloads in %2 namespaces (last 24 h)")
                 .arg(workloads.size())
                 .arg(namespaces.size()));
    return true;
}

void checkKiali(const ConnectionProfile& profile)
{
    KialiClient client(profile.kiali, profile.kialiAuth);
    const KialiStatus status = client.status();
    const QString strategy = client.serverAuthStrategy();
    printOut(QStringLiteral("Kiali %1: reachable, version %2, server auth strategy %3")
                 .arg(profile.kiali.displayUrl(), status.version, strategy));
    const auto namespaces = client.namespaces();
    printOut(QStringLiteral("Kiali login (%1): ok, %2 namespaces visible")
                 .arg(kialiAuthStrategyName(profile.kialiAuth))
                 .arg(namespaces.size()));
}

int runCheck(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Checks that Prometheus (and Kiali) are reachable, their versions, that the "
                       "credentials work and that Istio "
                       "metrics are present. Exit status 0 when everything is fine."));
    ProfileOptions::addTo(parser);
    if (!parseCommandLine(parser, QStringLiteral("check"), arguments))
        return 0;
    QStringList warnings;
    const ConnectionProfile profile = ProfileOptions::read(parser, &warnings);
    for (const QString& warning : warnings)
        printErr(QStringLiteral("warning: ") + warning);
    bool ok = true;
    try {
        ok = checkPrometheus(profile);
    } catch (const ConnectionError& error) {
        printErr(QStringLiteral("Prometheus: %1 [%2]")
                     .arg(error.message(), connectionFailureName(error.failure())));
        ok = false;
    }
    if (profile.hasKiali()) {
        try {
            checkKiali(profile);
        } catch (const ConnectionError& error) {
            printErr(QStringLiteral("Kiali: %1 [%2]")
                         .arg(error.message(), connectionFailureName(error.failure())));
            ok = false;
        }
    }
    return ok ? 0 : 1;
}

} // namespace

MESHSCOPE_CLI_COMMAND(
    "check", "Check a Prometheus/Kiali connection: reachable, version, auth, Istio metrics", runCheck);

} // namespace meshscope::cli
