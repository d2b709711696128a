// Investigation case folders and the exporters (OpenMetrics through real promtool,
// case folders through the reference checker).

#include "test_support.h"

#include "importers/importer.h"
#include "model/meshscope_error.h"
#include "model/signal_names.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace meshscope;
using namespace meshscope::testing;

namespace {

void writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        qFatal("cannot write test file");
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

struct ProcessResult
{
    int exitCode = -1;
    QByteArray out;
};

ProcessResult run(const QString& program, const QStringList& arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    ProcessResult result;
    if (!process.waitForStarted() || !process.waitForFinished(120000))
        return result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAll();
    return result;
}

/// A small mesh dataset with an edge, a node, awkward names and a topology.
Dataset sampleDataset()
{
    Dataset ds;
    const SeriesId edge = ds.series.ensureSeries({QStringLiteral("web->cart"), SignalName::RequestRate});
    const SeriesId node = ds.series.ensureSeries({QStringLiteral("cart \"main\", eu"), SignalName::LatencyP95});
    const SeriesId custom = ds.series.ensureSeries({QStringLiteral("db"), QStringLiteral("queue_depth")});
    for (int i = 0; i < 20; ++i) {
        const qint64 t = 1700000000000LL + i * 15000;
        ds.series.append(edge, t, 10.5 + i);
        ds.series.append(node, t + 500, 1e-5 * i);
        ds.series.append(custom, t, i % 3);
    }
    TopologyFrame frame;
    frame.tMs = 1700000000000LL;
    TopologyEdge e;
    e.source = QStringLiteral("web");
    e.destination = QStringLiteral("cart");
    frame.edges.push_back(e);
    ds.topology.add(frame);
    ds.settings.insert(QStringLiteral("case.alarm_time"), QStringLiteral("1700000150"));
    ds.settings.insert(QStringLiteral("case.step_s"), QStringLiteral("15"));
    ds.settings.insert(QStringLiteral("case.alarm_entity"), QStringLiteral("web"));
    return ds;
}

} // namespace

