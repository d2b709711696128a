#include "kiali_graph.h"

#include "import_util.h"
#include "model/meshscope_error.h"

#include <QCoreApplication>
#include <QHash>

#include <nlohmann/json.hpp>

#include <cmath>

namespace meshscope {

namespace {

using json = nlohmann::json;

QString tr(const char* text)
{
    return QCoreApplication::translate("meshscope", text);
}

QString str(const json& object, const char* key)
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string())
        return {};
    return QString::fromStdString(it->get<std::string>());
}

bool flag(const json& object, const char* key)
{
    const auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return false;
    if (it->is_boolean())
        return it->get<bool>();
    return !it->is_string() || !it->get<std::string>().empty(); // objects and strings mark presence
}

/// Kiali writes rates as strings ("20.00", "+Inf") and omits zero ones.
double rate(const json& rates, const char* key)
{
    const auto it = rates.find(key);
    if (it == rates.end())
        return 0;
    if (it->is_number())
        return it->get<double>();
    if (!it->is_string())
        throw MeshscopeError(tr("rate \"%1\" is neither a string nor a number").arg(QLatin1String(key)));
    const std::string text = it->get<std::string>();
    double value = 0;
    if (!importutil::parseNumber(text, &value))
        throw MeshscopeError(tr("rate \"%1\" is not a number: %2").arg(QLatin1String(key), QString::fromStdString(text)));
    return value;
}

double finiteOr(double value, double fallback)
{
    return std::isfinite(value) ? value : fallback;
}

NodeKind kindOf(const QString& nodeType)
{
    if (nodeType == QLatin1String("workload"))
        return NodeKind::Workload;
    if (nodeType == QLatin1String("app"))
        return NodeKind::App;
    if (nodeType == QLatin1String("service"))
        return NodeKind::Service;
    return NodeKind::Unknown;
}

TopologyNode makeNode(const json& data)
{
    TopologyNode node;
    node.id = str(data, "id");
    const QString cluster = str(data, "cluster");
    const QString ns = str(data, "namespace");
    if (!cluster.isEmpty())
        node.cluster = cluster;
    if (!ns.isEmpty())
        node.ns = ns;
    node.workload = str(data, "workload");
    node.app = str(data, "app");
    node.version = str(data, "version");
    node.service = str(data, "service");
    const QString nodeType = str(data, "nodeType");
    node.kind = kindOf(nodeType);
    node.isRoot = flag(data, "isRoot");
    node.isOutside = flag(data, "isOutside");
    node.isServiceEntry = flag(data, "isServiceEntry");
    QString name;
    if (nodeType == QLatin1String("unknown"))
        name = QStringLiteral("unknown");
    else if (nodeType == QLatin1String("service"))
        name = node.service;
    else if (nodeType == QLatin1String("aggregate"))
        name = str(data, "aggregateValue").isEmpty() ? str(data, "aggregate") : str(data, "aggregateValue");
    if (name.isEmpty())
        name = !node.workload.isEmpty() ? node.workload : !node.app.isEmpty() ? node.app : node.service;
    if (name.isEmpty())
        name = node.id;
    node.name = name.replace(QStringLiteral("->"), QStringLiteral("-"));
    return node;
}

/// Bare names where unique; colliding names get the namespace, then the node type, then
/// the cluster, then a number, until every name in the frame is unique.
void makeNamesUnique(std::vector<TopologyNode>& nodes)
{
    std::vector<QString> bare;
    bare.reserve(nodes.size());
    for (const TopologyNode& n : nodes)
        bare.push_back(n.name);
    std::vector<int> level(nodes.size(), 0);
    auto nameAt = [&](std::size_t i) -> QString {
        const TopologyNode& n = nodes[i];
        const QString kind = nodeKindName(n.kind);
        switch (level[i]) {
        case 0:
            return bare[i];
        case 1:
            return n.ns + QLatin1Char('/') + bare[i];
        case 2:
            return n.ns + QLatin1Char('/') + bare[i] + QStringLiteral(" (") + kind + QLatin1Char(')');
        case 3:
            return n.cluster + QLatin1Char('/') + n.ns + QLatin1Char('/') + bare[i] + QStringLiteral(" (") + kind + QLatin1Char(')');
        default:
            return n.cluster + QLatin1Char('/') + n.ns + QLatin1Char('/') + bare[i] + QStringLiteral(" #") + QString::number(i);
        }
    };
    for (bool changed = true; changed;) {
        changed = false;
        QHash<QString, std::vector<std::size_t>> byName;
        for (std::size_t i = 0; i < nodes.size(); ++i)
            byName[nameAt(i)].push_back(i);
        for (auto it = byName.cbegin(); it != byName.cend(); ++it) {
            if (it.value().size() < 2)
                continue;
            for (std::size_t i : it.value()) {
                if (level[i] < 4) {
                    ++level[i];
                    changed = true;
                }
            }
        }
    }
    for (std::size_t i = 0; i < nodes.size(); ++i)
        nodes[i].name = nameAt(i);
}

