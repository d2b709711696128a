// The console window in live mode, end to end: File › Connect… (the connection dialog
// filled in and accepted like a user would), against Debian's real Prometheus over a mesh
// whose data runs up to now and with an alerting rule; the topology, plots and timeline
// fill, Prometheus' alert shows as a timeline row that selects its entity, and File ›
// Disconnect stops polling and leaves a recording that reopens with the alert.
#include "main_window.h"
#include "prometheus_harness.h"
#include "synthetic_istio.h"

#include "dialogs/connection_dialog.h"
#include "model/dataset.h"
#include "models/entity_selection.h"
#include "pages/live_session.h"
#include "pages/topology_page.h"
#include "recording/recording.h"
#include "timeline/timeline_model.h"
#include "timeline/timeline_view.h"
#include "topology/topology_view.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace meshscope;
using namespace meshscope::testing;

namespace {

const QByteArray Rules = R"yaml(groups:
  - name: meshscope-gui-test
    rules:
      - alert: CartErrors
        expr: vector(1)
        for: 0s
        labels:
          destination_workload: cart
          destination_workload_namespace: shop
          severity: page
)yaml";

QAction* actionWithShortcut(QWidget* window, const QKeySequence& shortcut)
{
    for (QAction* action : window->findChildren<QAction*>())
        if (action->shortcut() == shortcut)
            return action;
    return nullptr;
}

/// The CartErrors row under the timeline's "Prometheus alerts" group, or invalid.
QModelIndex cartErrorsRow(const TimelineView* timeline)
{
    const QAbstractItemModel* model = timeline->treeView()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex group = model->index(row, 0);
        if (group.data(TimelineModel::RowKindRole).value<TimelineModel::RowKind>()
            != TimelineModel::RowKind::AlertGroup)
            continue;
        for (int child = 0; child < model->rowCount(group); ++child) {
            const QModelIndex alert = model->index(child, 0, group);
            if (alert.data().toString().startsWith(QLatin1String("CartErrors")))
                return alert;
        }
    }
    return {};
}

} // namespace

class TestLiveConnect : public QObject
{
    Q_OBJECT
private:
    PrometheusHarness m_prometheus;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // recordings and settings in test folders
        QCoreApplication::setOrganizationName(QStringLiteral("meshscope-tests"));
        if (!PrometheusHarness::available())
            QSKIP("/usr/bin/prometheus or /usr/bin/promtool is not installed");
        // An hour around now (its last minutes lie ahead), so the default clock (now) polls
        // real data and the topology at now has traffic.
        const qint64 nowS = QDateTime::currentSecsSinceEpoch() / 60 * 60;
        m_prometheus.setRules(Rules);
        QString error;
        QVERIFY2(m_prometheus.start(SyntheticMesh::small(nowS - 3000, nowS + 600).openMetrics(), &error),
            qPrintable(error));
    }

    void connectShowsLiveDataAndAlertsThenDisconnects()
    {
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QAction* connect = actionWithShortcut(&window, QKeySequence(QStringLiteral("Ctrl+Shift+O")));
        QVERIFY(connect);

        // The dialog is modal: fill it in and press Connect once it is up.
        bool accepted = false;
        QTimer filler;
        filler.setInterval(20);
        QObject::connect(&filler, &QTimer::timeout, &filler, [&] {
            auto* dialog = qobject_cast<ConnectionDialog*>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            filler.stop();
            ConnectionProfile profile = dialog->profile();
            profile.name = QStringLiteral("gui test");
            profile.prometheus.url = m_prometheus.url();
            profile.prometheus.timeoutMs = 5000;
            profile.pollIntervalS = 5;
            profile.backfillMinutes = 10;
            dialog->setProfile(profile);
            dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
            accepted = true;
        });
        filler.start();
        connect->trigger(); // returns when the dialog closed
        QVERIFY(accepted);
        LiveSession* live = window.liveSession();
        QVERIFY(live->isRunning());

        // The backfill shows like an opened recording: series, a laid-out graph, the status.
        QTRY_VERIFY_WITH_TIMEOUT(window.dataset() && window.dataset()->series.seriesCount() > 0, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(
            !window.topologyPage()->view()->topologyScene()->frame().nodes.empty(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(live->indicator()->text().contains(QStringLiteral("connected"))
                || live->indicator()->text().contains(QStringLiteral("slow")),
            30000);

        // Prometheus' alert reaches the timeline with a later poll; a click selects cart.
        QTRY_VERIFY_WITH_TIMEOUT(cartErrorsRow(window.timeline()).isValid(), 30000);
        QVERIFY(!window.dataset()->alerts.empty());
        QTreeView* tree = window.timeline()->treeView();
        const QModelIndex row = cartErrorsRow(window.timeline());
        tree->scrollTo(row);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(row).center());
        QCOMPARE(window.selection()->entity(), QStringLiteral("cart"));
        QVERIFY(!window.grab().isNull());

        // Disconnect: polling stops, the recording is closed and holds the alert.
        QAction* disconnect = nullptr;
        for (QAction* action : window.findChildren<QAction*>())
            if (action->text() == MainWindow::tr("&Disconnect"))
                disconnect = action;
        QVERIFY(disconnect && disconnect->isEnabled());
        disconnect->trigger();
        QVERIFY(!live->isRunning());
        QVERIFY(!disconnect->isEnabled());
        QVERIFY(live->indicator()->text().contains(liveStateName(LiveState::Stopped)));
        const QString path = live->recordingPath();
        QVERIFY(QFileInfo::exists(path));
        const Dataset reopened = loadRecording(path);
        QVERIFY(reopened.series.seriesCount() > 0);
        bool recorded = false;
        for (const ExternalAlert& alert : reopened.alerts)
            recorded = recorded
                || (alert.name == QLatin1String("CartErrors") && alert.entity == QLatin1String("cart"));
        QVERIFY(recorded);
        QFile::remove(path);
    }
};

QTEST_MAIN(TestLiveConnect)
#include "test_live_connect.moc"
