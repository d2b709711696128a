// The raw Istio metrics (OpenMetrics), their acceptance by Debian's promtool, and
// 'meshscope-cli simulate'.

#include "sim_test_util.h"
#include "test_support.h"

#include "model/signal_names.h"
#include "recording/recording.h"
#include "simulator/fault_spec.h"
#include "simulator/istio_openmetrics.h"
#include "simulator/mesh_simulator.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace meshscope;
using namespace meshscope::testing;

namespace {
constexpr qint64 FixedEnd = 1748966400000LL;

SimulationResult smallSimulation()
{
    SimulationOptions o;
    o.topology = QStringLiteral("bookinfo");
    o.durationMs = 20 * 60000LL;
    o.endMs = FixedEnd;
    o.seed = 5;
    o.faults.push_back(parseFaultSpec(QStringLiteral("outage:ratings-v1@10m+5m")));
    return simulateMesh(o);
}

QByteArray openMetricsOf(const SimulationResult& r)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    writeIstioOpenMetrics(r, buffer);
    return buffer.data();
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

struct Sample
{
    double value;
    double t;
};
} // namespace

class TestSimulatorOutput : public QObject
{
    Q_OBJECT

private:
    QByteArray m_text;
    SimulationResult m_result;

private Q_SLOTS:
    void initTestCase()
    {
        m_result = smallSimulation();
        m_text = openMetricsOf(m_result);
    }

    void openMetricsShape()
    {
        QVERIFY(m_text.endsWith("\n# EOF\n"));
        QVERIFY(m_text.contains("# TYPE istio_requests counter\n"));
        QVERIFY(m_text.contains("# TYPE istio_request_duration_milliseconds histogram\n"));
        QVERIFY(m_text.contains("# TYPE istio_tcp_sent_bytes counter\n"));
        QVERIFY(!m_text.contains("\n\n"));
        QHash<QByteArray, Sample> last;
        QSet<QByteArray> les;
        const QList<QByteArray> lines = m_text.split('\n');
        int samples = 0;
        for (const QByteArray& line : lines) {
            if (line.isEmpty() || line.startsWith('#'))
                continue;
            const qsizetype close = line.lastIndexOf('}');
            QVERIFY2(close > 0, line.constData());
            const QByteArray series = line.left(close + 1);
            const QList<QByteArray> rest = line.mid(close + 2).split(' ');
            QCOMPARE(rest.size(), 2);
            const Sample s {rest[0].toDouble(), rest[1].toDouble()};
            QVERIFY2(s.t > 1.7e9 && s.t < 1.8e9, line.constData()); // seconds, not milliseconds
            const auto previous = last.constFind(series);
            if (previous != last.cend()) {
                QVERIFY2(s.t > previous->t, line.constData());
                QVERIFY2(s.value >= previous->value, line.constData());
            } else {
                QCOMPARE(s.value, 0.0); // every series starts at zero
            }
            last.insert(series, s);
            if (series.contains("le=\"")) {
                const qsizetype at = series.indexOf("le=\"") + 4;
                les.insert(series.mid(at, series.indexOf('"', at) - at));
            }
            ++samples;
        }
        QVERIFY(samples > 1000);
        QCOMPARE(les.size(), 20);
        QVERIFY(
            les.contains("0.5") && les.contains("3.6e+06") && les.contains("+Inf") && les.contains("300000"));
        QVERIFY(m_text.contains("reporter=\"source\""));
        QVERIFY(m_text.contains("reporter=\"destination\""));
        QVERIFY(m_text.contains("destination_service=\"ratings.bookinfo.svc.cluster.local\""));
        // The outage: the caller's sidecar reports 503 UH, nobody reports it as destination.
        for (const QByteArray& line : lines) {
            if (line.contains("response_flags=\"UH\""))
                QVERIFY(line.contains("reporter=\"source\"")
                    && line.contains("destination_workload=\"ratings-v1\""));
        }
        QVERIFY(m_text.contains("response_code=\"503\",response_flags=\"UH\""));
        QVERIFY(m_text.contains("response_code=\"0\",response_flags=\"UC\""));
    }

