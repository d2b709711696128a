// Files a reader must refuse with a clear message, and files of an older schema.

#include "recording/chunk_codec.h"
#include "recording/recording.h"

#include "model/meshscope_error.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <cmath>
#include <limits>

using namespace meshscope;

namespace {

constexpr qint64 T0 = 1700000000000;

Dataset smallDataset(int samples)
{
    Dataset d;
    const SeriesId id = d.series.ensureSeries({QStringLiteral("a->b"), QStringLiteral("request_rate")});
    for (int i = 0; i < samples; ++i)
        d.series.append(id, T0 + i * 15000, std::round(100 * std::sin(i / 10.0)) / 100);
    return d;
}

void execSql(const QString& path, const QByteArray& sql)
{
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open(QFile::encodeName(path).constData(), &db), SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql.constData(), nullptr, nullptr, &error);
    const QString message = QString::fromUtf8(error ? error : "");
    sqlite3_free(error);
    sqlite3_close(db);
    QVERIFY2(rc == SQLITE_OK, qPrintable(message));
}

qint64 countOf(const QString& path, const char* sql)
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

void writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
}

/// Writes `dataset` as a current recording, then makes it a file of an older schema
/// `version` by dropping the tables (`dropTables`, SQL) that version did not have: simpler
/// than repeating the older schemas here.
void saveAsOlderVersion(const Dataset& dataset, const QString& path, int version, const QByteArray& dropTables)
{
    saveRecording(dataset, path);
    const QByteArray v = QByteArray::number(version);
    execSql(path, dropTables + " PRAGMA user_version = " + v + "; UPDATE meta SET value = '" + v
            + "' WHERE key = 'schema_version';");
}

QByteArray readBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// Flips one data bit in the middle of a chunk's values: still decodable, but wrong.
void flipChunkBit(const QString& path)
{
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open(QFile::encodeName(path).constData(), &db), SQLITE_OK);
    sqlite3_stmt* select = nullptr;
    sqlite3_prepare_v2(db, "SELECT vals FROM chunk ORDER BY id LIMIT 1", -1, &select, nullptr);
    QCOMPARE(sqlite3_step(select), SQLITE_ROW);
    QByteArray blob(
        static_cast<const char*>(sqlite3_column_blob(select, 0)), sqlite3_column_bytes(select, 0));
    sqlite3_finalize(select);
    blob[blob.size() / 2] = char(blob[blob.size() / 2] ^ 0x02);
    sqlite3_stmt* update = nullptr;
    sqlite3_prepare_v2(
        db, "UPDATE chunk SET vals = ? WHERE id = (SELECT min(id) FROM chunk)", -1, &update, nullptr);
    sqlite3_bind_blob(update, 1, blob.constData(), int(blob.size()), SQLITE_TRANSIENT);
    QCOMPARE(sqlite3_step(update), SQLITE_DONE);
    sqlite3_finalize(update);
    sqlite3_close(db);
}

QByteArray hexBlob(const std::string& bytes)
{
    return "x'" + QByteArray(bytes.data(), qsizetype(bytes.size())).toHex() + "'";
}

