#pragma once

#include <QMainWindow>
#include <QStringList>

#include <memory>

class QAction;
class QLabel;
class QMenu;
class QProgressBar;
class QToolButton;

namespace meshscope {

struct Dataset;
struct DetectionResult;
class AnalysisRunner;
class DetectionTuningController;
class DatasetLoader;
class EntitySelection;
class MessageBar;
class ReplayBar;
class SignalPlots;
class SummaryCharts;
class TimelineView;
class TimeWindow;
class TopologyPage;
class LiveSession;

/// The console window. It only wires pages together: the shared time window and
/// selection, the loader, the pages and docks, menus, the status bar and settings.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// The bundled demo recording, installed or from the build tree; empty when absent.
    static QString demoRecordingPath();

    void openPaths(const QStringList& paths);
    void openDemo();

    TimeWindow* timeWindow() const { return m_window; }
    EntitySelection* selection() const { return m_selection; }
    TopologyPage* topologyPage() const { return m_topology; }
    MessageBar* messageBar() const { return m_messages; }
    TimelineView* timeline() const { return m_timeline; }
    /// Live mode (File › Connect…, File › Disconnect).
    LiveSession* liveSession() const { return m_live; }
    /// Detection and correlation of the shown dataset (progress, cancel).
    AnalysisRunner* analysisRunner() const { return m_analysis; }
    DetectionTuningController* detectionTuning() const { return m_tuning; }
    std::shared_ptr<const Dataset> dataset() const { return m_dataset; }
    /// True while detection and correlation run on the shown dataset.
    bool isAnalysing() const;
    /// Runs the detectors and the correlator again on the shown dataset (View › Detect Again).
    void detectAgain();

Q_SIGNALS:
    /// A dataset was loaded and handed to every page (layout may still be running).
    void datasetShown();
    void loadFailed(const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildMenus();
    void buildStatusBar();
    void buildDocks();
    void showDataset(
        std::shared_ptr<const Dataset> dataset, const QString& source, const QStringList& warnings);
    void showLoadError(const QString& message);
    void showAnalysis(
        std::shared_ptr<const Dataset> analysed, std::shared_ptr<const DetectionResult> detection);
    void connectAnalysis();
    void connectTuning();
    void cancelWork();
    void setLoading(bool loading);
    void chooseFiles();
    void addRecentFile(const QStringList& paths);
    void rebuildRecentMenu();
    void updateStatus();
    void restoreSettings();
    void saveSettings() const;
    void showLiveData(std::shared_ptr<const Dataset> dataset, bool first);

    TimeWindow* m_window;
    EntitySelection* m_selection;
    DatasetLoader* m_loader;
    MessageBar* m_messages;
    TopologyPage* m_topology;
    ReplayBar* m_replay;
    TimelineView* m_timeline = nullptr;
    SignalPlots* m_plots = nullptr;
    SummaryCharts* m_charts = nullptr;
    AnalysisRunner* m_analysis;
    DetectionTuningController* m_tuning = nullptr;
    QAction* m_detectAction = nullptr;
    std::shared_ptr<const Dataset> m_dataset;
    QString m_source;
    QStringList m_recent;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QAction* m_cancelAction = nullptr;
    QLabel* m_sourceLabel = nullptr;
    QLabel* m_rangeLabel = nullptr;
    QLabel* m_seriesLabel = nullptr;
    QProgressBar* m_progress = nullptr;
    QToolButton* m_cancelButton = nullptr;
    LiveSession* m_live = nullptr;
    QAction* m_disconnectAction = nullptr;
};

} // namespace meshscope
