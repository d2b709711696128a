#include "mesh_generator.h"

#include "sim_random.h"

#include "model/meshscope_error.h"

#include <algorithm>
#include <cmath>

namespace meshscope::MeshGenerator {

namespace {

const QString GatewayName = QStringLiteral("istio-ingressgateway");

SimService gateway()
{
    SimService s;
    s.name = GatewayName;
    s.app = GatewayName;
    s.version = QStringLiteral("latest");
    s.ns = QStringLiteral("istio-system");
    s.isRoot = true;
    s.ownLatencyMs = 0.6;
    s.latencySigma = 0.35;
    s.baseErrorRatio = 0;
    s.cpuPerRps = 0.0008;
    s.cpuLimitCores = 2.0;
    return s;
}

SimService service(const QString& app, const QString& ns, double latencyMs, double errorRatio,
    double cpuPerRps, const QString& version = QStringLiteral("v1"))
{
    SimService s;
    s.app = app;
    s.version = version;
    s.name = app;
    s.ns = ns;
    s.ownLatencyMs = latencyMs;
    s.baseErrorRatio = errorRatio;
    s.cpuPerRps = cpuPerRps;
    return s;
}

void call(SimMesh& mesh, const QString& from, const QString& to, CallProtocol protocol, double perRequest,
    double criticality = 1.0)
{
    SimCall c;
    c.from = mesh.indexOf(from);
    c.to = mesh.indexOf(to);
    Q_ASSERT(c.from >= 0 && c.to >= 0);
    c.protocol = protocol;
    c.callsPerRequest = perRequest;
    c.criticality = criticality;
    mesh.calls.push_back(c);
}

} // namespace

SimMesh bookinfo()
{
    SimMesh mesh;
    mesh.system = QStringLiteral("bookinfo");
    mesh.peakRootRate = 30;
    const QString ns = QStringLiteral("bookinfo");
    mesh.services = {gateway(), service(QStringLiteral("productpage"), ns, 14, 0.001, 0.004),
        service(QStringLiteral("details"), ns, 3, 0.0005, 0.001),
        service(QStringLiteral("reviews"), ns, 9, 0.001, 0.003, QStringLiteral("v1")),
        service(QStringLiteral("reviews"), ns, 10, 0.001, 0.003, QStringLiteral("v2")),
        service(QStringLiteral("reviews"), ns, 11, 0.001, 0.003, QStringLiteral("v3")),
        service(QStringLiteral("ratings"), ns, 3, 0.0005, 0.001),
        service(QStringLiteral("mongodb"), ns, 1.2, 0, 0.0005)};
    mesh.services.back().tcpOnly = true;
    // Bookinfo's workloads carry their version in the name.
    for (SimService& s : mesh.services) {
        if (!s.isRoot)
            s.name = s.app + QLatin1Char('-') + s.version;
    }
    const auto http = CallProtocol::Http;
    call(mesh, GatewayName, QStringLiteral("productpage-v1"), http, 1.0);
    call(mesh, QStringLiteral("productpage-v1"), QStringLiteral("details-v1"), http, 1.0, 0.5);
    call(mesh, QStringLiteral("productpage-v1"), QStringLiteral("reviews-v1"), http, 0.34, 0.5);
    call(mesh, QStringLiteral("productpage-v1"), QStringLiteral("reviews-v2"), http, 0.33, 0.5);
    call(mesh, QStringLiteral("productpage-v1"), QStringLiteral("reviews-v3"), http, 0.33, 0.5);
    call(mesh, QStringLiteral("reviews-v2"), QStringLiteral("ratings-v1"), http, 1.0, 0.6);
    call(mesh, QStringLiteral("reviews-v3"), QStringLiteral("ratings-v1"), http, 1.0, 0.6);
    call(mesh, QStringLiteral("ratings-v1"), QStringLiteral("mongodb-v1"), CallProtocol::Tcp, 1.0);
    mesh.finalize();
    return mesh;
}

SimMesh boutique()
{
    SimMesh mesh;
    mesh.system = QStringLiteral("boutique");
    mesh.peakRootRate = 80;
    const QString shop = QStringLiteral("boutique");
    const QString orders = QStringLiteral("orders");
    mesh.services = {gateway(), service(QStringLiteral("frontend"), shop, 18, 0.001, 0.004),
        service(QStringLiteral("cartservice"), shop, 4, 0.0008, 0.002),
        service(QStringLiteral("productcatalogservice"), shop, 3, 0.0005, 0.0008),
        service(QStringLiteral("currencyservice"), shop, 2, 0.0005, 0.0008),
        service(QStringLiteral("recommendationservice"), shop, 8, 0.001, 0.003),
        service(QStringLiteral("adservice"), shop, 3, 0.001, 0.002),
        service(QStringLiteral("redis-cart"), shop, 0.8, 0, 0.0005),
        service(QStringLiteral("checkoutservice"), orders, 15, 0.001, 0.004),
        service(QStringLiteral("paymentservice"), orders, 10, 0.002, 0.003),
        service(QStringLiteral("shippingservice"), orders, 5, 0.0005, 0.002),
        service(QStringLiteral("emailservice"), orders, 6, 0.001, 0.003)};
    mesh.services[7].tcpOnly = true;
    const auto grpc = CallProtocol::Grpc;
    const QString frontend = QStringLiteral("frontend");
    const QString checkout = QStringLiteral("checkoutservice");
    call(mesh, GatewayName, frontend, CallProtocol::Http, 1.0);
    call(mesh, frontend, QStringLiteral("cartservice"), grpc, 0.6);
    call(mesh, frontend, QStringLiteral("productcatalogservice"), grpc, 2.0);
    call(mesh, frontend, QStringLiteral("currencyservice"), grpc, 1.5);
    call(mesh, frontend, QStringLiteral("recommendationservice"), grpc, 0.4, 0.3);
    call(mesh, frontend, QStringLiteral("adservice"), grpc, 0.5, 0.1);
    call(mesh, frontend, checkout, grpc, 0.05);
    call(mesh, frontend, QStringLiteral("shippingservice"), grpc, 0.2);
    call(mesh, checkout, QStringLiteral("cartservice"), grpc, 2.0);
    call(mesh, checkout, QStringLiteral("productcatalogservice"), grpc, 2.0);
    call(mesh, checkout, QStringLiteral("currencyservice"), grpc, 2.0);
    call(mesh, checkout, QStringLiteral("shippingservice"), grpc, 2.0);
    call(mesh, checkout, QStringLiteral("emailservice"), grpc, 1.0, 0.2);
    call(mesh, checkout, QStringLiteral("paymentservice"), grpc, 1.0);
    call(mesh, QStringLiteral("recommendationservice"), QStringLiteral("productcatalogservice"), grpc, 1.0);
    call(mesh, QStringLiteral("cartservice"), QStringLiteral("redis-cart"), CallProtocol::Tcp, 1.0);
    mesh.finalize();
    return mesh;
}

namespace {

// Layer sizes: a thin front layer, then equal bands, so calls can always go deeper.
std::vector<int> layerOfServices(int services, int layers)
{
    std::vector<int> layer(static_cast<std::size_t>(services));
    const int front = std::max(1, services / 20);
    for (int i = 0; i < services; ++i) {
        if (i < front)
            layer[static_cast<std::size_t>(i)] = 1;
        else
            layer[static_cast<std::size_t>(i)]
                = 2 + (i - front) * (layers - 1) / std::max(1, services - front);
    }
    return layer;
}

SimService randomService(int i, int layer, int layers, int services, int namespaces, SimSequence& rng)
{
    SimService s;
    const bool database = layer == layers && rng.uniform() < 1.0 / 6.0;
    s.app = QStringLiteral("%1-%2")
                .arg(database ? QStringLiteral("db") : QStringLiteral("svc"))
                .arg(i, 3, 10, QLatin1Char('0'));
    s.name = s.app;
    s.ns = QStringLiteral("ns-%1").arg(static_cast<qint64>(i) * namespaces / services);
    s.tcpOnly = database;
    s.ownLatencyMs = database ? rng.uniform(0.5, 3.0) : std::exp(rng.uniform(std::log(1.5), std::log(25.0)));
    s.latencySigma = rng.uniform(0.35, 0.6);
    // Half the services answer without errors in a healthy hour, as in real meshes; the
    // rest have a small background of 5xx.
    s.baseErrorRatio = database || rng.uniform() < 0.5 ? 0.0 : rng.uniform(0.0001, 0.002);
    s.cpuPerRps = rng.uniform(0.0005, 0.004);
    s.cpuIdleCores = rng.uniform(0.005, 0.05);
    s.memoryBaseBytes = rng.uniform(60e6, 600e6);
    return s;
}

} // namespace

namespace {

/// Adds the calls of a random layered mesh; services are 1..n in mesh indexes and the
/// layers are contiguous index bands.
class RandomCalls
{
public:
    RandomCalls(SimMesh& mesh, const std::vector<int>& layer, int layers, SimSequence& rng)
        : m_mesh(mesh)
        , m_layer(layer)
        , m_layers(layers)
        , m_rng(rng)
        , m_services(static_cast<int>(layer.size()))
    { }