/// A recording as schema version 1 wrote it: no per-series summary columns.
QByteArray version1Sql(const std::vector<qint64>& times, const std::vector<double>& values)
{
    std::string t;
    std::string v;
    ChunkCodec::encodeTimes(times.data(), times.size(), t);
    ChunkCodec::encodeValues(values.data(), values.size(), v);
    return "PRAGMA application_id = 1297303634; PRAGMA user_version = 1;"
           "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
           "CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
           "CREATE TABLE series (id INTEGER PRIMARY KEY, entity TEXT NOT NULL, signal TEXT NOT NULL, UNIQUE "
           "(entity, signal));"
           "CREATE TABLE chunk (id INTEGER PRIMARY KEY, series_id INTEGER NOT NULL REFERENCES series (id), "
           "t_start INTEGER "
           "NOT NULL, t_end INTEGER NOT NULL, n INTEGER NOT NULL, times BLOB NOT NULL, vals BLOB NOT NULL);"
           "CREATE INDEX chunk_by_series ON chunk (series_id, t_start, t_end);"
           "CREATE TABLE topology_frame (id INTEGER PRIMARY KEY, t_ms INTEGER NOT NULL, base_id INTEGER, "
           "body TEXT NOT NULL);"
           "CREATE TABLE anomaly (id INTEGER PRIMARY KEY, entity TEXT NOT NULL, signal TEXT NOT NULL, "
           "start_ms INTEGER NOT "
           "NULL, end_ms INTEGER NOT NULL, peak_ms INTEGER NOT NULL, significance REAL, peak_score REAL, "
           "expected REAL, "
           "observed REAL, detector TEXT NOT NULL);"
           "CREATE TABLE incident (id INTEGER PRIMARY KEY, incident_id TEXT NOT NULL, start_ms INTEGER NOT "
           "NULL, end_ms "
           "INTEGER NOT NULL, significance REAL, first_affected TEXT NOT NULL, resolved INTEGER NOT NULL, "
           "anomaly_indexes "
           "TEXT NOT NULL, candidates TEXT NOT NULL);"
           "CREATE TABLE note (id INTEGER PRIMARY KEY, t_ms INTEGER NOT NULL, entity TEXT NOT NULL, text "
           "TEXT NOT NULL, "
           "author TEXT NOT NULL, created_ms INTEGER NOT NULL, acknowledgement INTEGER NOT NULL);"
           "INSERT INTO meta VALUES ('schema_version', '1'), ('writer_state', 'closed');"
           "INSERT INTO setting VALUES ('source', 'old build');"
           "INSERT INTO series (id, entity, signal) VALUES (1, 'a->b', 'latency_p95_ms'), (2, 'b', 'cpu');"
           "INSERT INTO chunk (series_id, t_start, t_end, n, times, vals) VALUES (1, "
        + QByteArray::number(times.front()) + ", " + QByteArray::number(times.back()) + ", "
        + QByteArray::number(qint64(times.size())) + ", " + hexBlob(t) + ", " + hexBlob(v) + ");"
        + "INSERT INTO note (t_ms, entity, text, author, created_ms, acknowledgement) VALUES (5, 'b', 'old "
          "note', 'x', 6, 1);";
}

} // namespace

