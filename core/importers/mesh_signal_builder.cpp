#include "mesh_signal_builder.h"

#include "entity_rules.h"
#include "import_util.h"
#include "series_math.h"

#include "model/entity.h"
#include "model/signal_names.h"

#include <QCoreApplication>
#include <QHash>

#include <cmath>
#include <limits>

namespace meshscope {

namespace {

const QString Destination = QStringLiteral("destination");
const QString Source = QStringLiteral("source");

entityrules::LabelLookup lookupOf(const RawSeries& series)
{
    return [&series](const QString& name) { return series.label(name); };
}

int reporterRank(const QString& reporter)
{
    if (reporter == QLatin1String("destination"))
        return 3;
    if (reporter == QLatin1String("waypoint"))
        return 2;
    if (reporter == QLatin1String("source"))
        return 1;
    return 0;
}

bool isErrorClass(const RawSeries& series)
{
    const QString code = series.label(QStringLiteral("response_code"));
    if (code == QLatin1String("0") || code == QLatin1String("-") || (code.size() == 3 && code.startsWith(QLatin1Char('5'))))
        return true;
    const QString grpc = series.label(QStringLiteral("grpc_response_status"));
    return series.label(QStringLiteral("request_protocol")) == QLatin1String("grpc") && !grpc.isEmpty()
        && grpc != QLatin1String("0");
}

std::pair<std::vector<qint64>, std::vector<double>> columns(const std::map<qint64, double>& points)
{
    std::pair<std::vector<qint64>, std::vector<double>> out;
    out.first.reserve(points.size());
    out.second.reserve(points.size());
    for (const auto& [t, v] : points) {
        if (!std::isfinite(v))
            continue;
        out.first.push_back(t);
        out.second.push_back(v);
    }
    return out;
}

void addColumns(SeriesAccumulator& out, const QString& entity, const QString& signal, const std::map<qint64, double>& points)
{
    if (points.empty())
        return;
    auto [t, v] = columns(points);
    out.add(SeriesKey {entity, signal}, std::move(t), std::move(v));
}

double meanOf(const std::map<qint64, double>& points)
{
    double sum = 0;
    for (const auto& point : points)
        sum += point.second;
    return points.empty() ? 0 : sum / double(points.size());
}

} // namespace

MeshSignalBuilder::MeshSignalBuilder(const RawSeriesSet& raw)
    : m_raw(raw)
{
}

MeshSignalBuilder::Kind MeshSignalBuilder::kindOf(const RawSeries& series)
{
    const QString& name = series.name;
    if (!name.startsWith(QLatin1String("istio_")))
        return Kind::Custom;
    if (name == QLatin1String("istio_requests_total"))
        return Kind::Requests;
    if (name == QLatin1String("istio_request_duration_milliseconds_bucket"))
        return Kind::DurationBucket;
    if (name == QLatin1String("istio_request_duration_milliseconds_sum"))
        return Kind::DurationSum;
    if (name == QLatin1String("istio_request_duration_milliseconds_count"))
        return Kind::DurationCount;
    if (name == QLatin1String("istio_tcp_sent_bytes_total"))
        return Kind::TcpSent;
    if (name == QLatin1String("istio_tcp_received_bytes_total"))
        return Kind::TcpReceived;
    return Kind::Custom;
}

std::vector<bool> MeshSignalBuilder::selectReporters() const
{
    // Kiali's de-duplication key: the same request seen by both sidecars has the same
    // metric, ends, code, flags and service but a different reporter.
    auto groupKey = [this](const RawSeries& s) -> QString {
        const auto label = lookupOf(s);
        return s.name + QLatin1Char('\x1f') + entityrules::istioNode(label, Source, m_namer) + QLatin1Char('\x1f')
            + entityrules::istioNode(label, Destination, m_namer) + QLatin1Char('\x1f') + s.label(QStringLiteral("response_code"))
            + QLatin1Char('\x1f') + s.label(QStringLiteral("grpc_response_status")) + QLatin1Char('\x1f')
            + s.label(QStringLiteral("response_flags")) + QLatin1Char('\x1f') + s.label(QStringLiteral("destination_service"))
            + QLatin1Char('\x1f') + s.label(QStringLiteral("le"));
    };
    std::vector<QString> keys(m_raw.series.size());
    QHash<QString, int> best;
    for (std::size_t i = 0; i < m_raw.series.size(); ++i) {
        const RawSeries& s = m_raw.series[i];
        if (kindOf(s) == Kind::Custom)
            continue;
        keys[i] = groupKey(s);
        const int rank = reporterRank(s.label(QStringLiteral("reporter")));
        best[keys[i]] = std::max(best.value(keys[i], -1), rank);
    }
    std::vector<bool> use(m_raw.series.size(), false);
    for (std::size_t i = 0; i < m_raw.series.size(); ++i) {
        const RawSeries& s = m_raw.series[i];
        if (kindOf(s) != Kind::Custom)
            use[i] = reporterRank(s.label(QStringLiteral("reporter"))) == best.value(keys[i]);
    }
    return use;
}

qint64 MeshSignalBuilder::align(qint64 tMs) const
{
    if (m_stepMs <= 0)
        return tMs;
    const double steps = std::round(double(tMs - m_originMs) / double(m_stepMs));
    return m_originMs + static_cast<qint64>(steps) * m_stepMs;
}

void MeshSignalBuilder::addRates(const RawSeries& series, TimeMap& into) const
{
    for (const auto& [t, rate] : seriesmath::counterRates(series.timesMs, series.values))
        into[align(t)] += rate;
}

void MeshSignalBuilder::addBucketRates(const RawSeries& series, Aggregate& into) const
{
    double le = 0;
    const QByteArray leText = series.label(QStringLiteral("le")).toLatin1();
    if (!importutil::parseNumber({leText.constData(), static_cast<std::size_t>(leText.size())}, &le))
        return;
    for (const auto& [t, rate] : seriesmath::counterRates(series.timesMs, series.values))
        into.buckets[align(t)][le] += rate;
}

void MeshSignalBuilder::rememberNode(const QString& node, const RawSeries& series, const QString& side)
{
    NodeInfo& info = m_nodes[node];
    if (info.ns.isEmpty())
        info.ns = series.label(QString(side + QStringLiteral("_workload_namespace")));
    if (info.workload.isEmpty())
        info.workload = series.label(QString(side + QStringLiteral("_workload")));
}

void MeshSignalBuilder::accumulate(const RawSeries& series, Kind kind)
{
    const auto label = lookupOf(series);
    const QString src = entityrules::istioNode(label, Source, m_namer);
    const QString dst = entityrules::istioNode(label, Destination, m_namer);
    rememberNode(src, series, Source);
    rememberNode(dst, series, Destination);
    Aggregate& edge = m_edges[{src, dst}];
    switch (kind) {
    case Kind::Requests:
        if (edge.protocol.isEmpty())
            edge.protocol = series.label(QStringLiteral("request_protocol"));
        addRates(series, edge.total);
        if (isErrorClass(series))
            addRates(series, edge.errors);
        break;
    case Kind::DurationBucket:
        addBucketRates(series, edge);
        break;
    case Kind::DurationSum:
        addRates(series, edge.durationSum);
        break;
    case Kind::DurationCount:
        addRates(series, edge.durationCount);
        break;
    case Kind::TcpSent:
    case Kind::TcpReceived:
        if (edge.protocol.isEmpty() && edge.total.empty())
            edge.protocol = QStringLiteral("tcp");
        addRates(series, kind == Kind::TcpSent ? edge.tcpSent : edge.tcpReceived);
        break;
    case Kind::Custom:
        break;
    }
}

void MeshSignalBuilder::mergeInto(Aggregate& into, const Aggregate& from)
{
    auto add = [](TimeMap& a, const TimeMap& b) {
        for (const auto& [t, v] : b)
            a[t] += v;
    };
    add(into.total, from.total);
    add(into.errors, from.errors);
    add(into.durationSum, from.durationSum);
    add(into.durationCount, from.durationCount);
    add(into.tcpSent, from.tcpSent);
    add(into.tcpReceived, from.tcpReceived);
    for (const auto& [t, buckets] : from.buckets) {
        for (const auto& [le, v] : buckets)
            into.buckets[t][le] += v;
    }
}

void MeshSignalBuilder::emitSignals(const QString& entity, const Aggregate& a, SeriesAccumulator& out)
{
    addColumns(out, entity, SignalName::RequestRate, a.total);
    TimeMap ratio;
    for (const auto& [t, total] : a.total) {
        if (total > 0) {
            const auto e = a.errors.find(t);
            ratio[t] = e == a.errors.end() ? 0.0 : std::min(1.0, e->second / total);
        }
    }
    addColumns(out, entity, SignalName::ErrorRatio, ratio);
    TimeMap average;
    for (const auto& [t, count] : a.durationCount) {
        const auto s = a.durationSum.find(t);
        if (count > 0 && s != a.durationSum.end())
            average[t] = s->second / count;
    }
    addColumns(out, entity, SignalName::LatencyAvg, average);
    const std::pair<double, const QString*> quantiles[] = {{0.5, &SignalName::LatencyP50}, {0.9, &SignalName::LatencyP90},
        {0.95, &SignalName::LatencyP95}, {0.99, &SignalName::LatencyP99}};
    for (const auto& [q, signal] : quantiles) {
        TimeMap values;
        for (const auto& [t, buckets] : a.buckets) {
            const double v = seriesmath::histogramQuantile(q, buckets);
            if (std::isfinite(v))
                values[t] = v;
        }
        addColumns(out, entity, *signal, values);
    }
    addColumns(out, entity, SignalName::TcpSent, a.tcpSent);
    addColumns(out, entity, SignalName::TcpReceived, a.tcpReceived);
}

void MeshSignalBuilder::emitCustom(const RawSeries& series, SeriesAccumulator& out, int* skippedBuckets) const
{
    if (series.name.endsWith(QLatin1String("_bucket")) && !series.label(QStringLiteral("le")).isEmpty()) {
        ++*skippedBuckets;
        return;
    }
    // meshscope_<signal> with an entity label is meshscope's own export: take it back as it was.
    QString signal = importutil::sanitizeSignalName(series.name);
    if (signal.startsWith(QLatin1String("meshscope_")) && !series.label(QStringLiteral("entity")).isEmpty())
        signal = signal.mid(10);
    const SeriesKey key {entityrules::entityFor(lookupOf(series), m_namer), signal};
    std::vector<qint64> t;
    std::vector<double> v;
    if (m_raw.isCounter(series)) {
        for (const auto& [time, rate] : seriesmath::counterRates(series.timesMs, series.values)) {
            t.push_back(time);
            v.push_back(rate);
        }
    } else {
        for (std::size_t i = 0; i < series.timesMs.size(); ++i) {
            if (std::isfinite(series.values[i])) {
                t.push_back(series.timesMs[i]);
                v.push_back(series.values[i]);
            }
        }
    }
    out.add(key, std::move(t), std::move(v));
}

TopologyFrame MeshSignalBuilder::makeFrame() const
{
    TopologyFrame frame;
    // The frame starts with the first signal point (the first rate needs two samples).
    frame.tMs = std::numeric_limits<qint64>::max();
    for (const auto& edge : m_edges) {
        for (const TimeMap* points : {&edge.second.total, &edge.second.tcpSent, &edge.second.tcpReceived, &edge.second.durationCount}) {
            if (!points->empty())
                frame.tMs = std::min(frame.tMs, points->begin()->first);
        }
        if (!edge.second.buckets.empty())
            frame.tMs = std::min(frame.tMs, edge.second.buckets.begin()->first);
    }
    if (frame.tMs == std::numeric_limits<qint64>::max())
        frame.tMs = m_originMs;
    for (const auto& [name, info] : m_nodes) {
        TopologyNode node;
        node.name = name;
        node.ns = info.ns.isEmpty() ? QStringLiteral("unknown") : info.ns;
        node.workload = info.workload;
        node.kind = name == QLatin1String("unknown") ? NodeKind::Unknown : NodeKind::Workload;
        frame.nodes.push_back(node);
    }
    for (const auto& [ends, a] : m_edges) {
        TopologyEdge edge;
        edge.source = ends.first;
        edge.destination = ends.second;
        edge.protocol = a.protocol.isEmpty() ? QStringLiteral("http") : a.protocol;
        edge.requestRate = a.total.empty() ? meanOf(a.tcpSent) : meanOf(a.total);
        double total = 0;
        double errors = 0;
        for (const auto& point : a.total)
            total += point.second;
        for (const auto& point : a.errors)
            errors += point.second;
        edge.errorRatio = total > 0 ? std::min(1.0, errors / total) : 0;
        frame.edges.push_back(edge);
    }
    return frame;
}

void MeshSignalBuilder::build(SeriesAccumulator& out, std::vector<TopologyFrame>& frames, QStringList& warnings)
{
    std::vector<const std::vector<qint64>*> istioTimes;
    m_originMs = std::numeric_limits<qint64>::max();
    for (const RawSeries& s : m_raw.series) {
        if (kindOf(s) == Kind::Custom || s.timesMs.empty())
            continue;
        entityrules::observeWorkloads(lookupOf(s), m_namer);
        istioTimes.push_back(&s.timesMs);
        m_originMs = std::min(m_originMs, s.timesMs.front());
    }
    m_stepMs = seriesmath::typicalStepMs(istioTimes);
    const std::vector<bool> use = selectReporters();
    int skippedBuckets = 0;
    for (std::size_t i = 0; i < m_raw.series.size(); ++i) {
        const RawSeries& s = m_raw.series[i];
        const Kind kind = kindOf(s);
        if (kind == Kind::Custom)
            emitCustom(s, out, &skippedBuckets);
        else if (use[i])
            accumulate(s, kind);
    }
    std::map<QString, Aggregate> nodes;
    for (const auto& [ends, aggregate] : m_edges) {
        emitSignals(Entity::edge(ends.first, ends.second), aggregate, out);
        mergeInto(nodes[ends.second], aggregate);
    }
    for (const auto& [node, aggregate] : nodes)
        emitSignals(node, aggregate, out);
    if (!m_edges.empty())
        frames.push_back(makeFrame());
    if (skippedBuckets > 0) {
        warnings.append(QCoreApplication::translate("meshscope", "%1 histogram bucket series other than Istio's request duration were not imported")
                            .arg(skippedBuckets));
    }
}

} // namespace meshscope
