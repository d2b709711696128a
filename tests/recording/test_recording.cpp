#include "recording/recording.h"

#include "model/meshscope_error.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <cmath>
#include <limits>
#include <numbers>

using namespace meshscope;

namespace {

constexpr qint64 T0 = 1700000000000;
constexpr qint64 Step = 15000;

double sampleValue(int series, int i)
{
    return std::round((10 + series + 5 * std::sin(i / 40.0)) * 1000) / 1000;
}

TopologyFrame frameAt(qint64 tMs, double rate, bool withExtraEdge)
{
    TopologyFrame frame;
    frame.tMs = tMs;
    TopologyNode a;
    a.name = QStringLiteral("frontend");
    a.ns = QStringLiteral("shop");
    a.kind = NodeKind::Workload;
    a.isRoot = true;
    TopologyNode b;
    b.name = QStringLiteral("cart");
    b.ns = QStringLiteral("shop");
    b.version = QStringLiteral("v2");
    b.kialiHealth = QStringLiteral("Degraded");
    frame.nodes = {a, b};
    TopologyEdge e;
    e.source = a.name;
    e.destination = b.name;
    e.requestRate = rate;
    e.errorRatio = 0.01;
    e.latencyP95Ms = 12.5;
    e.ratesByCode = {{QStringLiteral("200"), rate * 0.99}, {QStringLiteral("503"), rate * 0.01}};
    frame.edges = {e};
    if (withExtraEdge) {
        TopologyEdge back = e;
        back.source = b.name;
        back.destination = a.name;
        back.protocol = QStringLiteral("grpc");
        back.latencyP95Ms = -1;
        frame.edges.push_back(back);
    }
    return frame;
}

Dataset sampleDataset(int seriesCount, int samples)
{
    Dataset d;
    for (int s = 0; s < seriesCount; ++s) {
        const SeriesId id
            = d.series.ensureSeries({QStringLiteral("svc%1->db").arg(s), QStringLiteral("request_rate")});
        for (int i = 0; i < samples; ++i)
            d.series.append(id, T0 + i * Step, sampleValue(s, i));
    }
    d.series.ensureSeries({QStringLiteral("idle"), QStringLiteral("cpu")}); // no samples
    for (int f = 0; f < 6; ++f)
        d.topology.add(frameAt(T0 + f * 60000, 10 + f, f >= 4));
    Anomaly a;
    a.series = {QStringLiteral("svc1->db"), QStringLiteral("request_rate")};
    a.startMs = T0 + 1000;
    a.endMs = T0 + 9000;
    a.peakMs = T0 + 5000;
    a.significance = 87.5;
    a.peakScore = 0.93;
    a.expected = std::numeric_limits<double>::quiet_NaN();
    a.observed = 42;
    a.detector = QStringLiteral("robust_z");
    d.anomalies = {a, a};
    d.anomalies[1].detector = QStringLiteral("seasonal");
    Incident inc;
    inc.id = QStringLiteral("INC-1");
    inc.startMs = T0;
    inc.endMs = T0 + 9000;
    inc.significance = 90;
    inc.firstAffected = QStringLiteral("db");
    inc.resolved = true;
    inc.anomalyIndexes = {0, 1};
    RootCauseCandidate c;
    c.entity = QStringLiteral("db");
    c.score = 0.8;
    c.evidence = QStringLiteral("latency up \"4x\"");
    c.signalNames = {QStringLiteral("db/latency_p95_ms")};
    c.onsetMs = T0 + 1234;
    c.magnitude = 6.5;
    c.pathToSymptoms = {QStringLiteral("frontend"), QStringLiteral("db")};
    c.explainedByCallee = true;
    inc.candidates = {c};
    d.incidents = {inc};
    d.notes = {{T0 + 5000, QStringLiteral("db"), QStringLiteral("failover started"), QStringLiteral("ana"),
                   T0 + 6000, false},
        {T0 + 1000, QString(), QStringLiteral("ack"), QStringLiteral("bo"), T0 + 7000, true}};
    d.settings.insert(QStringLiteral("source"), QStringLiteral("prometheus http://prom:9090"));
    d.settings.insert(QStringLiteral("detector.window"), QStringLiteral("1h"));
    ExternalAlert closed;
    closed.name = QStringLiteral("HighErrorRate");
    closed.labels = {{QStringLiteral("destination_workload"), QStringLiteral("db")},
        {QStringLiteral("severity"), QStringLiteral("page")}};
    closed.state = QStringLiteral("firing");
    closed.activeAtMs = T0 + 2000;
    closed.startMs = T0 + 2000;
    closed.endMs = T0 + 8000;
    closed.entity = QStringLiteral("db");
    ExternalAlert open = closed;
    open.name = QStringLiteral("SlowCalls");
    open.state = QStringLiteral("pending");
    open.startMs = T0 + 4000;
    open.endMs = -1;
    open.entity = QStringLiteral("svc1->db");
    d.alerts = {closed, open};
    return d;
}

void compareAnomalies(const std::vector<Anomaly>& actual, const std::vector<Anomaly>& expected)
{
    QCOMPARE(actual.size(), expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i) {
        Anomaly a = actual[i];
        Anomaly e = expected[i];
        // NaN never compares equal: check it separately.
        QCOMPARE(std::isnan(a.expected), std::isnan(e.expected));
        a.expected = e.expected = 0;
        QVERIFY(a == e);
    }
}

void compareDatasets(const Dataset& actual, const Dataset& expected)
{
    QCOMPARE(actual.series.seriesCount(), expected.series.seriesCount());
    for (SeriesId id = 0; id < expected.series.seriesCount(); ++id) {
        const SeriesId other = actual.series.find(expected.series.key(id));
        QVERIFY(other != InvalidSeries);
        const SeriesSpan a = actual.series.samples(other);
        const SeriesSpan e = expected.series.samples(id);
        QCOMPARE(a.size, e.size);
        for (std::size_t i = 0; i < e.size; ++i) {
            QCOMPARE(a.timesMs[i], e.timesMs[i]);
            QCOMPARE(a.values[i], e.values[i]);
        }
    }
    QCOMPARE(actual.topology.frames().size(), expected.topology.frames().size());
    for (std::size_t i = 0; i < expected.topology.frames().size(); ++i) {
        const TopologyFrame& a = actual.topology.frames()[i];
        const TopologyFrame& e = expected.topology.frames()[i];
        QCOMPARE(a.tMs, e.tMs);
        QVERIFY(a.nodes == e.nodes);
        QVERIFY(a.edges == e.edges);
    }
    compareAnomalies(actual.anomalies, expected.anomalies);
    QVERIFY(actual.incidents == expected.incidents);
    QVERIFY(actual.notes == expected.notes);
    QVERIFY(actual.alerts == expected.alerts);
    QCOMPARE(actual.settings, expected.settings);
}

QByteArray fileHash(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

qint64 sqliteCount(const QString& path, const char* sql)
{
    sqlite3* db = nullptr;
    sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
    const qint64 n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
}

} // namespace

class TestRecording : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString& name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void datasetRoundTrip()
    {
        const Dataset original = sampleDataset(5, 3000);
        const QString file = path(QStringLiteral("round.meshrec"));
        saveRecording(original, file);
        QVERIFY(looksLikeRecording(file));
        QVERIFY(!QFile::exists(file + QStringLiteral("-wal")));
        compareDatasets(loadRecording(file), original);
        // Frames that only differ in their measurements are stored as measurements.
        QCOMPARE(sqliteCount(file, "SELECT count(*) FROM topology_frame WHERE base_id IS NULL"), qint64(2));
    }

