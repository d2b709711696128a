#pragma once

#include "connection_profile.h"
#include "entity_namer.h"
#include "istio_promql.h"
#include "kiali_client.h"
#include "prometheus_client.h"

#include "model/entity.h"
#include "model/external_alert.h"
#include "model/topology.h"

#include <QStringList>

#include <memory>
#include <vector>

namespace meshscope {

/// Samples of one series fetched in one go, in time order.
struct SeriesBatch
{
    SeriesKey key;
    std::vector<qint64> timesMs;
    std::vector<double> values;
};

/// What one fetch brought: golden-signal samples, topology frames, and what went
/// partly wrong (Thanos partial responses, Kiali down so Prometheus was used instead).
struct MeshSnapshot
{
    std::vector<SeriesBatch> series;
    std::vector<TopologyFrame> frames;
    QStringList warnings;
    qint64 wallMs = 0; ///< whole fetch
    qint64 networkWaitMs = 0; ///< waiting for servers (requests in flight, nothing to do)
    PromFetchStats prometheusStats;

    qint64 sampleCount() const;
};

/// Fetches golden signals and topology of a mesh from Prometheus, and topology from
/// Kiali when the profile has it (falling back to Prometheus when Kiali fails). One
/// poll cycle of the live source, and the historical pull of `meshscope-cli record`.
/// Blocking; owned by one thread.
class MeshPoller
{
public:
    /// Kiali's health is asked every this many topology frames...
    static constexpr int HealthEveryFrames = 4;
    /// ...and after n failures in a row every HealthEveryFrames × 2ⁿ frames, at most this.
    static constexpr int MaxHealthEveryFrames = 16;

    explicit MeshPoller(ConnectionProfile profile);
    ~MeshPoller();

    const ConnectionProfile& profile() const { return m_profile; }
    PrometheusClient& prometheus() { return *m_prometheus; }
    KialiClient* kiali() { return m_kiali.get(); }

    /// Golden signals over [startMs, endMs] at the profile step (times aligned to the
    /// step), plus a topology frame at endMs when `withTopology`.
    MeshSnapshot fetch(qint64 startMs, qint64 endMs, bool withTopology, const JobControl* job = nullptr);
    /// The topology at tMs (Kiali first when configured).
    TopologyFrame fetchTopology(qint64 tMs, QStringList* warnings, const JobControl* job = nullptr);
    /// Topology rebuilt from Prometheus only.
    TopologyFrame topologyFromPrometheus(qint64 tMs, const JobControl* job = nullptr);
    /// The profile's namespaces, or those with Istio traffic when it names none.
    QStringList namespaces(const JobControl* job = nullptr);

    /// The entity an alert's labels concern, named like the series (alertEntityFromLabels);
    /// never teaches the namer a new name, so series names stay as they are.
    QString alertEntity(const QMap<QString, QString>& labels) const;
    /// The alert intervals of the `ALERTS` history over [startMs, endMs] at the profile
    /// step (AlertTracker::mergeHistory), entities named like the series fetched so far
    /// (so fetch the series first). A failure to read the history is not an error: it
    /// adds the warning `alert history unavailable: …` and gives no intervals.
    std::vector<ExternalAlert> alertHistory(
        qint64 startMs, qint64 endMs, QStringList* warnings, const JobControl* job = nullptr);

    /// Turns golden-signal query results into series named like the topology's nodes.
    std::vector<SeriesBatch> toSeries(
        const std::vector<IstioPromql::GoldenQuery>& queries, const std::vector<PromResponse>& results);

private:
    /// Puts Kiali's workload health on the frame's nodes; asks Kiali only every few
    /// frames and reuses the last answer in between, so polling does not load Kiali.
    void attachKialiHealth(
        TopologyFrame& frame, const QStringList& namespaces, QStringList* warnings, const JobControl* job);
    QString workloadName(const PromSeries& series, const QString& side);

    ConnectionProfile m_profile;
    std::unique_ptr<PrometheusClient> m_prometheus;
    std::unique_ptr<KialiClient> m_kiali;
    EntityNamer m_namer;
    QStringList m_discoveredNamespaces;
    std::vector<KialiHealthEntry> m_kialiHealth; ///< the last answer
    int m_framesSinceHealth = -1; ///< -1: never asked
    int m_healthFailures = 0; ///< failed health calls in a row
};

} // namespace meshscope
