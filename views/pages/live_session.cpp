#include "live_session.h"

#include "detect/detection.h"
#include "dialogs/connection_dialog.h"
#include "dialogs/connection_secret_store.h"
#include "live/live_detection.h"
#include "model/dataset.h"
#include "models/time_window.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLabel>
#include <QPointer>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

namespace meshscope {

namespace {
const QString ProfileKey = QStringLiteral("live/profile");

QString stateColour(LiveState state)
{
    switch (state) {
    case LiveState::Connected:
        return QStringLiteral("#2e9d3a");
    case LiveState::Slow:
    case LiveState::Connecting:
        return QStringLiteral("#d9a400");
    case LiveState::Reconnecting:
        return QStringLiteral("#e06c00");
    case LiveState::Stale:
        return QStringLiteral("#c62828");
    case LiveState::Idle:
    case LiveState::Stopped:
        break;
    }
    return QStringLiteral("#888888");
}

/// The secrets of a profile under their keychain keys ("<profile>/<what>").
QList<QPair<QString, QString*>> secretSlots(ConnectionProfile& profile)
{
    const QString prefix = profile.name.isEmpty() ? QStringLiteral("default") : profile.name;
    return {{prefix + QStringLiteral("/prometheus.token"), &profile.prometheus.auth.token},
        {prefix + QStringLiteral("/prometheus.password"), &profile.prometheus.auth.password},
        {prefix + QStringLiteral("/kiali.token"), &profile.kiali.auth.token}};
}

void appendUpdate(Dataset& dataset, const LiveUpdate& update)
{
    for (const SeriesBatch& batch : update.series) {
        const SeriesId id = dataset.series.ensureSeries(batch.key);
        // Polls overlap their predecessor by design (rate windows); keep only new samples.
        for (std::size_t i = 0; i < batch.timesMs.size(); ++i)
            dataset.series.append(id, batch.timesMs[i], batch.values[i]);
    }
    for (const TopologyFrame& frame : update.frames)
        dataset.topology.add(frame);
}

/// Appends the band values of an update's new samples; bands stay one per series of
/// `dataset`, in SeriesId order, aligned with its samples.
void appendBands(DetectionResult& detection, const Dataset& dataset, const LiveFindings& findings)
{
    for (SeriesId id = static_cast<SeriesId>(detection.bands.size()); id < dataset.series.seriesCount();
         ++id) {
        detection.bands.emplace_back();
        detection.bands.back().series = id;
    }
    for (std::size_t i = 0; i < findings.bandKeys.size(); ++i) {
        const SeriesId id = dataset.series.find(findings.bandKeys[i]);
        if (id == InvalidSeries)
            continue;
        SeriesBand& band = detection.bands[static_cast<std::size_t>(id)];
        const SeriesBand& part = findings.bandAppends[i];
        band.expected.insert(band.expected.end(), part.expected.begin(), part.expected.end());
        band.lower.insert(band.lower.end(), part.lower.begin(), part.lower.end());
        band.upper.insert(band.upper.end(), part.upper.begin(), part.upper.end());
        band.score.insert(band.score.end(), part.score.begin(), part.score.end());
    }
}
} // namespace

LiveSession::LiveSession(TimeWindow* window, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_flushTimer(new QTimer(this))
    , m_indicator(new QLabel)
{
    m_flushTimer->setSingleShot(true);
    m_flushTimer->setInterval(MinFlushIntervalMs);
    connect(m_flushTimer, &QTimer::timeout, this, &LiveSession::flush);
    m_indicator->setTextFormat(Qt::RichText);
    m_indicator->hide();
}

LiveSession::~LiveSession()
{
    stop();
    // The status bar normally owns the indicator; delete it only when nobody took it.
    if (!m_indicator->parent())
        delete m_indicator;
}

QString LiveSession::defaultRecordingDir()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .absoluteFilePath(QStringLiteral("recordings"));
}

void LiveSession::saveProfile(QSettings& settings, const ConnectionProfile& profile)
{
    settings.setValue(
        ProfileKey, QString::fromUtf8(QJsonDocument(profile.toJson()).toJson(QJsonDocument::Compact)));
}

ConnectionProfile LiveSession::loadProfile(const QSettings& settings)
{
    const QByteArray json = settings.value(ProfileKey).toString().toUtf8();
    if (json.isEmpty())
        return ConnectionProfile();
    try {
        return ConnectionProfile::fromJson(QJsonDocument::fromJson(json).object());
    } catch (const std::exception&) {
        return ConnectionProfile(); // a damaged saved profile just means starting blank
    }
}

bool LiveSession::connectInteractive(QWidget* parent)
{
    QSettings settings;
    ConnectionProfile saved = loadProfile(settings);
    QPointer<ConnectionDialog> dialog = new ConnectionDialog(parent);
    dialog->setProfile(saved);
    if (ConnectionSecretStore::isAvailable()) {
        // Keychain reads are asynchronous; they fill the dialog as they arrive.
        for (const auto& slot : secretSlots(saved)) {
            ConnectionSecretStore::load(slot.first, [dialog, slot](const QString& secret, const QString&) {
                if (!dialog || secret.isEmpty())
                    return;
                ConnectionProfile edited = dialog->profile();
                for (const auto& target : secretSlots(edited)) {
                    if (target.first == slot.first)
                        *target.second = secret;
                }
                dialog->setProfile(edited);
            });
        }
    }
    const bool accepted = dialog->exec() == QDialog::Accepted;
    ConnectionProfile profile = dialog ? dialog->profile() : ConnectionProfile();
    delete dialog;
    if (!accepted)
        return false;
    saveProfile(settings, profile); // toJson leaves secrets out
    if (ConnectionSecretStore::isAvailable()) {
        for (const auto& slot : secretSlots(profile))
            ConnectionSecretStore::store(slot.first, *slot.second);
    }
    start(profile);
    return true;
}

void LiveSession::start(const ConnectionProfile& profile, const QString& recordingPath)
{
    stop();
    m_profileName = profile.name.isEmpty() ? profile.prometheus.displayUrl() : profile.name;
    m_recordingPath = recordingPath;
    if (m_recordingPath.isEmpty()) {
        const QDir dir(defaultRecordingDir());
        dir.mkpath(QStringLiteral("."));
        m_recordingPath = dir.absoluteFilePath(
            QStringLiteral("live-%1.meshrec")
                .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    }
    m_dataset.reset();
    m_detection.reset();
    m_pending.clear();
    m_source = std::make_unique<LiveSource>(profile);
    m_source->setDetectionEnabled(true);
    m_source->setDetectionSettings(m_detectionSettings);
    m_source->setRecordingPath(m_recordingPath);
    // The detectors continue from the newest earlier session of this connection in the
    // same folder, so they need not relearn the mesh's normal from the backfill.
    m_source->setDetectorResume(QFileInfo(m_recordingPath).absolutePath());
    if (m_pollIntervalMs > 0)
        m_source->setPollIntervalMs(m_pollIntervalMs);
    if (m_clock)
        m_source->setClock(m_clock);
    connect(m_source.get(), &LiveSource::statusChanged, this, &LiveSession::showStatus);
    connect(m_source.get(), &LiveSource::updateArrived, this, &LiveSession::queueUpdate);
    connect(m_source.get(), &LiveSource::failed, this, [this](const QString& message) {
        showStatus(m_source ? m_source->status() : LiveStatus());
        Q_EMIT failed(message);
    });
    m_indicator->show();
    m_source->start();
    Q_EMIT runningChanged(true);
}

void LiveSession::stop()
{
    if (!m_source)
        return;
    m_source->stop();
    flush(); // what arrived before the stop still belongs to the data
    LiveStatus stopped = m_source->status();
    stopped.state = LiveState::Stopped;
    stopped.sinceMs = QDateTime::currentMSecsSinceEpoch();
    m_source.reset();
    showStatus(stopped);
    Q_EMIT runningChanged(false);
}

bool LiveSession::isRunning() const
{
    return m_source && m_source->isRunning();
}

LiveStatus LiveSession::status() const
{
    return m_source ? m_source->status() : LiveStatus();
}

void LiveSession::queueUpdate(const LiveUpdate& update)
{
    m_pending.push_back(update);
    if (!m_flushTimer->isActive())
        m_flushTimer->start();
}

void LiveSession::flush()
{
    if (m_pending.empty())
        return;
    // Views hold the old dataset as const; the new one is a grown copy.
    auto grown = makeSharedDataset(m_dataset ? *m_dataset : Dataset());
    const bool first = !m_dataset;
    auto detection
        = m_detection ? std::make_shared<DetectionResult>(*m_detection) : std::make_shared<DetectionResult>();
    std::shared_ptr<const LiveFindings> latest;
    QString resumeReport;
    for (const LiveUpdate& update : m_pending) {
        if (!update.detectorResume.isEmpty())
            resumeReport = update.detectorResume;
        if (update.detectorStart)
            grown->detectorStart = *update.detectorStart; // Detect Again starts where live did
        appendUpdate(*grown, update);
        if (update.findings) {
            appendBands(*detection, *grown, *update.findings);
            latest = update.findings;
        }
    }
    if (latest) {
        // Findings describe everything so far: the latest replaces the previous ones.
        grown->anomalies = latest->anomalies;
        grown->incidents = latest->incidents;
        detection->anomalies = latest->anomalies;
    }
    // Each update carries every alert interval of the session so far.
    grown->alerts = m_pending.back().alertIntervals;
    const qint64 endMs = m_pending.back().endMs;
    m_pending.clear();
    if (first) {
        grown->settings.insert(QStringLiteral("source"), QStringLiteral("live"));
        grown->settings.insert(QStringLiteral("recording"), m_recordingPath);
    }
    m_dataset = grown;
    if (m_window) {
        const TimeRange range = m_dataset->timeRange();
        if (first && range.isValid())
            m_window->reset(range);
        else if (range.isValid())
            m_window->extendTo(std::max(endMs, range.endMs));
    }
    Q_EMIT datasetUpdated(m_dataset, first);
    if (latest) {
        m_detection = detection;
        Q_EMIT detectionUpdated(m_dataset, m_detection);
    }
    if (!resumeReport.isEmpty())
        Q_EMIT detectorsResumed(resumeReport);
}

void LiveSession::showStatus(const LiveStatus& status)
{
    m_indicator->setText(QStringLiteral("<span style=\"color:%1\">&#9679;</span> %2")
                             .arg(stateColour(status.state),
                                 QCoreApplication::translate("meshscope::LiveSession", "Live %1: %2")
                                     .arg(m_profileName.toHtmlEscaped(), status.text().toHtmlEscaped())));
    m_indicator->setToolTip(QCoreApplication::translate("meshscope::LiveSession", "Recording to %1")
                                .arg(QDir::toNativeSeparators(m_recordingPath)));
    Q_EMIT statusChanged(status);
}

} // namespace meshscope