    void readWhileRecording()
    {
        // The GUI may open a recording that a live session is still writing.
        const QString file = path(QStringLiteral("inprogress.meshrec"));
        auto writer = RecordingWriter::create(file);
        const SeriesKey key {QStringLiteral("a->b"), QStringLiteral("request_rate")};
        for (int round = 0; round < 3; ++round) {
            std::vector<qint64> times;
            std::vector<double> values;
            for (int i = round * 700; i < (round + 1) * 700; ++i) {
                times.push_back(T0 + i * Step);
                values.push_back(sampleValue(3, i));
            }
            writer->appendSamples(key, times.data(), values.data(), times.size());
            writer->commit();
            const auto reader = RecordingReader::open(file);
            QCOMPARE(reader->info().sampleCount, qint64((round + 1) * 700));
            std::vector<qint64> readTimes;
            std::vector<double> readValues;
            reader->readSeries(key, TimeRange {T0 + round * 700 * Step, std::numeric_limits<qint64>::max()},
                readTimes, readValues);
            QCOMPARE(readTimes, times);
            QCOMPARE(readValues, values);
        }
        writer->close();
        QCOMPARE(RecordingReader::open(file)->info().sampleCount, qint64(2100));
    }

    void infoIsComplete()
    {
        const Dataset original = sampleDataset(3, 2000);
        const QString file = path(QStringLiteral("info.meshrec"));
        saveRecording(original, file);
        const RecordingInfo info = RecordingReader::open(file)->info();
        QCOMPARE(info.schemaVersion, RecordingSchemaVersion);
        QCOMPARE(info.range, original.timeRange());
        QCOMPARE(info.seriesCount, 4);
        QCOMPARE(info.sampleCount, qint64(6000));
        QCOMPARE(info.topologyFrames, 6);
        QCOMPARE(info.nodeCount, 2);
        QCOMPARE(info.edgeCount, 2);
        QCOMPARE(info.anomalyCount, 2);
        QCOMPARE(info.incidentCount, 1);
        QCOMPARE(info.noteCount, 2);
        QCOMPARE(info.alertCount, 2);
        QCOMPARE(info.fileBytes, QFileInfo(file).size());
        QCOMPARE(info.health, QStringLiteral("ok"));
        QCOMPARE(info.settings, original.settings);
    }

