#pragma once

// Public interface of the `.meshrec` recording (SQLite). Implemented in core/recording/.

#include "model/dataset.h"
#include "model/detector_checkpoint.h"
#include "model/job_control.h"

#include <QMap>
#include <QString>

#include <memory>
#include <vector>

namespace meshscope {

/// Schema version written by this build. Files with a newer version are refused with a
/// clear error; older versions are migrated when opened for writing, read as they are.
/// Version 2 added per-series summaries and chunk checksums, version 3 the alerts of
/// Prometheus' alerting rules, version 4 the detectors' checkpoints (docs/recording.md).
inline constexpr int RecordingSchemaVersion = 4;

/// What `meshscope-cli info` and the status bar show about a recording.
struct RecordingInfo
{
    int schemaVersion = 0;
    TimeRange range;
    int seriesCount = 0;
    qint64 sampleCount = 0;
    int topologyFrames = 0;
    int nodeCount = 0; ///< nodes of the merged topology
    int edgeCount = 0; ///< edges of the merged topology (one per source, target, protocol)
    int anomalyCount = 0;
    int incidentCount = 0;
    int noteCount = 0;
    int alertCount = 0; ///< Prometheus alerts (external_alert rows)
    int detectorStateCount = 0; ///< series with a latest detector checkpoint (resumable)
    qint64 fileBytes = 0;
    QString health; ///< "ok", or what is wrong (e.g. "not closed cleanly; recovered")
    QMap<QString, QString> settings;
};

/// Appends to a recording incrementally (WAL mode). Samples are buffered per series and
/// written as compressed columnar chunks by commit(); live mode commits every few
/// seconds so a crash loses at most the uncommitted tail.
class RecordingWriter
{
public:
    /// Creates a new recording. Refuses to replace an existing file unless `overwrite`.
    static std::unique_ptr<RecordingWriter> create(const QString& path, bool overwrite = false);
    /// Opens an existing recording to append to it (migrating an older schema).
    static std::unique_ptr<RecordingWriter> openForAppend(const QString& path);
    virtual ~RecordingWriter() = default;

    virtual void setSetting(const QString& key, const QString& value) = 0;
    /// Samples of one series, strictly increasing in time and later than what was
    /// appended to that series before.
    virtual void appendSamples(
        const SeriesKey& key, const qint64* timesMs, const double* values, std::size_t count)
        = 0;
    virtual void appendTopology(const TopologyFrame& frame) = 0;
    /// Replaces the stored anomalies and incidents with these.
    virtual void storeFindings(const std::vector<Anomaly>& anomalies, const std::vector<Incident>& incidents)
        = 0;
    virtual void addNote(const Note& note) = 0;
    /// Replaces the stored Prometheus alerts with these.
    virtual void storeAlerts(const std::vector<ExternalAlert>& alerts) = 0;
    /// Replaces the stored detector checkpoints of this kind with these (written by the
    /// next commit).
    virtual void storeDetectorCheckpoints(const std::vector<DetectorCheckpoint>& checkpoints,
        DetectorCheckpoint::Kind kind = DetectorCheckpoint::Kind::Latest)
        = 0;
    /// Writes everything buffered in one transaction.
    virtual void commit() = 0;
    /// Writes a whole dataset (series, topology, findings, notes, settings) and commits.
    virtual void writeDataset(const Dataset& dataset, const JobControl* job = nullptr) = 0;
    /// Commits and closes the file cleanly. Also done by the destructor.
    virtual void close() = 0;
};

/// Reads a recording without modifying it (opened read-only).
class RecordingReader
{
public:
    /// Throws MeshscopeError naming the problem: missing file, not SQLite, not a
    /// recording, corrupt, or written by a newer meshscope.
    static std::unique_ptr<RecordingReader> open(const QString& path);
    virtual ~RecordingReader() = default;

    virtual RecordingInfo info() const = 0;
    virtual std::vector<SeriesKey> seriesKeys() const = 0;
    /// Samples of one series with range.startMs <= t <= range.endMs, decoding only the
    /// chunks that overlap the range.
    virtual void readSeries(const SeriesKey& key, const TimeRange& range, std::vector<qint64>& timesMs,
        std::vector<double>& values) const = 0;
    virtual std::vector<TopologyFrame> topologyFrames() const = 0;
    /// The detector checkpoints of this kind a live session stored (none before schema
    /// version 4).
    virtual std::vector<DetectorCheckpoint> detectorCheckpoints(
        DetectorCheckpoint::Kind kind = DetectorCheckpoint::Kind::Latest) const = 0;
    /// Loads everything into `dataset` (which should be empty).
    virtual void readInto(Dataset& dataset, const JobControl* job = nullptr) const = 0;
};

/// Shorthand: opens and loads a whole recording.
Dataset loadRecording(const QString& path, const JobControl* job = nullptr);
/// Shorthand: writes a dataset to a new recording.
void saveRecording(
    const Dataset& dataset, const QString& path, bool overwrite = false, const JobControl* job = nullptr);
/// True when the file starts with the SQLite header (cheap check used by format detection).
bool looksLikeRecording(const QString& path);

} // namespace meshscope