    void addDownwardCalls()
    {
        for (int i = 0; i < m_services; ++i) {
            const int l = layer(i);
            if (l == 1)
                add(0, i + 1);
            if (l == m_layers || m_mesh.services[static_cast<std::size_t>(i + 1)].tcpOnly)
                continue;
            const int firstDeeper = firstWhere([l](int x) { return x > l; });
            const int nextEnd = firstWhere([l](int x) { return x > l + 1; });
            const int degree = std::min(m_rng.range(2, 5), m_services - firstDeeper);
            for (int k = 0; k < degree; ++k) {
                // Mostly the next layer, sometimes deeper (shared services, databases).
                const int high = m_rng.uniform() < 0.7 ? nextEnd - 1 : m_services - 1;
                add(i + 1, 1 + m_rng.range(firstDeeper, std::max(firstDeeper, high)));
            }
        }
    }

    /// The gateway routes each request to one front service: its calls' shares sum to 1.
    void routeGatewayShares()
    {
        double total = 0;
        for (SimCall& c : m_mesh.calls) {
            if (c.from == 0) {
                c.callsPerRequest = m_rng.uniform(0.5, 1.5);
                total += c.callsPerRequest;
            }
        }
        for (SimCall& c : m_mesh.calls) {
            if (c.from == 0)
                c.callsPerRequest /= total;
        }
    }

