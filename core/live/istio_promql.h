#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace meshscope {

/// PromQL over Istio's standard metrics (WIRE-FORMATS.md §4–§5). Pure string building,
/// so the exact text can be tested and compared with Kiali's.
namespace IstioPromql {

/// Kiali's request groupBy label list.
QString requestGroupBy();

/// Kiali's request-graph queries for one namespace (sidecar mesh, no ambient): query 0
/// (failed requests that never reached a destination, source-reported), 2 (incoming,
/// destination-reported) and 3 (outgoing, source-reported), in Kiali's order, which is
/// the order reporters are de-duplicated in. `rateWindowS` is Kiali's `duration`.
/// Each is wrapped as round(…,0.001) like Kiali's.
QStringList topologyRequestQueries(const QString& ns, int rateWindowS);

/// TCP byte-rate graph queries for one namespace (Kiali's `rateTcp=sent`, which reads
/// istio_tcp_received_bytes_total: Istio's L4 direction is inverted).
QStringList topologyTcpQueries(const QString& ns, int rateWindowS);

/// One golden-signal query: what it measures and for which kind of entity.
struct GoldenQuery
{
    enum class Scope { Edge, Node };
    Scope scope = Scope::Edge;
    /// request_rate, errors (a helper series: error_ratio = errors / request_rate),
    /// latency_p50_ms, latency_p95_ms, latency_p99_ms, tcp_sent_bytes, tcp_received_bytes.
    QString signal;
    QString promql;
};

/// The helper signal name of the error-rate series (not stored; turned into error_ratio).
inline const QString ErrorRateHelper = QStringLiteral("errors");

/// Golden signals per edge (source workload → destination workload) and per node
/// (inbound, by destination workload), one reporter each so nothing is counted twice:
/// edge rates and errors as the caller's sidecar reported them (destination report for
/// callers outside the mesh), latencies and node signals as the callee's reported them.
/// Errors are HTTP 5xx, no response (code 0) and gRPC statuses other than OK.
/// `namespaces` empty means the whole mesh; else only traffic into those namespaces.
std::vector<GoldenQuery> goldenSignalQueries(const QStringList& namespaces, int rateWindowS);

/// `a|b|c` with regex metacharacters escaped, for a `=~` matcher.
QString namespaceRegex(const QStringList& namespaces);

} // namespace IstioPromql

} // namespace meshscope
