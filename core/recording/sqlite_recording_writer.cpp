#include "sqlite_recording_writer.h"

#include "alert_table.h"
#include "chunk_codec.h"
#include "detector_state_table.h"
#include "findings_table.h"
#include "topology_frame_codec.h"

#include "model/meshscope_error.h"

#include <QCoreApplication>

#include <algorithm>

namespace meshscope {

SqliteRecordingWriter::SqliteRecordingWriter(std::unique_ptr<SqliteDatabase> db)
    : m_db(std::move(db))
{
    // Marks the file as being written until close(); a reader that finds this after a
    // crash reports the recording as not closed cleanly.
    m_db->exec("INSERT OR REPLACE INTO meta (key, value) VALUES ('writer_state', 'open')");
    prepareStatements();
    loadExistingSeries();
}

SqliteRecordingWriter::~SqliteRecordingWriter()
{
    try {
        close();
    } catch (const MeshscopeError&) {
        // A destructor must not throw; callers who care call close() themselves.
    }
}

void SqliteRecordingWriter::prepareStatements()
{
    m_insertSeries = m_db->prepare("INSERT INTO series (entity, signal) VALUES (?, ?)");
    m_insertChunk = m_db->prepare(
        "INSERT INTO chunk (series_id, t_start, t_end, n, checksum, times, vals) VALUES (?,?,?,?,?,?,?)");
    m_updateChunk = m_db->prepare(
        "UPDATE chunk SET t_start = ?, t_end = ?, n = ?, checksum = ?, times = ?, vals = ? WHERE id = ?");
    m_updateSummary
        = m_db->prepare("UPDATE series SET sample_count = ?, t_first = ?, t_last = ? WHERE id = ?");
    m_insertFrame = m_db->prepare("INSERT INTO topology_frame (t_ms, base_id, body) VALUES (?, ?, ?)");
}

void SqliteRecordingWriter::loadExistingSeries()
{
    SqliteStatement query
        = m_db->prepare("SELECT id, entity, signal, sample_count, t_first, t_last FROM series");
    while (query.step()) {
        SeriesState state;
        state.dbId = query.columnInt(0);
        state.sampleCount = query.columnInt(3);
        state.hasSamples = state.sampleCount > 0;
        state.firstMs = query.columnInt(4);
        state.lastMs = query.columnInt(5);
        m_index.insert({query.columnText(1), query.columnText(2)}, m_series.size());
        m_series.push_back(std::move(state));
    }
}

void SqliteRecordingWriter::requireOpen() const
{
    if (!m_db)
        throw MeshscopeError(QCoreApplication::translate("meshscope",
            "The recording is closed (after close() or an earlier error); open it again to write."));
}

void SqliteRecordingWriter::beginIfNeeded()
{
    if (!m_inTransaction) {
        m_db->exec("BEGIN IMMEDIATE");
        m_inTransaction = true;
    }
}

void SqliteRecordingWriter::rollback()
{
    // The buffers no longer match the file after a failed transaction: the writer is
    // unusable and says so on the next call.
    if (m_db && m_inTransaction) {
        try {
            m_db->exec("ROLLBACK");
        } catch (const MeshscopeError&) {
            // SQLite may already have rolled back; the caller reports the original error.
        }
    }
    m_inTransaction = false;
    m_db.reset();
}

SqliteRecordingWriter::SeriesState& SqliteRecordingWriter::stateFor(const SeriesKey& key)
{
    const auto it = m_index.constFind(key);
    if (it != m_index.constEnd())
        return m_series[*it];
    beginIfNeeded();
    m_insertSeries.bind(1, key.entity);
    m_insertSeries.bind(2, key.signal);
    m_insertSeries.run();
    SeriesState state;
    state.dbId = m_db->lastInsertRowId();
    m_index.insert(key, m_series.size());
    m_series.push_back(std::move(state));
    return m_series.back();
}

void SqliteRecordingWriter::checkOrder(
    const SeriesKey& key, const SeriesState& state, const qint64* timesMs, std::size_t count) const
{
    qint64 previous = state.lastMs;
    bool hasPrevious = state.hasSamples;
    for (std::size_t i = 0; i < count; ++i) {
        if (hasPrevious && timesMs[i] <= previous) {
            throw MeshscopeError(
                QCoreApplication::translate("meshscope",
                    "Samples of %1 must be appended in increasing time order: %2 ms does not come "
                    "after %3 ms.")
                    .arg(key.toString())
                    .arg(timesMs[i])
                    .arg(previous),
                m_db->displayPath());
        }
        previous = timesMs[i];
        hasPrevious = true;
    }
}

void SqliteRecordingWriter::appendSamples(
    const SeriesKey& key, const qint64* timesMs, const double* values, std::size_t count)
{
    requireOpen();
    const std::size_t index = m_index.value(key, m_series.size());
    SeriesState& s = stateFor(key);
    if (count == 0)
        return;
    checkOrder(key, s, timesMs, count);
    beginIfNeeded();
    if (!s.hasSamples)
        s.firstMs = timesMs[0];
    s.hasSamples = true;
    s.lastMs = timesMs[count - 1];
    s.sampleCount += static_cast<qint64>(count);
    if (!s.dirty) {
        s.dirty = true;
        m_dirty.push_back(index);
    }
    std::size_t i = 0;
    if (!s.times.empty()) {
        i = std::min(ChunkSamples - s.times.size(), count);
        s.times.insert(s.times.end(), timesMs, timesMs + i);
        s.values.insert(s.values.end(), values, values + i);
        if (s.times.size() == ChunkSamples) {
            writeChunk(s, s.times.data(), s.values.data(), ChunkSamples, true);
            s.times.clear();
            s.values.clear();
        }
    }
    // Full chunks straight from the caller's arrays: no copy for bulk writes.
    for (; count - i >= ChunkSamples; i += ChunkSamples)
        writeChunk(s, timesMs + i, values + i, ChunkSamples, true);
    s.times.insert(s.times.end(), timesMs + i, timesMs + count);
    s.values.insert(s.values.end(), values + i, values + count);
}

void SqliteRecordingWriter::writeChunk(
    SeriesState& state, const qint64* timesMs, const double* values, std::size_t count, bool full)
{
    m_timesBuffer.clear();
    m_valuesBuffer.clear();
    ChunkCodec::encodeTimes(timesMs, count, m_timesBuffer);
    ChunkCodec::encodeValues(values, count, m_valuesBuffer);
    const bool update = state.openChunkRow >= 0;
    SqliteStatement& statement = update ? m_updateChunk : m_insertChunk;
    int column = 1;
    if (!update)
        statement.bind(column++, state.dbId);
    statement.bind(column++, timesMs[0]);
    statement.bind(column++, timesMs[count - 1]);
    statement.bind(column++, static_cast<qint64>(count));
    const auto* timesData = reinterpret_cast<const unsigned char*>(m_timesBuffer.data());
    const auto* valuesData = reinterpret_cast<const unsigned char*>(m_valuesBuffer.data());
    statement.bind(column++,
        static_cast<qint64>(
            ChunkCodec::checksum(timesData, m_timesBuffer.size(), valuesData, m_valuesBuffer.size())));
    statement.bindBlob(column++, m_timesBuffer.data(), m_timesBuffer.size());
    statement.bindBlob(column++, m_valuesBuffer.data(), m_valuesBuffer.size());
    if (update)
        statement.bind(column++, state.openChunkRow);
    statement.run();
    if (full)
        state.openChunkRow = -1;
    else if (!update)
        state.openChunkRow = m_db->lastInsertRowId();
}

void SqliteRecordingWriter::flushOpenChunks()
{
    for (std::size_t index : m_dirty) {
        SeriesState& s = m_series[index];
        if (!s.times.empty())
            writeChunk(s, s.times.data(), s.values.data(), s.times.size(), false);
        m_updateSummary.bind(1, s.sampleCount);
        m_updateSummary.bind(2, s.firstMs);
        m_updateSummary.bind(3, s.lastMs);
        m_updateSummary.bind(4, s.dbId);
        m_updateSummary.run();
        s.dirty = false;
    }
    m_dirty.clear();
}

void SqliteRecordingWriter::setSetting(const QString& key, const QString& value)
{
    requireOpen();
    beginIfNeeded();
    FindingsTable::setSetting(*m_db, key, value);
}

void SqliteRecordingWriter::appendTopology(const TopologyFrame& frame)
{
    requireOpen();
    beginIfNeeded();
    m_insertFrame.bind(1, frame.tMs);
    if (m_lastFullFrame && TopologyFrameCodec::sameStructure(frame, *m_lastFullFrame)) {
        m_insertFrame.bind(2, m_lastFullFrameRow);
        m_insertFrame.bind(3, QString::fromUtf8(TopologyFrameCodec::encodeMeasurements(frame)));
        m_insertFrame.run();
        return;
    }
    m_insertFrame.bindNull(2);
    m_insertFrame.bind(3, QString::fromUtf8(TopologyFrameCodec::encodeFull(frame)));
    m_insertFrame.run();
    m_lastFullFrame = frame;
    m_lastFullFrameRow = m_db->lastInsertRowId();
}

void SqliteRecordingWriter::storeFindings(
    const std::vector<Anomaly>& anomalies, const std::vector<Incident>& incidents)
{
    requireOpen();
    beginIfNeeded();
    FindingsTable::replaceFindings(*m_db, anomalies, incidents);
}

void SqliteRecordingWriter::addNote(const Note& note)
{
    requireOpen();
    beginIfNeeded();
    FindingsTable::addNote(*m_db, note);
}

void SqliteRecordingWriter::storeAlerts(const std::vector<ExternalAlert>& alerts)
{
    requireOpen();
    beginIfNeeded();
    AlertTable::replaceAlerts(*m_db, alerts);
}

void SqliteRecordingWriter::storeDetectorCheckpoints(
    const std::vector<DetectorCheckpoint>& checkpoints, DetectorCheckpoint::Kind kind)
{
    requireOpen();
    beginIfNeeded();
    DetectorStateTable::replaceCheckpoints(*m_db, kind, checkpoints);
}

void SqliteRecordingWriter::commit()
{
    requireOpen();
    if (!m_inTransaction && m_dirty.empty())
        return;
    try {
        beginIfNeeded();
        flushOpenChunks();
        m_db->exec("COMMIT");
        m_inTransaction = false;
    } catch (...) {
        rollback();
        throw;
    }
}

void SqliteRecordingWriter::writeDataset(const Dataset& dataset, const JobControl* job)
{
    requireOpen();
    try {
        for (auto it = dataset.settings.begin(); it != dataset.settings.end(); ++it)
            setSetting(it.key(), it.value());
        const SeriesStore& store = dataset.series;
        const double total = std::max<double>(1.0, static_cast<double>(store.sampleCount()));
        double done = 0;
        for (SeriesId id = 0; id < store.seriesCount(); ++id) {
            throwIfCancelled(job);
            const SeriesSpan span = store.samples(id);
            appendSamples(store.key(id), span.timesMs, span.values, span.size);
            done += static_cast<double>(span.size);
            reportProgress(job, 0.95 * done / total);
        }
        for (const TopologyFrame& frame : dataset.topology.frames())
            appendTopology(frame);
        storeFindings(dataset.anomalies, dataset.incidents);
        storeAlerts(dataset.alerts);
        storeDetectorCheckpoints(dataset.detectorStart, DetectorCheckpoint::Kind::SessionStart);
        for (const Note& note : dataset.notes)
            addNote(note);
        throwIfCancelled(job);
        commit();
        reportProgress(job, 1.0);
    } catch (...) {
        rollback();
        throw;
    }
}

void SqliteRecordingWriter::close()
{
    if (!m_db)
        return;
    commit();
    m_db->exec("INSERT OR REPLACE INTO meta (key, value) VALUES ('writer_state', 'closed')");
    try {
        // Back to a single self-contained file (no -wal beside it), which is what people
        // copy and share; a reader still using the file keeps it in WAL mode, harmlessly.
        m_db->exec("PRAGMA journal_mode = DELETE");
    } catch (const MeshscopeError&) { }
    m_db.reset();
}

} // namespace meshscope
