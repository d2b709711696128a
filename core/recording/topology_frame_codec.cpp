#include "topology_frame_codec.h"

#include "model/meshscope_error.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <limits>

namespace meshscope {
namespace {

// JSON has no NaN or infinity: they are stored as null and read back as NaN.
QJsonValue number(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue();
}

double numberOf(const QJsonValue& v)
{
    return v.isDouble() ? v.toDouble() : std::numeric_limits<double>::quiet_NaN();
}

bool sameEdgeIdentity(const TopologyEdge& a, const TopologyEdge& b)
{
    return a.source == b.source && a.destination == b.destination && a.protocol == b.protocol && a.id == b.id;
}

QJsonArray measurements(const TopologyEdge& e)
{
    QJsonObject codes;
    for (const auto& [code, rate] : e.ratesByCode)
        codes.insert(code, number(rate));
    return QJsonArray {number(e.requestRate), number(e.errorRatio), number(e.latencyP95Ms), codes};
}

void readMeasurements(const QJsonArray& m, TopologyEdge& e)
{
    e.requestRate = numberOf(m.at(0));
    e.errorRatio = numberOf(m.at(1));
    e.latencyP95Ms = numberOf(m.at(2));
    e.ratesByCode.clear();
    const QJsonObject codes = m.at(3).toObject();
    for (auto it = codes.begin(); it != codes.end(); ++it)
        e.ratesByCode[it.key()] = numberOf(it.value());
}

QJsonObject nodeJson(const TopologyNode& n)
{
    QJsonObject o {{QStringLiteral("name"), n.name}, {QStringLiteral("id"), n.id},
        {QStringLiteral("cluster"), n.cluster}, {QStringLiteral("ns"), n.ns},
        {QStringLiteral("workload"), n.workload}, {QStringLiteral("app"), n.app},
        {QStringLiteral("version"), n.version}, {QStringLiteral("service"), n.service},
        {QStringLiteral("kind"), nodeKindName(n.kind)}, {QStringLiteral("root"), n.isRoot},
        {QStringLiteral("outside"), n.isOutside}, {QStringLiteral("serviceEntry"), n.isServiceEntry}};
    // Only when Kiali gave one: frames without Kiali stay as small as before.
    if (!n.kialiHealth.isEmpty())
        o.insert(QStringLiteral("kialiHealth"), n.kialiHealth);
    return o;
}

TopologyNode nodeOf(const QJsonObject& o)
{
    TopologyNode n;
    n.name = o.value(QLatin1String("name")).toString();
    n.id = o.value(QLatin1String("id")).toString();
    n.cluster = o.value(QLatin1String("cluster")).toString();
    n.ns = o.value(QLatin1String("ns")).toString();
    n.workload = o.value(QLatin1String("workload")).toString();
    n.app = o.value(QLatin1String("app")).toString();
    n.version = o.value(QLatin1String("version")).toString();
    n.service = o.value(QLatin1String("service")).toString();
    n.kind = nodeKindFromName(o.value(QLatin1String("kind")).toString());
    n.isRoot = o.value(QLatin1String("root")).toBool();
    n.isOutside = o.value(QLatin1String("outside")).toBool();
    n.isServiceEntry = o.value(QLatin1String("serviceEntry")).toBool();
    n.kialiHealth = o.value(QLatin1String("kialiHealth")).toString();
    return n;
}

QJsonDocument parse(const QByteArray& body, const QString& where)
{
    QJsonParseError error;
    QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        throw MeshscopeError(QCoreApplication::translate("meshscope",
                                 "The recording is corrupt: a topology frame is damaged (%1 at offset %2). "
                                 "Restore the file from its source.")
                                 .arg(error.errorString())
                                 .arg(error.offset),
            where);
    }
    return doc;
}

} // namespace

bool TopologyFrameCodec::sameStructure(const TopologyFrame& frame, const TopologyFrame& base)
{
    if (frame.nodes != base.nodes || frame.edges.size() != base.edges.size())
        return false;
    for (std::size_t i = 0; i < frame.edges.size(); ++i) {
        if (!sameEdgeIdentity(frame.edges[i], base.edges[i]))
            return false;
    }
    return true;
}

QByteArray TopologyFrameCodec::encodeFull(const TopologyFrame& frame)
{
    QJsonArray nodes;
    for (const TopologyNode& n : frame.nodes)
        nodes.append(nodeJson(n));
    QJsonArray edges;
    for (const TopologyEdge& e : frame.edges) {
        edges.append(QJsonObject {{QStringLiteral("source"), e.source},
            {QStringLiteral("destination"), e.destination}, {QStringLiteral("protocol"), e.protocol},
            {QStringLiteral("id"), e.id}, {QStringLiteral("m"), measurements(e)}});
    }
    const QJsonObject root {{QStringLiteral("nodes"), nodes}, {QStringLiteral("edges"), edges}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

QByteArray TopologyFrameCodec::encodeMeasurements(const TopologyFrame& frame)
{
    QJsonArray edges;
    for (const TopologyEdge& e : frame.edges)
        edges.append(measurements(e));
    return QJsonDocument(edges).toJson(QJsonDocument::Compact);
}

TopologyFrame TopologyFrameCodec::decodeFull(const QByteArray& body, qint64 tMs, const QString& where)
{
    const QJsonObject root = parse(body, where).object();
    TopologyFrame frame;
    frame.tMs = tMs;
    const QJsonArray nodes = root.value(QLatin1String("nodes")).toArray();
    for (const QJsonValue& n : nodes)
        frame.nodes.push_back(nodeOf(n.toObject()));
    const QJsonArray edges = root.value(QLatin1String("edges")).toArray();
    for (const QJsonValue& value : edges) {
        const QJsonObject o = value.toObject();
        TopologyEdge e;
        e.source = o.value(QLatin1String("source")).toString();
        e.destination = o.value(QLatin1String("destination")).toString();
        e.protocol = o.value(QLatin1String("protocol")).toString();
        e.id = o.value(QLatin1String("id")).toString();
        readMeasurements(o.value(QLatin1String("m")).toArray(), e);
        frame.edges.push_back(std::move(e));
    }
    return frame;
}

TopologyFrame TopologyFrameCodec::decodeMeasurements(
    const QByteArray& body, const TopologyFrame& base, qint64 tMs, const QString& where)
{
    const QJsonArray edges = parse(body, where).array();
    if (static_cast<std::size_t>(edges.size()) != base.edges.size()) {
        throw MeshscopeError(QCoreApplication::translate("meshscope",
                                 "The recording is corrupt: a topology frame does not match the frame it "
                                 "refers to. Restore the file from its source."),
            where);
    }
    TopologyFrame frame = base;
    frame.tMs = tMs;
    for (std::size_t i = 0; i < frame.edges.size(); ++i)
        readMeasurements(edges.at(static_cast<qsizetype>(i)).toArray(), frame.edges[i]);
    return frame;
}

} // namespace meshscope
