#pragma once

#include "openmetrics_parser.h"
#include "series_accumulator.h"
#include "workload_namer.h"

#include "model/topology.h"

#include <QStringList>

#include <map>
#include <utility>
#include <vector>

namespace meshscope {

/// Turns raw Istio metrics into golden signals on edges and nodes, and every other
/// metric into a custom series (rules in docs/import-formats.md):
/// - istio_requests_total -> request_rate and error_ratio (5xx, no response, gRPC non-0);
/// - istio_request_duration_milliseconds_bucket/_sum/_count -> latency p50/p90/p95/p99
///   (histogram_quantile over per-step bucket increases) and latency_avg_ms;
/// - istio_tcp_sent/received_bytes_total -> tcp_sent_bytes / tcp_received_bytes (bytes/s).
/// A request reported by both sidecars counts once: destination-reported series win
/// over waypoint, waypoint over source, per (metric, edge, code, flags, service, le),
/// as Kiali does. Node signals are the node's inbound totals.
class MeshSignalBuilder
{
public:
    explicit MeshSignalBuilder(const RawSeriesSet& raw);
    /// Adds the series to `out` and, when Istio edges were seen, one topology frame.
    void build(SeriesAccumulator& out, std::vector<TopologyFrame>& frames, QStringList& warnings);

private:
    enum class Kind { Requests, DurationBucket, DurationSum, DurationCount, TcpSent, TcpReceived, Custom };
    using TimeMap = std::map<qint64, double>;
    struct Aggregate
    {
        QString protocol;
        TimeMap total;
        TimeMap errors;
        TimeMap durationSum;
        TimeMap durationCount;
        TimeMap tcpSent;
        TimeMap tcpReceived;
        std::map<qint64, std::map<double, double>> buckets;
    };
    struct NodeInfo
    {
        QString ns;
        QString workload;
    };

    static Kind kindOf(const RawSeries& series);
    std::vector<bool> selectReporters() const;
    void accumulate(const RawSeries& series, Kind kind);
    void addRates(const RawSeries& series, TimeMap& into) const;
    void addBucketRates(const RawSeries& series, Aggregate& into) const;
    void rememberNode(const QString& node, const RawSeries& series, const QString& side);
    qint64 align(qint64 tMs) const;
    static void mergeInto(Aggregate& into, const Aggregate& from);
    static void emitSignals(const QString& entity, const Aggregate& aggregate, SeriesAccumulator& out);
    void emitCustom(const RawSeries& series, SeriesAccumulator& out, int* skippedBuckets) const;
    TopologyFrame makeFrame() const;

    const RawSeriesSet& m_raw;
    WorkloadNamer m_namer;
    std::map<std::pair<QString, QString>, Aggregate> m_edges;
    std::map<QString, NodeInfo> m_nodes;
    qint64 m_stepMs = 0;
    qint64 m_originMs = 0;
};

} // namespace meshscope
