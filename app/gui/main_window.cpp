#include "main_window.h"

#include "jobs/code_prefetch.h"
#include "jobs/job_tracker.h"

#include "analysis_runner.h"
#include "dataset_loader.h"
#include "detection_tuning_controller.h"

#include "charts/summary_charts.h"
#include "detect/detection.h"
#include "model/dataset.h"
#include "models/entity_selection.h"
#include "models/time_window.h"
#include "pages/live_session.h"
#include "pages/message_bar.h"
#include "plots/signal_plots.h"
#include "timeline/timeline_view.h"
#include "pages/topology_page.h"
#include "replay/replay_bar.h"
#include "replay/replay_clock.h"
#include "topology/topology_view.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QStatusBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace meshscope {

namespace {
constexpr int MaxRecentFiles = 10;
const QString RecentKey = QStringLiteral("recentFiles");

QString formatTime(qint64 tMs)
{
    return QDateTime::fromMSecsSinceEpoch(tMs, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

/// QProgressBar::setValue() repaints the bar at once, and a synchronous repaint also paints
/// everything else the window has pending (bench_gui_watchdog: one progress tick while
/// detection ran took 56 ms, 43 ms of it in the bar's paint). With the bar's updates off
/// around it, the new value is painted with the next regular update instead.
void setProgressLater(QProgressBar* bar, int value)
{
    bar->setUpdatesEnabled(false);
    bar->setValue(value);
    bar->setUpdatesEnabled(true); // schedules update(), not repaint()
}
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_window(new TimeWindow(this))
    , m_selection(new EntitySelection(this))
    , m_loader(new DatasetLoader(this))
    , m_messages(new MessageBar(this))
    , m_topology(new TopologyPage(m_window, m_selection, this))
    , m_replay(new ReplayBar(m_window, this))
    , m_analysis(new AnalysisRunner(this))
{
    prefetchMappedFiles();
    runBulkWorkAtIdlePriority();
    setWindowTitle(tr("meshscope"));
    setAcceptDrops(true);
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_messages);
    layout->addWidget(m_topology, 1);
    layout->addWidget(m_replay);
    setCentralWidget(central);
    m_live = new LiveSession(m_window, this);
    connect(m_live, &LiveSession::datasetUpdated, this, &MainWindow::showLiveData);
    // The live detectors' findings after each poll take the path a finished analysis takes.
    connect(m_live, &LiveSession::detectionUpdated, this, &MainWindow::showAnalysis);
    connect(m_live, &LiveSession::failed, this, [this](const QString& message) {
        m_messages->showMessage(tr("The live connection stopped: %1").arg(message), MessageBar::Level::Error);
    });
    connect(m_live, &LiveSession::detectorsResumed, this, [this](const QString& report) {
        m_messages->showMessage(tr("Live detectors: %1").arg(report), MessageBar::Level::Info);
    });
    connect(m_live, &LiveSession::runningChanged, this,
        [this](bool running) { m_disconnectAction->setEnabled(running); });

    buildMenus();
    buildStatusBar();
    buildDocks();

    connect(m_loader, &DatasetLoader::started, this, [this](const QString& source) {
        m_sourceLabel->setText(tr("Loading %1…").arg(source));
        setLoading(true);
    });
    connect(m_loader, &DatasetLoader::progress, this,
        [this](double fraction) { setProgressLater(m_progress, static_cast<int>(fraction * 100)); });
    connect(m_loader, &DatasetLoader::loaded, this, &MainWindow::showDataset);
    connect(m_loader, &DatasetLoader::failed, this, &MainWindow::showLoadError);
    connect(m_loader, &DatasetLoader::cancelled, this, [this] {
        setLoading(false);
        m_messages->showMessage(tr("Loading was cancelled."), MessageBar::Level::Info);
        updateStatus();
    });
    connectAnalysis();
    connectTuning();
    connect(m_window, &TimeWindow::fullRangeChanged, this, &MainWindow::updateStatus);
    restoreSettings();
    updateStatus();
}

MainWindow::~MainWindow()
{
    m_live->disconnect(this); // its last flush must not reach half-destroyed pages
    m_live->stop();
}

QString MainWindow::demoRecordingPath()
{
    const QString installed = QDir(QCoreApplication::applicationDirPath())
                                  .absoluteFilePath(QStringLiteral("../share/meshscope/demo.meshrec"));
    if (QFileInfo::exists(installed))
        return QDir::cleanPath(installed);
#ifdef MESHSCOPE_BUILD_DEMO
    const QString built = QStringLiteral(MESHSCOPE_BUILD_DEMO);
    if (QFileInfo::exists(built))
        return built;
#endif
    return QString();
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open…"), this, &MainWindow::chooseFiles);
    open->setShortcut(QKeySequence::Open);
    file->addAction(tr("Open &Demo Recording"), this, &MainWindow::openDemo);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    QAction* connectLive = file->addAction(tr("&Connect…"), this, [this] { m_live->connectInteractive(this); });
    connectLive->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_disconnectAction = file->addAction(tr("&Disconnect"), m_live, &LiveSession::stop);
    m_disconnectAction->setEnabled(false);
    file->addSeparator();
    m_cancelAction = file->addAction(tr("&Cancel Loading"), this, &MainWindow::cancelWork);
    m_cancelAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancelAction->setEnabled(false);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    TopologyView* view = m_topology->view();
    QAction* fit = m_viewMenu->addAction(tr("&Fit Topology"), view, &TopologyView::fitAll);
    fit->setShortcut(QKeySequence(Qt::Key_F));
    fit->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_detectAction = m_viewMenu->addAction(tr("&Detect Again"), this, &MainWindow::detectAgain);
    m_detectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_detectAction->setEnabled(false);
    m_viewMenu->addSeparator();

    QMenu* replay = menuBar()->addMenu(tr("&Replay"));
    replay->addActions(m_replay->replayActions());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About meshscope"), this, [this] {
        QMessageBox::about(this, tr("About meshscope"),
            tr("<b>meshscope %1</b><p>Incident console for service meshes: topology, anomalies, "
               "incidents and replay of recorded metrics.</p>")
                .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::buildStatusBar()
{
    m_sourceLabel = new QLabel(this);
    m_rangeLabel = new QLabel(this);
    m_seriesLabel = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 100);
    m_progress->setMaximumWidth(160);
    m_cancelButton = new QToolButton(this);
    m_cancelButton->setDefaultAction(m_cancelAction);
    m_cancelButton->setToolTip(tr("Cancel loading or detection (Esc)"));
    statusBar()->addWidget(m_sourceLabel, 1);
    statusBar()->addWidget(m_rangeLabel);
    statusBar()->addWidget(m_seriesLabel);
    statusBar()->addPermanentWidget(m_live->indicator());
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancelButton);
    setLoading(false);
}

void MainWindow::buildDocks()
{
    const auto dock = [this](QWidget* page, const QString& title, const QString& name, Qt::DockWidgetArea area) {
        auto* widget = new QDockWidget(title, this);
        widget->setObjectName(name); // saveState() needs it
        widget->setWidget(page);
        addDockWidget(area, widget);
        m_viewMenu->addAction(widget->toggleViewAction());
        return widget;
    };
    m_timeline = new TimelineView(m_window, m_selection, this);
    m_plots = new SignalPlots(m_window, m_selection, this);
    m_charts = new SummaryCharts(m_window, m_selection, this);
    // Topology keeps the centre; plots and charts share the right column (full height,
    // so the plots are not squeezed under their legend) and the timeline spans the bottom.
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    QDockWidget* plots = dock(m_plots, tr("Plots"), QStringLiteral("plotsDock"), Qt::RightDockWidgetArea);
    QDockWidget* charts = dock(m_charts, tr("Summary"), QStringLiteral("chartsDock"), Qt::RightDockWidgetArea);
    QDockWidget* timeline = dock(m_timeline, tr("Timeline"), QStringLiteral("timelineDock"), Qt::BottomDockWidgetArea);
    // A root-cause candidate clicked in the timeline: the topology centres on it too.
    connect(m_timeline, &TimelineView::candidateActivated, m_topology->view(), &TopologyView::focusNeighbourhood);
    resize(1600, 900);
    resizeDocks({plots}, {620}, Qt::Horizontal);
    resizeDocks({plots, charts}, {560, 300}, Qt::Vertical);
    resizeDocks({timeline}, {200}, Qt::Vertical);
}

void MainWindow::setLoading(bool loading)
{
    m_progress->setVisible(loading);
    m_progress->setValue(0);
    m_cancelButton->setVisible(loading);
    m_cancelAction->setEnabled(loading);
}

void MainWindow::openPaths(const QStringList& paths)
{
    if (paths.isEmpty())
        return;
    m_live->stop(); // a file replaces the live data
    m_analysis->discard();
    m_messages->hide();
    m_replay->clock()->pause();
    addRecentFile(paths);
    m_loader->load(paths);
}

void MainWindow::openDemo()
{
    const QString demo = demoRecordingPath();
    if (demo.isEmpty()) {
        m_messages->showMessage(
            tr("The demo recording was not found. Build the demo_recording target or open a file with File › Open."),
            MessageBar::Level::Warning);
        Q_EMIT loadFailed(m_messages->text());
        return;
    }
    openPaths({demo});
}

void MainWindow::chooseFiles()
{
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("lastDir"), QDir::homePath()).toString();
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Open recording or metrics dump"), dir,
        tr("Recordings and dumps (*.meshrec *.om *.txt *.prom *.json *.csv);;Recordings (*.meshrec);;All files (*)"));
    if (paths.isEmpty())
        return;
    settings.setValue(QStringLiteral("lastDir"), QFileInfo(paths.front()).absolutePath());
    openPaths(paths);
}

