#pragma once

#include "mesh_simulator.h"

#include "model/job_control.h"

#include <QString>

class QIODevice;

namespace meshscope {

/// Istio's default latency buckets in milliseconds (the `le` bounds before +Inf).
inline constexpr double IstioDurationBucketsMs[] = {0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000,
    10000, 30000, 60000, 300000, 600000, 1800000, 3600000};

/// Writes the raw Istio metrics of a simulation as OpenMetrics text that
/// `promtool tsdb create-blocks-from openmetrics` accepts: `istio_requests_total`,
/// `istio_request_duration_milliseconds_bucket/_sum/_count` (Istio's default buckets) and
/// `istio_tcp_sent_bytes_total` / `istio_tcp_received_bytes_total`, each reported by
/// `reporter="source"` and `reporter="destination"` as two sidecars would, with Istio's
/// standard labels. Requests failing at the caller's sidecar (dependency outage:
/// `503`/`UH` and `0`/`UC`) are reported by the source only. Timestamps are in seconds,
/// samples ascend per series, every series starts at 0 one step before its first
/// increment, and the text ends with `# EOF`. Needs `options.keepTraces`.
///
/// Semantics against the golden signals: `rate(istio_requests_total[step])` summed over
/// codes of one reporter gives the edge `request_rate`; the source reporter's non-2xx
/// share gives `error_ratio` (gRPC: status != 0); the destination reporter's histogram
/// gives the latency of requests that reached the callee; Kiali's TCP "sent" rate
/// (from `istio_tcp_received_bytes_total`) is `tcp_sent_bytes`.
void writeIstioOpenMetrics(
    const SimulationResult& result, QIODevice& device, const JobControl* job = nullptr);
/// Same, into a file (written atomically).
void writeIstioOpenMetrics(
    const SimulationResult& result, const QString& path, const JobControl* job = nullptr);

} // namespace meshscope
