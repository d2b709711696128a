// Parsers and the mapping of Prometheus/Istio/Kiali data to series and topology.

#include "test_support.h"

#include "importers/importer.h"
#include "importers/kiali_graph.h"
#include "importers/prom_json.h"
#include "model/meshscope_error.h"
#include "model/signal_names.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace meshscope;
using namespace meshscope::testing;

namespace {

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        qFatal("cannot write test file");
    return path;
}

/// Value of (entity, signal) at tMs, NaN when absent.
double valueAt(const Dataset& ds, const QString& entity, const QString& signal, qint64 tMs)
{
    const SeriesId id = ds.series.find(SeriesKey {entity, signal});
    if (id == InvalidSeries)
        return std::nan("");
    const SeriesSpan span = ds.series.samples(id);
    for (std::size_t i = 0; i < span.size; ++i) {
        if (span.timesMs[i] == tMs)
            return span.values[i];
    }
    return std::nan("");
}

QString errorOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const MeshscopeError& e) {
        return e.message();
    }
    return {};
}

Dataset importText(const QByteArray& text, ImportReport* report = nullptr, InputFormat format = InputFormat::OpenMetrics)
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("input.om"), text);
    Dataset ds;
    const ImportReport r = importInto(ds, {path}, format);
    if (report)
        *report = r;
    return ds;
}

/// An Istio request counter line.
QByteArray requests(const char* reporter, const char* src, const char* dst, const char* code, double value, int t)
{
    return QByteArray("istio_requests_total{reporter=\"") + reporter + "\",source_workload=\"" + src
        + "\",source_workload_namespace=\"shop\",destination_workload=\"" + dst
        + "\",destination_workload_namespace=\"shop\",request_protocol=\"http\",response_code=\"" + code + "\"} "
        + QByteArray::number(value) + ' ' + QByteArray::number(t) + '\n';
}

} // namespace