void MainWindow::showDataset(std::shared_ptr<const Dataset> dataset, const QString& source, const QStringList& warnings)
{
    setLoading(false);
    m_dataset = std::move(dataset);
    m_source = source;
    m_selection->clear();
    m_window->reset(m_dataset->timeRange());
    if (!m_dataset->incidents.empty())
        m_replay->setT0(m_dataset->incidents.front().startMs);
    else
        m_replay->clearT0();
    m_topology->setDataset(m_dataset);
    m_timeline->setDataset(m_dataset);
    m_plots->setDataset(m_dataset);
    m_charts->setDataset(m_dataset);
    m_detectAction->setEnabled(true);
    // Stored findings show at once; fresh detection still runs when there are none.
    if (m_dataset->anomalies.empty() && m_dataset->series.seriesCount() > 0)
        detectAgain();
    setWindowTitle(tr("%1 — meshscope").arg(source));
    if (!warnings.isEmpty()) {
        m_messages->showMessage(tr("Loaded with %n warning(s): %1", nullptr, static_cast<int>(warnings.size()))
                                    .arg(warnings.front()),
            MessageBar::Level::Warning);
    }
    updateStatus();
    Q_EMIT datasetShown();
}

void MainWindow::connectAnalysis()
{
    connect(m_analysis, &AnalysisRunner::started, this, [this] {
        m_sourceLabel->setText(tr("Detecting anomalies in %1…").arg(m_source));
        setLoading(true);
    });
    connect(m_analysis, &AnalysisRunner::progress, this,
        [this](double fraction) { setProgressLater(m_progress, static_cast<int>(fraction * 100)); });
    connect(m_analysis, &AnalysisRunner::finished, this, &MainWindow::showAnalysis);
    connect(m_analysis, &AnalysisRunner::failed, this, [this](const QString& message) {
        setLoading(false);
        m_messages->showMessage(tr("Detection failed: %1").arg(message), MessageBar::Level::Error);
        updateStatus();
    });
    connect(m_analysis, &AnalysisRunner::cancelled, this, [this] {
        setLoading(false);
        m_messages->showMessage(tr("Detection was cancelled; View › Detect Again (Ctrl+D) restarts it."),
            MessageBar::Level::Info);
        updateStatus();
    });
}

