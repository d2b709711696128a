#pragma once

#include "recording.h"
#include "sqlite_database.h"

#include <QHash>

#include <memory>
#include <optional>

class QTemporaryDir;

namespace meshscope {

/// RecordingReader on SQLite. Opens the file read-only; a file that needs recovery (left
/// by a writer that did not close it) is recovered in a temporary copy, so the original
/// is never modified. Not thread-safe: use one reader per thread.
class SqliteRecordingReader final : public RecordingReader
{
public:
    explicit SqliteRecordingReader(const QString& path);
    ~SqliteRecordingReader() override;

    RecordingInfo info() const override;
    std::vector<SeriesKey> seriesKeys() const override;
    void readSeries(const SeriesKey& key, const TimeRange& range, std::vector<qint64>& timesMs,
        std::vector<double>& values) const override;
    std::vector<TopologyFrame> topologyFrames() const override;
    std::vector<DetectorCheckpoint> detectorCheckpoints(DetectorCheckpoint::Kind kind) const override;
    void readInto(Dataset& dataset, const JobControl* job = nullptr) const override;

private:
    struct SeriesEntry
    {
        SeriesKey key;
        qint64 dbId = 0;
        qint64 sampleCount = 0;
    };

    void openDatabase(bool recover);
    void loadSeries();
    void fillInfo();
    /// Appends the samples of chunks of `dbId` overlapping [startMs, endMs], trimmed to it.
    void readChunks(qint64 dbId, qint64 startMs, qint64 endMs, std::vector<qint64>& timesMs,
        std::vector<double>& values) const;
    [[noreturn]] void corrupt(const QString& what) const;

    QString m_path;
    // Declared before m_db so the copy outlives the connection that uses it.
    std::unique_ptr<QTemporaryDir> m_recoveryDir;
    std::unique_ptr<SqliteDatabase> m_db;
    int m_schemaVersion = 0;
    std::vector<SeriesEntry> m_series;
    QHash<SeriesKey, std::size_t> m_index;
    RecordingInfo m_info;
    mutable std::optional<std::vector<TopologyFrame>> m_frames;
    mutable SqliteStatement m_chunkQuery;
};

} // namespace meshscope
