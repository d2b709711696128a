#include "live_source.h"

#include "live_worker.h"

#include <QDateTime>
#include <QThread>

namespace meshscope {

QString liveStateName(LiveState state)
{
    switch (state) {
    case LiveState::Idle:
        return QStringLiteral("idle");
    case LiveState::Connecting:
        return QStringLiteral("connecting");
    case LiveState::Connected:
        return QStringLiteral("connected");
    case LiveState::Slow:
        return QStringLiteral("slow");
    case LiveState::Reconnecting:
        return QStringLiteral("reconnecting");
    case LiveState::Stale:
        return QStringLiteral("stale");
    case LiveState::Stopped:
        return QStringLiteral("stopped");
    }
    return {};
}

QString LiveStatus::text() const
{
    auto clock
        = [](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("HH:mm:ss")); };
    QString text = liveStateName(state);
    if (state == LiveState::Stale && lastSuccessMs > 0)
        text = QStringLiteral("stale since %1 (reconnecting, attempt %2)")
                   .arg(clock(lastSuccessMs))
                   .arg(failedAttempts + 1);
    else if (state == LiveState::Reconnecting)
        text = QStringLiteral("reconnecting (attempt %1)").arg(failedAttempts + 1);
    if (!detail.isEmpty())
        text += QStringLiteral(": ") + detail;
    return text;
}

LiveSource::LiveSource(ConnectionProfile profile, QObject* parent)
    : QObject(parent)
    , m_profile(std::move(profile))
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    qRegisterMetaType<LiveStatus>();
    qRegisterMetaType<LiveUpdate>();
}

LiveSource::~LiveSource()
{
    stop();
}

void LiveSource::setRecordingPath(const QString& path, bool overwrite)
{
    m_recordingPath = path;
    m_overwrite = overwrite;
}

void LiveSource::setClock(std::function<qint64()> nowMs)
{
    m_clock = std::move(nowMs);
}

void LiveSource::setPollIntervalMs(qint64 intervalMs)
{
    m_pollIntervalMs = intervalMs;
}

bool LiveSource::isRunning() const
{
    return m_thread != nullptr;
}

void LiveSource::start()
{
    if (m_thread)
        return;
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("meshscope-live"));
    m_worker = new LiveWorker(
        m_profile, m_recordingPath, m_overwrite, m_clock, m_pollIntervalMs, m_detection, m_detectionSettings);
    m_worker->setDetectorResume(m_detectorResume);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::started, m_worker, &LiveWorker::begin);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &LiveWorker::statusChanged, this, [this](const LiveStatus& status) {
        if (!m_thread)
            return;
        m_status = status;
        Q_EMIT statusChanged(status);
    });
    connect(m_worker, &LiveWorker::updateArrived, this, &LiveSource::updateArrived);
    connect(m_worker, &LiveWorker::failed, this, &LiveSource::failed);
    m_thread->start();
}

void LiveSource::stop()
{
    if (!m_thread)
        return;
    // The worker closes the recording in its destructor, on its own thread, when the
    // thread finishes (deleteLater on finished); wait() returns after that.
    m_worker->cancel();
    QMetaObject::invokeMethod(m_worker, &LiveWorker::end, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_worker = nullptr;
    m_status.state = LiveState::Stopped;
    m_status.sinceMs = QDateTime::currentMSecsSinceEpoch();
    m_status.detail.clear();
    Q_EMIT statusChanged(m_status);
}

} // namespace meshscope
