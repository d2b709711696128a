#include "istio_openmetrics.h"

#include "model/meshscope_error.h"

#include <QIODevice>
#include <QSaveFile>

#include <charconv>
#include <cmath>
#include <cstdio>

namespace meshscope {

namespace {

constexpr int BucketCount = static_cast<int>(std::size(IstioDurationBucketsMs));
constexpr double FailFastLatencyMs = 0.8;

enum class Reporter { Source, Destination };

/// One response class of a call: its labels, its share of attempts and who reports it.
struct Outcome
{
    const char* code;
    const char* flags;
    const char* grpcStatus;
    bool sourceOnly;
    bool failFast;
};

// ok, application error, overload, no healthy upstream, upstream connection termination.
const Outcome HttpOutcomes[] = {{"200", "-", nullptr, false, false}, {"500", "-", nullptr, false, false},
    {"503", "-", nullptr, false, false}, {"503", "UH", nullptr, true, true},
    {"0", "UC", nullptr, true, true}};
const Outcome GrpcOutcomes[] = {{"200", "-", "0", false, false}, {"200", "-", "13", false, false},
    {"503", "-", "14", false, false}, {"503", "UH", "14", true, true}, {"0", "UC", "14", true, true}};
constexpr double UhShareOfFailFast = 0.85;

double outcomeShare(const CallTrace& t, std::size_t step, int outcome)
{
    const double fast = t.failFast[step];
    switch (outcome) {
    case 0:
        return std::max(0.0, 1.0 - fast - t.overload[step] - t.appError[step]);
    case 1:
        return t.appError[step];
    case 2:
        return t.overload[step];
    case 3:
        return fast * UhShareOfFailFast;
    default:
        return fast * (1.0 - UhShareOfFailFast);
    }
}

double normalCdf(double z)
{
    return 0.5 * std::erfc(-z / std::sqrt(2.0));
}

class OpenMetricsText
{
public:
    OpenMetricsText(QIODevice& device)
        : m_device(device)
    {
        m_buffer.reserve(1 << 21);
    }
    ~OpenMetricsText() = default;

