#pragma once

#include <QString>
#include <QStringList>

#include <map>
#include <vector>

namespace meshscope {

enum class NodeKind { Workload, App, Service, Unknown };

QString nodeKindName(NodeKind kind);
NodeKind nodeKindFromName(const QString& name);

/// A node of the call graph. `name` is the entity name used by series and rankings.
struct TopologyNode
{
    QString name; ///< entity name, unique within a frame
    QString id; ///< source id (Kiali's hash) when known
    QString cluster = QStringLiteral("unknown");
    QString ns = QStringLiteral("unknown");
    QString workload;
    QString app;
    QString version;
    QString service;
    NodeKind kind = NodeKind::Unknown;
    bool isRoot = false; ///< traffic enters the mesh here (ingress, generator)
    bool isOutside = false; ///< outside the requested namespaces
    bool isServiceEntry = false;
    /// Kiali's health verdict (Healthy, Degraded, Failure, Not Ready, NA) when Kiali is
    /// configured and gave one; empty otherwise (the views then compute their own).
    QString kialiHealth;

    friend bool operator==(const TopologyNode&, const TopologyNode&) = default;
};

/// A directed call edge; one per (source, destination, protocol), as Kiali counts them.
struct TopologyEdge
{
    QString source; ///< node entity name
    QString destination; ///< node entity name
    QString protocol = QStringLiteral("http"); ///< http, grpc or tcp
    QString id;
    double requestRate = 0; ///< req/s (tcp: bytes/s)
    double errorRatio = 0; ///< 0..1; 0 when unknown
    double latencyP95Ms = -1; ///< -1 when unknown
    /// Request rate by response code ("200", "503", "-"), when the source gave it.
    std::map<QString, double> ratesByCode;

    QString entity() const { return source + QStringLiteral("->") + destination; }
    friend bool operator==(const TopologyEdge&, const TopologyEdge&) = default;
};

/// What is known of the call graph at one time.
struct TopologyFrame
{
    qint64 tMs = 0;
    std::vector<TopologyNode> nodes;
    std::vector<TopologyEdge> edges;

    const TopologyNode* node(const QString& name) const;
    /// True when both frames have the same node and edge sets (rates may differ):
    /// views lay out again only when this is false.
    bool sameShape(const TopologyFrame& other) const;
    QStringList namespaces() const;
};

/// The topology over time: frames in time order, each valid until the next.
class TopologyHistory
{
public:
    void add(TopologyFrame frame);
    const std::vector<TopologyFrame>& frames() const { return m_frames; }
    bool isEmpty() const { return m_frames.empty(); }
    /// The frame in force at tMs (the last at or before it, else the first); null when empty.
    const TopologyFrame* frameAt(qint64 tMs) const;
    /// The union of all frames' nodes and edges (rates of the latest frame that has them).
    TopologyFrame merged() const;

private:
    std::vector<TopologyFrame> m_frames;
};

} // namespace meshscope