class TestRecordingErrors : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString& name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void badFilesGiveClearErrors_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing") << QStringLiteral("missing") << QStringLiteral("does not exist");
        QTest::newRow("folder") << QStringLiteral("folder") << QStringLiteral("folder");
        QTest::newRow("empty") << QStringLiteral("empty") << QStringLiteral("empty");
        QTest::newRow("text") << QStringLiteral("text") << QStringLiteral("not an SQLite file");
        QTest::newRow("truncated") << QStringLiteral("truncated") << QStringLiteral("truncated");
        QTest::newRow("tiny truncated") << QStringLiteral("header only") << QStringLiteral("truncated");
        QTest::newRow("corrupt") << QStringLiteral("corrupt") << QStringLiteral("corrupt");
        QTest::newRow("damaged chunk") << QStringLiteral("damaged chunk") << QStringLiteral("checksum");
        QTest::newRow("corrupt header") << QStringLiteral("corrupt header") << QStringLiteral("corrupt");
        QTest::newRow("newer") << QStringLiteral("newer") << QStringLiteral("newer meshscope");
        QTest::newRow("other sqlite")
            << QStringLiteral("other sqlite") << QStringLiteral("not a meshscope recording");
    }

    void badFilesGiveClearErrors()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expected);
        const QString file = path(kind + QStringLiteral(".meshrec"));
        const QString good = path(kind + QStringLiteral("-good.meshrec"));
        if (kind != QLatin1String("missing") && kind != QLatin1String("folder")
            && kind != QLatin1String("other sqlite"))
            saveRecording(smallDataset(20000), good);
        const QByteArray bytes = readBytes(good);
        if (kind == QLatin1String("folder")) {
            QVERIFY(QDir(m_dir.path()).mkdir(kind + QStringLiteral(".meshrec")));
        } else if (kind == QLatin1String("empty")) {
            writeBytes(file, {});
        } else if (kind == QLatin1String("text")) {
            writeBytes(file, "# HELP istio_requests_total Requests\nistio_requests_total 1 1700000000\n");
        } else if (kind == QLatin1String("truncated")) {
            writeBytes(file, bytes.left(bytes.size() / 2));
        } else if (kind == QLatin1String("header only")) {
            writeBytes(file, bytes.left(40));
        } else if (kind == QLatin1String("corrupt")) {
            QByteArray damaged = bytes;
            for (qsizetype i = 4096; i < damaged.size(); ++i)
                damaged[i] = char((i * 7919) & 0xff);
            writeBytes(file, damaged);
        } else if (kind == QLatin1String("corrupt header")) {
            QByteArray damaged = bytes;
            for (qsizetype i = 16; i < 100; ++i)
                damaged[i] = char(0xee);
            writeBytes(file, damaged);
        } else if (kind == QLatin1String("damaged chunk")) {
            writeBytes(file, bytes);
            flipChunkBit(file);
        } else if (kind == QLatin1String("newer")) {
            writeBytes(file, bytes);
            execSql(file, "PRAGMA user_version = 99;");
        } else if (kind == QLatin1String("other sqlite")) {
            execSql(file, "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
        }
        const QByteArray before = readBytes(file);
        try {
            Dataset d;
            RecordingReader::open(file)->readInto(d);
            QFAIL("no error");
        } catch (const MeshscopeError& e) {
            QVERIFY2(e.message().contains(expected, Qt::CaseInsensitive), qPrintable(e.message()));
            if (kind != QLatin1String("missing"))
                QVERIFY2(e.message().contains(file), qPrintable(e.message()));
        }
        QCOMPARE(readBytes(file), before);
    }

    void createInMissingFolderFails()
    {
        const QString file = path(QStringLiteral("no/such/folder/x.meshrec"));
        try {
            saveRecording(smallDataset(5), file);
            QFAIL("no error");
        } catch (const MeshscopeError& e) {
            QVERIFY2(e.message().contains(file), qPrintable(e.message()));
        }
    }

    void damagedPagesNeverCrash()
    {
        // Damage in random places: either the data reads back or a clear error comes,
        // never a crash or a hang.
        const QString good = path(QStringLiteral("fuzz-good.meshrec"));
        saveRecording(smallDataset(30000), good);
        const QByteArray bytes = readBytes(good);
        QRandomGenerator rng(99);
        int refused = 0;
        for (int round = 0; round < 40; ++round) {
            QByteArray damaged = bytes;
            const qsizetype at = 100 + rng.bounded(damaged.size() - 200);
            const int length = 1 + rng.bounded(64);
            for (int i = 0; i < length && at + i < damaged.size(); ++i)
                damaged[at + i] = char(rng.bounded(256));
            const QString file = path(QStringLiteral("fuzz-%1.meshrec").arg(round));
            writeBytes(file, damaged);
            try {
                Dataset d;
                RecordingReader::open(file)->readInto(d);
            } catch (const MeshscopeError& e) {
                QVERIFY2(e.message().contains(QLatin1String("corrupt"), Qt::CaseInsensitive),
                    qPrintable(e.message()));
                ++refused;
            }
        }
        QVERIFY(refused > 0);
    }

    void appendRefusesNewerFiles()
    {
        const QString file = path(QStringLiteral("newer-append.meshrec"));
        saveRecording(smallDataset(10), file);
        execSql(file, "PRAGMA user_version = 99;");
        QVERIFY_THROWS_EXCEPTION(MeshscopeError, RecordingWriter::openForAppend(file));
    }

    void version1IsReadAndMigrated()
    {
        std::vector<qint64> times;
        std::vector<double> values;
        for (int i = 0; i < 300; ++i) {
            times.push_back(T0 + i * 15000);
            values.push_back(std::round(50 + 10 * std::sin(i / 7.0)) / 100);
        }
        const QString file = path(QStringLiteral("v1.meshrec"));
        execSql(file, version1Sql(times, values));
        const SeriesKey key {QStringLiteral("a->b"), QStringLiteral("latency_p95_ms")};

        // Read as it is: the reader never migrates.
        {
            const QByteArray before = readBytes(file);
            const auto reader = RecordingReader::open(file);
            const RecordingInfo info = reader->info();
            QCOMPARE(info.schemaVersion, 1);
            QCOMPARE(info.seriesCount, 2);
            QCOMPARE(info.sampleCount, qint64(300));
            QCOMPARE(info.range, (TimeRange {times.front(), times.back()}));
            QCOMPARE(info.noteCount, 1);
            QCOMPARE(info.settings.value(QStringLiteral("source")), QStringLiteral("old build"));
            std::vector<qint64> t;
            std::vector<double> v;
            reader->readSeries(key, TimeRange {0, std::numeric_limits<qint64>::max()}, t, v);
            QCOMPARE(t, times);
            QCOMPARE(v, values);
            QCOMPARE(readBytes(file), before);
        }

        // Opening for writing migrates, keeps the data and appends.
        {
            auto writer = RecordingWriter::openForAppend(file);
            const qint64 t = T0 + 300 * 15000;
            const double v = 0.25;
            writer->appendSamples(key, &t, &v, 1);
            const qint64 before = T0;
            QVERIFY_THROWS_EXCEPTION(MeshscopeError, writer->appendSamples(key, &before, &v, 1));
            writer->close();
            times.push_back(t);
            values.push_back(v);
        }
        const auto reader = RecordingReader::open(file);
        QCOMPARE(reader->info().schemaVersion, RecordingSchemaVersion);
        QCOMPARE(countOf(file, "SELECT count(*) FROM chunk WHERE checksum IS NULL"), qint64(0));
        QCOMPARE(countOf(file, "SELECT count(*) FROM chunk"), qint64(2));
        QCOMPARE(reader->info().sampleCount, qint64(301));
        QCOMPARE(reader->info().range, (TimeRange {times.front(), times.back()}));
        Dataset d;
        reader->readInto(d);
        const SeriesSpan span = d.series.samples(d.series.find(key));
        QCOMPARE(std::vector<qint64>(span.timesMs, span.timesMs + span.size), times);
        QCOMPARE(std::vector<double>(span.values, span.values + span.size), values);
        QCOMPARE(d.notes.size(), std::size_t(1));
        QVERIFY(d.notes[0].acknowledgement);
    }

    void version2FileIsReadAndMigrated()
    {
        // A version 2 file is a version 4 file without the external_alert and
        // detector_state tables.
        const QString file = path(QStringLiteral("v2.meshrec"));
        const Dataset original = smallDataset(500);
        saveAsOlderVersion(original, file, 2, "DROP TABLE external_alert; DROP TABLE detector_state;");
        {
            const QByteArray before = readBytes(file);
            const auto reader = RecordingReader::open(file);
            QCOMPARE(reader->info().schemaVersion, 2);
            QCOMPARE(reader->info().alertCount, 0);
            Dataset d;
            reader->readInto(d);
            QVERIFY(d.alerts.empty());
            QCOMPARE(d.series.sampleCount(), original.series.sampleCount());
            QCOMPARE(readBytes(file), before);
        }
        {
            auto writer = RecordingWriter::openForAppend(file);
            ExternalAlert alert;
            alert.name = QStringLiteral("HighErrorRate");
            alert.state = QStringLiteral("firing");
            alert.startMs = T0;
            alert.entity = QStringLiteral("b");
            writer->storeAlerts({alert});
            writer->close();
        }
        const auto reader = RecordingReader::open(file);
        QCOMPARE(reader->info().schemaVersion, RecordingSchemaVersion);
        QCOMPARE(reader->info().alertCount, 1);
        Dataset d;
        reader->readInto(d);
        QCOMPARE(d.alerts.size(), std::size_t(1));
        QCOMPARE(d.alerts[0].name, QStringLiteral("HighErrorRate"));
        QVERIFY(d.alerts[0].isOpen());
        QCOMPARE(d.series.sampleCount(), original.series.sampleCount());
    }

    // A version 3 file (no detector checkpoints) reads with none, unchanged; appending
    // migrates it and the checkpoints then round-trip byte for byte.
    void version3FileGainsDetectorCheckpoints()
    {
        const QString file = path(QStringLiteral("v3.meshrec"));
        saveAsOlderVersion(smallDataset(500), file, 3, "DROP TABLE detector_state;");
        {
            const QByteArray before = readBytes(file);
            const auto reader = RecordingReader::open(file);
            QCOMPARE(reader->info().schemaVersion, 3);
            QCOMPARE(reader->info().detectorStateCount, 0);
            QVERIFY(reader->detectorCheckpoints().empty());
            QCOMPARE(readBytes(file), before);
        }
        DetectorCheckpoint first {{QStringLiteral("a->b"), QStringLiteral("latency_p95_ms")}, T0 + 1000, 42,
            QStringLiteral("ensemble class 1 sensitivity 1"), QByteArray("\x00\x01state\xff", 8)};
        DetectorCheckpoint second = first;
        second.series.signal = QStringLiteral("request_rate");
        {
            auto writer = RecordingWriter::openForAppend(file);
            writer->storeDetectorCheckpoints({first, second});
            writer->storeDetectorCheckpoints({second}, DetectorCheckpoint::Kind::SessionStart);
            writer->commit();
            first.samples = 43; // a later checkpoint replaces the earlier ones of its kind
            writer->storeDetectorCheckpoints({first});
            writer->close();
        }
        const auto reader = RecordingReader::open(file);
        QCOMPARE(reader->info().schemaVersion, RecordingSchemaVersion);
        QCOMPARE(reader->info().detectorStateCount, 1);
        const std::vector<DetectorCheckpoint> stored = reader->detectorCheckpoints();
        QCOMPARE(stored.size(), std::size_t(1));
        QCOMPARE(stored[0].series, first.series);
        QCOMPARE(stored[0].lastMs, first.lastMs);
        QCOMPARE(stored[0].samples, qint64(43));
        QCOMPARE(stored[0].config, first.config);
        QCOMPARE(stored[0].state, first.state);
        // The checkpoints the session started from stay, and a loaded dataset carries them.
        const std::vector<DetectorCheckpoint> start
            = reader->detectorCheckpoints(DetectorCheckpoint::Kind::SessionStart);
        QCOMPARE(start.size(), std::size_t(1));
        QCOMPARE(start[0].series, second.series);
        Dataset loaded;
        reader->readInto(loaded);
        QCOMPARE(loaded.detectorStart.size(), std::size_t(1));
        QCOMPARE(loaded.detectorStart[0].state, second.state);
        // ...and a copy of the dataset into a new recording keeps them.
        const QString copy = path(QStringLiteral("v3-copy.meshrec"));
        saveRecording(loaded, copy);
        QCOMPARE(loadRecording(copy).detectorStart.size(), std::size_t(1));
    }

    void looksLikeRecordingChecksTheHeader()
    {
        const QString file = path(QStringLiteral("looks.meshrec"));
        saveRecording(smallDataset(5), file);
        QVERIFY(looksLikeRecording(file));
        const QString text = path(QStringLiteral("looks.txt"));
        writeBytes(text, "SQLite format 2 is not a thing");
        QVERIFY(!looksLikeRecording(text));
        QVERIFY(!looksLikeRecording(path(QStringLiteral("absent.meshrec"))));
    }
};

QTEST_GUILESS_MAIN(TestRecordingErrors)
#include "test_recording_errors.moc"