    /// rate(istio_requests_total) over a window equals the edge's mean request_rate.
    void countersMatchGoldenSignals()
    {
        const QByteArray edge = "source_workload=\"productpage-v1\",source_workload_namespace=\"bookinfo\"";
        const QByteArray dest = "destination_workload=\"details-v1\"";
        double firstSum = 0;
        double lastSum = 0;
        for (const QByteArray& line : m_text.split('\n')) {
            if (!line.startsWith("istio_requests_total{reporter=\"source\"") || !line.contains(edge)
                || !line.contains(dest))
                continue;
            const QList<QByteArray> parts = line.mid(line.lastIndexOf('}') + 2).split(' ');
            const qint64 t = parts[1].toLongLong() * 1000;
            if (t == m_result.startMs + 5 * 60000)
                firstSum += parts[0].toDouble();
            if (t == FixedEnd)
                lastSum += parts[0].toDouble();
        }
        const double fromCounters = (lastSum - firstSum) / (FixedEnd - m_result.startMs - 5 * 60000) * 1000.0;
        const double golden = meanOver(m_result.dataset, QStringLiteral("productpage-v1->details-v1"),
            SignalName::RequestRate, m_result.startMs + 5 * 60000 + 1, FixedEnd);
        QVERIFY2(std::abs(fromCounters / golden - 1.0) < 0.01,
            qPrintable(QStringLiteral("%1 vs %2").arg(fromCounters).arg(golden)));
    }