    void alertLabelsNeverCarrySecrets()
    {
        Dataset d = sampleDataset(1, 10);
        d.alerts.front().labels.insert(QStringLiteral("api_token"), QStringLiteral("s3cr3t-alert-token"));
        d.alerts.front().labels.insert(
            QStringLiteral("Authorization"), QStringLiteral("Bearer s3cr3t-bearer"));
        const QString file = path(QStringLiteral("alert-secrets.meshrec"));
        saveRecording(d, file);
        QFile raw(file);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QByteArray bytes = raw.readAll();
        QVERIFY(!bytes.contains("s3cr3t"));
        const Dataset back = loadRecording(file);
        QCOMPARE(back.alerts.front().labels.value(QStringLiteral("severity")), QStringLiteral("page"));
        QVERIFY(!back.alerts.front().labels.contains(QStringLiteral("api_token")));
    }

    void readSeriesRange_data()
    {
        QTest::addColumn<qint64>("startIndex");
        QTest::addColumn<qint64>("endIndex");
        QTest::newRow("inside one chunk") << qint64(10) << qint64(20);
        QTest::newRow("across chunks") << qint64(1000) << qint64(2100);
        QTest::newRow("everything") << qint64(-5) << qint64(5000);
        QTest::newRow("one sample") << qint64(1024) << qint64(1024);
        QTest::newRow("before") << qint64(-10) << qint64(-1);
        QTest::newRow("after") << qint64(2500) << qint64(2600);
        QTest::newRow("last sample") << qint64(2499) << qint64(2499);
    }

    void readSeriesRange()
    {
        QFETCH(qint64, startIndex);
        QFETCH(qint64, endIndex);
        const QString file = path(QStringLiteral("range.meshrec"));
        if (!QFile::exists(file))
            saveRecording(sampleDataset(2, 2500), file);
        const auto reader = RecordingReader::open(file);
        std::vector<qint64> times {1, 2}; // replaced, not appended to
        std::vector<double> values {1};
        // Bounds between samples as well as on them.
        reader->readSeries({QStringLiteral("svc1->db"), QStringLiteral("request_rate")},
            TimeRange {T0 + startIndex * Step - 1, T0 + endIndex * Step}, times, values);
        const qint64 first = std::max<qint64>(0, startIndex);
        const qint64 last = std::min<qint64>(2499, endIndex);
        const qint64 expected = std::max<qint64>(0, last - first + 1);
        QCOMPARE(qint64(times.size()), expected);
        QCOMPARE(values.size(), times.size());
        for (qint64 i = 0; i < expected; ++i) {
            QCOMPARE(times[std::size_t(i)], T0 + (first + i) * Step);
            QCOMPARE(values[std::size_t(i)], sampleValue(1, int(first + i)));
        }
    }

