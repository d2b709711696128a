// Topology rebuilt from istio_requests_total with Kiali's rules, the PromQL it sends, and
// entity naming.
#include "live/entity_namer.h"
#include "live/istio_promql.h"
#include "live/istio_topology_builder.h"

#include <QTest>

using namespace meshscope;

namespace {
PromSeries requestSeries(const char* srcNsText, const char* srcWlText, const char* dstNsText,
    const char* dstWlText, const char* codeText, double rate,
    const QString& protocol = QStringLiteral("http"), const QString& cluster = QStringLiteral("east"))
{
    const QString srcNs = QString::fromLatin1(srcNsText);
    const QString srcWl = QString::fromLatin1(srcWlText);
    const QString dstNs = QString::fromLatin1(dstNsText);
    const QString dstWl = QString::fromLatin1(dstWlText);
    const QString code = QString::fromLatin1(codeText);
    PromSeries series;
    series.labels = {
        {QStringLiteral("source_cluster"),
            srcWl == QLatin1String("unknown") ? QStringLiteral("unknown") : cluster},
        {QStringLiteral("source_workload_namespace"), srcNs},
        {QStringLiteral("source_workload"), srcWl},
        {QStringLiteral("source_canonical_service"), srcWl},
        {QStringLiteral("destination_cluster"), cluster},
        {QStringLiteral("destination_workload_namespace"), dstNs},
        {QStringLiteral("destination_workload"), dstWl},
        {QStringLiteral("destination_service_namespace"), dstNs},
        {QStringLiteral("destination_service_name"),
            dstWl == QLatin1String("unknown") ? QStringLiteral("unknown") : dstWl},
        {QStringLiteral("destination_service"),
            dstWl + QLatin1Char('.') + dstNs + QStringLiteral(".svc.cluster.local")},
        {QStringLiteral("request_protocol"), protocol},
        {QStringLiteral("response_code"), code},
        {QStringLiteral("response_flags"), QStringLiteral("-")},
    };
    series.timesMs = {1523364075000};
    series.values = {rate};
    return series;
}

PromResponse response(std::vector<PromSeries> series)
{
    PromResponse r;
    r.status = QStringLiteral("success");
    r.resultType = QStringLiteral("vector");
    r.series = std::move(series);
    return r;
}

const TopologyEdge* findEdge(const TopologyFrame& frame, const QString& source, const QString& destination)
{
    for (const TopologyEdge& edge : frame.edges) {
        if (edge.source == source && edge.destination == destination)
            return &edge;
    }
    return nullptr;
}
} // namespace

