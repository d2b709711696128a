#include "live_worker.h"

#include "alert_tracker.h"
#include "detector_resume.h"
#include "live_detection.h"

#include "recording/recording.h"

#include "model/meshscope_error.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTimer>

#include <algorithm>

namespace meshscope {

namespace {
/// A topology frame is recorded when the graph changes shape, else at most this often.
constexpr qint64 FrameEveryMs = 5 * 60 * 1000;
constexpr qint64 MaxReconnectDelayMs = 60 * 1000;
/// The detectors' checkpoints go to the recording after the backfill, then this often
/// (and at stop), so a crash loses at most this much learning.
constexpr qint64 CheckpointEveryMs = 30 * 60 * 1000;
} // namespace

LiveWorker::LiveWorker(ConnectionProfile profile, QString recordingPath, bool overwrite,
    std::function<qint64()> clock, qint64 pollIntervalMs, bool detection, DetectionSettings detectionSettings)
    : m_profile(std::move(profile))
    , m_recordingPath(std::move(recordingPath))
    , m_overwrite(overwrite)
    , m_clock(std::move(clock))
    , m_pollIntervalMs(pollIntervalMs > 0 ? pollIntervalMs : m_profile.stepMs())
    , m_detection(detection ? std::make_unique<LiveDetection>(std::move(detectionSettings)) : nullptr)
{ }

LiveWorker::~LiveWorker()
{
    if (m_writer) {
        try {
            m_writer->close();
        } catch (const MeshscopeError&) {
            // Nothing left to tell: the source is going away; the file stays readable
            // up to the last commit.
        }
    }
}

void LiveWorker::begin()
{
    setStatus(LiveState::Connecting, {});
    try {
        m_profile.validate();
        m_poller = std::make_unique<MeshPoller>(m_profile);
        m_alertTracker = std::make_unique<AlertTracker>(
            [this](const QMap<QString, QString>& labels) { return m_poller->alertEntity(labels); });
        if (!m_recordingPath.isEmpty()) {
            m_writer = RecordingWriter::create(m_recordingPath, m_overwrite);
            for (auto [key, value] : m_profile.describe().asKeyValueRange())
                m_writer->setSetting(key, value);
            m_writer->commit();
        }
    } catch (const MeshscopeError& error) {
        setStatus(LiveState::Stopped, error.message());
        Q_EMIT failed(error.message());
        return;
    }
    if (m_detection && !m_detectorResume.isEmpty())
        m_resumeReport = resumeDetectors();
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &LiveWorker::poll);
    poll();
}

void LiveWorker::end()
{
    if (m_timer)
        m_timer->stop();
    if (m_backfilled) {
        try {
            storeCheckpoints();
        } catch (const MeshscopeError&) {
            // Stopping anyway: the samples are committed; the next session starts cold.
        }
    }
    // The poll job is cancelled by now; the logout must still go out, so it runs without.
    if (m_poller && m_poller->kiali())
        m_poller->kiali()->logout(nullptr);
}

QString LiveWorker::resumeDetectors()
{
    const QString path = recordingToResume(m_detectorResume, m_profile, m_recordingPath);
    if (path.isEmpty())
        return QCoreApplication::translate(
            "meshscope", "no earlier session of this connection to resume the detectors from");
    const QString name = QFileInfo(path).fileName();
    try {
        const std::unique_ptr<RecordingReader> reader = RecordingReader::open(path);
        DetectorResume resume = m_detection->resume(reader->detectorCheckpoints(), m_clock());
        if (m_writer && !resume.accepted.empty()) {
            // The new recording remembers where its detectors started, for its replay.
            m_writer->storeDetectorCheckpoints(resume.accepted, DetectorCheckpoint::Kind::SessionStart);
            m_writer->commit();
        }
        m_detectorStart = std::make_shared<const std::vector<DetectorCheckpoint>>(std::move(resume.accepted));
        if (resume.resumed == 0 && resume.cold == 0)
            return QCoreApplication::translate(
                "meshscope", "%1 holds no detector states; the detectors start cold")
                .arg(name);
        return name + QStringLiteral(": ") + resume.text();
    } catch (const MeshscopeError& error) {
        return QCoreApplication::translate("meshscope", "the detectors start cold: %1 (%2)")
            .arg(error.message(), name);
    }
}