bool MainWindow::isAnalysing() const
{
    return m_analysis->isRunning();
}

void MainWindow::detectAgain()
{
    if (m_dataset && !m_loader->isLoading())
        m_analysis->run(m_dataset, m_tuning->settings());
}

void MainWindow::connectTuning()
{
    m_tuning = new DetectionTuningController(DetectionTuningController::defaultPath(), this);
    const auto showMenu = [this](const std::vector<SeriesKey>& series, const QPoint& at) {
        m_tuning->showMenu(series, at, this);
    };
    connect(m_plots, &SignalPlots::seriesMenuRequested, this, showMenu);
    connect(m_timeline, &TimelineView::seriesMenuRequested, this, showMenu);
    QAction* clear = new QAction(tr("&Clear Detector Tuning"), this);
    clear->setToolTip(tr("Unmute every series and give each the normal sensitivity"));
    connect(clear, &QAction::triggered, m_tuning, &DetectionTuningController::clear);
    m_viewMenu->insertAction(m_detectAction, clear);
    if (m_live)
        m_live->setDetectionSettings(m_tuning->settings());
    connect(m_tuning, &DetectionTuningController::changed, this, [this](const QString& what) {
        if (m_live)
            m_live->setDetectionSettings(m_tuning->settings());
        if (m_live && m_live->isRunning()) {
            m_messages->showMessage(tr("%1. Live detection uses it from the next connection.").arg(what),
                MessageBar::Level::Info);
            return;
        }
        m_messages->showMessage(tr("%1; detecting again.").arg(what), MessageBar::Level::Info);
        detectAgain();
    });
    connect(m_tuning, &DetectionTuningController::saveFailed, this,
        [this](const QString& message) { m_messages->showMessage(message, MessageBar::Level::Error); });
    if (!m_tuning->loadError().isEmpty()) {
        m_messages->showMessage(tr("The detector tuning was not read (%1); the defaults are used until you "
                                   "change a series.")
                                    .arg(m_tuning->loadError()),
            MessageBar::Level::Warning);
    }
}

void MainWindow::cancelWork()
{
    m_loader->cancel();
    m_analysis->cancel();
}

