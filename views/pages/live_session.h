#pragma once

#include "live/live_source.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

class QLabel;
class QSettings;
class QTimer;
class QWidget;

namespace meshscope {

struct Dataset;
struct DetectionResult;
class TimeWindow;

/// Live mode of the console: asks for a connection profile, runs a LiveSource on it
/// (backfill, then polling, recording to a .meshrec), folds its updates into a growing
/// dataset and keeps a coloured connection indicator up to date. Updates are coalesced:
/// at most 25 new datasets a second reach the views, however fast polls arrive. The live
/// detectors run on the source's worker thread after every poll; their anomalies and
/// incidents ride in the grown dataset, their bands in a grown DetectionResult.
///
/// Usage: `auto* s = new LiveSession(window, this); connect(s, &LiveSession::datasetUpdated, …);
/// statusBar()->addPermanentWidget(s->indicator()); s->connectInteractive(this);`
class LiveSession : public QObject
{
    Q_OBJECT
public:
    static constexpr int MinFlushIntervalMs = 40; ///< 25 updates/s

    explicit LiveSession(TimeWindow* window, QObject* parent = nullptr);
    ~LiveSession() override;

    /// Shows the connection dialog with the last profile (secrets from the keychain
    /// when available) and starts on accept. Returns false when the user cancelled.
    bool connectInteractive(QWidget* parent);
    /// Starts watching `profile`, recording to `recordingPath` (empty: a timestamped
    /// file under AppDataLocation/recordings). Stops a running session first.
    void start(const ConnectionProfile& profile, const QString& recordingPath = QString());
    void stop();
    bool isRunning() const;

    /// The dataset grown so far (null before the backfill arrived).
    std::shared_ptr<const Dataset> dataset() const { return m_dataset; }
    /// The live detectors' bands and anomalies for that dataset (null before the backfill).
    std::shared_ptr<const DetectionResult> detection() const { return m_detection; }
    QString recordingPath() const { return m_recordingPath; }
    LiveStatus status() const;
    /// A label with a coloured dot and the connection state, for the status bar.
    QLabel* indicator() const { return m_indicator; }
    /// Where recordings go by default.
    static QString defaultRecordingDir();
    /// For tests: polls this often instead of the profile's interval.
    void setPollIntervalMs(qint64 intervalMs) { m_pollIntervalMs = intervalMs; }
    /// What the live detectors of the next start() use (the user's per-series tuning).
    void setDetectionSettings(DetectionSettings settings) { m_detectionSettings = std::move(settings); }
    /// For tests: the source's clock (backfill end), see LiveSource::setClock.
    void setClock(std::function<qint64()> nowMs) { m_clock = std::move(nowMs); }

    static void saveProfile(QSettings& settings, const ConnectionProfile& profile);
    static ConnectionProfile loadProfile(const QSettings& settings);

Q_SIGNALS:
    /// The dataset grew; `first` is true for the first one of a session (show it anew).
    void datasetUpdated(std::shared_ptr<const meshscope::Dataset> dataset, bool first);
    /// Right after datasetUpdated: the live detectors' findings for that dataset, the
    /// shape AnalysisRunner::finished has (`dataset` carries anomalies and incidents).
    void detectionUpdated(std::shared_ptr<const meshscope::Dataset> dataset,
        std::shared_ptr<const meshscope::DetectionResult> detection);
    void statusChanged(const meshscope::LiveStatus& status);
    /// With the backfill: whether the detectors resumed from an earlier session's
    /// recording (which one, how many series) or start cold.
    void detectorsResumed(const QString& report);
    void failed(const QString& message);
    void runningChanged(bool running);

private:
    void queueUpdate(const LiveUpdate& update);
    void flush();
    void showStatus(const LiveStatus& status);

    TimeWindow* m_window;
    std::unique_ptr<LiveSource> m_source;
    std::vector<LiveUpdate> m_pending;
    std::shared_ptr<const Dataset> m_dataset;
    std::shared_ptr<const DetectionResult> m_detection;
    QTimer* m_flushTimer;
    QLabel* m_indicator;
    QString m_recordingPath;
    QString m_profileName;
    qint64 m_pollIntervalMs = 0;
    DetectionSettings m_detectionSettings;
    std::function<qint64()> m_clock;
};

} // namespace meshscope