    void typicalMetricsTakeAtMostFourBytesPerSample()
    {
        // Rounded like Prometheus and Kiali report them: rates 0.001, latencies 0.01 ms,
        // error ratios 1e-4, every 15 s.
        Dataset d;
        QRandomGenerator rng(3);
        for (int e = 0; e < 60; ++e) {
            const QString entity = QStringLiteral("s%1->t%1").arg(e);
            const SeriesId rate = d.series.ensureSeries({entity, QStringLiteral("request_rate")});
            const SeriesId errors = d.series.ensureSeries({entity, QStringLiteral("error_ratio")});
            const SeriesId latency = d.series.ensureSeries({entity, QStringLiteral("latency_p95_ms")});
            const double base = 1 + rng.bounded(300.0);
            for (int i = 0; i < 2000; ++i) {
                const qint64 t = T0 + i * Step;
                const double daily = 1 + 0.5 * std::sin(i * 2 * std::numbers::pi / 5760.0);
                const double noise = 1 + 0.05 * (rng.generateDouble() - 0.5);
                d.series.append(rate, t, std::round(base * daily * noise * 1000) / 1000);
                d.series.append(errors, t, std::round(0.002 * noise * rng.generateDouble() * 10000) / 10000);
                d.series.append(latency, t, std::round(40 * daily * noise * 100) / 100);
            }
        }
        const QString file = path(QStringLiteral("size.meshrec"));
        saveRecording(d, file);
        const double bytesPerSample = double(QFileInfo(file).size()) / double(d.series.sampleCount());
        QVERIFY2(bytesPerSample <= 4.0, qPrintable(QString::number(bytesPerSample)));
        compareDatasets(loadRecording(file), d);
    }

    void unknownSeriesReadsNothing()
    {
        const QString file = path(QStringLiteral("unknown.meshrec"));
        saveRecording(sampleDataset(1, 10), file);
        std::vector<qint64> times;
        std::vector<double> values;
        RecordingReader::open(file)->readSeries({QStringLiteral("nope"), QStringLiteral("cpu")},
            TimeRange {0, std::numeric_limits<qint64>::max()}, times, values);
        QVERIFY(times.empty() && values.empty());
    }

    void liveCommitsKeepChunksLarge()
    {
        // A live recording commits every few seconds with one sample per series: the open
        // chunk is rewritten rather than a new tiny chunk added each time.
        const QString file = path(QStringLiteral("live.meshrec"));
        auto writer = RecordingWriter::create(file);
        const SeriesKey key {QStringLiteral("a->b"), QStringLiteral("latency_p95_ms")};
        std::vector<qint64> expectedTimes;
        std::vector<double> expectedValues;
        for (int i = 0; i < 2500; ++i) {
            const qint64 t = T0 + i * Step;
            const double v = sampleValue(0, i);
            writer->appendSamples(key, &t, &v, 1);
            expectedTimes.push_back(t);
            expectedValues.push_back(v);
            if (i % 3 == 0)
                writer->commit();
        }
        writer->close();
        QCOMPARE(sqliteCount(file, "SELECT count(*) FROM chunk"), qint64(3));
        std::vector<qint64> times;
        std::vector<double> values;
        RecordingReader::open(file)->readSeries(
            key, TimeRange {0, std::numeric_limits<qint64>::max()}, times, values);
        QCOMPARE(times, expectedTimes);
        QCOMPARE(values, expectedValues);
    }

    void appendToClosedRecording()
    {
        const QString file = path(QStringLiteral("append.meshrec"));
        saveRecording(sampleDataset(2, 1500), file);
        {
            auto writer = RecordingWriter::openForAppend(file);
            std::vector<qint64> times;
            std::vector<double> values;
            for (int i = 1500; i < 1600; ++i) {
                times.push_back(T0 + i * Step);
                values.push_back(sampleValue(0, i));
            }
            writer->appendSamples({QStringLiteral("svc0->db"), QStringLiteral("request_rate")}, times.data(),
                values.data(), times.size());
            writer->addNote(
                {T0, QStringLiteral("x"), QStringLiteral("later"), QStringLiteral("c"), T0, false});
            const qint64 early = T0;
            const double v = 1;
            QVERIFY_THROWS_EXCEPTION(MeshscopeError,
                writer->appendSamples(
                    {QStringLiteral("svc1->db"), QStringLiteral("request_rate")}, &early, &v, 1));
            writer->close();
        }
        const Dataset loaded = loadRecording(file);
        const SeriesSpan span = loaded.series.samples(
            loaded.series.find({QStringLiteral("svc0->db"), QStringLiteral("request_rate")}));
        QCOMPARE(span.size, std::size_t(1600));
        for (int i = 0; i < 1600; ++i)
            QCOMPARE(span.values[i], sampleValue(0, i));
        QCOMPARE(loaded.notes.size(), std::size_t(3));
        QCOMPARE(RecordingReader::open(file)->info().sampleCount, qint64(3100));
    }

    void outOfOrderSamplesAreRefused()
    {
        auto writer = RecordingWriter::create(path(QStringLiteral("order.meshrec")));
        const qint64 times[] = {T0, T0 + 10, T0 + 10};
        const double values[] = {1, 2, 3};
        QVERIFY_THROWS_EXCEPTION(MeshscopeError,
            writer->appendSamples({QStringLiteral("a"), QStringLiteral("cpu")}, times, values, 3));
    }