    /// Everyone below the front layer needs a caller, or it would never see traffic.
    void addMissingCallers()
    {
        std::vector<bool> called(static_cast<std::size_t>(m_services + 1), false);
        for (const SimCall& c : m_mesh.calls)
            called[static_cast<std::size_t>(c.to)] = true;
        for (int i = 0; i < m_services; ++i) {
            if (called[static_cast<std::size_t>(i + 1)])
                continue;
            const int l = layer(i);
            const int upperEnd = firstWhere([l](int x) { return x >= l; });
            const int firstOfPrevious = firstWhere([l](int x) { return x >= l - 1; });
            int caller = 1 + m_rng.range(firstOfPrevious, std::max(firstOfPrevious, upperEnd - 1));
            if (m_mesh.services[static_cast<std::size_t>(caller)].tcpOnly)
                caller = 1 + firstOfPrevious;
            add(caller, i + 1);
        }
    }

private:
    int layer(int i) const { return m_layer[static_cast<std::size_t>(i)]; }
    template<typename Predicate> int firstWhere(Predicate predicate) const
    {
        return static_cast<int>(std::find_if(m_layer.begin(), m_layer.end(), predicate) - m_layer.begin());
    }

    void add(int from, int to)
    {
        const quint64 key = (static_cast<quint64>(from) << 32) | static_cast<quint64>(to);
        if (std::find(m_existing.begin(), m_existing.end(), key) != m_existing.end())
            return;
        // Only one caller's own draws can repeat a call (missing callers get calls to
        // services nobody calls yet), so a short window of recent calls is enough.
        m_existing.push_back(key);
        if (m_existing.size() > 64)
            m_existing.erase(m_existing.begin());
        SimCall c;
        c.from = from;
        c.to = to;
        const SimService& callee = m_mesh.services[static_cast<std::size_t>(to)];
        c.protocol = callee.tcpOnly ? CallProtocol::Tcp
                                    : (m_rng.uniform() < 0.5 ? CallProtocol::Grpc : CallProtocol::Http);
        // A request calls each dependency now and then (caches, optional features), so a
        // request fans out to about one call per layer, not 3^depth calls. The gateway's
        // shares are set by routeGatewayShares().
        c.callsPerRequest = from == 0 ? 1.0 : m_rng.uniform(0.1, 0.6);
        c.criticality = m_rng.uniform() < 0.25 ? m_rng.uniform(0.05, 0.4) : 1.0;
        c.requestBytes = m_rng.uniform(200, 800);
        c.responseBytes = m_rng.uniform(500, 5000);
        m_mesh.calls.push_back(c);
    }

    SimMesh& m_mesh;
    const std::vector<int>& m_layer;
    int m_layers;
    SimSequence& m_rng;
    int m_services;
    std::vector<quint64> m_existing;
};

} // namespace

SimMesh random(int services, int namespaces, quint64 seed)
{
    if (services < 2)
        throw MeshscopeError(
            QStringLiteral("a random mesh needs at least 2 services (got %1)").arg(services));
    namespaces = std::clamp(namespaces, 1, services);
    SimSequence rng(SimRandom::hash(seed, 0x70701091));
    SimMesh mesh;
    mesh.system = QStringLiteral("random");
    mesh.peakRootRate = 40.0 * std::sqrt(static_cast<double>(services));
    const int layers = std::clamp(static_cast<int>(std::ceil(std::log(services) / std::log(3.0))) + 1, 2, 8);
    const std::vector<int> layer = layerOfServices(services, layers);
    mesh.services.push_back(gateway());
    for (int i = 0; i < services; ++i)
        mesh.services.push_back(
            randomService(i, layer[static_cast<std::size_t>(i)], layers, services, namespaces, rng));
    RandomCalls calls(mesh, layer, layers, rng);
    calls.addDownwardCalls();
    calls.addMissingCallers();
    calls.routeGatewayShares();
    mesh.finalize();
    return mesh;
}

SimMesh byName(const QString& topology, int services, int namespaces, quint64 seed)
{
    if (topology == QLatin1String("bookinfo"))
        return bookinfo();
    if (topology == QLatin1String("boutique"))
        return boutique();
    if (topology == QLatin1String("random"))
        return random(services, namespaces, seed);
    throw MeshscopeError(
        QStringLiteral("unknown topology '%1' (use bookinfo, boutique or random)").arg(topology));
}

} // namespace meshscope::MeshGenerator
