// The console window on the demo recording: incident cards in the timeline, clicking a
// root-cause candidate, re-running detection (Ctrl+D) and cancelling it.
#include "analysis_runner.h"
#include "detection_tuning_controller.h"
#include "main_window.h"

#include "model/dataset.h"
#include "model/signal_names.h"
#include "models/entity_selection.h"
#include "models/time_window.h"
#include "pages/message_bar.h"
#include "pages/topology_page.h"
#include "plots/signal_plots.h"
#include "timeline/timeline_filter_proxy.h"
#include "timeline/timeline_model.h"
#include "timeline/timeline_view.h"
#include "topology/topology_view.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QMenu>
#include <QApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>

#include <algorithm>
#include <memory>

using namespace meshscope;

namespace {

constexpr int LoadTimeoutMs = 120'000;
const QString Demo = QStringLiteral(MESHSCOPE_DEMO_FILE);

/// The simulator's demo fault: cartservice saturates at 14:30 UTC.
qint64 demoFaultMs()
{
    return QDateTime::fromString(QStringLiteral("2025-06-03T14:30:00Z"), Qt::ISODate).toMSecsSinceEpoch();
}

int incidentRows(const TimelineView* timeline)
{
    int count = 0;
    const QAbstractItemModel* model = timeline->model();
    for (int row = 0; row < model->rowCount(); ++row)
        count += model->index(row, 0).data(TimelineModel::RowKindRole).value<TimelineModel::RowKind>()
            == TimelineModel::RowKind::Incident;
    return count;
}

QAction* actionWithShortcut(QWidget* window, const QKeySequence& shortcut)
{
    for (QAction* action : window->findChildren<QAction*>())
        if (action->shortcut() == shortcut)
            return action;
    return nullptr;
}

} // namespace

