#include "mesh_poller.h"

#include "alert_tracker.h"

#include "istio_topology_builder.h"

#include "model/meshscope_error.h"
#include "model/signal_names.h"

#include <QDateTime>
#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <map>

namespace meshscope {

qint64 MeshSnapshot::sampleCount() const
{
    qint64 count = 0;
    for (const SeriesBatch& batch : series)
        count += qint64(batch.timesMs.size());
    return count;
}

MeshPoller::MeshPoller(ConnectionProfile profile)
    : m_profile(std::move(profile))
    , m_prometheus(std::make_unique<PrometheusClient>(m_profile.prometheus))
{
    if (m_profile.hasKiali())
        m_kiali = std::make_unique<KialiClient>(m_profile.kiali, m_profile.kialiAuth);
}

MeshPoller::~MeshPoller() = default;

QStringList MeshPoller::namespaces(const JobControl* job)
{
    if (!m_profile.namespaces.isEmpty())
        return m_profile.namespaces;
    if (m_discoveredNamespaces.isEmpty()) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QStringList found = m_prometheus->labelValues(QStringLiteral("destination_workload_namespace"),
            {QStringLiteral("istio_requests_total")}, now - 24 * 3600 * 1000LL, now, job);
        found.removeAll(QStringLiteral("unknown"));
        m_discoveredNamespaces = found;
    }
    return m_discoveredNamespaces;
}

QString MeshPoller::alertEntity(const QMap<QString, QString>& labels) const
{
    return alertEntityFromLabels(labels, [this](const QString& ns, const QString& workload) {
        const QString known = m_namer.nameOf(ns, workload);
        return known.isEmpty() ? workload : known;
    });
}

std::vector<ExternalAlert> MeshPoller::alertHistory(
    qint64 startMs, qint64 endMs, QStringList* warnings, const JobControl* job)
{
    AlertTracker tracker([this](const QMap<QString, QString>& labels) { return alertEntity(labels); });
    try {
        tracker.mergeHistory(
            m_prometheus->alertHistory(startMs, endMs, m_profile.stepMs(), job), m_profile.stepMs(), endMs);
    } catch (const CancelledError&) {
        throw;
    } catch (const MeshscopeError& error) {
        if (warnings)
            *warnings << QStringLiteral("alert history unavailable: ") + error.message();
    }
    return tracker.alerts();
}

QString MeshPoller::workloadName(const PromSeries& series, const QString& side)
{
    const QString workload = series.label(side + QStringLiteral("_workload"));
    if (workload.isEmpty() || workload == QLatin1String("unknown"))
        return m_namer.name(QString(), QStringLiteral("unknown"));
    return m_namer.name(series.label(side + QStringLiteral("_workload_namespace")), workload);
}

std::vector<SeriesBatch> MeshPoller::toSeries(
    const std::vector<IstioPromql::GoldenQuery>& queries, const std::vector<PromResponse>& results)
{
    // Learn all names first so ambiguity is judged on everything seen together.
    std::vector<EntityNamer::Key> keys;
    for (const PromResponse& response : results) {
        for (const PromSeries& series : response.series) {
            for (const QString& side : {QStringLiteral("source"), QStringLiteral("destination")}) {
                const QString workload = series.label(side + QStringLiteral("_workload"));
                if (!workload.isEmpty() && workload != QLatin1String("unknown"))
                    keys.emplace_back(series.label(side + QStringLiteral("_workload_namespace")), workload);
            }
        }
    }
    m_namer.learn(keys);

    std::map<SeriesKey, std::map<qint64, double>> collected;
    for (std::size_t q = 0; q < queries.size() && q < results.size(); ++q) {
        const bool edge = queries[q].scope == IstioPromql::GoldenQuery::Scope::Edge;
        for (const PromSeries& series : results[q].series) {
            const QString destination = workloadName(series, QStringLiteral("destination"));
            const QString entity = edge
                ? Entity::edge(workloadName(series, QStringLiteral("source")), destination)
                : destination;
            auto& samples = collected[SeriesKey {entity, queries[q].signal}];
            for (std::size_t i = 0; i < series.timesMs.size(); ++i) {
                if (std::isfinite(series.values[i]))
                    samples[series.timesMs[i]] += series.values[i];
            }
        }
    }
    // error_ratio = errors / request_rate, 0 where there were requests and no errors.
    std::vector<SeriesBatch> batches;
    for (const auto& [key, samples] : collected) {
        if (key.signal == IstioPromql::ErrorRateHelper)
            continue;
        if (key.signal == SignalName::RequestRate) {
            const auto errors = collected.find(SeriesKey {key.entity, IstioPromql::ErrorRateHelper});
            SeriesBatch ratio {SeriesKey {key.entity, SignalName::ErrorRatio}, {}, {}};
            for (const auto& [t, rate] : samples) {
                if (rate <= 0)
                    continue;
                double failed = 0;
                if (errors != collected.end()) {
                    const auto e = errors->second.find(t);
                    failed = e == errors->second.end() ? 0 : e->second;
                }
                ratio.timesMs.push_back(t);
                ratio.values.push_back(std::min(1.0, failed / rate));
            }
            if (!ratio.timesMs.empty())
                batches.push_back(std::move(ratio));
        }
        SeriesBatch batch {key, {}, {}};
        batch.timesMs.reserve(samples.size());
        batch.values.reserve(samples.size());
        for (const auto& [t, value] : samples) {
            batch.timesMs.push_back(t);
            batch.values.push_back(value);
        }
        if (!batch.timesMs.empty())
            batches.push_back(std::move(batch));
    }
    return batches;
}