class TestImporters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void promJsonMatrix()
    {
        const QByteArray body = R"({"status":"success","data":{"resultType":"matrix","result":[
            {"metric":{"__name__":"up","job":"api"},"values":[[1700000000,"1"],[1700000015.5,"NaN"],[1700000030,"+Inf"],[1700000045,"-Inf"],[1700000060,"1e-07"]]}]},
            "warnings":["partial"]})";
        const PromResponse r = parsePromResponse(body, QStringLiteral("t.json"));
        QCOMPARE(r.status, QStringLiteral("success"));
        QCOMPARE(r.resultType, QStringLiteral("matrix"));
        QCOMPARE(r.warnings, QStringList {QStringLiteral("partial")});
        QCOMPARE(r.series.size(), std::size_t(1));
        const PromSeries& s = r.series[0];
        QCOMPARE(s.label(QStringLiteral("job")), QStringLiteral("api"));
        QCOMPARE(s.timesMs[1], qint64(1700000015500));
        QVERIFY(std::isnan(s.values[1]));
        QVERIFY(std::isinf(s.values[2]) && s.values[2] > 0);
        QVERIFY(std::isinf(s.values[3]) && s.values[3] < 0);
        QCOMPARE(s.values[4], 1e-07);
    }

    void promJsonVectorScalarAndError()
    {
        const PromResponse v = parsePromResponse(
            R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1700000000.781,"2.5"]}]}})", QStringLiteral("v"));
        QCOMPARE(v.series.size(), std::size_t(1));
        QCOMPARE(v.series[0].timesMs[0], qint64(1700000000781));
        QCOMPARE(v.series[0].values[0], 2.5);
        const PromResponse s = parsePromResponse(R"({"status":"success","data":{"resultType":"scalar","result":[1700000000,"4"]}})", QStringLiteral("s"));
        QCOMPARE(s.series.size(), std::size_t(1));
        QCOMPARE(s.series[0].values[0], 4.0);
        const PromResponse e = parsePromResponse(R"({"status":"error","errorType":"bad_data","error":"boom"})", QStringLiteral("e"));
        QCOMPARE(e.status, QStringLiteral("error"));
        QCOMPARE(e.errorType, QStringLiteral("bad_data"));
        QCOMPARE(e.error, QStringLiteral("boom"));
    }

    void promJsonMalformed_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("truncated") << QByteArray(R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,"1")");
        QTest::newRow("not json") << QByteArray("hello");
        QTest::newRow("value not string") << QByteArray(R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,true]}]}})");
        QTest::newRow("value not number") << QByteArray(R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"abc"]}]}})");
        QTest::newRow("label not string") << QByteArray(R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{"a":1},"value":[1,"1"]}]}})");
        QTest::newRow("array root") << QByteArray("[1,2]");
        QTest::newRow("no status") << QByteArray(R"({"data":null})");
        QTest::newRow("trailing") << QByteArray(R"({"status":"success"} {})");
        QTest::newRow("bad utf8") << QByteArray("{\"status\":\"succ\xff\"}");
        QTest::newRow("huge time") << QByteArray(R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1e300,"1"]}]}})");
        QTest::newRow("empty") << QByteArray();
    }
    void promJsonMalformed()
    {
        QFETCH(QByteArray, body);
        const QString error = errorOf([&] { parsePromResponse(body, QStringLiteral("bad.json")); });
        QVERIFY2(error.startsWith(QStringLiteral("bad.json")), qPrintable(error));
    }

    void promJsonOffsetIsReported()
    {
        const QByteArray body = R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"zz"]}]}})";
        const QString error = errorOf([&] { parsePromResponse(body, QStringLiteral("x.json")); });
        QVERIFY2(error.contains(QStringLiteral("byte ")), qPrintable(error));
    }

    void promJsonImportMapsEntities()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("p99 latency.json"), R"({"status":"success","data":{"resultType":"matrix","result":[
            {"metric":{"source_workload":"web","destination_workload":"cart"},"values":[[100,"5"],[115,"6"]]},
            {"metric":{"destination_workload":"cart"},"values":[[100,"7"],[115,"NaN"]]},
            {"metric":{"__name__":"process_cpu_seconds_total","pod":"cart-1"},"values":[[100,"1"]]},
            {"metric":{"pod":"cart-1","__name__":"process_cpu_seconds_total"},"values":[[100,"2"]]}]}})");
        Dataset ds;
        const ImportReport report = importInto(ds, {path});
        QCOMPARE(valueAt(ds, QStringLiteral("web->cart"), QStringLiteral("p99_latency"), 115000), 6.0);
        QCOMPARE(valueAt(ds, QStringLiteral("cart"), QStringLiteral("p99_latency"), 100000), 7.0);
        // Two series mapping to one (entity, signal) are summed, not dropped.
        QCOMPARE(valueAt(ds, QStringLiteral("cart-1"), QStringLiteral("process_cpu_seconds_total"), 100000), 3.0);
        QCOMPARE(report.samples, qint64(4));
        QVERIFY(!report.warnings.isEmpty()); // the NaN
    }

    void promJsonApiErrorIsAnImportError()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("e.json"), R"({"status":"error","errorType":"timeout","error":"query timed out"})");
        Dataset ds;
        const QString error = errorOf([&] { importInto(ds, {path}); });
        QVERIFY2(error.contains(QStringLiteral("query timed out")), qPrintable(error));
    }

    void openMetricsRatesAndErrorRatio()
    {
        QByteArray text = "# TYPE istio_requests_total counter\n";
        // 10 req/s of 200 and 1 req/s of 503 between t=0 and t=10, then a counter reset.
        text += requests("destination", "web", "cart", "200", 0, 0) + requests("destination", "web", "cart", "200", 100, 10)
            + requests("destination", "web", "cart", "200", 30, 20);
        text += requests("destination", "web", "cart", "503", 0, 0) + requests("destination", "web", "cart", "503", 10, 10)
            + requests("destination", "web", "cart", "503", 20, 20);
        // The source sidecar saw the same requests: it must not be added.
        text += requests("source", "web", "cart", "200", 0, 0) + requests("source", "web", "cart", "200", 100, 10);
        text += "# EOF\n";
        ImportReport report;
        const Dataset ds = importText(text, &report);
        QCOMPARE(valueAt(ds, QStringLiteral("web->cart"), SignalName::RequestRate, 10000), 11.0);
        QCOMPARE(valueAt(ds, QStringLiteral("web->cart"), SignalName::ErrorRatio, 10000), 1.0 / 11.0);
        QCOMPARE(valueAt(ds, QStringLiteral("web->cart"), SignalName::RequestRate, 20000), 3.0 + 1.0); // reset: 30 counts as the increase
        QCOMPARE(valueAt(ds, QStringLiteral("cart"), SignalName::RequestRate, 10000), 11.0);
        QVERIFY(std::isnan(valueAt(ds, QStringLiteral("web"), SignalName::RequestRate, 10000))); // no inbound traffic
        QCOMPARE(report.topologyFrames, 1);
        const TopologyFrame merged = ds.topology.merged();
        QCOMPARE(merged.edges.size(), std::size_t(1));
        QCOMPARE(merged.edges[0].entity(), QStringLiteral("web->cart"));
        QCOMPARE(merged.nodes.size(), std::size_t(2));
    }

    void openMetricsSourceOnlyIsKept()
    {
        const QByteArray text = requests("source", "web", "ext", "0", 0, 0) + requests("source", "web", "ext", "0", 50, 10) + "# EOF\n";
        const Dataset ds = importText(text);
        QCOMPARE(valueAt(ds, QStringLiteral("web->ext"), SignalName::RequestRate, 10000), 5.0);
        QCOMPARE(valueAt(ds, QStringLiteral("web->ext"), SignalName::ErrorRatio, 10000), 1.0); // code 0 = no response
    }

    void openMetricsLatencyPercentiles()
    {
        // Per step: 50 requests <= 10 ms, 40 in (10, 100], 10 in (100, 1000]; sum 5000 ms.
        QByteArray text;
        const std::pair<const char*, double> buckets[] = {{"10", 50}, {"100", 90}, {"1000", 100}, {"+Inf", 100}};
        for (int step = 0; step <= 1; ++step) {
            for (const auto& [le, count] : buckets) {
                text += QByteArray("istio_request_duration_milliseconds_bucket{reporter=\"destination\",source_workload=\"web\",destination_workload=\"cart\",le=\"")
                    + le + "\"} " + QByteArray::number(count * step) + ' ' + QByteArray::number(step * 15) + '\n';
            }
        }
        for (int step = 0; step <= 1; ++step) {
            text += "istio_request_duration_milliseconds_sum{reporter=\"destination\",source_workload=\"web\",destination_workload=\"cart\"} "
                + QByteArray::number(5000 * step) + ' ' + QByteArray::number(step * 15) + '\n';
            text += "istio_request_duration_milliseconds_count{reporter=\"destination\",source_workload=\"web\",destination_workload=\"cart\"} "
                + QByteArray::number(100 * step) + ' ' + QByteArray::number(step * 15) + '\n';
        }
        const Dataset ds = importText(text + "# EOF\n");
        const QString edge = QStringLiteral("web->cart");
        QCOMPARE(valueAt(ds, edge, SignalName::LatencyP50, 15000), 10.0);            // rank 50 ends bucket 1
        QCOMPARE(valueAt(ds, edge, SignalName::LatencyP90, 15000), 100.0);           // rank 90 ends bucket 2
        QCOMPARE(valueAt(ds, edge, SignalName::LatencyP95, 15000), 100.0 + 900 * 0.5); // halfway into (100, 1000]
        QCOMPARE(valueAt(ds, edge, SignalName::LatencyP99, 15000), 100.0 + 900 * 0.9);
        QCOMPARE(valueAt(ds, edge, SignalName::LatencyAvg, 15000), 50.0);
        QCOMPARE(valueAt(ds, QStringLiteral("cart"), SignalName::LatencyAvg, 15000), 50.0);
    }

    void openMetricsTcpAndCustomSeries()
    {
        const QByteArray text = "istio_tcp_sent_bytes_total{reporter=\"destination\",source_workload=\"web\",destination_workload=\"db\"} 0 0\n"
                                "istio_tcp_sent_bytes_total{reporter=\"destination\",source_workload=\"web\",destination_workload=\"db\"} 1000 10\n"
                                "# TYPE node_memory gauge\n"
                                "node_memory{instance=\"10.0.0.1:9100\"} 42 0\n"
                                "node_memory{instance=\"10.0.0.1:9100\"} 43.5 10 # {trace_id=\"x\"} 1\n"
                                "My_Metric:Total_total{job=\"batch\"} 5 0\n"
                                "My_Metric:Total_total{job=\"batch\"} 15 10\n# EOF\n";
        const Dataset ds = importText(text);
        QCOMPARE(valueAt(ds, QStringLiteral("web->db"), SignalName::TcpSent, 10000), 100.0);
        QCOMPARE(valueAt(ds, QStringLiteral("10.0.0.1:9100"), QStringLiteral("node_memory"), 10000), 43.5);
        QCOMPARE(valueAt(ds, QStringLiteral("batch"), QStringLiteral("my_metric_total_total"), 10000), 1.0);
        QCOMPARE(ds.topology.merged().edges.at(0).protocol, QStringLiteral("tcp"));
    }

    void openMetricsAmbiguousWorkloadsGetNamespace()
    {
        QByteArray text;
        for (const char* ns : {"a", "b"}) {
            for (int t : {0, 10}) {
                text += QByteArray("istio_requests_total{reporter=\"destination\",source_workload=\"web\",source_workload_namespace=\"x\",destination_workload=\"api\",destination_workload_namespace=\"")
                    + ns + "\",response_code=\"200\"} " + QByteArray::number(t) + ' ' + QByteArray::number(t) + '\n';
            }
        }
        const Dataset ds = importText(text);
        QVERIFY(ds.series.find(SeriesKey {QStringLiteral("web->a/api"), SignalName::RequestRate}) != InvalidSeries);
        QVERIFY(ds.series.find(SeriesKey {QStringLiteral("web->b/api"), SignalName::RequestRate}) != InvalidSeries);
    }

    void openMetricsDuplicatesAreCounted()
    {
        const QByteArray text = "up{job=\"a\"} 1 10\nup{job=\"a\"} 1 10\nup{job=\"a\"} 1 5\nup{job=\"a\"} 1 20\n# EOF\n";
        ImportReport report;
        const Dataset ds = importText(text, &report);
        QCOMPARE(report.duplicates, qint64(1));
        QCOMPARE(report.outOfOrder, qint64(1));
        QCOMPARE(ds.series.sampleCount(), qint64(2));
    }

    void openMetricsMalformed_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::newRow("no timestamp") << QByteArray("up 1 10\nup 1\n") << 2;
        QTest::newRow("bad value") << QByteArray("up abc 10\n") << 1;
        QTest::newRow("bad timestamp") << QByteArray("# HELP x\nup 1 1e400\n") << 2;
        QTest::newRow("unterminated labels") << QByteArray("up{a=\"b\" 1 10\n") << 1;
        QTest::newRow("bad label") << QByteArray("up{a=b} 1 10\n") << 1;
        QTest::newRow("bad name") << QByteArray("\n\n9up 1 10\n") << 3;
        QTest::newRow("non-utf8 label") << QByteArray("up{a=\"\xff\xfe\"} 1 10\n") << 1;
        QTest::newRow("trailing text") << QByteArray("up 1 10 extra\n") << 1;
        QTest::newRow("truncated") << QByteArray("up{a=\"b\",c") << 1;
    }
    void openMetricsMalformed()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        const QString error = errorOf([&] { importText(text); });
        QVERIFY2(error.contains(QStringLiteral("input.om:%1:").arg(line)), qPrintable(error));
    }

    void kialiFixtures_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("boxes");
        QTest::addColumn<int>("nodes");
        QTest::addColumn<int>("edges");
        // Counts from fixtures/kiali/SOURCES.md; "nodes" there include the boxes.
        QTest::newRow("versioned app") << QStringLiteral("test_versioned_app_graph.expected") << 1 << 13 << 18;
        QTest::newRow("workload") << QStringLiteral("test_workload_graph.expected") << 0 << 13 << 18;
        QTest::newRow("service") << QStringLiteral("test_service_graph.expected") << 0 << 10 << 13;
        QTest::newRow("complex") << QStringLiteral("test_complex_graph.expected") << 0 << 10 << 9;
        QTest::newRow("large") << QStringLiteral("large_graph.json") << 258 << 591 << 588;
        QTest::newRow("large b3f3881") << QStringLiteral("kiali-ui-b3f3881/large_graph.json") << 25 << 78 << 64;
    }
    void kialiFixtures()
    {
        MESHSCOPE_REQUIRE_SHARED();
        QFETCH(QString, file);
        QFETCH(int, boxes);
        QFETCH(int, nodes);
        QFETCH(int, edges);
        QFile f(sharedPath(QStringLiteral("fixtures/kiali/") + file));
        QVERIFY(f.open(QIODevice::ReadOnly));
        KialiGraphStats stats;
        const TopologyFrame frame = parseKialiGraph(f.readAll(), file, &stats);
        QCOMPARE(stats.boxNodes, boxes);
        QCOMPARE(stats.nodes, nodes);
        QCOMPARE(stats.edges, edges);
        QCOMPARE(int(frame.nodes.size()), nodes);
        QCOMPARE(int(frame.edges.size()), edges);
        QSet<QString> names;
        for (const TopologyNode& n : frame.nodes)
            names.insert(n.name);
        QCOMPARE(names.size(), nodes); // entity names are unique
        for (const TopologyEdge& e : frame.edges) {
            QVERIFY(names.contains(e.source) && names.contains(e.destination));
            QVERIFY(std::isfinite(e.requestRate) && e.errorRatio >= 0 && e.errorRatio <= 1);
        }
    }

    void kialiRatesAndResponses()
    {
        const QByteArray body = R"({"timestamp":1523364075,"duration":600,"graphType":"workload","elements":{
          "nodes":[{"data":{"id":"a","nodeType":"workload","cluster":"c","namespace":"shop","workload":"web","healthData":null,"isRoot":true}},
                   {"data":{"id":"b","nodeType":"workload","cluster":"c","namespace":"shop","workload":"cart"}}],
          "edges":[{"data":{"id":"e","source":"a","target":"b","responseTime":"82",
             "traffic":{"protocol":"http","rates":{"http":"60.00","http5xx":"20.00","httpPercentErr":"33.3","httpPercentReq":"+Inf"},
             "responses":{"200":{"flags":{"-":"66.7"}},"500":{"flags":{"-":"33.3"}}}}}}]}})";
        KialiGraphStats stats;
        const TopologyFrame frame = parseKialiGraph(body, QStringLiteral("g.json"), &stats);
        QCOMPARE(frame.tMs, qint64(1523364075000));
        QCOMPARE(stats.graphType, QStringLiteral("workload"));
        QCOMPARE(frame.edges.size(), std::size_t(1));
        const TopologyEdge& e = frame.edges[0];
        QCOMPARE(e.entity(), QStringLiteral("web->cart"));
        QCOMPARE(e.requestRate, 60.0);
        QVERIFY(std::fabs(e.errorRatio - 0.333) < 1e-9);
        QCOMPARE(e.latencyP95Ms, 82.0);
        QVERIFY(std::fabs(e.ratesByCode.at(QStringLiteral("500")) - 19.98) < 1e-9);
        QVERIFY(frame.node(QStringLiteral("web"))->isRoot);
    }

    void kialiMalformed_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("truncated") << QByteArray(R"({"elements":{"nodes":[{"data":{"id":"a")");
        QTest::newRow("no elements") << QByteArray(R"({"timestamp":1})");
        QTest::newRow("nodes not array") << QByteArray(R"({"elements":{"nodes":{}}})");
        QTest::newRow("dangling edge") << QByteArray(R"({"elements":{"nodes":[],"edges":[{"data":{"id":"e","source":"x","target":"y"}}]}})");
        QTest::newRow("rate wrong type") << QByteArray(R"({"elements":{"nodes":[{"data":{"id":"a","nodeType":"workload","workload":"w"}}],"edges":[{"data":{"id":"e","source":"a","target":"a","traffic":{"protocol":"http","rates":{"http":[]}}}}]}})");
        QTest::newRow("rate not number") << QByteArray(R"({"elements":{"nodes":[{"data":{"id":"a","nodeType":"workload","workload":"w"}}],"edges":[{"data":{"id":"e","source":"a","target":"a","traffic":{"protocol":"http","rates":{"http":"fast"}}}}]}})");
        QTest::newRow("node without data") << QByteArray(R"({"elements":{"nodes":[{}]}})");
    }
    void kialiMalformed()
    {
        QFETCH(QByteArray, body);
        const QString error = errorOf([&] { parseKialiGraph(body, QStringLiteral("k.json")); });
        QVERIFY2(error.startsWith(QStringLiteral("k.json")), qPrintable(error));
    }

    void absurdInputsFailCleanly()
    {
        const QByteArray deep = QByteArray(200000, '[') + QByteArray(200000, ']');
        QVERIFY(!errorOf([&] { parsePromResponse(deep, QStringLiteral("deep.json")); }).isEmpty());
        QVERIFY(!errorOf([&] { parseKialiGraph(deep, QStringLiteral("deep.json")); }).isEmpty());
        const QByteArray deepObject = "{\"status\":\"success\",\"data\":" + QByteArray(5000, '[') + QByteArray(5000, ']') + '}';
        QVERIFY(!errorOf([&] { parsePromResponse(deepObject, QStringLiteral("deep.json")); }).isEmpty());
        // One 8 MB line without a newline, and a label value of 1 MB: errors or data, never a crash.
        QVERIFY(!errorOf([&] { importText(QByteArray(8 << 20, 'a')); }).isEmpty());
        const Dataset ds = importText("up{job=\"" + QByteArray(1 << 20, 'x') + "\"} 1 10\n");
        QCOMPARE(ds.series.sampleCount(), qint64(1));
        QVERIFY(!errorOf([&] { importText(QByteArray("up 1 99999999999999999999\n")); }).isEmpty());
    }

    void detectFormats()
    {
        QTemporaryDir dir;
        QCOMPARE(detectInputFormat(writeFile(dir, QStringLiteral("a"), "# TYPE x gauge\nx 1 1\n")), InputFormat::OpenMetrics);
        QCOMPARE(detectInputFormat(writeFile(dir, QStringLiteral("b"), " {\"status\":\"success\",\"data\":{}}")), InputFormat::PromJson);
        QCOMPARE(detectInputFormat(writeFile(dir, QStringLiteral("c"), "{\"timestamp\":1,\"elements\":{}}")), InputFormat::Kiali);
        QCOMPARE(detectInputFormat(writeFile(dir, QStringLiteral("d"), QByteArray("SQLite format 3\0rest", 20))), InputFormat::Recording);
        writeFile(dir, QStringLiteral("signals.csv"), "timestamp,entity,signal,value\n");
        QCOMPARE(detectInputFormat(dir.path()), InputFormat::Case);
        QVERIFY(!errorOf([&] { detectInputFormat(writeFile(dir, QStringLiteral("e"), "\x01\x02 binary")); }).isEmpty());
        QVERIFY(!errorOf([&] { detectInputFormat(dir.filePath(QStringLiteral("missing"))); }).isEmpty());
        QCOMPARE(inputFormatFromName(QStringLiteral("prom-json")), InputFormat::PromJson);
        QCOMPARE(inputFormatName(InputFormat::Case), QStringLiteral("case"));
        QVERIFY(!errorOf([] { inputFormatFromName(QStringLiteral("csv")); }).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestImporters)
#include "test_importers.moc"
