#pragma once

#include "entity_namer.h"

#include "importers/prom_json.h"
#include "model/topology.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <map>
#include <vector>

namespace meshscope {

/// Rebuilds Kiali's workload graph from `istio_requests_total` (and TCP byte) query
/// results when Kiali is absent, following Kiali's rules (WIRE-FORMATS.md §5): bad
/// telemetry skipped, response codes normalised, reporters de-duplicated (the first
/// series for a key wins, so feed results in Kiali's query order), node and edge ids
/// that equal Kiali's (SHA-256, v2.5+).
class IstioTopologyBuilder
{
public:
    /// Adds the result of one request query (IstioPromql::topologyRequestQueries).
    void addRequestResult(const PromResponse& response);
    /// Adds the result of one TCP query (IstioPromql::topologyTcpQueries).
    void addTcpResult(const PromResponse& response);

    /// The frame at `tMs`. Nodes outside `namespaces` are marked isOutside; names come
    /// from `namer` (kept stable across frames).
    TopologyFrame build(qint64 tMs, const QStringList& namespaces, EntityNamer& namer) const;

    /// Kiali's id of a node key such as `wl_east_bookinfo_details-v1`.
    static QString hashId(const QString& key);

private:
    struct Node
    {
        QString id;
        NodeKind kind = NodeKind::Unknown;
        QString cluster;
        QString ns;
        QString workload;
        QString app;
        QString version;
        QString service;
    };
    struct Edge
    {
        QString sourceId;
        QString targetId;
        QString protocol;
        double rate = 0;
        double errorRate = 0;
        std::map<QString, double> ratesByCode;
    };

    void addSeries(const PromSeries& series, bool tcp);
    QString sourceNode(const PromSeries& series);
    QString destinationNode(const PromSeries& series);
    QString addNode(Node node);

    QHash<QString, Node> m_nodes; ///< by id
    std::vector<QString> m_nodeOrder;
    std::vector<Edge> m_edges;
    QHash<QString, std::size_t> m_edgeIndex; ///< "source target protocol" -> edge
    QSet<QString> m_seen; ///< reporter de-duplication keys
};

} // namespace meshscope