void LiveWorker::storeCheckpoints()
{
    if (!m_writer || !m_detection)
        return;
    m_writer->storeDetectorCheckpoints(m_detection->checkpoints());
    m_writer->commit();
    m_lastCheckpointMs = m_clock();
}

void LiveWorker::scheduleNext(qint64 delayMs)
{
    if (!m_job.isCancelled())
        m_timer->start(int(std::clamp<qint64>(delayMs, 10, MaxReconnectDelayMs)));
}

void LiveWorker::poll()
{
    const qint64 now = m_clock();
    const qint64 step = m_profile.stepMs();
    const qint64 backfillStart = now - std::max<qint64>(qint64(m_profile.backfillMinutes) * 60000, step);
    // After an outage fetch everything since the last success, within the backfill window.
    const qint64 start = m_backfilled ? std::max(m_lastEndMs + step, backfillStart) : backfillStart;
    QElapsedTimer took;
    took.start();
    try {
        MeshSnapshot snapshot = m_poller->fetch(start, now, true, &m_job);
        onSuccess(std::move(snapshot), start, now / step * step, took.elapsed(), !m_backfilled);
    } catch (const CancelledError&) {
        return;
    } catch (const MeshscopeError& error) {
        if (m_job.isCancelled())
            return;
        onFailure(error.message());
        const qint64 backoff
            = std::min(MaxReconnectDelayMs, m_pollIntervalMs << std::min(m_status.failedAttempts - 1, 6));
        scheduleNext(backoff);
        return;
    }
    scheduleNext(m_pollIntervalMs - took.elapsed());
}

void LiveWorker::keepFreshSamples(MeshSnapshot& snapshot)
{
    // Polls overlap at the edges of their windows; keep only samples newer than what was
    // already handed over, so the store and the recording get each sample once.
    for (SeriesBatch& batch : snapshot.series) {
        const auto last = m_lastRecorded.constFind(batch.key);
        if (last == m_lastRecorded.constEnd())
            continue;
        const auto firstNew = std::upper_bound(batch.timesMs.begin(), batch.timesMs.end(), *last);
        const auto drop = firstNew - batch.timesMs.begin();
        batch.timesMs.erase(batch.timesMs.begin(), firstNew);
        batch.values.erase(batch.values.begin(), batch.values.begin() + drop);
    }
    std::erase_if(snapshot.series, [](const SeriesBatch& batch) { return batch.timesMs.empty(); });
    for (const SeriesBatch& batch : snapshot.series)
        m_lastRecorded.insert(batch.key, batch.timesMs.back());
    // Topology: keep a frame when the graph changed shape, else every few minutes.
    std::erase_if(snapshot.frames, [this](const TopologyFrame& frame) {
        const bool keep
            = !m_lastFrame || !frame.sameShape(*m_lastFrame) || frame.tMs - m_lastFrameMs >= FrameEveryMs;
        if (keep) {
            m_lastFrame = frame;
            m_lastFrameMs = frame.tMs;
        }
        return !keep;
    });
}

void LiveWorker::record(const MeshSnapshot& snapshot)
{
    if (!m_writer)
        return;
    for (const SeriesBatch& batch : snapshot.series)
        m_writer->appendSamples(batch.key, batch.timesMs.data(), batch.values.data(), batch.timesMs.size());
    for (const TopologyFrame& frame : snapshot.frames)
        m_writer->appendTopology(frame);
    if (m_alertsToRecord)
        m_writer->storeAlerts(m_alertTracker->alerts());
    m_writer->commit();
    m_alertsToRecord = false;
}