    void createRefusesToReplaceUnlessAsked()
    {
        const QString file = path(QStringLiteral("exists.meshrec"));
        saveRecording(sampleDataset(1, 10), file);
        QVERIFY_THROWS_EXCEPTION(MeshscopeError, saveRecording(sampleDataset(1, 20), file));
        saveRecording(sampleDataset(1, 20), file, true);
        QCOMPARE(RecordingReader::open(file)->info().sampleCount, qint64(20));
    }

    void cancelledSaveLeavesNoFile()
    {
        const QString file = path(QStringLiteral("cancelled.meshrec"));
        JobControl job;
        job.cancel();
        QVERIFY_THROWS_EXCEPTION(CancelledError, saveRecording(sampleDataset(3, 100), file, false, &job));
        QVERIFY(!QFile::exists(file));
    }

    void progressIsReported()
    {
        const QString file = path(QStringLiteral("progress.meshrec"));
        double lastSave = -1;
        JobControl saveJob([&](double f) { lastSave = f; });
        saveRecording(sampleDataset(3, 100), file, false, &saveJob);
        QCOMPARE(lastSave, 1.0);
        double lastLoad = -1;
        JobControl loadJob([&](double f) { lastLoad = f; });
        loadRecording(file, &loadJob);
        QCOMPARE(lastLoad, 1.0);
    }

    void readingNeverModifiesTheFile()
    {
        const QString file = path(QStringLiteral("readonly.meshrec"));
        saveRecording(sampleDataset(2, 1200), file);
        const QByteArray before = fileHash(file);
        const QDateTime mtime = QFileInfo(file).lastModified();
        {
            const auto reader = RecordingReader::open(file);
            reader->info();
            Dataset d;
            reader->readInto(d);
        }
        QCOMPARE(fileHash(file), before);
        QCOMPARE(QFileInfo(file).lastModified(), mtime);
        QVERIFY(!QFile::exists(file + QStringLiteral("-wal")));
        QVERIFY(!QFile::exists(file + QStringLiteral("-shm")));
    }

    void crashImageIsRecoveredWithoutTouchingIt()
    {
        // A copy of the file and its log taken while the writer is still open is exactly
        // what a crash leaves behind.
        const QString file = path(QStringLiteral("writing.meshrec"));
        const QString crashed = path(QStringLiteral("crashed.meshrec"));
        auto writer = RecordingWriter::create(file);
        const SeriesKey key {QStringLiteral("a->b"), QStringLiteral("request_rate")};
        std::vector<qint64> times;
        std::vector<double> values;
        for (int i = 0; i < 1500; ++i) {
            times.push_back(T0 + i * Step);
            values.push_back(sampleValue(2, i));
        }
        writer->appendSamples(key, times.data(), values.data(), 1400);
        writer->commit();
        writer->appendSamples(key, times.data() + 1400, values.data() + 1400, 100); // never committed
        QVERIFY(QFile::copy(file, crashed));
        QVERIFY(QFile::copy(file + QStringLiteral("-wal"), crashed + QStringLiteral("-wal")));
        writer.reset();

        const QByteArray mainBefore = fileHash(crashed);
        const QByteArray walBefore = fileHash(crashed + QStringLiteral("-wal"));
        const QDateTime mtime = QFileInfo(crashed).lastModified();
        {
            const auto reader = RecordingReader::open(crashed);
            QVERIFY2(reader->info().health.contains(QLatin1String("not closed cleanly")),
                qPrintable(reader->info().health));
            std::vector<qint64> readTimes;
            std::vector<double> readValues;
            reader->readSeries(key, TimeRange {0, std::numeric_limits<qint64>::max()}, readTimes, readValues);
            QCOMPARE(readTimes, std::vector<qint64>(times.begin(), times.begin() + 1400));
            QCOMPARE(readValues, std::vector<double>(values.begin(), values.begin() + 1400));
        }
        QCOMPARE(fileHash(crashed), mainBefore);
        QCOMPARE(fileHash(crashed + QStringLiteral("-wal")), walBefore);
        QCOMPARE(QFileInfo(crashed).lastModified(), mtime);
        QVERIFY(!QFile::exists(crashed + QStringLiteral("-shm")));
    }
};

QTEST_GUILESS_MAIN(TestRecording)
#include "test_recording.moc"