    void promtoolAcceptsIt()
    {
        const QString promtool = QStringLiteral("/usr/bin/promtool");
        if (!QFileInfo::exists(promtool))
            QSKIP("/usr/bin/promtool is missing (Debian package 'prometheus'): cannot check the backfill");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString input = dir.filePath(QStringLiteral("istio.om"));
        QFile file(input);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(m_text);
        file.close();
        QProcess process;
        process.start(promtool,
            {QStringLiteral("tsdb"), QStringLiteral("create-blocks-from"), QStringLiteral("openmetrics"),
                input, dir.filePath(QStringLiteral("tsdb"))});
        QVERIFY(process.waitForFinished(120000));
        const QByteArray output = process.readAllStandardOutput() + process.readAllStandardError();
        QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0, output.constData());
        QVERIFY2(output.contains("NUM SAMPLES"), output.constData());
    }

    void cliWritesAllOutputsDeterministically()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto run = [&](const QString& name) {
            return runCli({QStringLiteral("simulate"), QStringLiteral("--topology"),
                QStringLiteral("bookinfo"), QStringLiteral("--duration"), QStringLiteral("15m"),
                QStringLiteral("--end"), QString::number(FixedEnd / 1000), QStringLiteral("--seed"),
                QStringLiteral("9"), QStringLiteral("--fault"), QStringLiteral("errors:details-v1@5m+5m"),
                QStringLiteral("-o"), dir.filePath(name + QStringLiteral(".meshrec")),
                QStringLiteral("--openmetrics"), dir.filePath(name + QStringLiteral(".om")),
                QStringLiteral("--case"), dir.filePath(name + QStringLiteral("-case"))});
        };
        for (const QString& name : {QStringLiteral("a"), QStringLiteral("b")}) {
            const CliResult r = run(name);
            QVERIFY2(r.exitCode == 0, r.err.constData());
            QVERIFY(r.out.contains("fault errors on details-v1"));
        }
        for (const QString& file : {QStringLiteral("%1.om"), QStringLiteral("%1.om.truth.json"),
                 QStringLiteral("%1.meshrec.truth.json"), QStringLiteral("%1-case/signals.csv"),
                 QStringLiteral("%1-case/truth.json")}) {
            const QByteArray a = readAll(dir.filePath(file.arg(QLatin1Char('a'))));
            QVERIFY2(!a.isEmpty(), qPrintable(file));
            QVERIFY2(a == readAll(dir.filePath(file.arg(QLatin1Char('b')))),
                qPrintable(file + QStringLiteral(" differs")));
        }
        const QJsonObject truth
            = QJsonDocument::fromJson(readAll(dir.filePath(QStringLiteral("a-case/truth.json")))).object();
        QCOMPARE(truth.value(QStringLiteral("root_cause")).toString(), QStringLiteral("details-v1"));
        QCOMPARE(truth.value(QStringLiteral("fault")).toString(), QStringLiteral("errors"));
        QCOMPARE(truth.value(QStringLiteral("inject_time")).toInteger(), FixedEnd / 1000 - 600);
        const Dataset loaded = loadRecording(dir.filePath(QStringLiteral("a.meshrec")));
        // The recording stores its creation time, so compare its content, not its bytes.
        const Dataset other = loadRecording(dir.filePath(QStringLiteral("b.meshrec")));
        QCOMPARE(loaded.series.seriesCount(), other.series.seriesCount());
        for (SeriesId id = 0; id < loaded.series.seriesCount(); ++id) {
            const SeriesSpan x = loaded.series.samples(id);
            const SeriesSpan y = other.series.samples(other.series.find(loaded.series.key(id)));
            QVERIFY(x.size == y.size && std::equal(x.values, x.values + x.size, y.values));
        }
        QCOMPARE(loaded.topology.frames().size(), other.topology.frames().size());
        for (std::size_t i = 0; i < loaded.topology.frames().size(); ++i) {
            const TopologyFrame& f = loaded.topology.frames()[i];
            const TopologyFrame& g = other.topology.frames()[i];
            QVERIFY(f.tMs == g.tMs && f.nodes == g.nodes && f.edges == g.edges);
        }
        QVERIFY(loaded.series.find({QStringLiteral("details-v1"), SignalName::ErrorRatio}) != InvalidSeries);
        QCOMPARE(loaded.series.timeRange().endMs, FixedEnd);
        // An existing recording is not replaced without --force.
        const CliResult again = run(QStringLiteral("a"));
        QVERIFY(again.exitCode != 0);
    }

    void cliDemoAndErrors()
    {
        QTemporaryDir dir;
        const CliResult demo = runCli({QStringLiteral("simulate"), QStringLiteral("--demo"),
            QStringLiteral("-o"), dir.filePath(QStringLiteral("demo.meshrec"))});
        QVERIFY2(demo.exitCode == 0, demo.err.constData());
        QVERIFY(demo.out.contains("boutique"));
        QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("demo.meshrec.truth.json"))));
        const CliResult nothing = runCli({QStringLiteral("simulate")});
        QVERIFY(nothing.exitCode != 0 && nothing.err.contains("nothing to write"));
        const CliResult badTopology = runCli({QStringLiteral("simulate"), QStringLiteral("--topology"),
            QStringLiteral("ring"), QStringLiteral("--case"), dir.filePath(QStringLiteral("x"))});
        QVERIFY(badTopology.exitCode != 0 && badTopology.err.contains("unknown topology"));
        const CliResult badFault = runCli({QStringLiteral("simulate"), QStringLiteral("--fault"),
            QStringLiteral("latency:nobody"), QStringLiteral("--case"), dir.filePath(QStringLiteral("y"))});
        QVERIFY(badFault.exitCode != 0 && badFault.err.contains("nobody"));
        const CliResult mixed
            = runCli({QStringLiteral("simulate"), QStringLiteral("--demo"), QStringLiteral("--seed"),
                QStringLiteral("3"), QStringLiteral("--case"), dir.filePath(QStringLiteral("z"))});
        QVERIFY(mixed.exitCode != 0);
    }
};

QTEST_GUILESS_MAIN(TestSimulatorOutput)
#include "test_simulator_output.moc"
