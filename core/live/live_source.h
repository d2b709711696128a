#pragma once

#include "connection_profile.h"
#include "mesh_poller.h"

#include "detect/detection.h"
#include "model/external_alert.h"

#include <QMetaType>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class QThread;

namespace meshscope {

class LiveWorker;
struct LiveFindings;

/// The health of a live connection, as the status bar shows it.
enum class LiveState {
    Idle, ///< not started
    Connecting, ///< first contact and backfill
    Connected, ///< the last poll succeeded in time
    Slow, ///< the last poll succeeded but took more than half the interval
    Reconnecting, ///< the last poll failed; retrying with backoff, data still recent
    Stale, ///< no successful poll for more than two intervals; retrying
    Stopped, ///< stopped by the user (or a fatal error)
};

QString liveStateName(LiveState state);

struct LiveStatus
{
    LiveState state = LiveState::Idle;
    qint64 sinceMs = 0; ///< when this state began
    qint64 lastSuccessMs = 0; ///< end of the last successful poll (0: none yet)
    int failedAttempts = 0; ///< consecutive failed polls
    QString detail; ///< the error or warning behind the state, never a secret

    /// "connected", "slow", "stale since 12:03:15 (reconnecting, attempt 3: …)"…
    QString text() const;
};

/// New data from one poll (or the backfill), handed over as one batch.
struct LiveUpdate
{
    bool backfill = false;
    std::vector<SeriesBatch> series;
    std::vector<TopologyFrame> frames;
    QStringList warnings;
    /// Alerts pending or firing in Prometheus at this poll (for the timeline); empty when
    /// the server has no alerting rules or no /api/v1/alerts (a warning says so).
    std::vector<PromAlert> alerts;
    /// Every alert interval of the session so far (ALERTS history from the backfill, then
    /// each poll's alerts merged in), in onset order; what the recording holds.
    std::vector<ExternalAlert> alertIntervals;
    qint64 endMs = 0; ///< data is complete up to here
    qint64 wallMs = 0; ///< time the poll took
    /// What the live detectors found after this poll (LiveDetection), when detection is
    /// enabled (LiveSource::setDetectionEnabled); null otherwise.
    std::shared_ptr<const LiveFindings> findings;
    /// With the backfill, when asked to resume the detectors: from which recording and how
    /// many (or why not), e.g. "live-20261204-031500.meshrec: resumed 3,210 series' …".
    QString detectorResume;
    /// With the backfill: the checkpoints the detectors resumed from (Dataset::detectorStart).
    std::shared_ptr<const std::vector<DetectorCheckpoint>> detectorStart;
};

/// A live mesh as a source of frames: on start it backfills the last N minutes (so
/// detectors start warm), then polls every interval. Polls never overlap (the next is
/// scheduled when one ends); after a failure it reconnects with backoff and the next
/// poll fetches everything since the last success, so only data Prometheus itself lost
/// is missing. Optionally records to a .meshrec, committing after every poll. All
/// network work and parsing run on a worker thread; results arrive as queued signals.
class LiveSource : public QObject
{
    Q_OBJECT
public:
    explicit LiveSource(ConnectionProfile profile, QObject* parent = nullptr);
    ~LiveSource() override;

    /// Record everything to `path` (created; refused if it exists unless `overwrite`).
    void setRecordingPath(const QString& path, bool overwrite = false);
    /// Backfill window end: default now; a fixed end makes tests reproducible.
    void setClock(std::function<qint64()> nowMs);
    /// Polls this often instead of every profile interval (the series step stays the
    /// profile's). For tests and benchmarks; 0 restores the profile's interval.
    void setPollIntervalMs(qint64 intervalMs);
    /// Runs the live detectors (LiveDetection) on the worker thread after every poll and
    /// hands their findings over with each update. Off by default (recording only).
    void setDetectionEnabled(bool enabled) { m_detection = enabled; }
    /// What the live detectors use (the user's per-series tuning); before start().
    void setDetectionSettings(DetectionSettings settings) { m_detectionSettings = std::move(settings); }
    /// With detection: resume the detectors from the checkpoints of an earlier session,
    /// from this recording, or, for a folder, from the newest recording in it of the same
    /// Prometheus, namespaces and step (LiveWorker writes them at stop and every 30
    /// minutes). Searched and read on the worker thread; what it did is reported with the
    /// backfill (LiveUpdate::detectorResume). Before start().
    void setDetectorResume(const QString& recordingOrFolder) { m_detectorResume = recordingOrFolder; }
    void start();
    /// Cancels the poll in flight, closes the recording cleanly and waits for the worker.
    void stop();
    bool isRunning() const;
    LiveStatus status() const { return m_status; }

Q_SIGNALS:
    void statusChanged(const meshscope::LiveStatus& status);
    void updateArrived(const meshscope::LiveUpdate& update);
    /// Something that stops the source for good (bad profile, recording not writable).
    void failed(const QString& message);

private:
    ConnectionProfile m_profile;
    QString m_recordingPath;
    bool m_overwrite = false;
    std::function<qint64()> m_clock;
    qint64 m_pollIntervalMs = 0;
    bool m_detection = false;
    DetectionSettings m_detectionSettings;
    QString m_detectorResume;
    QThread* m_thread = nullptr;
    LiveWorker* m_worker = nullptr;
    LiveStatus m_status;
};

} // namespace meshscope

Q_DECLARE_METATYPE(meshscope::LiveStatus)
Q_DECLARE_METATYPE(meshscope::LiveUpdate)