class TestImportCases : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void caseWithQuotingAndCrlf()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("signals.csv")),
            "timestamp,entity,signal,value\r\n"
            "1681875420,PetSite,request_rate,1.5\r\n"
            "1681875420,\"queue \"\"orders\"\"\",cpu,1.5e-05\r\n"
            "1681875420.25,frontend->cart,latency_p50_ms,4.9\r\n"
            "1681875480,PetSite,request_rate,2\r\n"
            "1681875480,PetSite,request_rate,3\r\n");
        writeFile(dir.filePath(QStringLiteral("topology.csv")), "source,destination\nfrontend,cart\n\"a, b\",cart\n");
        writeFile(dir.filePath(QStringLiteral("case.json")), R"({"alarm_time": 1681875480, "step_s": 60, "alarm_entity": "PetSite", "extra": [1]})");
        writeFile(dir.filePath(QStringLiteral("truth.json")), "this is never read");
        Dataset ds;
        const ImportReport report = importInto(ds, {dir.path()}, InputFormat::Auto);
        QCOMPARE(report.samples, qint64(4));
        QCOMPARE(report.duplicates, qint64(1));
        QCOMPARE(report.series, 3);
        QVERIFY(ds.series.find({QStringLiteral("queue \"orders\""), QStringLiteral("cpu")}) != InvalidSeries);
        const SeriesId edge = ds.series.find({QStringLiteral("frontend->cart"), SignalName::LatencyP50});
        QCOMPARE(ds.series.samples(edge).timesMs[0], qint64(1681875420250));
        QCOMPARE(ds.settings.value(QStringLiteral("case.alarm_time")), QStringLiteral("1681875480"));
        QCOMPARE(ds.settings.value(QStringLiteral("case.step_s")), QStringLiteral("60"));
        QCOMPARE(ds.settings.value(QStringLiteral("case.alarm_entity")), QStringLiteral("PetSite"));
        const TopologyFrame frame = ds.topology.merged();
        QCOMPARE(frame.edges.size(), std::size_t(2));
        QVERIFY(frame.node(QStringLiteral("a, b")) != nullptr);
        QVERIFY(frame.node(QStringLiteral("PetSite")) != nullptr);
    }

    void caseMalformed_data()
    {
        QTest::addColumn<QByteArray>("signals");
        QTest::addColumn<QString>("where");
        QTest::newRow("header") << QByteArray("time,entity,signal,value\n") << QStringLiteral("signals.csv:1");
        QTest::newRow("fields") << QByteArray("timestamp,entity,signal,value\n1,a,cpu\n") << QStringLiteral("signals.csv:2");
        QTest::newRow("nan") << QByteArray("timestamp,entity,signal,value\n1,a,cpu,1\n2,a,cpu,nan\n") << QStringLiteral("signals.csv:3");
        QTest::newRow("empty value") << QByteArray("timestamp,entity,signal,value\n1,a,cpu,\n") << QStringLiteral("signals.csv:2");
        QTest::newRow("signal") << QByteArray("timestamp,entity,signal,value\n1,a,CPU,1\n") << QStringLiteral("signals.csv:2");
        QTest::newRow("timestamp") << QByteArray("timestamp,entity,signal,value\n-1,a,cpu,1\n") << QStringLiteral("signals.csv:2");
        QTest::newRow("edge") << QByteArray("timestamp,entity,signal,value\n1,a->b->c,cpu,1\n") << QStringLiteral("signals.csv:2");
        QTest::newRow("quote") << QByteArray("timestamp,entity,signal,value\n1,\"a,cpu,1\n") << QStringLiteral("signals.csv:2");
        QTest::newRow("utf8") << QByteArray("timestamp,entity,signal,value\n1,\xc3\x28,cpu,1\n") << QStringLiteral("signals.csv");
    }
    void caseMalformed()
    {
        QFETCH(QByteArray, signals);
        QFETCH(QString, where);
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("signals.csv")), signals);
        Dataset ds;
        const QString error = errorOf([&] { importInto(ds, {dir.path()}, InputFormat::Case); });
        QVERIFY2(error.contains(where), qPrintable(error));
    }

    void allSharedCasesImport()
    {
        MESHSCOPE_REQUIRE_SHARED();
        const QDir root(sharedPath(QStringLiteral("data/rca-cases")));
        const QStringList cases = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        QCOMPARE(cases.size(), 102);
        for (const QString& name : cases) {
            Dataset ds;
            const ImportReport report = importInto(ds, {root.filePath(name)}, InputFormat::Case);
            QVERIFY2(report.samples > 0, qPrintable(name));
            QCOMPARE(report.duplicates + report.outOfOrder, qint64(0));
            QCOMPARE(ds.settings.value(QStringLiteral("case.id")), name);
            QVERIFY2(ds.settings.contains(QStringLiteral("case.step_s")), qPrintable(name));
        }
    }

    void exportCaseRoundTripAndCheck()
    {
        QTemporaryDir dir;
        const QString caseDir = dir.filePath(QStringLiteral("exported-case"));
        const Dataset original = sampleDataset();
        exportCase(original, caseDir);
        const QString checker = sharedPath(QStringLiteral("tools/rca_cases.py"));
        if (!sharedDir().isEmpty() && QFile::exists(checker)) {
            const ProcessResult check = run(QStringLiteral("python3"), {checker, QStringLiteral("--check-only"), caseDir});
            QVERIFY2(check.exitCode == 0, check.out.constData());
        }
        Dataset back;
        importInto(back, {caseDir});
        QCOMPARE(back.series.seriesCount(), original.series.seriesCount());
        QCOMPARE(back.series.sampleCount(), original.series.sampleCount());
        const SeriesId id = back.series.find({QStringLiteral("cart \"main\"; eu"), SignalName::LatencyP95}); // ',' -> ';'
        QVERIFY(id != InvalidSeries);
        QCOMPARE(back.series.samples(id).values[7], 7e-5);
        QCOMPARE(back.series.samples(id).timesMs[1], qint64(1700000015500));
        QCOMPARE(back.settings.value(QStringLiteral("case.alarm_time")), QStringLiteral("1700000150"));
        QCOMPARE(back.topology.merged().edges.size(), std::size_t(1));
    }

    void exportOpenMetricsPromtoolAccepts()
    {
        const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
        if (promtool.isEmpty())
            QSKIP("promtool is not installed");
        QTemporaryDir dir;
        const QString om = dir.filePath(QStringLiteral("out.om"));
        exportOpenMetrics(sampleDataset(), om);
        QFile file(om);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.endsWith("# EOF\n"));
        QVERIFY(!text.contains("\n\n"));
        QVERIFY(text.contains("meshscope_request_rate{entity=\"web->cart\",source=\"web\",destination=\"cart\"} 10.5 1700000000\n"));
        QVERIFY(text.contains("{entity=\"cart \\\"main\\\", eu\"} 0.00001 1700000015.5\n")
            || text.contains("{entity=\"cart \\\"main\\\", eu\"} 1e-05 1700000015.5\n"));

        const QString blocks = dir.filePath(QStringLiteral("tsdb"));
        const ProcessResult create = run(promtool, {QStringLiteral("tsdb"), QStringLiteral("create-blocks-from"), QStringLiteral("openmetrics"), om, blocks});
        QVERIFY2(create.exitCode == 0, create.out.constData());
        const ProcessResult list = run(promtool, {QStringLiteral("tsdb"), QStringLiteral("list"), blocks});
        QVERIFY2(list.exitCode == 0 && list.out.contains("60"), list.out.constData()); // 3 series x 20 samples
        // promtool 2.42's dump opens the WAL even for a block-only directory.
        QVERIFY(QDir().mkpath(blocks + QStringLiteral("/wal")));
        const ProcessResult dump = run(promtool, {QStringLiteral("tsdb"), QStringLiteral("dump"), blocks});
        QVERIFY2(dump.exitCode == 0, dump.out.constData());
        QCOMPARE(dump.out.count("meshscope_request_rate"), 20);
        QCOMPARE(dump.out.count("meshscope_queue_depth"), 20);
        QVERIFY(dump.out.contains("destination=\"cart\""));
        QVERIFY(dump.out.contains("10.5 1700000000000"));
    }

    void importedOpenMetricsRoundTrip()
    {
        QTemporaryDir dir;
        const QString om = dir.filePath(QStringLiteral("out.om"));
        const Dataset original = sampleDataset();
        exportOpenMetrics(original, om);
        Dataset back;
        importInto(back, {om});
        // meshscope's own export comes back under the original entity and signal.
        const SeriesId id = back.series.find({QStringLiteral("web->cart"), SignalName::RequestRate});
        QVERIFY(id != InvalidSeries);
        QCOMPARE(back.series.samples(id).size, std::size_t(20));
        QCOMPARE(back.series.samples(id).values[3], 13.5);
        QVERIFY(back.series.find({QStringLiteral("cart \"main\", eu"), SignalName::LatencyP95}) != InvalidSeries);
        QCOMPARE(back.series.sampleCount(), original.series.sampleCount());
    }

    void exportEmptyFails()
    {
        QTemporaryDir dir;
        QVERIFY(!errorOf([&] { exportCase(Dataset {}, dir.filePath(QStringLiteral("c"))); }).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestImportCases)
#include "test_import_cases.moc"