TopologyEdge makeEdge(const json& data, const QHash<QString, QString>& names)
{
    TopologyEdge edge;
    edge.id = str(data, "id");
    const QString source = str(data, "source");
    const QString target = str(data, "target");
    if (!names.contains(source) || !names.contains(target))
        throw MeshscopeError(tr("edge %1 connects a node that is not in the graph").arg(edge.id));
    edge.source = names.value(source);
    edge.destination = names.value(target);
    const json traffic = data.value("traffic", json::object());
    if (!traffic.is_object())
        throw MeshscopeError(tr("edge %1: \"traffic\" is not an object").arg(edge.id));
    const QString protocol = str(traffic, "protocol");
    if (!protocol.isEmpty())
        edge.protocol = protocol;
    const json rates = traffic.value("rates", json::object());
    if (!rates.is_object())
        throw MeshscopeError(tr("edge %1: \"rates\" is not an object").arg(edge.id));
    const std::string p = edge.protocol.toStdString();
    edge.requestRate = finiteOr(rate(rates, p.c_str()), 0);
    edge.errorRatio = std::clamp(finiteOr(rate(rates, (p + "PercentErr").c_str()), 0) / 100.0, 0.0, 1.0);
    if (data.contains("responseTime"))
        edge.latencyP95Ms = finiteOr(rate(data, "responseTime"), -1);
    const json responses = traffic.value("responses", json::object());
    if (responses.is_object()) {
        for (const auto& [code, detail] : responses.items()) {
            double percent = 0;
            if (detail.is_object() && detail.contains("flags") && detail["flags"].is_object()) {
                for (const auto& [flagName, value] : detail["flags"].items())
                    percent += finiteOr(rate(detail["flags"], flagName.c_str()), 0);
            }
            edge.ratesByCode[QString::fromStdString(code)] = edge.requestRate * percent / 100.0;
        }
    }
    return edge;
}

TopologyFrame buildFrame(const json& root, KialiGraphStats& stats)
{
    if (!root.is_object() || !root.contains("elements") || !root["elements"].is_object())
        throw MeshscopeError(tr("not a Kiali graph (no \"elements\" object)"));
    stats.graphType = str(root, "graphType");
    stats.timestamp = root.value("timestamp", json(0)).is_number() ? root["timestamp"].get<qint64>() : 0;
    stats.durationS = root.value("duration", json(0)).is_number() ? root["duration"].get<qint64>() : 0;
    const json& elements = root["elements"];
    const json nodes = elements.value("nodes", json::array());
    const json edges = elements.value("edges", json::array());
    if (!nodes.is_array() || !edges.is_array())
        throw MeshscopeError(tr("\"elements.nodes\" and \"elements.edges\" must be arrays"));
    TopologyFrame frame;
    frame.tMs = stats.timestamp * 1000;
    for (const json& element : nodes) {
        const json& data = element.at("data");
        if (!data.is_object())
            throw MeshscopeError(tr("a node's \"data\" is not an object"));
        if (flag(data, "isBox") || str(data, "nodeType") == QLatin1String("box")) {
            ++stats.boxNodes;
            continue;
        }
        frame.nodes.push_back(makeNode(data));
    }
    makeNamesUnique(frame.nodes);
    QHash<QString, QString> names;
    for (const TopologyNode& node : frame.nodes)
        names.insert(node.id, node.name);
    for (const json& element : edges)
        frame.edges.push_back(makeEdge(element.at("data"), names));
    stats.nodes = static_cast<int>(frame.nodes.size());
    stats.edges = static_cast<int>(frame.edges.size());
    return frame;
}

} // namespace

TopologyFrame parseKialiGraph(const QByteArray& body, const QString& where, KialiGraphStats* stats)
{
    json root;
    try {
        root = json::parse(body.constBegin(), body.constEnd());
    } catch (const json::parse_error& error) {
        throw MeshscopeError(tr("not valid JSON: %1").arg(QString::fromUtf8(error.what())),
            importutil::offsetWhere(where, static_cast<qint64>(error.byte)));
    }
    KialiGraphStats local;
    try {
        TopologyFrame frame = buildFrame(root, local);
        if (stats)
            *stats = local;
        return frame;
    } catch (const json::exception& error) {
        throw MeshscopeError(tr("unexpected Kiali graph content: %1").arg(QString::fromUtf8(error.what())), where);
    } catch (const MeshscopeError& error) {
        throw MeshscopeError(error.message(), where);
    }
}

} // namespace meshscope