void MainWindow::showAnalysis(std::shared_ptr<const Dataset> analysed, std::shared_ptr<const DetectionResult> detection)
{
    setLoading(false);
    m_dataset = std::move(analysed);
    m_topology->updateDataset(m_dataset);
    m_plots->setDetection(detection);
    m_timeline->setFindings(m_dataset->anomalies, m_dataset->incidents);
    m_charts->setAnomalies(m_dataset->anomalies);
    if (!m_dataset->incidents.empty()) {
        const Incident& first = m_dataset->incidents.front();
        m_replay->setT0(first.startMs);
        // With nothing chosen yet, the plots open on the suspected root cause.
        if (m_selection->entity().isEmpty() && !first.candidates.empty())
            m_selection->select(first.candidates.front().entity);
    }
    updateStatus();
}

void MainWindow::showLoadError(const QString& message)
{
    setLoading(false);
    m_messages->showMessage(tr("Could not open: %1").arg(message), MessageBar::Level::Error);
    updateStatus();
    Q_EMIT loadFailed(message);
}

void MainWindow::updateStatus()
{
    if (!m_dataset) {
        m_sourceLabel->setText(m_loader->isLoading() ? m_sourceLabel->text() : tr("No data"));
        m_rangeLabel->clear();
        m_seriesLabel->clear();
        return;
    }
    if (!m_loader->isLoading() && !m_analysis->isRunning())
        m_sourceLabel->setText(m_source);
    const TimeRange range = m_window->fullRange();
    m_rangeLabel->setText(range.isValid() ? tr("%1 – %2 UTC").arg(formatTime(range.startMs), formatTime(range.endMs))
                                          : tr("no samples"));
    m_seriesLabel->setText(tr("%n series", nullptr, m_dataset->series.seriesCount()) + QStringLiteral(" · ")
        + tr("%n anomalies", nullptr, static_cast<int>(m_dataset->anomalies.size())) + QStringLiteral(" · ")
        + tr("%n incidents", nullptr, static_cast<int>(m_dataset->incidents.size())));
}

void MainWindow::addRecentFile(const QStringList& paths)
{
    QStringList absolute;
    for (const QString& path : paths)
        absolute.append(QFileInfo(path).absoluteFilePath());
    const QString entry = absolute.join(QLatin1Char('\n'));
    m_recent.removeAll(entry);
    m_recent.prepend(entry);
    while (m_recent.size() > MaxRecentFiles)
        m_recent.removeLast();
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    for (const QString& entry : std::as_const(m_recent)) {
        const QStringList paths = entry.split(QLatin1Char('\n'));
        QStringList names;
        for (const QString& path : paths)
            names.append(QFileInfo(path).fileName());
        QAction* action = m_recentMenu->addAction(names.join(QStringLiteral(", ")), this, [this, paths] { openPaths(paths); });
        action->setToolTip(paths.join(QLatin1Char('\n')));
    }
    m_recentMenu->setEnabled(!m_recent.isEmpty());
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    }
    if (!paths.isEmpty()) {
        event->acceptProposedAction();
        openPaths(paths);
    }
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    // The default layout of buildDocks() stands until the user saved one.
    if (settings.contains(QStringLiteral("window/geometry")))
        restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    if (settings.contains(QStringLiteral("window/state")))
        restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_recent = settings.value(RecentKey).toStringList();
    rebuildRecentMenu();
    m_topology->setEdgeLabels(settings.value(QStringLiteral("topology/edgeLabels"), 0).toInt());
    const double rate = settings.value(QStringLiteral("replay/rate"), 10.0).toDouble();
    m_replay->clock()->setRate(rate);
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(RecentKey, m_recent);
    settings.setValue(QStringLiteral("topology/edgeLabels"), m_topology->edgeLabels());
    settings.setValue(QStringLiteral("replay/rate"), m_replay->clock()->rate());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    m_loader->cancel();
    m_analysis->cancel();
    saveSettings();
    event->accept();
}

void MainWindow::showLiveData(std::shared_ptr<const Dataset> dataset, bool first)
{
    if (first) {
        showDataset(std::move(dataset),
            tr("live, recording to %1").arg(QDir::toNativeSeparators(m_live->recordingPath())), {});
        // Live data brings the live detectors' findings; a batch run would land on stale data.
        m_analysis->discard();
        setLoading(false);
        updateStatus();
        return;
    }
    m_analysis->discard();
    // The pages keep selection, zoom and layout; the time window was already extended.
    m_dataset = std::move(dataset);
    m_topology->updateDataset(m_dataset);
    m_timeline->setDataset(m_dataset);
    m_plots->setDataset(m_dataset);
    m_charts->setDataset(m_dataset);
    updateStatus();
}

} // namespace meshscope
