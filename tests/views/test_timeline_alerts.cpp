// Prometheus' own alerts in the timeline: their own group on top, one row per alert
// interval (name and entity, state, severity, onset, duration), drawn in their own hue,
// and a click selects the alert's entity and moves the cursor to its onset.
#include "model/dataset.h"
#include "models/entity_selection.h"
#include "models/time_window.h"
#include "timeline/time_axis_mapping.h"
#include "timeline/timeline_filter_proxy.h"
#include "timeline/timeline_model.h"
#include "timeline/timeline_view.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace meshscope;

namespace {

constexpr qint64 T0 = 1'700'000'000'000;
constexpr qint64 Min = 60'000;

ExternalAlert alert(const QString& name, const QString& entity, const QString& state, qint64 startMin,
    qint64 endMin, const QString& severity = {})
{
    ExternalAlert a;
    a.name = name;
    a.entity = entity;
    a.state = state;
    a.startMs = T0 + startMin * Min;
    a.endMs = endMin < 0 ? -1 : T0 + endMin * Min;
    a.activeAtMs = a.startMs;
    if (!severity.isEmpty())
        a.labels.insert(QStringLiteral("severity"), severity);
    return a;
}

/// A firing alert on cart (20-35 min), a pending one on frontend still open, listed out
/// of onset order; one anomaly on cart in one incident.
struct AlertFixture
{
    std::vector<ExternalAlert> alerts {
        alert(QStringLiteral("FrontendSlow"), QStringLiteral("frontend"), QStringLiteral("pending"), 40, -1),
        alert(QStringLiteral("CartErrors"), QStringLiteral("cart"), QStringLiteral("firing"), 20, 35,
            QStringLiteral("page")),
    };
    std::vector<Anomaly> anomalies;
    std::vector<Incident> incidents;
    AlertFixture()
    {
        Anomaly a;
        a.series = {QStringLiteral("cart"), QStringLiteral("error_ratio")};
        a.startMs = T0 + 18 * Min;
        a.endMs = T0 + 30 * Min;
        a.peakMs = T0 + 22 * Min;
        a.significance = 90;
        anomalies.push_back(a);
        Incident incident;
        incident.id = QStringLiteral("I1");
        incident.startMs = a.startMs;
        incident.endMs = a.endMs;
        incident.significance = 90;
        incident.firstAffected = QStringLiteral("cart");
        incident.anomalyIndexes = {0};
        incidents.push_back(incident);
    }
    /// The same as a dataset whose samples run from T0 to T0 + 60 min.
    std::shared_ptr<const Dataset> dataset() const
    {
        auto d = makeSharedDataset(Dataset());
        const SeriesId id = d->series.ensureSeries({QStringLiteral("cart"), QStringLiteral("request_rate")});
        for (qint64 m = 0; m <= 60; ++m)
            d->series.append(id, T0 + m * Min, 10.0);
        d->anomalies = anomalies;
        d->incidents = incidents;
        d->alerts = alerts;
        return d;
    }
};

QString text(const QModelIndex& index, int column)
{
    return index.siblingAtColumn(column).data().toString();
}

/// Hue of the pixel at the middle of the time bar at `tMs` in `row`'s rectangle.
int hueAt(const QImage& image, const QRect& row, const TimeWindow& window, qint64 tMs)
{
    const QRectF rect = QRectF(row).adjusted(2, 0, -2, 0);
    const TimeAxisMapping mapping {window.visibleRange(), rect.left(), rect.width()};
    return image.pixelColor(QPoint(int(mapping.toX(tMs)), row.center().y())).hsvHue();
}

} // namespace