class TestIncidentCards : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MainWindow> m_window;

    bool settled() const
    {
        return m_window->dataset() && !m_window->isAnalysing()
            && !m_window->topologyPage()->view()->isUpdatePending();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFileInfo::exists(Demo))
            QSKIP("the demo recording is not built (target demo_recording)");
        QStandardPaths::setTestModeEnabled(true); // no user settings, none written
        QCoreApplication::setOrganizationName(QStringLiteral("meshscope-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_incident_cards"));
        QFile::remove(DetectionTuningController::defaultPath()); // left by an earlier run
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1600, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->openPaths({Demo});
        // The demo has no stored anomalies: detection and correlation run on open.
        QTRY_VERIFY_WITH_TIMEOUT(settled() && incidentRows(m_window->timeline()) > 0, LoadTimeoutMs);
    }

    void clickingTopCandidateFocusesCartservice()
    {
        TimelineView* timeline = m_window->timeline();
        QTreeView* tree = timeline->treeView();
        const QModelIndex incident = tree->model()->index(0, 0);
        const QModelIndex causes = tree->model()->index(0, 0, incident);
        QCOMPARE(causes.data(TimelineModel::RowKindRole).value<TimelineModel::RowKind>(),
            TimelineModel::RowKind::CauseGroup);
        QVERIFY(tree->isExpanded(incident));
        QVERIFY(tree->isExpanded(causes)); // the newest incident's card is open
        const QModelIndex top = tree->model()->index(0, TimelineModel::EntityColumn, causes);
        QCOMPARE(top.data(TimelineModel::EntityRole).toString(), QStringLiteral("cartservice"));
        const qint64 onset = top.data(TimelineModel::StartRole).toLongLong();
        QVERIFY2(qAbs(onset - demoFaultMs()) <= 5 * 60'000,
            qPrintable(QDateTime::fromMSecsSinceEpoch(onset, Qt::UTC).toString(Qt::ISODate)));
        QVERIFY(tree->model()
                    ->index(0, TimelineModel::TimeBarColumn, causes)
                    .data()
                    .toString()
                    .contains(QStringLiteral("σ")));

        // Start from somewhere else, so the click has something to change.
        m_window->selection()->select(QStringLiteral("frontend"));
        m_window->timeWindow()->setCursor(m_window->timeWindow()->fullRange().startMs);
        m_window->timeWindow()->zoomToFull();
        TopologyView* topology = m_window->topologyPage()->view();
        topology->fitAll();
        const QTransform fitted = topology->transform();

        QSignalSpy focused(timeline, &TimelineView::candidateActivated);
        tree->scrollTo(top);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(top).center());
        QCOMPARE(focused.count(), 1);
        QCOMPARE(m_window->selection()->entity(), QStringLiteral("cartservice"));
        QCOMPARE(m_window->timeWindow()->cursorMs(), onset);
        const TimeRange visible = m_window->timeWindow()->visibleRange();
        QVERIFY(visible.contains(onset));
        QVERIFY(visible.durationMs() <= 2 * TimelineView::CandidateZoomMarginMs);
        // The topology moved to the candidate's neighbourhood and shows it.
        QVERIFY(topology->transform() != fitted);
        const QRectF node = topology->topologyScene()->entityRect(QStringLiteral("cartservice"));
        QVERIFY(topology->viewport()->rect().contains(topology->mapFromScene(node.center())));
        // The plots follow: the candidate's signals around its onset.
        auto* plots = m_window->findChild<SignalPlots*>();
        QVERIFY(plots);
        QTRY_VERIFY(plots->plottedRange() == visible);
        QVERIFY(plots->pointCount(QStringLiteral("error_ratio")) > 0);
    }

    void ctrlDFillsTheTimeline()
    {
        TimelineView* timeline = m_window->timeline();
        timeline->setFindings({}, {});
        QCOMPARE(timeline->model()->rowCount(), 0);
        QSignalSpy finished(m_window->analysisRunner(), &AnalysisRunner::finished);
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_D, Qt::ControlModifier);
        QVERIFY(m_window->isAnalysing());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, LoadTimeoutMs);
        QVERIFY(!m_window->isAnalysing());
        QVERIFY(incidentRows(timeline) > 0);
        QVERIFY(!m_window->dataset()->incidents.empty());
        QCOMPARE(timeline->model()->causeGroupIndex(timeline->model()->index(0, 0)).isValid(), true);
    }

    void cancellingDetectionKeepsResults()
    {
        QTRY_VERIFY_WITH_TIMEOUT(settled(), LoadTimeoutMs);
        const std::shared_ptr<const Dataset> before = m_window->dataset();
        const TimelineModel* model = m_window->timeline()->model();
        const int rowsBefore = model->rowCount();
        const QString incidentBefore = model->incidentAt(model->index(0, 0))->id;
        QVERIFY(rowsBefore > 0);
        AnalysisRunner* runner = m_window->analysisRunner();
        QSignalSpy finished(runner, &AnalysisRunner::finished);
        QSignalSpy cancelled(runner, &AnalysisRunner::cancelled);

        m_window->detectAgain();
        QVERIFY(m_window->isAnalysing());
        runner->cancel(); // before the job can deliver: its result must never arrive
        QCOMPARE(cancelled.count(), 1);
        QVERIFY(!m_window->isAnalysing());
        QCOMPARE(m_window->dataset(), before);
        QCOMPARE(model->rowCount(), rowsBefore);
        QCOMPARE(model->incidentAt(model->index(0, 0))->id, incidentBefore);
        QVERIFY(m_window->messageBar()->text().contains(QStringLiteral("cancelled")));
        QAction* detect = actionWithShortcut(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_D));
        QVERIFY(detect);
        QVERIFY(detect->isEnabled());

        // Still usable: a click in the timeline works and detection runs again to the end.
        QTreeView* tree = m_window->timeline()->treeView();
        const QModelIndex incident = tree->model()->index(0, 0);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(incident).center());
        QCOMPARE(m_window->selection()->entity(), incident.data(TimelineModel::EntityRole).toString());
        detect->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, LoadTimeoutMs);
        QVERIFY(m_window->dataset() != before);
        QVERIFY(incidentRows(m_window->timeline()) > 0);
        // The cancelled run never delivered, not even late.
        QCOMPARE(finished.count(), 1);
    }

    void mutingASeriesFromItsPlotDetectsAgainWithoutIt()
    {
        QTRY_VERIFY_WITH_TIMEOUT(settled(), LoadTimeoutMs);
        // An anomalous series the plots draw (they show traffic, errors and latency).
        SeriesKey key;
        for (const Anomaly& a : m_window->dataset()->anomalies) {
            if (a.series.signal == SignalName::ErrorRatio || a.series.signal.startsWith(QStringLiteral("latency_"))) {
                key = a.series;
                break;
            }
        }
        QVERIFY(!key.entity.isEmpty());
        m_window->selection()->select(key.entity);
        auto* plots = m_window->findChild<SignalPlots*>();
        QVERIFY(plots);
        QWidget* canvas = nullptr;
        for (QWidget* child : plots->findChildren<QWidget*>()) {
            if (child->inherits("QCustomPlot"))
                canvas = child;
        }
        QVERIFY(canvas);
        plots->replotNow();
        // Find the panel that draws the anomalous signal by walking down the plots.
        QPoint at;
        for (int y = 0; y < canvas->height() && at.isNull(); y += 5) {
            const QPoint pos(canvas->width() / 2, y);
            for (const SeriesKey& shown : plots->seriesAt(canvas->mapTo(plots, pos))) {
                QCOMPARE(shown.entity, key.entity);
                if (shown == key)
                    at = pos;
            }
        }
        QVERIFY2(!at.isNull(), qPrintable(key.toString()));

        // Right click there, then "Mute Alerts" in the menu that opens.
        QContextMenuEvent click(QContextMenuEvent::Mouse, at, canvas->mapToGlobal(at));
        QCoreApplication::sendEvent(canvas, &click);
        QTRY_VERIFY(QApplication::activePopupWidget());
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        QVERIFY(menu);
        QAction* mute = nullptr;
        const auto findMute = [&](QMenu* in, const auto& self) -> void {
            for (QAction* action : in->actions()) {
                if (action->menu() && action->text() == key.signal)
                    self(action->menu(), self);
                else if (action->text() == QStringLiteral("Mute Alerts") && !mute)
                    mute = action;
            }
        };
        findMute(menu, findMute);
        QVERIFY(mute);
        QSignalSpy finished(m_window->analysisRunner(), &AnalysisRunner::finished);
        mute->trigger();
        menu->close();
        QVERIFY(m_window->isAnalysing());
        QVERIFY(m_window->messageBar()->text().contains(QStringLiteral("Muted")));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, LoadTimeoutMs);
        for (const Anomaly& a : m_window->dataset()->anomalies)
            QVERIFY2(!(a.series == key), qPrintable(a.series.toString()));
        // Saved where the CLI's --tuning can read it.
        const DetectionTuning saved = DetectionTuning::load(m_window->detectionTuning()->path());
        QVERIFY(saved.tuningOf(key).muted);

        // Clearing the tuning brings the series' anomalies back.
        m_window->detectionTuning()->clear();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, LoadTimeoutMs);
        QVERIFY(std::any_of(m_window->dataset()->anomalies.begin(), m_window->dataset()->anomalies.end(),
            [&](const Anomaly& a) { return a.series == key; }));
        QVERIFY(DetectionTuning::load(m_window->detectionTuning()->path()).isEmpty());
    }

    void cleanupTestCase() { m_window.reset(); }
};

QTEST_MAIN(TestIncidentCards)
#include "test_incident_cards.moc"
