#pragma once

#include "recording.h"
#include "sqlite_database.h"

#include <QHash>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace meshscope {

/// RecordingWriter on SQLite. Full chunks are written as soon as they fill up, inside a
/// transaction that commit() closes; the last, partly filled chunk of each series is
/// written at every commit and rewritten by the next one until it is full, so a live
/// recording committing every few seconds still gets large, well-compressed chunks.
class SqliteRecordingWriter final : public RecordingWriter
{
public:
    /// Samples per chunk: large enough to compress well, small enough for cheap random access.
    static constexpr std::size_t ChunkSamples = 1024;

    /// `db` is open on a file whose schema is current.
    explicit SqliteRecordingWriter(std::unique_ptr<SqliteDatabase> db);
    ~SqliteRecordingWriter() override;

    void setSetting(const QString& key, const QString& value) override;
    void appendSamples(
        const SeriesKey& key, const qint64* timesMs, const double* values, std::size_t count) override;
    void appendTopology(const TopologyFrame& frame) override;
    void storeFindings(
        const std::vector<Anomaly>& anomalies, const std::vector<Incident>& incidents) override;
    void addNote(const Note& note) override;
    void storeAlerts(const std::vector<ExternalAlert>& alerts) override;
    void storeDetectorCheckpoints(
        const std::vector<DetectorCheckpoint>& checkpoints, DetectorCheckpoint::Kind kind) override;
    void commit() override;
    void writeDataset(const Dataset& dataset, const JobControl* job = nullptr) override;
    void close() override;

private:
    struct SeriesState
    {
        qint64 dbId = 0;
        qint64 lastMs = 0;
        bool hasSamples = false;
        /// Samples of the open (not yet full) chunk.
        std::vector<qint64> times;
        std::vector<double> values;
        qint64 openChunkRow = -1; ///< row of the open chunk once it has been written
        bool dirty = false; ///< open chunk or summary changed since the last commit
        qint64 sampleCount = 0;
        qint64 firstMs = 0;
    };

    void loadExistingSeries();
    void prepareStatements();
    void beginIfNeeded();
    void rollback();
    void requireOpen() const;
    SeriesState& stateFor(const SeriesKey& key);
    void checkOrder(
        const SeriesKey& key, const SeriesState& state, const qint64* timesMs, std::size_t count) const;
    void writeChunk(
        SeriesState& state, const qint64* timesMs, const double* values, std::size_t count, bool full);
    void flushOpenChunks();

    std::unique_ptr<SqliteDatabase> m_db;
    bool m_inTransaction = false;
    std::vector<SeriesState> m_series;
    QHash<SeriesKey, std::size_t> m_index;
    std::vector<std::size_t> m_dirty;
    std::optional<TopologyFrame> m_lastFullFrame;
    qint64 m_lastFullFrameRow = -1;
    std::string m_timesBuffer;
    std::string m_valuesBuffer;
    SqliteStatement m_insertSeries;
    SqliteStatement m_insertChunk;
    SqliteStatement m_updateChunk;
    SqliteStatement m_updateSummary;
    SqliteStatement m_insertFrame;
};

} // namespace meshscope
