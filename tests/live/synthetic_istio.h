#pragma once

#include <QByteArray>
#include <QString>

#include <vector>

namespace meshscope::testing {

/// One call path of a synthetic Istio mesh with known, constant golden signals.
struct SyntheticCall
{
    QString sourceNs; ///< empty: traffic from outside the mesh (unknown source)
    QString sourceWorkload; ///< empty: unknown source
    QString destinationNs;
    QString destinationWorkload;
    double requestRate = 1; ///< req/s (tcp: bytes/s sent by the client)
    double errorRatio = 0; ///< share answered 500
    bool slow = false; ///< latencies in (100, 250] ms instead of (25, 50] ms
    QString protocol = QStringLiteral("http");
    /// From this time on (unix seconds; 0 = never) the share answered 500 is
    /// `faultErrorRatio`: a fault that starts at a known instant.
    qint64 faultFromS = 0;
    double faultErrorRatio = 0;
};

/// A synthetic mesh written as Istio metrics in OpenMetrics text for
/// `promtool tsdb create-blocks-from openmetrics`: counters growing at exactly the given
/// rates, scraped every `scrapeS`, both reporters for calls between sidecars.
struct SyntheticMesh
{
    std::vector<SyntheticCall> calls;
    qint64 startS = 0;
    qint64 endS = 0;
    int scrapeS = 15;
    /// Only the labels meshscope's queries group by, and only destination reports: a
    /// much smaller file for large meshes.
    bool compact = false;

    /// The OpenMetrics text (seconds, ascending per series, no blank lines, `# EOF`).
    QByteArray openMetrics() const;
    /// histogram_quantile of the synthetic latency histogram.
    static double expectedQuantileMs(double q, bool slow);

    /// A small bookinfo-like mesh with an unknown source, an erroring edge, a slow edge,
    /// a TCP edge and a workload name used in two namespaces.
    static SyntheticMesh small(qint64 startS, qint64 endS);
    /// small() over the last whole hour that ended at least 3 h ago: old enough for
    /// promtool's plain blocks, well inside Prometheus' retention.
    static SyntheticMesh recentSmall();
    /// `workloads` workloads in a chain-and-fan shape, for the poll benchmark.
    static SyntheticMesh large(int workloads, qint64 startS, qint64 endS);
};

} // namespace meshscope::testing