    void raw(const char* text) { m_buffer.append(text); }
    void raw(const QByteArray& text) { m_buffer.append(text); }
    void integer(double value)
    {
        char digits[32];
        const auto r = std::to_chars(digits, digits + sizeof digits, static_cast<long long>(value));
        m_buffer.append(digits, r.ptr - digits);
    }
    void decimal(double value)
    {
        char digits[64];
        const int n = std::snprintf(digits, sizeof digits, "%.3f", value);
        m_buffer.append(digits, n);
    }
    void timestamp(qint64 tMs)
    {
        m_buffer.append(' ');
        integer(static_cast<double>(tMs / 1000));
        if (tMs % 1000) {
            char digits[8];
            const int n = std::snprintf(digits, sizeof digits, ".%03d", static_cast<int>(tMs % 1000));
            m_buffer.append(digits, n);
        }
        m_buffer.append('\n');
        if (m_buffer.size() > (1 << 20))
            flush();
    }
    void flush()
    {
        if (m_device.write(m_buffer) != m_buffer.size())
            throw MeshscopeError(
                QStringLiteral("cannot write the OpenMetrics output: %1").arg(m_device.errorString()));
        m_buffer.clear();
    }

private:
    QIODevice& m_device;
    QByteArray m_buffer;
};

QByteArray label(const char* name, const QString& value)
{
    return QByteArray(name) + "=\"" + value.toUtf8() + "\",";
}

/// Every label but the response ones; ends with a comma.
QByteArray peerLabels(const SimMesh& mesh, const SimCall& call, Reporter reporter)
{
    const SimService& s = mesh.services[static_cast<std::size_t>(call.from)];
    const SimService& d = mesh.services[static_cast<std::size_t>(call.to)];
    QByteArray l;
    l += label(
        "reporter", reporter == Reporter::Source ? QStringLiteral("source") : QStringLiteral("destination"));
    l += label("source_workload", s.name) + label("source_workload_namespace", s.ns)
        + label("source_canonical_service", s.app) + label("source_canonical_revision", s.version)
        + label("source_cluster", mesh.cluster);
    l += label("destination_workload", d.name) + label("destination_workload_namespace", d.ns)
        + label("destination_service", QStringLiteral("%1.%2.svc.cluster.local").arg(d.app, d.ns))
        + label("destination_service_name", d.app) + label("destination_service_namespace", d.ns)
        + label("destination_canonical_service", d.app) + label("destination_canonical_revision", d.version)
        + label("destination_cluster", mesh.cluster);
    l += label("request_protocol", callProtocolName(call.protocol));
    l += label("connection_security_policy",
        reporter == Reporter::Destination ? QStringLiteral("mutual_tls") : QStringLiteral("unknown"));
    return l;
}

QByteArray outcomeLabels(const Outcome& o)
{
    QByteArray l = QByteArray("response_code=\"") + o.code + "\",response_flags=\"" + o.flags + '"';
    if (o.grpcStatus)
        l += QByteArray(",grpc_response_status=\"") + o.grpcStatus + '"';
    return l;
}

/// Emits a series only from one step before its first increment (at 0), as Prometheus
/// would first scrape it; returns false while nothing is to be written yet.
struct SeriesStart
{
    bool started = false;
    bool begin(double rounded, std::size_t step, const SimulationResult& r, qint64* zeroAtMs)
    {
        *zeroAtMs = -1;
        if (started)
            return true;
        if (rounded < 1.0)
            return false;
        started = true;
        *zeroAtMs = step == 0 ? r.startMs : r.timesMs[step - 1];
        return true;
    }
};

void writeRequests(OpenMetricsText& out, const SimulationResult& r, int call, Reporter reporter, int outcome)
{
    const SimCall& sc = r.mesh.calls[static_cast<std::size_t>(call)];
    const Outcome& o = (sc.protocol == CallProtocol::Grpc ? GrpcOutcomes : HttpOutcomes)[outcome];
    if (o.sourceOnly && reporter == Reporter::Destination)
        return;
    const CallTrace& t = r.traces[static_cast<std::size_t>(call)];
    const QByteArray prefix
        = "istio_requests_total{" + peerLabels(r.mesh, sc, reporter) + outcomeLabels(o) + "} ";
    const double stepS = static_cast<double>(r.options.stepMs) / 1000.0;
    double acc = 0;
    SeriesStart start;
    for (std::size_t i = 0; i < r.timesMs.size(); ++i) {
        if (std::isnan(t.rate[i]))
            continue;
        acc += t.rate[i] * outcomeShare(t, i, outcome) * stepS;
        const double value = std::floor(acc + 0.5);
        qint64 zeroAt = -1;
        if (!start.begin(value, i, r, &zeroAt))
            continue;
        if (zeroAt >= 0) {
            out.raw(prefix);
            out.integer(0);
            out.timestamp(zeroAt);
        }
        out.raw(prefix);
        out.integer(value);
        out.timestamp(r.timesMs[i]);
    }
}

void writeDurations(OpenMetricsText& out, const SimulationResult& r, int call, Reporter reporter, int outcome)
{
    const SimCall& sc = r.mesh.calls[static_cast<std::size_t>(call)];
    const Outcome& o = (sc.protocol == CallProtocol::Grpc ? GrpcOutcomes : HttpOutcomes)[outcome];
    if (o.sourceOnly && reporter == Reporter::Destination)
        return;
    const CallTrace& t = r.traces[static_cast<std::size_t>(call)];
    const QByteArray labels = peerLabels(r.mesh, sc, reporter) + outcomeLabels(o);
    std::vector<QByteArray> bucketPrefix;
    for (double le : IstioDurationBucketsMs) {
        char text[32];
        std::snprintf(text, sizeof text, "%g", le);
        bucketPrefix.push_back(
            "istio_request_duration_milliseconds_bucket{" + labels + ",le=\"" + text + "\"} ");
    }
    bucketPrefix.push_back("istio_request_duration_milliseconds_bucket{" + labels + ",le=\"+Inf\"} ");
    const QByteArray countPrefix = "istio_request_duration_milliseconds_count{" + labels + "} ";
    const QByteArray sumPrefix = "istio_request_duration_milliseconds_sum{" + labels + "} ";
    const double stepS = static_cast<double>(r.options.stepMs) / 1000.0;
    double acc = 0;
    double sum = 0;
    double buckets[BucketCount] = {};
    SeriesStart start;
    auto point = [&](qint64 tMs, bool zero) {
        for (int b = 0; b < BucketCount; ++b) {
            out.raw(bucketPrefix[static_cast<std::size_t>(b)]);
            out.integer(zero ? 0 : std::floor(buckets[b] + 0.5));
            out.timestamp(tMs);
        }
        for (const QByteArray* prefix :
            {static_cast<const QByteArray*>(&bucketPrefix.back()), &countPrefix}) {
            out.raw(*prefix);
            out.integer(zero ? 0 : std::floor(acc + 0.5));
            out.timestamp(tMs);
        }
        out.raw(sumPrefix);
        out.decimal(zero ? 0 : sum);
        out.timestamp(tMs);
    };
    for (std::size_t i = 0; i < r.timesMs.size(); ++i) {
        if (std::isnan(t.rate[i]))
            continue;
        const double n = t.rate[i] * outcomeShare(t, i, outcome) * stepS;
        acc += n;
        const double median = o.failFast ? FailFastLatencyMs : t.medianMs[i];
        const double sigma = o.failFast ? 0.0 : t.sigma[i];
        for (int b = 0; b < BucketCount; ++b) {
            const double le = IstioDurationBucketsMs[b];
            const double cdf
                = sigma > 0 ? normalCdf(std::log(le / median) / sigma) : (le >= median ? 1.0 : 0.0);
            buckets[b] += n * cdf;
        }
        sum += n * median * std::exp(0.5 * sigma * sigma);
        qint64 zeroAt = -1;
        if (!start.begin(std::floor(acc + 0.5), i, r, &zeroAt))
            continue;
        if (zeroAt >= 0)
            point(zeroAt, true);
        point(r.timesMs[i], false);
    }
}

void writeTcp(
    OpenMetricsText& out, const SimulationResult& r, int call, Reporter reporter, bool requestDirection)
{
    const SimCall& sc = r.mesh.calls[static_cast<std::size_t>(call)];
    const CallTrace& t = r.traces[static_cast<std::size_t>(call)];
    // Istio's received_bytes counts the request direction, sent_bytes the response.
    const QByteArray prefix
        = QByteArray(requestDirection ? "istio_tcp_received_bytes_total{" : "istio_tcp_sent_bytes_total{")
        + peerLabels(r.mesh, sc, reporter) + "response_flags=\"-\"} ";
    const double stepS = static_cast<double>(r.options.stepMs) / 1000.0;
    double acc = 0;
    SeriesStart start;
    for (std::size_t i = 0; i < r.timesMs.size(); ++i) {
        if (std::isnan(t.rate[i]))
            continue;
        acc += (requestDirection ? t.sentBytes[i] : t.receivedBytes[i]) * stepS;
        const double value = std::floor(acc + 0.5);
        qint64 zeroAt = -1;
        if (!start.begin(value, i, r, &zeroAt))
            continue;
        if (zeroAt >= 0) {
            out.raw(prefix);
            out.integer(0);
            out.timestamp(zeroAt);
        }
        out.raw(prefix);
        out.integer(value);
        out.timestamp(r.timesMs[i]);
    }
}

} // namespace

void writeIstioOpenMetrics(const SimulationResult& result, QIODevice& device, const JobControl* job)
{
    if (result.traces.size() != result.mesh.calls.size())
        throw MeshscopeError(QStringLiteral(
            "the simulation kept no per-call traces (keepTraces was off): cannot write Istio metrics"));
    OpenMetricsText out(device);
    const int calls = static_cast<int>(result.mesh.calls.size());
    const Reporter reporters[] = {Reporter::Destination, Reporter::Source};
    auto isTcp
        = [&](int c) { return result.mesh.calls[static_cast<std::size_t>(c)].protocol == CallProtocol::Tcp; };
    out.raw("# HELP istio_requests Total number of requests handled by an Istio proxy.\n# TYPE "
            "istio_requests counter\n");
    for (int c = 0; c < calls; ++c) {
        throwIfCancelled(job);
        reportProgress(job, 0.3 * c / std::max(1, calls));
        for (Reporter rep : reporters) {
            for (int o = 0; o < 5 && !isTcp(c); ++o)
                writeRequests(out, result, c, rep, o);
        }
    }
    out.raw("# HELP istio_request_duration_milliseconds Request duration.\n"
            "# TYPE istio_request_duration_milliseconds histogram\n");
    for (int c = 0; c < calls; ++c) {
        throwIfCancelled(job);
        reportProgress(job, 0.3 + 0.65 * c / std::max(1, calls));
        for (Reporter rep : reporters) {
            for (int o = 0; o < 5 && !isTcp(c); ++o)
                writeDurations(out, result, c, rep, o);
        }
    }
    for (bool requestDirection : {false, true}) {
        out.raw(requestDirection ? "# HELP istio_tcp_received_bytes Bytes received during a TCP request.\n"
                                   "# TYPE istio_tcp_received_bytes counter\n"
                                 : "# HELP istio_tcp_sent_bytes Bytes sent during a TCP response.\n"
                                   "# TYPE istio_tcp_sent_bytes counter\n");
        for (int c = 0; c < calls; ++c) {
            for (Reporter rep : reporters) {
                if (isTcp(c))
                    writeTcp(out, result, c, rep, requestDirection);
            }
        }
    }
    out.raw("# EOF\n");
    out.flush();
    reportProgress(job, 1.0);
}

void writeIstioOpenMetrics(const SimulationResult& result, const QString& path, const JobControl* job)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw MeshscopeError(QStringLiteral("cannot write: %1").arg(file.errorString()), path);
    writeIstioOpenMetrics(result, file, job);
    if (!file.commit())
        throw MeshscopeError(QStringLiteral("cannot write: %1").arg(file.errorString()), path);
}

} // namespace meshscope