class TestLiveTopology : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void idsMatchKiali_data()
    {
        // Ids from Kiali's own golden file test_workload_graph.expected (v2.5+, SHA-256).
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("idPrefix");
        QTest::newRow("workload") << QStringLiteral("wl_east_bankapp_deposit-v1")
                                  << QStringLiteral("4bd27abd1d0d");
        QTest::newRow("unknown source")
            << QStringLiteral("unknown_unknown_source") << QStringLiteral("65be8a76856b");
        QTest::newRow("service") << QStringLiteral("svc_unknown_unknown_unknown")
                                 << QStringLiteral("a57b9b85f078");
        QTest::newRow("edge") << QStringLiteral(
            "1e4148c5bef0363ad2d1768561fee88cbb32472c458cea990374e23224998811."
            "04539cd0fc30485f2cd300cfd4383796350b15eb01d7d40d8ae6284f06521580.http")
                              << QStringLiteral("1db6a434330d");
    }
    void idsMatchKiali()
    {
        QFETCH(QString, key);
        QFETCH(QString, idPrefix);
        const QString id = IstioTopologyBuilder::hashId(key);
        QCOMPARE(id.size(), 64);
        QVERIFY2(id.startsWith(idPrefix), qPrintable(id));
    }

    void reportersAreDeduplicatedDestinationFirst()
    {
        IstioTopologyBuilder builder;
        // Kiali's order: query 0 (none here), 2 (destination), 3 (source).
        builder.addRequestResult(response({requestSeries("shop", "frontend", "shop", "cart", "200", 9)}));
        builder.addRequestResult(response({requestSeries("shop", "frontend", "shop", "cart", "200", 10),
            requestSeries("shop", "frontend", "shop", "cart", "503", 1)}));
        EntityNamer namer;
        const TopologyFrame frame = builder.build(1000, {QStringLiteral("shop")}, namer);
        QCOMPARE(frame.nodes.size(), std::size_t(2));
        const TopologyEdge* edge = findEdge(frame, QStringLiteral("frontend"), QStringLiteral("cart"));
        QVERIFY(edge);
        // 9 (destination wins over the source's 10) + 1 (503 seen only by the source).
        QCOMPARE(edge->requestRate, 10.0);
        QCOMPARE(edge->errorRatio, 0.1);
        QCOMPARE(edge->ratesByCode.at(QStringLiteral("503")), 1.0);
        QCOMPARE(edge->id,
            IstioTopologyBuilder::hashId(
                frame.nodes[0].id + QLatin1Char('.') + frame.nodes[1].id + QStringLiteral(".http")));
        QCOMPARE(frame.nodes[0].id, IstioTopologyBuilder::hashId(QStringLiteral("wl_east_shop_frontend")));
        QVERIFY(frame.nodes[0].isRoot);
    }

    void unknownSourceAndNoResponse()
    {
        IstioTopologyBuilder builder;
        builder.addRequestResult(response({requestSeries("unknown", "unknown", "shop", "frontend", "200", 5),
            requestSeries("unknown", "unknown", "shop", "frontend", "0", 5)}));
        EntityNamer namer;
        const TopologyFrame frame = builder.build(1000, {}, namer);
        const TopologyNode* unknown = frame.node(QStringLiteral("unknown"));
        QVERIFY(unknown);
        QCOMPARE(unknown->kind, NodeKind::Unknown);
        QCOMPARE(unknown->id, IstioTopologyBuilder::hashId(QStringLiteral("unknown_unknown_source")));
        const TopologyEdge* edge = findEdge(frame, QStringLiteral("unknown"), QStringLiteral("frontend"));
        QVERIFY(edge);
        QCOMPARE(edge->ratesByCode.count(QStringLiteral("-")), std::size_t(1)); // code 0 means no response
        QCOMPARE(edge->errorRatio, 0.5);
    }

    void grpcUsesItsStatus()
    {
        PromSeries ok = requestSeries("shop", "a", "shop", "b", "200", 4, QStringLiteral("grpc"));
        ok.labels.emplace_back(QStringLiteral("grpc_response_status"), QStringLiteral("0"));
        PromSeries failed = requestSeries("shop", "a", "shop", "b", "200", 1, QStringLiteral("grpc"));
        failed.labels.emplace_back(QStringLiteral("grpc_response_status"), QStringLiteral("14"));
        IstioTopologyBuilder builder;
        builder.addRequestResult(response({ok, failed}));
        EntityNamer namer;
        const TopologyFrame frame = builder.build(0, {}, namer);
        QCOMPARE(frame.edges.size(), std::size_t(1));
        QCOMPARE(frame.edges[0].protocol, QStringLiteral("grpc"));
        QCOMPARE(frame.edges[0].errorRatio, 0.2);
        QCOMPARE(frame.edges[0].ratesByCode.at(QStringLiteral("14")), 1.0);
    }

    void badTelemetryIsSkipped()
    {
        // Source namespace known but neither workload nor app: Kiali drops it.
        PromSeries bad = requestSeries("shop", "unknown", "shop", "b", "200", 1);
        bad.labels[3].second = QStringLiteral("unknown");
        bad.labels[0].second = QStringLiteral("east");
        IstioTopologyBuilder builder;
        builder.addRequestResult(response({bad}));
        EntityNamer namer;
        QVERIFY(builder.build(0, {}, namer).edges.empty());
    }

    void destinationWithoutWorkloadIsAService()
    {
        IstioTopologyBuilder builder;
        builder.addRequestResult(response({requestSeries("shop", "a", "unknown", "unknown", "404", 4)}));
        EntityNamer namer;
        const TopologyFrame frame = builder.build(0, {}, namer);
        QCOMPARE(frame.nodes.size(), std::size_t(2));
        QCOMPARE(frame.nodes[1].kind, NodeKind::Service);
        QCOMPARE(frame.nodes[1].id, IstioTopologyBuilder::hashId(QStringLiteral("svc_east_unknown_unknown")));
    }

    void ambiguousNamesAreQualifiedAndSticky()
    {
        EntityNamer namer;
        namer.learn({{QStringLiteral("shop"), QStringLiteral("db")},
            {QStringLiteral("billing"), QStringLiteral("db")},
            {QStringLiteral("shop"), QStringLiteral("cart")}});
        QCOMPARE(namer.name(QStringLiteral("shop"), QStringLiteral("db")), QStringLiteral("shop/db"));
        QCOMPARE(namer.name(QStringLiteral("billing"), QStringLiteral("db")), QStringLiteral("billing/db"));
        QCOMPARE(namer.name(QStringLiteral("shop"), QStringLiteral("cart")), QStringLiteral("cart"));
        // A same-named newcomer is qualified; the name already given stays.
        QCOMPARE(namer.name(QStringLiteral("dev"), QStringLiteral("cart")), QStringLiteral("dev/cart"));
        QCOMPARE(namer.name(QStringLiteral("shop"), QStringLiteral("cart")), QStringLiteral("cart"));
    }

    void promqlMatchesKiali()
    {
        const QStringList queries = IstioPromql::topologyRequestQueries(QStringLiteral("bookinfo"), 600);
        QCOMPARE(queries.size(), 3);
        QCOMPARE(queries[1],
            QStringLiteral("round(sum(rate(istio_requests_total{reporter=\"destination\",destination_"
                           "workload_namespace=\"bookinfo\"} "
                           "[600s])) by (")
                + IstioPromql::requestGroupBy() + QStringLiteral(") > 0,0.001)"));
        QVERIFY(queries[0].contains(QStringLiteral("destination_service=~\"^.+\\\\.bookinfo\\\\..+$\"")));
        for (const auto& golden : IstioPromql::goldenSignalQueries({QStringLiteral("a.b")}, 60))
            QVERIFY2(golden.promql.contains(QStringLiteral("destination_workload_namespace=~\"a\\\\.b\"")),
                qPrintable(golden.promql));
    }
};

QTEST_GUILESS_MAIN(TestLiveTopology)
#include "test_live_topology.moc"
