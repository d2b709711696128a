#include "istio_topology_builder.h"

#include <QCryptographicHash>
#include <QRegularExpression>

#include <cmath>

namespace meshscope {

namespace {

const QString Unknown = QStringLiteral("unknown");

bool isOk(const QString& value)
{
    return !value.isEmpty() && value != Unknown;
}

QString labelOr(const PromSeries& series, const QString& name, const QString& fallback = Unknown)
{
    for (const auto& [key, value] : series.labels) {
        if (key == name)
            return value;
    }
    return fallback;
}

bool hasLabel(const PromSeries& series, const QString& name)
{
    for (const auto& label : series.labels) {
        if (label.first == name)
            return true;
    }
    return false;
}

double lastValue(const PromSeries& series)
{
    return series.values.empty() ? std::nan("") : series.values.back();
}

/// Kiali's normalised response code: "0" is "no response" ("-"); gRPC uses its status
/// unless the HTTP code already says the request failed or the status is missing.
QString responseCode(const PromSeries& series, const QString& protocol)
{
    QString code = labelOr(series, QStringLiteral("response_code"), QStringLiteral("-"));
    if (code == QLatin1String("0"))
        code = QStringLiteral("-");
    if (protocol == QLatin1String("grpc")) {
        const bool httpFailed = code.startsWith(QLatin1Char('4')) || code.startsWith(QLatin1Char('5'));
        const QString status = labelOr(series, QStringLiteral("grpc_response_status"), QString());
        if (!httpFailed && !status.isEmpty())
            code = status;
    }
    return code;
}

bool isErrorCode(const QString& protocol, const QString& code)
{
    if (protocol == QLatin1String("grpc"))
        return code != QLatin1String("0");
    return code == QLatin1String("-") || code.startsWith(QLatin1Char('4'))
        || code.startsWith(QLatin1Char('5'));
}

bool isBadSourceTelemetry(const PromSeries& series)
{
    const QString ns = labelOr(series, QStringLiteral("source_workload_namespace"));
    if (!isOk(ns))
        return false;
    if (!isOk(labelOr(series, QStringLiteral("source_workload")))
        && !isOk(labelOr(series, QStringLiteral("source_canonical_service"))))
        return true;
    return hasLabel(series, QStringLiteral("source_cluster"))
        && !isOk(labelOr(series, QStringLiteral("source_cluster")));
}

bool isBadDestinationTelemetry(const PromSeries& series)
{
    static const QRegularExpression ipPort(QStringLiteral("^\\d+\\.\\d+\\.\\d+\\.\\d+(:\\d+)?$"));
    const QString service = labelOr(series, QStringLiteral("destination_service"));
    const QString serviceName = labelOr(series, QStringLiteral("destination_service_name"));
    return !isOk(labelOr(series, QStringLiteral("destination_workload"))) && service == serviceName
        && ipPort.match(service).hasMatch();
}

} // namespace

QString IstioTopologyBuilder::hashId(const QString& key)
{
    return QString::fromLatin1(QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString IstioTopologyBuilder::addNode(Node node)
{
    const QString id = node.id;
    if (!m_nodes.contains(id)) {
        m_nodes.insert(id, std::move(node));
        m_nodeOrder.push_back(id);
    }
    return id;
}

QString IstioTopologyBuilder::sourceNode(const PromSeries& series)
{
    Node node;
    node.cluster = labelOr(series, QStringLiteral("source_cluster"));
    node.ns = labelOr(series, QStringLiteral("source_workload_namespace"));
    node.workload = labelOr(series, QStringLiteral("source_workload"));
    node.app = labelOr(series, QStringLiteral("source_canonical_service"));
    node.version = labelOr(series, QStringLiteral("source_canonical_revision"));
    if (isOk(node.workload)) {
        node.kind = NodeKind::Workload;
        node.id = hashId(QStringLiteral("wl_%1_%2_%3").arg(node.cluster, node.ns, node.workload));
    } else {
        // Traffic from outside the mesh (no sidecar): Kiali's "unknown" source node.
        node.kind = NodeKind::Unknown;
        node.ns = Unknown;
        node.workload.clear();
        node.app.clear();
        node.version.clear();
        node.id = hashId(node.cluster + QStringLiteral("_unknown_source"));
    }
    return addNode(std::move(node));
}

QString IstioTopologyBuilder::destinationNode(const PromSeries& series)
{
    Node node;
    node.cluster = labelOr(series, QStringLiteral("destination_cluster"));
    node.workload = labelOr(series, QStringLiteral("destination_workload"));
    node.app = labelOr(series, QStringLiteral("destination_canonical_service"));
    node.version = labelOr(series, QStringLiteral("destination_canonical_revision"));
    node.service = labelOr(series, QStringLiteral("destination_service_name"));
    if (isOk(node.workload)) {
        node.kind = NodeKind::Workload;
        node.ns = labelOr(series, QStringLiteral("destination_workload_namespace"));
        node.id = hashId(QStringLiteral("wl_%1_%2_%3").arg(node.cluster, node.ns, node.workload));
    } else {
        // The request never reached a workload: the service it was meant for.
        node.kind = NodeKind::Service;
        node.ns = labelOr(series, QStringLiteral("destination_service_namespace"));
        node.workload.clear();
        node.id = hashId(QStringLiteral("svc_%1_%2_%3").arg(node.cluster, node.ns, node.service));
    }
    return addNode(std::move(node));
}

void IstioTopologyBuilder::addSeries(const PromSeries& series, bool tcp)
{
    const double value = lastValue(series);
    if (!std::isfinite(value) || value <= 0)
        return;
    if (isBadSourceTelemetry(series) || isBadDestinationTelemetry(series))
        return;
    const QString protocol = tcp
        ? QStringLiteral("tcp")
        : labelOr(series, QStringLiteral("request_protocol"), QStringLiteral("http"));
    const QString code = tcp ? QStringLiteral("-") : responseCode(series, protocol);
    const QString flags = labelOr(series, QStringLiteral("response_flags"), QStringLiteral("-"));
    const QString host = labelOr(series, QStringLiteral("destination_service"));
    const QString sourceId = sourceNode(series);
    const QString targetId = destinationNode(series);
    // A request between two sidecars is reported by both; the first series wins.
    const QString dedupKey = QStringList {tcp ? QStringLiteral("tcp") : QStringLiteral("requests"), sourceId,
        targetId, protocol, code, flags, host}
                                 .join(QLatin1Char(' '));
    if (m_seen.contains(dedupKey))
        return;
    m_seen.insert(dedupKey);
    const QString edgeKey = sourceId + QLatin1Char(' ') + targetId + QLatin1Char(' ') + protocol;
    auto found = m_edgeIndex.constFind(edgeKey);
    if (found == m_edgeIndex.constEnd()) {
        found = m_edgeIndex.insert(edgeKey, m_edges.size());
        m_edges.push_back(Edge {sourceId, targetId, protocol, 0, 0, {}});
    }
    Edge& edge = m_edges[*found];
    edge.rate += value;
    edge.ratesByCode[code] += value;
    if (!tcp && isErrorCode(protocol, code))
        edge.errorRate += value;
}

void IstioTopologyBuilder::addRequestResult(const PromResponse& response)
{
    for (const PromSeries& series : response.series)
        addSeries(series, false);
}

void IstioTopologyBuilder::addTcpResult(const PromResponse& response)
{
    for (const PromSeries& series : response.series)
        addSeries(series, true);
}

TopologyFrame IstioTopologyBuilder::build(qint64 tMs, const QStringList& namespaces, EntityNamer& namer) const
{
    auto shortName = [](const Node& node) {
        if (node.kind == NodeKind::Workload)
            return node.workload;
        if (node.kind == NodeKind::Service)
            return node.service;
        return Unknown;
    };
    auto nameNs = [](const Node& node) { return node.kind == NodeKind::Unknown ? QString() : node.ns; };
    std::vector<EntityNamer::Key> keys;
    for (const QString& id : m_nodeOrder)
        keys.emplace_back(nameNs(m_nodes[id]), shortName(m_nodes[id]));
    namer.learn(keys);

    QSet<QString> hasIncoming;
    QSet<QString> hasOutgoing;
    for (const Edge& edge : m_edges) {
        hasIncoming.insert(edge.targetId);
        hasOutgoing.insert(edge.sourceId);
    }
    TopologyFrame frame;
    frame.tMs = tMs;
    QHash<QString, QString> nameOfId;
    for (const QString& id : m_nodeOrder) {
        const Node& node = m_nodes[id];
        TopologyNode out;
        out.name = namer.name(nameNs(node), shortName(node));
        out.id = node.id;
        out.cluster = node.cluster;
        out.ns = node.ns;
        out.workload = node.workload;
        out.app = isOk(node.app) ? node.app : QString();
        out.version = isOk(node.version) ? node.version : QString();
        out.service = node.kind == NodeKind::Service ? node.service : QString();
        out.kind = node.kind;
        out.isRoot = hasOutgoing.contains(id) && !hasIncoming.contains(id);
        out.isOutside
            = !namespaces.isEmpty() && node.kind != NodeKind::Unknown && !namespaces.contains(node.ns);
        nameOfId.insert(id, out.name);
        frame.nodes.push_back(std::move(out));
    }
    for (const Edge& edge : m_edges) {
        TopologyEdge out;
        out.source = nameOfId.value(edge.sourceId);
        out.destination = nameOfId.value(edge.targetId);
        out.protocol = edge.protocol;
        out.id = hashId(edge.sourceId + QLatin1Char('.') + edge.targetId + QLatin1Char('.') + edge.protocol);
        out.requestRate = edge.rate;
        out.errorRatio = edge.rate > 0 ? edge.errorRate / edge.rate : 0;
        out.ratesByCode = edge.ratesByCode;
        frame.edges.push_back(std::move(out));
    }
    return frame;
}

} // namespace meshscope
