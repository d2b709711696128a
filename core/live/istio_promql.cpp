#include "istio_promql.h"

#include <QRegularExpression>

namespace meshscope::IstioPromql {

namespace {
const QString EdgeKeys = QStringLiteral(
    "source_workload,source_workload_namespace,destination_workload,destination_workload_namespace");
const QString NodeKeys = QStringLiteral("destination_workload,destination_workload_namespace");
const QString ErrorMatcher = QStringLiteral("response_code=~\"5..|0\",request_protocol!=\"grpc\"");
const QString GrpcErrorMatcher = QStringLiteral("request_protocol=\"grpc\",grpc_response_status!=\"0\"");

QString quoted(const QString& value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString wrap(const QString& query)
{
    return QStringLiteral("round(%1,0.001)").arg(query);
}
} // namespace

QString requestGroupBy()
{
    return QStringLiteral(
        "source_cluster,source_workload_namespace,source_workload,source_canonical_service,source_canonical_"
        "revision,"
        "destination_cluster,destination_service_namespace,destination_service,destination_service_name,"
        "destination_workload_namespace,destination_workload,destination_canonical_service,"
        "destination_canonical_revision,request_protocol,response_code,grpc_response_status,response_flags");
}

QString namespaceRegex(const QStringList& namespaces)
{
    QStringList escaped;
    for (const QString& ns : namespaces)
        escaped << QRegularExpression::escape(ns).replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    return escaped.join(QLatin1Char('|'));
}

QStringList topologyRequestQueries(const QString& ns, int rateWindowS)
{
    const QString window = QStringLiteral("[%1s]").arg(rateWindowS);
    const QString groupBy = requestGroupBy();
    const QString q = quoted(ns);
    QString hostRegex = QStringLiteral("^.+\\.") + QRegularExpression::escape(ns) + QStringLiteral("\\..+$");
    hostRegex.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    return {
        wrap(QStringLiteral("sum(rate(istio_requests_total{reporter=\"source\",source_workload_namespace!=%1,"
                            "destination_workload_namespace=\"unknown\",destination_workload=\"unknown\","
                            "destination_service=~\"%2\"} %3)) by (%4) > 0")
                 .arg(q, hostRegex, window, groupBy)),
        wrap(QStringLiteral(
            "sum(rate(istio_requests_total{reporter=\"destination\",destination_workload_namespace=%1} "
            "%2)) by (%3) > 0")
                 .arg(q, window, groupBy)),
        wrap(QStringLiteral(
            "sum(rate(istio_requests_total{reporter=\"source\",source_workload_namespace=%1} %2)) by "
            "(%3) > 0")
                 .arg(q, window, groupBy)),
    };
}

QStringList topologyTcpQueries(const QString& ns, int rateWindowS)
{
    const QString window = QStringLiteral("[%1s]").arg(rateWindowS);
    const QString groupBy = QStringLiteral(
        "app,source_cluster,source_workload_namespace,source_workload,source_canonical_service,"
        "source_canonical_revision,destination_cluster,destination_service_namespace,destination_service,"
        "destination_service_name,destination_workload_namespace,destination_workload,destination_canonical_"
        "service,"
        "destination_canonical_revision,response_flags");
    const QString q = quoted(ns);
    return {
        wrap(QStringLiteral(
            "sum(rate(istio_tcp_received_bytes_total{app!=\"ztunnel\",reporter=\"destination\","
            "destination_workload_namespace=%1} %2)) by (%3) > 0")
                 .arg(q, window, groupBy)),
        wrap(QStringLiteral("sum(rate(istio_tcp_received_bytes_total{app!=\"ztunnel\",reporter=\"source\","
                            "source_workload_namespace=%1} %2)) by (%3) > 0")
                 .arg(q, window, groupBy)),
    };
}

std::vector<GoldenQuery> goldenSignalQueries(const QStringList& namespaces, int rateWindowS)
{
    const QString scope = namespaces.isEmpty()
        ? QString()
        : QStringLiteral(",destination_workload_namespace=~\"%1\"").arg(namespaceRegex(namespaces));
    const QString destination = QStringLiteral("reporter=\"destination\"") + scope;
    const QString source = QStringLiteral("reporter=\"source\"") + scope;
    const QString outsideMesh = destination + QStringLiteral(",source_workload=\"unknown\"");
    const QString window = QStringLiteral("[%1s]").arg(rateWindowS);
    auto rate = [&](const QString& selector, const QString& metric, const QString& extra,
                    const QString& keys) -> QString {
        QString matchers = selector;
        if (!extra.isEmpty())
            matchers += QLatin1Char(',') + extra;
        return QStringLiteral("sum by (%1) (rate(%2{%3}%4))").arg(keys, metric, matchers, window);
    };
    // Edge traffic as the caller saw it (the source reporter also counts requests that
    // failed in the caller's sidecar and never reached the callee); traffic from outside
    // the mesh has only the destination's report.
    auto edgeRate = [&](const QString& extra) -> QString {
        const QString metric = QStringLiteral("istio_requests_total");
        return rate(source, metric, extra, EdgeKeys) + QStringLiteral(" or ")
            + rate(outsideMesh, metric, extra, EdgeKeys);
    };
    auto errors = [&](const QString& selector, const QString& keys) -> QString {
        // Inner `or`: HTTP and gRPC error series differ in request_protocol, so this is a union.
        return QStringLiteral(
            "sum by (%1) (rate(istio_requests_total{%2,%3}%5) or rate(istio_requests_total{%2,%4}%5))")
            .arg(keys, selector, ErrorMatcher, GrpcErrorMatcher, window);
    };
    auto edgeErrors = [&]() -> QString {
        return errors(source, EdgeKeys) + QStringLiteral(" or ") + errors(outsideMesh, EdgeKeys);
    };
    auto quantile = [&](const QString& q, const QString& keys) -> QString {
        return QStringLiteral("histogram_quantile(%1, %2)")
            .arg(q,
                rate(destination, QStringLiteral("istio_request_duration_milliseconds_bucket"), QString(),
                    QString(QStringLiteral("le,") + keys)));
    };
    using Scope = GoldenQuery::Scope;
    std::vector<GoldenQuery> queries;
    queries.push_back({Scope::Edge, QStringLiteral("request_rate"), edgeRate(QString())});
    queries.push_back({Scope::Edge, ErrorRateHelper, edgeErrors()});
    queries.push_back({Scope::Node, QStringLiteral("request_rate"),
        rate(destination, QStringLiteral("istio_requests_total"), QString(), NodeKeys)});
    queries.push_back({Scope::Node, ErrorRateHelper, errors(destination, NodeKeys)});
    for (const auto& [scope_, keys] :
        {std::pair {Scope::Edge, EdgeKeys}, std::pair {Scope::Node, NodeKeys}}) {
        queries.push_back({scope_, QStringLiteral("latency_p50_ms"), quantile(QStringLiteral("0.5"), keys)});
        queries.push_back({scope_, QStringLiteral("latency_p95_ms"), quantile(QStringLiteral("0.95"), keys)});
        queries.push_back({scope_, QStringLiteral("latency_p99_ms"), quantile(QStringLiteral("0.99"), keys)});
    }
    // TCP bytes per edge, named from the client's view (Istio's L4 direction is inverted).
    queries.push_back({Scope::Edge, QStringLiteral("tcp_sent_bytes"),
        rate(destination, QStringLiteral("istio_tcp_received_bytes_total"), QString(), EdgeKeys)});
    queries.push_back({Scope::Edge, QStringLiteral("tcp_received_bytes"),
        rate(destination, QStringLiteral("istio_tcp_sent_bytes_total"), QString(), EdgeKeys)});
    return queries;
}

} // namespace meshscope::IstioPromql
