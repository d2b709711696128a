#include "synthetic_istio.h"

#include <QDateTime>

#include <QStringList>

#include <algorithm>
#include <cmath>

namespace meshscope::testing {

namespace {

const std::vector<double> Bounds {5, 10, 25, 50, 100, 250, 500, 1000};

QByteArray labelText(const SyntheticCall& call, const QString& reporter, const QString& extra, bool compact)
{
    const bool unknownSource = call.sourceWorkload.isEmpty();
    const QString srcWl = unknownSource ? QStringLiteral("unknown") : call.sourceWorkload;
    const QString srcNs = unknownSource ? QStringLiteral("unknown") : call.sourceNs;
    const QString srcCluster = unknownSource ? QStringLiteral("unknown") : QStringLiteral("Kubernetes");
    QStringList labels {
        QStringLiteral("reporter=\"%1\"").arg(reporter),
        QStringLiteral("source_cluster=\"%1\"").arg(srcCluster),
        QStringLiteral("source_workload=\"%1\"").arg(srcWl),
        QStringLiteral("source_workload_namespace=\"%1\"").arg(srcNs),
        QStringLiteral("source_canonical_service=\"%1\"").arg(srcWl),
        QStringLiteral("source_canonical_revision=\"%1\"")
            .arg(unknownSource ? QStringLiteral("unknown") : QStringLiteral("v1")),
        QStringLiteral("destination_cluster=\"Kubernetes\""),
        QStringLiteral("destination_workload=\"%1\"").arg(call.destinationWorkload),
        QStringLiteral("destination_workload_namespace=\"%1\"").arg(call.destinationNs),
        QStringLiteral("destination_service=\"%1.%2.svc.cluster.local\"")
            .arg(call.destinationWorkload, call.destinationNs),
        QStringLiteral("destination_service_name=\"%1\"").arg(call.destinationWorkload),
        QStringLiteral("destination_service_namespace=\"%1\"").arg(call.destinationNs),
        QStringLiteral("destination_canonical_service=\"%1\"").arg(call.destinationWorkload),
        QStringLiteral("destination_canonical_revision=\"v1\""),
        QStringLiteral("request_protocol=\"%1\"").arg(call.protocol),
        QStringLiteral("response_flags=\"-\""),
    };
    if (compact) {
        labels = QStringList {labels[0], labels[2], labels[3], labels[7], labels[8], labels[14]};
    }
    if (!extra.isEmpty())
        labels << extra;
    return labels.join(QLatin1Char(',')).toUtf8();
}

/// A counter growing at `perSecond`, and at `faultPerSecond` from `faultFromS` on (0: never).
void writeCounter(QByteArray& out, const QByteArray& name, const QByteArray& labels, double perSecond,
    const SyntheticMesh& mesh, qint64 faultFromS = 0, double faultPerSecond = 0)
{
    for (qint64 t = mesh.startS; t <= mesh.endS; t += mesh.scrapeS) {
        const qint64 change = faultFromS > 0 ? std::clamp(faultFromS, mesh.startS, t) : t;
        const double value = perSecond * double(change - mesh.startS) + faultPerSecond * double(t - change);
        out += name + '{' + labels + "} " + QByteArray::number(value, 'g', 15) + ' ' + QByteArray::number(t)
            + '\n';
    }
}

} // namespace

double SyntheticMesh::expectedQuantileMs(double q, bool slow)
{
    // Every request falls into one bucket: (25, 50] or (100, 250]; histogram_quantile
    // interpolates linearly inside it.
    return slow ? 100 + 150 * q : 25 + 25 * q;
}

QByteArray SyntheticMesh::openMetrics() const
{
    QByteArray out;
    std::vector<std::pair<const SyntheticCall*, QString>> reported;
    for (const SyntheticCall& call : calls) {
        reported.emplace_back(&call, QStringLiteral("destination"));
        if (!call.sourceWorkload.isEmpty() && !compact)
            reported.emplace_back(&call, QStringLiteral("source"));
    }
    for (const auto& [call, reporter] : reported) {
        if (call->protocol == QLatin1String("tcp"))
            continue;
        const double errors = call->requestRate * call->errorRatio;
        const double faultErrors = call->requestRate * call->faultErrorRatio;
        const qint64 fault = call->faultFromS;
        writeCounter(out, "istio_requests_total",
            labelText(*call, reporter, QStringLiteral("response_code=\"200\""), compact),
            call->requestRate - errors, *this, fault, call->requestRate - faultErrors);
        if (errors > 0 || (fault > 0 && faultErrors > 0))
            writeCounter(out, "istio_requests_total",
                labelText(*call, reporter, QStringLiteral("response_code=\"500\""), compact), errors, *this,
                fault, faultErrors);
    }
    for (const auto& [call, reporter] : reported) {
        if (call->protocol == QLatin1String("tcp"))
            continue;
        const double low = call->slow ? 100 : 25;
        for (double bound : Bounds) {
            const QString le = QStringLiteral("le=\"%1\"").arg(bound);
            writeCounter(out, "istio_request_duration_milliseconds_bucket",
                labelText(*call, reporter, QStringLiteral("response_code=\"200\",") + le, compact),
                bound > low ? call->requestRate : 0, *this);
        }
        writeCounter(out, "istio_request_duration_milliseconds_bucket",
            labelText(*call, reporter, QStringLiteral("response_code=\"200\",le=\"+Inf\""), compact),
            call->requestRate, *this);
    }
    for (const auto& [call, reporter] : reported) {
        if (call->protocol != QLatin1String("tcp"))
            continue;
        // Istio's L4 direction: the client's bytes are the server's "received".
        writeCounter(out, "istio_tcp_received_bytes_total", labelText(*call, reporter, {}, compact),
            call->requestRate, *this);
        writeCounter(out, "istio_tcp_sent_bytes_total", labelText(*call, reporter, {}, compact),
            call->requestRate * 2, *this);
    }
    out += "# EOF\n";
    return out;
}

SyntheticMesh SyntheticMesh::recentSmall()
{
    const qint64 endS = (QDateTime::currentSecsSinceEpoch() - 3 * 3600) / 3600 * 3600;
    return small(endS - 3600, endS);
}

SyntheticMesh SyntheticMesh::small(qint64 startS, qint64 endS)
{
    SyntheticMesh mesh;
    mesh.startS = startS;
    mesh.endS = endS;
    const QString shop = QStringLiteral("shop");
    const QString billing = QStringLiteral("billing");
    mesh.calls = {
        {QString(), QString(), shop, QStringLiteral("frontend"), 10, 0, false, QStringLiteral("http")},
        {shop, QStringLiteral("frontend"), shop, QStringLiteral("cart"), 6, 0.25, false,
            QStringLiteral("http")},
        {shop, QStringLiteral("frontend"), shop, QStringLiteral("catalog"), 4, 0, true,
            QStringLiteral("http")},
        {shop, QStringLiteral("cart"), shop, QStringLiteral("db"), 3, 0, false, QStringLiteral("http")},
        {shop, QStringLiteral("cart"), billing, QStringLiteral("db"), 2, 0, false, QStringLiteral("http")},
        {shop, QStringLiteral("catalog"), shop, QStringLiteral("redis"), 500, 0, false,
            QStringLiteral("tcp")},
    };
    return mesh;
}

SyntheticMesh SyntheticMesh::large(int workloads, qint64 startS, qint64 endS)
{
    SyntheticMesh mesh;
    mesh.startS = startS;
    mesh.endS = endS;
    const int namespaces = std::max(1, workloads / 50);
    auto ns = [&](int i) { return QStringLiteral("ns%1").arg(i % namespaces); };
    auto name = [](int i) { return QStringLiteral("svc-%1").arg(i); };
    mesh.calls.push_back({QString(), QString(), ns(0), name(0), 100, 0, false, QStringLiteral("http")});
    for (int i = 1; i < workloads; ++i) {
        const int parent = (i - 1) / 3; // a tree: every workload calls up to three others
        mesh.calls.push_back({ns(parent), name(parent), ns(i), name(i), double(1 + i % 7),
            (i % 11 == 0) ? 0.1 : 0, i % 13 == 0, QStringLiteral("http")});
    }
    return mesh;
}

} // namespace meshscope::testing