class TestTimelineAlerts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void alertRowsShowNameStateAndTimes()
    {
        TimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const AlertFixture f;
        model.setFindings(f.anomalies, f.incidents);
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(!model.alertGroupIndex().isValid());
        model.setAlerts(f.alerts, T0 + 60 * Min);
        QCOMPARE(model.rowCount(), 2);

        const QModelIndex group = model.alertGroupIndex();
        QCOMPARE(group, model.index(0, 0));
        QCOMPARE(group.data(TimelineModel::RowKindRole).value<TimelineModel::RowKind>(),
            TimelineModel::RowKind::AlertGroup);
        QCOMPARE(text(group, TimelineModel::EntityColumn), QStringLiteral("Prometheus alerts (2, 1 firing)"));
        QCOMPARE(group.data(TimelineModel::StartRole).toLongLong(), T0 + 20 * Min);
        QCOMPARE(group.data(TimelineModel::EndRole).toLongLong(), T0 + 60 * Min);
        const auto spans = model.index(0, TimelineModel::TimeBarColumn)
                               .data(TimelineModel::AlertSpansRole)
                               .value<std::vector<AlertSpan>>();
        QCOMPARE(spans.size(), std::size_t(2));
        QVERIFY(spans[0].firing && !spans[0].open);
        QVERIFY(!spans[1].firing && spans[1].open);
        // Findings keep their place after the alerts.
        QCOMPARE(model.incidentAt(model.index(1, 0))->id, QStringLiteral("I1"));

        QCOMPARE(model.rowCount(group), 2);
        const QModelIndex cart = model.index(0, 0, group); // onset order
        QCOMPARE(cart.data(TimelineModel::RowKindRole).value<TimelineModel::RowKind>(),
            TimelineModel::RowKind::Alert);
        QCOMPARE(text(cart, TimelineModel::EntityColumn), QStringLiteral("CartErrors · cart"));
        QCOMPARE(text(cart, TimelineModel::SignificanceColumn), QStringLiteral("firing"));
        QCOMPARE(text(cart, TimelineModel::OnsetColumn), TimelineModel::timeText(T0 + 20 * Min));
        QCOMPARE(text(cart, TimelineModel::DurationColumn), QStringLiteral("15 min 0 s"));
        QCOMPARE(text(cart, TimelineModel::TimeBarColumn), QStringLiteral("firing · severity page"));
        QCOMPARE(cart.data(TimelineModel::EntityRole).toString(), QStringLiteral("cart"));
        QCOMPARE(cart.data(TimelineModel::StartRole).toLongLong(), T0 + 20 * Min);
        QCOMPARE(cart.data(TimelineModel::EndRole).toLongLong(), T0 + 35 * Min);
        QCOMPARE(cart.data(TimelineModel::StateRole).toString(), QStringLiteral("firing"));
        QVERIFY(!cart.data(TimelineModel::OpenRole).toBool());
        QVERIFY(cart.data(Qt::ToolTipRole).toString().contains(QStringLiteral("severity=page")));
        QCOMPARE(model.alertAt(cart)->name, QStringLiteral("CartErrors"));
        QVERIFY(!model.anomalyAt(cart));
        QVERIFY(!model.incidentAt(group));

        // Still pending at the end of the data: it lasts at least until there.
        const QModelIndex frontend = model.index(1, 0, group);
        QCOMPARE(text(frontend, TimelineModel::EntityColumn), QStringLiteral("FrontendSlow · frontend"));
        QCOMPARE(text(frontend, TimelineModel::SignificanceColumn), QStringLiteral("pending"));
        QCOMPARE(text(frontend, TimelineModel::DurationColumn), QStringLiteral("≥ 20 min 0 s"));
        QCOMPARE(text(frontend, TimelineModel::TimeBarColumn), QStringLiteral("pending · active"));
        QCOMPARE(frontend.data(TimelineModel::EndRole).toLongLong(), T0 + 60 * Min);
        QVERIFY(frontend.data(TimelineModel::OpenRole).toBool());
        QVERIFY(frontend.data(Qt::ToolTipRole).toString().contains(QStringLiteral("still active")));

        // New findings leave the alerts; no alerts leave no group.
        model.setFindings({}, {});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowCount(model.alertGroupIndex()), 2);
        model.setAlerts({}, 0);
        QCOMPARE(model.rowCount(), 0);
    }

    void alertWithoutEntityShowsItsName()
    {
        TimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAlerts(
            {alert(QStringLiteral("Watchdog"), {}, QStringLiteral("firing"), 0, -1)}, T0 + 5 * Min);
        const QModelIndex row = model.index(0, 0, model.alertGroupIndex());
        QCOMPARE(text(row, TimelineModel::EntityColumn), QStringLiteral("Watchdog"));
        QVERIFY(row.data(TimelineModel::EntityRole).toString().isEmpty());
    }

    void proxyFiltersAlertsByTextOnly()
    {
        TimelineModel model;
        TimelineFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const AlertFixture f;
        model.setFindings(f.anomalies, f.incidents);
        model.setAlerts(f.alerts, T0 + 60 * Min);
        // Our significance does not apply to Prometheus' alerts.
        proxy.setMinimumSignificance(95);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.rowCount(proxy.index(0, 0)), 2);
        proxy.setMinimumSignificance(0);
        proxy.setText(QStringLiteral("slow"));
        QCOMPARE(proxy.rowCount(), 1);
        const QModelIndex group = proxy.index(0, 0);
        QCOMPARE(proxy.rowCount(group), 1);
        QCOMPARE(text(proxy.index(0, 0, group), TimelineModel::EntityColumn),
            QStringLiteral("FrontendSlow · frontend"));
    }

    void clickingAnAlertSelectsItsEntityAtOnset()
    {
        TimeWindow window;
        EntitySelection selection;
        TimelineView view(&window, &selection);
        view.resize(1000, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const AlertFixture f;
        const auto dataset = f.dataset();
        window.reset(dataset->timeRange());
        view.setDataset(dataset);
        QTreeView* tree = view.treeView();
        // A few alerts open by themselves on top; the incident below them too.
        const QModelIndex group = tree->model()->index(0, 0);
        QVERIFY(tree->isExpanded(group));
        QVERIFY(tree->isExpanded(tree->model()->index(1, 0)));
        const QModelIndex cart = tree->model()->index(0, TimelineModel::EntityColumn, group);
        const QModelIndex frontend = tree->model()->index(1, TimelineModel::EntityColumn, group);

        // Drawn in their own hue (violet), not the amber-to-red of our anomalies.
        const QImage image = tree->viewport()->grab().toImage();
        const QModelIndex anomaly = tree->model()->index(0, 0, tree->model()->index(1, 0));
        const int alertHue = hueAt(image,
            tree->visualRect(cart.siblingAtColumn(TimelineModel::TimeBarColumn)), window, T0 + 27 * Min);
        const int anomalyHue = hueAt(image,
            tree->visualRect(anomaly.siblingAtColumn(TimelineModel::TimeBarColumn)), window, T0 + 24 * Min);
        QVERIFY2(alertHue >= 240 && alertHue <= 290, qPrintable(QString::number(alertHue)));
        QVERIFY2(anomalyHue >= 0 && anomalyHue <= 50, qPrintable(QString::number(anomalyHue)));

        QSignalSpy focused(&view, &TimelineView::candidateActivated);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(cart).center());
        QCOMPARE(selection.entity(), QStringLiteral("cart"));
        QCOMPARE(window.cursorMs(), T0 + 20 * Min);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(frontend).center());
        QCOMPARE(selection.entity(), QStringLiteral("frontend"));
        QCOMPARE(window.cursorMs(), T0 + 40 * Min);
        // Like an anomaly row: no zoom, no root-cause focus.
        QCOMPARE(window.visibleRange(), window.fullRange());
        QCOMPARE(focused.count(), 0);

        // Many alerts stay folded under their group, which still shows them all.
        std::vector<ExternalAlert> many;
        for (int i = 0; i <= TimelineView::MaxExpandedAlerts; ++i)
            many.push_back(alert(
                QStringLiteral("A%1").arg(i), QStringLiteral("cart"), QStringLiteral("firing"), i, i + 1));
        auto noisy = makeSharedDataset(Dataset(*dataset));
        noisy->alerts = many;
        view.setDataset(noisy);
        QVERIFY(!tree->isExpanded(tree->model()->index(0, 0)));
        QCOMPARE(tree->model()->rowCount(tree->model()->index(0, 0)), TimelineView::MaxExpandedAlerts + 1);
        window.setVisibleRange(TimeRange {T0 + 2 * Min, T0 + 30 * Min});
        QVERIFY(!view.grab().isNull());
    }
};

QTEST_MAIN(TestTimelineAlerts)
#include "test_timeline_alerts.moc"