std::vector<PromAlert> LiveWorker::trackAlerts(
    qint64 startMs, qint64 endMs, bool backfill, QStringList& warnings)
{
    // Alerts decorate the timeline; a server without them, or a bad answer, must not stop
    // the data nor lose the intervals already tracked.
    if (backfill) {
        try {
            m_alertTracker->mergeHistory(
                m_poller->prometheus().alertHistory(startMs, endMs, m_profile.stepMs(), &m_job),
                m_profile.stepMs(), endMs);
        } catch (const CancelledError&) {
            throw;
        } catch (const MeshscopeError& error) {
            warnings << QStringLiteral("alert history unavailable: ") + error.message();
        }
    }
    std::vector<PromAlert> active;
    try {
        active = m_poller->prometheus().alerts(&m_job);
        m_alertTracker->mergeActive(active, m_clock());
    } catch (const CancelledError&) {
        throw;
    } catch (const MeshscopeError& error) {
        warnings << QStringLiteral("alerts unavailable: ") + error.message();
    }
    m_alertsToRecord = m_alertTracker->takeChanged() || m_alertsToRecord;
    return active;
}

void LiveWorker::onSuccess(MeshSnapshot snapshot, qint64 startMs, qint64 endMs, qint64 tookMs, bool backfill)
{
    keepFreshSamples(snapshot);
    QStringList alertWarnings;
    std::vector<PromAlert> active;
    try {
        active = trackAlerts(startMs, endMs, backfill, alertWarnings);
    } catch (const CancelledError&) {
        return;
    }
    try {
        record(snapshot);
    } catch (const MeshscopeError& error) {
        // A recording that cannot be written is fatal: continuing would lose data silently.
        setStatus(LiveState::Stopped, error.message());
        Q_EMIT failed(error.message());
        m_job.cancel();
        return;
    }
    m_backfilled = true;
    m_lastEndMs = std::max(m_lastEndMs, endMs);
    m_status.lastSuccessMs = m_clock();
    m_status.failedAttempts = 0;
    LiveUpdate update;
    update.backfill = backfill;
    update.series = std::move(snapshot.series);
    update.frames = std::move(snapshot.frames);
    update.warnings = snapshot.warnings + alertWarnings;
    update.alerts = std::move(active);
    update.alertIntervals = m_alertTracker->alerts();
    update.endMs = endMs;
    update.wallMs = tookMs;
    // Detection stays on this thread: the detectors only see the poll's new samples.
    if (m_detection) {
        update.findings = std::make_shared<const LiveFindings>(
            m_detection->update(update.series, update.frames, endMs, &m_job));
        if (backfill) {
            update.detectorResume = m_resumeReport;
            update.detectorStart = m_detectorStart;
        }
        if (m_clock() - m_lastCheckpointMs >= CheckpointEveryMs) {
            try {
                storeCheckpoints();
            } catch (const MeshscopeError& error) {
                setStatus(LiveState::Stopped, error.message());
                Q_EMIT failed(error.message());
                m_job.cancel();
                return;
            }
        }
    }
    const bool slow = !backfill && tookMs > m_pollIntervalMs / 2;
    const QString warnings = update.warnings.join(QStringLiteral("; "));
    Q_EMIT updateArrived(update);
    setStatus(slow ? LiveState::Slow : LiveState::Connected, warnings);
}

void LiveWorker::onFailure(const QString& message)
{
    ++m_status.failedAttempts;
    const qint64 now = m_clock();
    const bool stale = m_status.lastSuccessMs > 0 && now - m_status.lastSuccessMs > 2 * m_pollIntervalMs;
    setStatus(stale ? LiveState::Stale : LiveState::Reconnecting, message);
}

void LiveWorker::setStatus(LiveState state, const QString& detail)
{
    if (state != m_status.state)
        m_status.sinceMs = m_clock();
    const bool changed = state != m_status.state || detail != m_status.detail;
    m_status.state = state;
    m_status.detail = detail;
    if (changed || state == LiveState::Reconnecting || state == LiveState::Stale)
        Q_EMIT statusChanged(m_status);
}

} // namespace meshscope
