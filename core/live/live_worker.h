#pragma once

#include "live_source.h"

#include "model/job_control.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

class QTimer;

namespace meshscope {

class AlertTracker;
class LiveDetection;
class RecordingWriter;

/// The part of LiveSource that lives on its worker thread: the poll loop.
class LiveWorker : public QObject
{
    Q_OBJECT
public:
    LiveWorker(ConnectionProfile profile, QString recordingPath, bool overwrite,
        std::function<qint64()> clock, qint64 pollIntervalMs, bool detection = false,
        DetectionSettings detectionSettings = {});
    ~LiveWorker() override;

    /// Thread-safe: makes the poll in flight give up.
    void cancel() { m_job.cancel(); }
    /// See LiveSource::setDetectorResume; before begin().
    void setDetectorResume(const QString& recordingOrFolder) { m_detectorResume = recordingOrFolder; }

public Q_SLOTS:
    void begin();
    /// Called (blocking) by LiveSource::stop after cancel(): stops polling and logs out of
    /// Kiali in the token strategy, so the session cookie dies on the server.
    void end();

Q_SIGNALS:
    void statusChanged(const meshscope::LiveStatus& status);
    void updateArrived(const meshscope::LiveUpdate& update);
    void failed(const QString& message);

private:
    void poll();
    void scheduleNext(qint64 delayMs);
    void onSuccess(MeshSnapshot snapshot, qint64 startMs, qint64 endMs, qint64 tookMs, bool backfill);
    /// Fetches the alerts of this poll (and, on backfill, the ALERTS history) into the
    /// tracker; a server without alerting or a bad answer only adds a warning.
    std::vector<PromAlert> trackAlerts(qint64 startMs, qint64 endMs, bool backfill, QStringList& warnings);
    void onFailure(const QString& message);
    void keepFreshSamples(MeshSnapshot& snapshot);
    void record(const MeshSnapshot& snapshot);
    /// Resumes the detectors as asked (before the backfill); returns what happened.
    QString resumeDetectors();
    /// Writes the detectors' checkpoints to the recording and commits.
    void storeCheckpoints();
    void setStatus(LiveState state, const QString& detail);

    ConnectionProfile m_profile;
    QString m_recordingPath;
    bool m_overwrite;
    std::function<qint64()> m_clock;
    qint64 m_pollIntervalMs;
    JobControl m_job;
    std::unique_ptr<MeshPoller> m_poller;
    std::unique_ptr<RecordingWriter> m_writer;
    std::unique_ptr<LiveDetection> m_detection; ///< null when detection is off
    std::unique_ptr<AlertTracker> m_alertTracker;
    bool m_alertsToRecord = false; ///< the tracker changed since the last commit
    QTimer* m_timer = nullptr;
    LiveStatus m_status;
    qint64 m_lastEndMs = 0;
    qint64 m_lastFrameMs = 0;
    std::optional<TopologyFrame> m_lastFrame; ///< the last frame recorded
    bool m_backfilled = false;
    QString m_detectorResume;
    QString m_resumeReport; ///< handed over with the backfill
    std::shared_ptr<const std::vector<DetectorCheckpoint>> m_detectorStart; ///< likewise
    qint64 m_lastCheckpointMs = 0;
    QHash<SeriesKey, qint64> m_lastRecorded;
};

} // namespace meshscope
