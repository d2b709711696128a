#include "gui_test_data.h"

#include "model/signal_names.h"

namespace meshscope::testing {

namespace {
TopologyNode node(const QString& name, const QString& ns, NodeKind kind)
{
    TopologyNode n;
    n.name = name;
    n.ns = ns;
    n.workload = name;
    n.kind = kind;
    return n;
}

TopologyEdge edge(const QString& source, const QString& destination, double rate, const QString& protocol = QStringLiteral("http"))
{
    TopologyEdge e;
    e.source = source;
    e.destination = destination;
    e.protocol = protocol;
    e.requestRate = rate;
    return e;
}

void addSeries(Dataset& data, const QString& entity, const QString& signal, double normal, double during)
{
    const SeriesId id = data.series.ensureSeries({entity, signal});
    for (int i = 0; i < MeshSamples; ++i) {
        const qint64 t = MeshStartMs + i * MeshStepMs;
        const bool inAnomaly = t >= AnomalyStartMs && t <= AnomalyEndMs;
        data.series.append(id, t, inAnomaly ? during : normal);
    }
}
} // namespace

std::shared_ptr<const Dataset> smallMesh()
{
    auto data = std::make_shared<Dataset>();
    TopologyFrame frame;
    frame.tMs = MeshStartMs;
    frame.nodes = {node(QStringLiteral("gateway"), QStringLiteral("istio-system"), NodeKind::Workload),
        node(QStringLiteral("frontend"), QStringLiteral("shop"), NodeKind::App),
        node(QStringLiteral("cart"), QStringLiteral("shop"), NodeKind::Workload),
        node(QStringLiteral("catalog"), QStringLiteral("shop"), NodeKind::Service),
        node(QStringLiteral("redis"), QStringLiteral("shop"), NodeKind::Unknown)};
    frame.nodes[0].isRoot = true;
    frame.edges = {edge(QStringLiteral("gateway"), QStringLiteral("frontend"), 50),
        edge(QStringLiteral("frontend"), QStringLiteral("cart"), 20),
        edge(QStringLiteral("frontend"), QStringLiteral("catalog"), 30),
        edge(QStringLiteral("cart"), QStringLiteral("redis"), 20, QStringLiteral("tcp"))};
    data->topology.add(frame);

    addSeries(*data, QStringLiteral("gateway->frontend"), SignalName::RequestRate, 50, 50);
    addSeries(*data, QStringLiteral("frontend->cart"), SignalName::RequestRate, 20, 20);
    addSeries(*data, QStringLiteral("frontend->cart"), SignalName::ErrorRatio, 0, 0.35);
    addSeries(*data, QStringLiteral("frontend->catalog"), SignalName::RequestRate, 30, 30);
    addSeries(*data, QStringLiteral("frontend->catalog"), SignalName::ErrorRatio, 0, 0.03);

    Anomaly anomaly;
    anomaly.series = {AnomalousEdge, SignalName::ErrorRatio};
    anomaly.startMs = AnomalyStartMs;
    anomaly.endMs = AnomalyEndMs;
    anomaly.peakMs = AnomalyStartMs + 60'000;
    anomaly.significance = 90;
    anomaly.observed = 0.35;
    data->anomalies.push_back(anomaly);

    Incident incident;
    incident.id = QStringLiteral("inc-1");
    incident.startMs = AnomalyStartMs;
    incident.endMs = AnomalyEndMs;
    incident.resolved = true;
    incident.significance = 90;
    incident.firstAffected = QStringLiteral("frontend");
    incident.anomalyIndexes = {0};
    RootCauseCandidate candidate;
    candidate.entity = AnomalousEdge;
    candidate.score = 0.9;
    incident.candidates.push_back(candidate);
    data->incidents.push_back(incident);
    return data;
}

} // namespace meshscope::testing
