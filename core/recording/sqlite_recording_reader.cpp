#include "sqlite_recording_reader.h"

#include "alert_table.h"
#include "chunk_codec.h"
#include "detector_state_table.h"
#include "findings_table.h"
#include "recording_file_probe.h"
#include "recording_schema.h"
#include "topology_frame_codec.h"

#include "model/meshscope_error.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QTemporaryDir>
#include <QUrl>

#include <sqlite3.h>

#include <algorithm>
#include <limits>

namespace meshscope {

SqliteRecordingReader::SqliteRecordingReader(const QString& path)
    : m_path(path)
{
    const RecordingFileProbe probe = RecordingFileProbe::inspect(path);
    openDatabase(probe.needsRecovery());
    m_schemaVersion = RecordingSchema::checkVersion(*m_db);
    // Schema 1 has no checksums: NULL is "not checked".
    m_chunkQuery = m_db->prepare(m_schemaVersion >= 2
            ? "SELECT n, times, vals, checksum FROM chunk WHERE series_id = ? AND t_start <= ? AND t_end >= "
              "? "
              "ORDER BY t_start"
            : "SELECT n, times, vals, NULL FROM chunk WHERE series_id = ? AND t_start <= ? AND t_end >= ? "
              "ORDER BY t_start");
    loadSeries();
    fillInfo();
    m_info.fileBytes = probe.fileBytes();
    const bool closedCleanly
        = m_db->queryInt("SELECT count(*) FROM meta WHERE key = 'writer_state' AND value = 'open'") == 0;
    if (!closedCleanly) {
        m_info.health = probe.needsRecovery()
            ? QCoreApplication::translate("meshscope", "not closed cleanly; recovered up to the last commit")
            : QCoreApplication::translate("meshscope", "not closed cleanly");
    }
}

SqliteRecordingReader::~SqliteRecordingReader() = default;

void SqliteRecordingReader::openDatabase(bool recover)
{
    if (!recover) {
        // mode=ro: SQLite never writes, and takes only shared locks.
        QByteArray uri = QUrl::fromLocalFile(m_path).toEncoded() + "?mode=ro";
        m_db = std::make_unique<SqliteDatabase>(m_path, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
        return;
    }
    // Recovering a write-ahead log or rolling back a journal writes to the database:
    // do it on a private copy of the file and its log.
    m_recoveryDir = std::make_unique<QTemporaryDir>();
    if (!m_recoveryDir->isValid())
        throw MeshscopeError(
            QCoreApplication::translate("meshscope", "No temporary folder to recover the recording in (%1).")
                .arg(m_recoveryDir->errorString()),
            m_path);
    const QString copy = m_recoveryDir->filePath(QStringLiteral("recovering.meshrec"));
    // The log before the database: a checkpoint by a writer still running in between
    // then only puts into the database pages the copied log holds anyway.
    for (const QString& suffix : {QStringLiteral("-wal"), QStringLiteral("-journal"), QString()}) {
        if (QFile::exists(m_path + suffix) && !QFile::copy(m_path + suffix, copy + suffix))
            throw MeshscopeError(
                QCoreApplication::translate("meshscope",
                    "Could not copy the recording to recover it; check the free space in the "
                    "temporary folder."),
                m_path + suffix);
    }
    m_db = std::make_unique<SqliteDatabase>(m_path, QFile::encodeName(copy), SQLITE_OPEN_READWRITE);
}

void SqliteRecordingReader::loadSeries()
{
    // Schema 1 has no per-series summary: count from the chunk index instead.
    const char* sql = m_schemaVersion >= 2
        ? "SELECT id, entity, signal, sample_count FROM series ORDER BY entity, signal"
        : "SELECT id, entity, signal, (SELECT coalesce(sum(n), 0) FROM chunk WHERE series_id = series.id) "
          "FROM series ORDER BY entity, signal";
    SqliteStatement query = m_db->prepare(sql);
    while (query.step()) {
        SeriesEntry entry;
        entry.dbId = query.columnInt(0);
        entry.key = {query.columnText(1), query.columnText(2)};
        entry.sampleCount = query.columnInt(3);
        m_index.insert(entry.key, m_series.size());
        m_series.push_back(std::move(entry));
    }
}

void SqliteRecordingReader::fillInfo()
{
    m_info.schemaVersion = m_schemaVersion;
    m_info.seriesCount = static_cast<int>(m_series.size());
    for (const SeriesEntry& entry : m_series)
        m_info.sampleCount += entry.sampleCount;
    SqliteStatement range = m_db->prepare(m_schemaVersion >= 2
            ? "SELECT min(t_first), max(t_last) FROM series WHERE sample_count > 0"
            : "SELECT min(t_start), max(t_end) FROM chunk");
    if (range.step() && !range.columnIsNull(0)) {
        m_info.range.include(range.columnInt(0));
        m_info.range.include(range.columnInt(1));
    }
    SqliteStatement frames = m_db->prepare("SELECT count(*), min(t_ms), max(t_ms) FROM topology_frame");
    if (frames.step() && frames.columnInt(0) > 0) {
        m_info.topologyFrames = static_cast<int>(frames.columnInt(0));
        m_info.range.include(frames.columnInt(1));
        m_info.range.include(frames.columnInt(2));
    }
    m_info.anomalyCount = static_cast<int>(m_db->queryInt("SELECT count(*) FROM anomaly"));
    m_info.incidentCount = static_cast<int>(m_db->queryInt("SELECT count(*) FROM incident"));
    m_info.noteCount = static_cast<int>(m_db->queryInt("SELECT count(*) FROM note"));
    m_info.alertCount = AlertTable::count(*m_db, m_schemaVersion);
    m_info.detectorStateCount
        = DetectorStateTable::count(*m_db, m_schemaVersion, DetectorCheckpoint::Kind::Latest);
    m_info.settings = FindingsTable::settings(*m_db);
    m_info.health = QStringLiteral("ok");
}

std::vector<DetectorCheckpoint> SqliteRecordingReader::detectorCheckpoints(
    DetectorCheckpoint::Kind kind) const
{
    return DetectorStateTable::checkpoints(*m_db, m_schemaVersion, kind);
}

RecordingInfo SqliteRecordingReader::info() const
{
    RecordingInfo info = m_info;
    if (info.topologyFrames > 0) {
        TopologyHistory history;
        for (TopologyFrame& frame : topologyFrames())
            history.add(std::move(frame));
        const TopologyFrame merged = history.merged();
        info.nodeCount = static_cast<int>(merged.nodes.size());
        info.edgeCount = static_cast<int>(merged.edges.size());
    }
    return info;
}

std::vector<SeriesKey> SqliteRecordingReader::seriesKeys() const
{
    std::vector<SeriesKey> keys;
    keys.reserve(m_series.size());
    for (const SeriesEntry& entry : m_series)
        keys.push_back(entry.key);
    return keys;
}

void SqliteRecordingReader::corrupt(const QString& what) const
{
    throw MeshscopeError(
        QCoreApplication::translate("meshscope", "The recording is corrupt: %1. Restore it from its source.")
            .arg(what),
        m_path);
}

void SqliteRecordingReader::readChunks(qint64 dbId, qint64 startMs, qint64 endMs,
    std::vector<qint64>& timesMs, std::vector<double>& values) const
{
    m_chunkQuery.reset();
    m_chunkQuery.bind(1, dbId);
    m_chunkQuery.bind(2, endMs);
    m_chunkQuery.bind(3, startMs);
    try {
        while (m_chunkQuery.step()) {
            std::size_t timesSize = 0;
            std::size_t valuesSize = 0;
            const unsigned char* timesBlob = m_chunkQuery.columnBlob(1, &timesSize);
            const unsigned char* valuesBlob = m_chunkQuery.columnBlob(2, &valuesSize);
            if (!m_chunkQuery.columnIsNull(3)
                && static_cast<qint64>(ChunkCodec::checksum(timesBlob, timesSize, valuesBlob, valuesSize))
                    != m_chunkQuery.columnInt(3))
                corrupt(QCoreApplication::translate(
                    "meshscope", "a chunk of series data is damaged (checksum mismatch)"));
            const std::size_t first = timesMs.size();
            const std::size_t n = ChunkCodec::decodeTimes(timesBlob, timesSize, timesMs);
            if (static_cast<qint64>(n) != m_chunkQuery.columnInt(0))
                corrupt(QCoreApplication::translate(
                    "meshscope", "a chunk's sample count does not match its index"));
            ChunkCodec::decodeValues(valuesBlob, valuesSize, n, values);
            // Damaged times must not reach SeriesStore, which relies on their order.
            for (std::size_t i = std::max<std::size_t>(first, 1); i < timesMs.size(); ++i) {
                if (timesMs[i] <= timesMs[i - 1])
                    corrupt(QCoreApplication::translate(
                        "meshscope", "the times of series chunks are out of order"));
            }
            // Only the first and the last chunk can stick out of the range.
            const auto begin = timesMs.begin() + static_cast<std::ptrdiff_t>(first);
            const auto keepFrom = std::lower_bound(begin, timesMs.end(), startMs);
            const auto keepTo = std::upper_bound(keepFrom, timesMs.end(), endMs);
            const std::ptrdiff_t from = keepFrom - timesMs.begin();
            const std::ptrdiff_t to = keepTo - timesMs.begin();
            if (from != static_cast<std::ptrdiff_t>(first)
                || to != static_cast<std::ptrdiff_t>(timesMs.size())) {
                timesMs.erase(keepTo, timesMs.end());
                timesMs.erase(begin, keepFrom);
                values.erase(values.begin() + to, values.end());
                values.erase(values.begin() + static_cast<std::ptrdiff_t>(first), values.begin() + from);
            }
        }
    } catch (...) {
        m_chunkQuery.reset();
        throw;
    }
    m_chunkQuery.reset();
}

void SqliteRecordingReader::readSeries(const SeriesKey& key, const TimeRange& range,
    std::vector<qint64>& timesMs, std::vector<double>& values) const
{
    timesMs.clear();
    values.clear();
    const auto it = m_index.constFind(key);
    if (it == m_index.constEnd() || !range.isValid())
        return;
    readChunks(m_series[*it].dbId, range.startMs, range.endMs, timesMs, values);
}

std::vector<TopologyFrame> SqliteRecordingReader::topologyFrames() const
{
    if (m_frames)
        return *m_frames;
    std::vector<TopologyFrame> frames;
    QHash<qint64, std::size_t> fullFrames; // row id -> index in `frames`
    SqliteStatement query = m_db->prepare("SELECT id, t_ms, base_id, body FROM topology_frame ORDER BY id");
    const QString where = m_path;
    while (query.step()) {
        const qint64 tMs = query.columnInt(1);
        const QByteArray body = query.columnText(3).toUtf8();
        if (query.columnIsNull(2)) {
            fullFrames.insert(query.columnInt(0), frames.size());
            frames.push_back(TopologyFrameCodec::decodeFull(body, tMs, where));
            continue;
        }
        const auto base = fullFrames.constFind(query.columnInt(2));
        if (base == fullFrames.constEnd())
            corrupt(QCoreApplication::translate("meshscope", "a topology frame refers to a missing frame"));
        frames.push_back(TopologyFrameCodec::decodeMeasurements(body, frames[*base], tMs, where));
    }
    std::stable_sort(frames.begin(), frames.end(),
        [](const TopologyFrame& a, const TopologyFrame& b) { return a.tMs < b.tMs; });
    m_frames = frames;
    return frames;
}

void SqliteRecordingReader::readInto(Dataset& dataset, const JobControl* job) const
{
    const double total = std::max<double>(1.0, static_cast<double>(m_info.sampleCount));
    double done = 0;
    std::vector<qint64> times;
    std::vector<double> values;
    for (const SeriesEntry& entry : m_series) {
        throwIfCancelled(job);
        times.clear();
        values.clear();
        times.reserve(static_cast<std::size_t>(entry.sampleCount));
        values.reserve(static_cast<std::size_t>(entry.sampleCount));
        readChunks(entry.dbId, std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max(), times,
            values);
        const SeriesId id = dataset.series.ensureSeries(entry.key);
        dataset.series.appendSorted(id, times.data(), values.data(), times.size());
        done += static_cast<double>(entry.sampleCount);
        reportProgress(job, 0.95 * done / total);
    }
    for (TopologyFrame& frame : topologyFrames())
        dataset.topology.add(std::move(frame));
    dataset.anomalies = FindingsTable::anomalies(*m_db);
    dataset.incidents = FindingsTable::incidents(*m_db);
    dataset.notes = FindingsTable::notes(*m_db);
    dataset.alerts = AlertTable::alerts(*m_db, m_schemaVersion);
    dataset.detectorStart
        = DetectorStateTable::checkpoints(*m_db, m_schemaVersion, DetectorCheckpoint::Kind::SessionStart);
    for (auto it = m_info.settings.begin(); it != m_info.settings.end(); ++it)
        dataset.settings.insert(it.key(), it.value());
    reportProgress(job, 1.0);
}

} // namespace meshscope