TopologyFrame MeshPoller::topologyFromPrometheus(qint64 tMs, const JobControl* job)
{
    const QStringList nsList = namespaces(job);
    std::vector<PromQuery> queries;
    std::vector<bool> isTcp;
    for (const QString& ns : nsList) {
        for (const QString& q : IstioPromql::topologyRequestQueries(ns, m_profile.rateWindowS)) {
            queries.push_back(PromQuery::instant(q, tMs));
            isTcp.push_back(false);
        }
        for (const QString& q : IstioPromql::topologyTcpQueries(ns, m_profile.rateWindowS)) {
            queries.push_back(PromQuery::instant(q, tMs));
            isTcp.push_back(true);
        }
    }
    const std::vector<PromResponse> results = m_prometheus->queryBatch(queries, job);
    IstioTopologyBuilder builder;
    for (std::size_t i = 0; i < results.size(); ++i) {
        if (isTcp[i])
            builder.addTcpResult(results[i]);
        else
            builder.addRequestResult(results[i]);
    }
    return builder.build(tMs, m_profile.namespaces, m_namer);
}

void MeshPoller::attachKialiHealth(
    TopologyFrame& frame, const QStringList& namespaces, QStringList* warnings, const JobControl* job)
{
    // Health is computed by Kiali over all workloads: cheap for us, not for Kiali. After
    // a failure Kiali is asked less often (twice the gap per failure, up to a cap), so an
    // overloaded or health-less Kiali is not asked every frame.
    const int gap = std::min(MaxHealthEveryFrames, HealthEveryFrames << std::min(m_healthFailures, 8));
    if (m_framesSinceHealth < 0 || ++m_framesSinceHealth >= gap) {
        m_framesSinceHealth = 0;
        try {
            m_kialiHealth = m_kiali->workloadHealth(namespaces, m_profile.rateWindowS, frame.tMs, job);
            m_healthFailures = 0;
        } catch (const CancelledError&) {
            throw;
        } catch (const MeshscopeError& error) {
            // The last verdicts stay: a bad answer must not blank the ring colours.
            ++m_healthFailures;
            if (warnings)
                *warnings << QStringLiteral("Kiali health unavailable: ") + error.message();
        }
    }
    for (TopologyNode& node : frame.nodes) {
        for (const KialiHealthEntry& entry : m_kialiHealth) {
            if (!node.workload.isEmpty() && entry.ns == node.ns && entry.name == node.workload)
                node.kialiHealth = entry.status;
        }
    }
}

TopologyFrame MeshPoller::fetchTopology(qint64 tMs, QStringList* warnings, const JobControl* job)
{
    if (m_kiali) {
        try {
            KialiGraphRequest request;
            request.namespaces = namespaces(job);
            request.durationS = m_profile.rateWindowS;
            request.queryTimeMs = tMs;
            TopologyFrame frame = m_kiali->graph(request, job);
            frame.tMs = tMs;
            attachKialiHealth(frame, request.namespaces, warnings, job);
            for (const TopologyNode& node : frame.nodes) {
                if (!node.workload.isEmpty())
                    m_namer.adopt(node.ns, node.workload, node.name);
            }
            return frame;
        } catch (const ConnectionError& error) {
            if (warnings)
                *warnings << QStringLiteral("Kiali failed, topology rebuilt from Prometheus: ")
                        + error.message();
        }
    }
    return topologyFromPrometheus(tMs, job);
}

MeshSnapshot MeshPoller::fetch(qint64 startMs, qint64 endMs, bool withTopology, const JobControl* job)
{
    QElapsedTimer wall;
    wall.start();
    MeshSnapshot snapshot;
    const qint64 step = m_profile.stepMs();
    // Align to the step so polls continue the same grid.
    const qint64 alignedStart = (startMs + step - 1) / step * step;
    const qint64 alignedEnd = endMs / step * step;
    m_prometheus->resetStats();
    if (withTopology)
        snapshot.frames.push_back(fetchTopology(alignedEnd, &snapshot.warnings, job));
    if (alignedStart <= alignedEnd) {
        const auto queries = IstioPromql::goldenSignalQueries(m_profile.namespaces, m_profile.rateWindowS);
        std::vector<PromQuery> promQueries;
        for (const auto& query : queries)
            promQueries.push_back(PromQuery::ranged(query.promql, alignedStart, alignedEnd, step));
        const std::vector<PromResponse> results = m_prometheus->queryBatch(promQueries, job);
        for (const PromResponse& result : results)
            snapshot.warnings += result.warnings;
        snapshot.series = toSeries(queries, results);
    }
    snapshot.warnings.removeDuplicates();
    snapshot.prometheusStats = m_prometheus->stats();
    snapshot.networkWaitMs = snapshot.prometheusStats.waitMs;
    snapshot.wallMs = wall.elapsed();
    return snapshot;
}

} // namespace meshscope
