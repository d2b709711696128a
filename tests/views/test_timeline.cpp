#include "models/entity_selection.h"
#include "models/time_window.h"
#include "timeline/candidate_summary.h"
#include "timeline/time_axis_mapping.h"
#include "timeline/timeline_filter_proxy.h"
#include "timeline/timeline_model.h"
#include "timeline/timeline_view.h"

#include <QAbstractItemModelTester>
#include <QContextMenuEvent>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace meshscope;

namespace {

constexpr qint64 T0 = 1'700'000'000'000;
constexpr qint64 Min = 60'000;

Anomaly anomaly(
    const QString& entity, const QString& signal, qint64 startMin, qint64 endMin, double significance)
{
    Anomaly a;
    a.series = {entity, signal};
    a.startMs = T0 + startMin * Min;
    a.endMs = T0 + endMin * Min;
    a.peakMs = (a.startMs + a.endMs) / 2;
    a.significance = significance;
    a.detector = QStringLiteral("test");
    return a;
}

/// Two incidents: an older one (db at 10 min, cart at 12 min) and a newer one (ads at
/// 40 min); one anomaly (at 30 min) in no incident. The list itself is not chronological.
struct Findings
{
    std::vector<Anomaly> anomalies {
        anomaly(QStringLiteral("cart"), QStringLiteral("error_ratio"), 12, 20, 80),
        anomaly(QStringLiteral("ads"), QStringLiteral("latency_p99_ms"), 40, 45, 60),
        anomaly(QStringLiteral("db"), QStringLiteral("latency_p95_ms"), 10, 22, 95),
        anomaly(QStringLiteral("lonely"), QStringLiteral("request_rate"), 30, 31, 55),
    };
    std::vector<Incident> incidents;
    Findings()
    {
        Incident older;
        older.id = QStringLiteral("I1");
        older.startMs = T0 + 10 * Min;
        older.endMs = T0 + 22 * Min;
        older.significance = 95;
        older.firstAffected = QStringLiteral("db");
        older.anomalyIndexes = {0, 2}; // deliberately not chronological
        RootCauseCandidate db;
        db.entity = QStringLiteral("db");
        db.score = 0.9;
        db.evidence = QStringLiteral("db/latency_p95_ms 8.4 sigma (normal 3, seen 40); latency rose first");
        db.signalNames = {QStringLiteral("db/latency_p95_ms")};
        db.onsetMs = T0 + 10 * Min;
        db.magnitude = 8.4;
        db.pathToSymptoms = {QStringLiteral("cart"), QStringLiteral("db")};
        RootCauseCandidate cart;
        cart.entity = QStringLiteral("cart");
        cart.score = 0.3;
        cart.evidence = QStringLiteral("cart/error_ratio 3.1 sigma (normal 0.01, seen 0.2); "
                                       "90% of its latency/errors explained by anomalous callee db");
        cart.signalNames = {QStringLiteral("cart/error_ratio")};
        cart.onsetMs = T0 + 12 * Min;
        cart.magnitude = 3.1;
        cart.explainedByCallee = true;
        older.candidates = {db, cart};
        Incident newer;
        newer.id = QStringLiteral("I2");
        newer.startMs = T0 + 40 * Min;
        newer.endMs = T0 + 45 * Min;
        newer.significance = 60;
        newer.firstAffected = QStringLiteral("ads");
        newer.anomalyIndexes = {1};
        incidents = {older, newer};
    }
};

} // namespace

class TestTimeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mapping_data()
    {
        QTest::addColumn<qint64>("t");
        QTest::addColumn<double>("x");
        QTest::newRow("start") << qint64(1000) << 10.0;
        QTest::newRow("middle") << qint64(1500) << 60.0;
        QTest::newRow("end") << qint64(2000) << 110.0;
        QTest::newRow("before") << qint64(500) << -40.0;
    }
    void mapping()
    {
        QFETCH(qint64, t);
        QFETCH(double, x);
        const TimeAxisMapping m {TimeRange {1000, 2000}, 10, 100};
        QCOMPARE(m.toX(t), x);
        QCOMPARE(m.toTime(x), t);
    }

    void mappingInvalid()
    {
        const TimeAxisMapping empty {TimeRange {}, 10, 100};
        QVERIFY(!empty.isValid());
        QCOMPARE(empty.toX(5), 10.0);
        const TimeAxisMapping zeroWidth {TimeRange {0, 100}, 0, 0};
        QVERIFY(!zeroWidth.isValid());
    }

    void clustering()
    {
        // 100 px for 1000 ms: 10 ms per px.
        const TimeAxisMapping m {TimeRange {0, 1000}, 0, 100};
        std::vector<TimeSpan> spans {
            {500, 510, 40}, {0, 10, 50}, {12, 15, 90}, {20, 30, 60}, {2000, 2100, 99}};
        const auto clusters = clusterSpans(spans, m, 3.0);
        QCOMPARE(clusters.size(), std::size_t(2)); // the span at 2000 is outside the range
        QCOMPARE(clusters[0].count, 3);
        QCOMPARE(clusters[0].startMs, qint64(0));
        QCOMPARE(clusters[0].endMs, qint64(30));
        QCOMPARE(clusters[0].maxSignificance, 90.0);
        QCOMPARE(clusters[1].count, 1);
        QCOMPARE(clusters[1].startMs, qint64(500));
    }

    void groupsByIncidentNewestFirst()
    {
        TimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const Findings f;
        model.setFindings(f.anomalies, f.incidents);
        QCOMPARE(model.rowCount(), 3);
        const QModelIndex first = model.index(0, 0);
        const QModelIndex second = model.index(1, 0);
        const QModelIndex rest = model.index(2, 0);
        QVERIFY(model.incidentAt(first));
        QCOMPARE(model.incidentAt(first)->id, QStringLiteral("I2"));
        QCOMPARE(model.incidentAt(second)->id, QStringLiteral("I1"));
        QCOMPARE(rest.data(TimelineModel::RowKindRole).value<TimelineModel::RowKind>(),
            TimelineModel::RowKind::Uncorrelated);
        QCOMPARE(model.rowCount(rest), 1);
        // Inside an incident the root-cause candidates come first, then the story in
        // chronological order: db (10 min) before cart (12 min).
        QCOMPARE(model.rowCount(second), 3);
        QVERIFY(!model.anomalyAt(model.index(0, 0, second)));
        QCOMPARE(model.anomalyAt(model.index(1, 0, second))->series.entity, QStringLiteral("db"));
        QCOMPARE(model.anomalyAt(model.index(2, 0, second))->series.entity, QStringLiteral("cart"));
        QCOMPARE(model.rowCount(first), 1); // I2 has no candidates: no "Likely root cause" row
        QVERIFY(second.data(Qt::DisplayRole).toString().contains(QStringLiteral("db")));
        QVERIFY(second.data(Qt::ToolTipRole).toString().contains(QStringLiteral("latency rose first")));
        QVERIFY(second.data(Qt::ToolTipRole).toString().contains(QStringLiteral("cart → db")));
        QCOMPARE(model.index(1, TimelineModel::DurationColumn, second).data().toString(),
            QStringLiteral("12 min 0 s"));
        const auto spans = second.data(TimelineModel::SpansRole).value<std::vector<TimeSpan>>();
        QCOMPARE(spans.size(), std::size_t(2));
    }

    void groupsByEntityWithoutIncidents()
    {
        TimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Findings f;
        f.anomalies.push_back(anomaly(QStringLiteral("db"), QStringLiteral("error_ratio"), 50, 52, 70));
        model.setFindings(f.anomalies, {});
        QCOMPARE(model.rowCount(), 4); // cart, ads, db, lonely
        QCOMPARE(model.index(0, 0).data(TimelineModel::EntityRole).toString(), QStringLiteral("db"));
        const QModelIndex db = model.index(0, 0);
        QCOMPARE(model.rowCount(db), 2);
        QVERIFY(model.index(0, 0, db).data(TimelineModel::StartRole).toLongLong()
            < model.index(1, 0, db).data(TimelineModel::StartRole).toLongLong());
        QCOMPARE(model.index(3, 0).data(TimelineModel::EntityRole).toString(), QStringLiteral("cart"));
        // Replacing with nothing resets cleanly.
        model.setFindings({}, {});
        QCOMPARE(model.rowCount(), 0);
    }

    void proxyFiltersAndSorts()
    {
        TimelineModel model;
        TimelineFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const Findings f;
        model.setFindings(f.anomalies, f.incidents);
        QCOMPARE(proxy.rowCount(), 3);
        proxy.setMinimumSignificance(90);
        QCOMPARE(proxy.rowCount(), 1); // only I1 keeps an anomaly (db, 95)
        QCOMPARE(proxy.rowCount(proxy.index(0, 0)), 1);
        proxy.setMinimumSignificance(0);
        proxy.setText(QStringLiteral("p99"));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data(TimelineModel::EntityRole).toString(), QStringLiteral("ads"));
        proxy.setText(QString());
        proxy.sort(TimelineModel::SignificanceColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, 0).data(TimelineModel::SignificanceRole).toDouble(), 95.0);
        proxy.sort(TimelineModel::OnsetColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, 0).data(TimelineModel::EntityRole).toString(), QStringLiteral("db"));
    }

    void candidateRowsInRankOrder()
    {
        TimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const Findings f;
        model.setFindings(f.anomalies, f.incidents);
        const QModelIndex older = model.index(1, 0);
        QCOMPARE(model.incidentAt(older)->id, QStringLiteral("I1"));
        QVERIFY(!model.causeGroupIndex(model.index(0, 0)).isValid()); // I2: no candidates
        const QModelIndex causes = model.causeGroupIndex(older);
        QCOMPARE(causes, model.index(0, 0, older));
        QCOMPARE(causes.data(TimelineModel::RowKindRole).value<TimelineModel::RowKind>(),
            TimelineModel::RowKind::CauseGroup);
        QVERIFY(causes.data().toString().contains(QStringLiteral("Likely root cause")));
        QCOMPARE(causes.data(TimelineModel::EntityRole).toString(), QStringLiteral("db"));
        QCOMPARE(model.rowCount(causes), 2);

        const QStringList entities {QStringLiteral("db"), QStringLiteral("cart")};
        for (int row = 0; row < 2; ++row) {
            const QModelIndex c = model.index(row, TimelineModel::EntityColumn, causes);
            QCOMPARE(c.parent(), causes);
            QCOMPARE(c.data(TimelineModel::RowKindRole).value<TimelineModel::RowKind>(),
                TimelineModel::RowKind::Candidate);
            QCOMPARE(c.data(TimelineModel::RankRole).toInt(), row + 1);
            QCOMPARE(model.candidateAt(c)->entity, entities[row]);
            QCOMPARE(c.data(TimelineModel::EntityRole).toString(), entities[row]);
            QVERIFY(c.data().toString().contains(entities[row]));
            QCOMPARE(c.data().toString(), QStringLiteral("%1. %2").arg(row + 1).arg(entities[row]));
            QCOMPARE(c.data(TimelineModel::StartRole).toLongLong(), f.incidents[0].candidates[row].onsetMs);
            QVERIFY(!model.anomalyAt(c));
            QVERIFY(!model.incidentAt(c));
            QCOMPARE(model.rowCount(c), 0);
        }
        const QString dbEvidence = model.index(0, TimelineModel::TimeBarColumn, causes).data().toString();
        QVERIFY2(dbEvidence.contains(QStringLiteral("latency_p95_ms 8.4σ")), qPrintable(dbEvidence));
        QVERIFY2(dbEvidence.contains(QStringLiteral("onset 22:23:20")),
            qPrintable(dbEvidence)); // T0 + 10 min, UTC
        QVERIFY2(dbEvidence.contains(QStringLiteral("path cart → db")), qPrintable(dbEvidence));
        const QString cartEvidence = model.index(1, TimelineModel::TimeBarColumn, causes).data().toString();
        QVERIFY2(cartEvidence.contains(QStringLiteral("explained by callee db")), qPrintable(cartEvidence));
        QVERIFY(model.index(1, TimelineModel::SignificanceColumn, causes)
                    .data()
                    .toString()
                    .contains(QStringLiteral("0.3")));
        QVERIFY(model.index(0, 0, causes)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("latency rose first")));
        // The incident row itself: first affected, alert count, state; significance and duration columns.
        const QString title = older.data().toString();
        QVERIFY(title.contains(QStringLiteral("first affected db")));
        QVERIFY(title.contains(QStringLiteral("2 alerts")));
        QVERIFY(title.contains(QStringLiteral("ongoing")));
        QCOMPARE(model.index(1, TimelineModel::SignificanceColumn).data().toString(), QStringLiteral("95"));
        QCOMPARE(
            model.index(1, TimelineModel::DurationColumn).data().toString(), QStringLiteral("12 min 0 s"));
    }

    void candidateRowsAreCapped()
    {
        TimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Findings f;
        for (int i = 0; i < 7; ++i) {
            RootCauseCandidate c;
            c.entity = QStringLiteral("svc%1").arg(i);
            c.score = 10 - i;
            f.incidents[1].candidates.push_back(c);
        }
        model.setFindings(f.anomalies, f.incidents);
        const QModelIndex causes = model.causeGroupIndex(model.index(0, 0));
        QCOMPARE(model.rowCount(causes), TimelineModel::MaxCandidateRows);
        QVERIFY(causes.data().toString().contains(QStringLiteral("5 of 7")));
        QCOMPARE(
            model.index(4, 0, causes).data(TimelineModel::EntityRole).toString(), QStringLiteral("svc4"));
    }

    void proxyFiltersCandidates()
    {
        TimelineModel model;
        TimelineFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const Findings f;
        model.setFindings(f.anomalies, f.incidents);
        proxy.setText(QStringLiteral("2. cart"));
        QCOMPARE(proxy.rowCount(), 1);
        const QModelIndex causes = proxy.index(0, 0, proxy.index(0, 0));
        QCOMPARE(causes.data(TimelineModel::RowKindRole).value<TimelineModel::RowKind>(),
            TimelineModel::RowKind::CauseGroup);
        QCOMPARE(proxy.rowCount(causes), 1);
        QCOMPARE(
            proxy.index(0, 0, causes).data(TimelineModel::EntityRole).toString(), QStringLiteral("cart"));
    }

    void summary_data()
    {
        QTest::addColumn<QString>("evidence");
        QTest::addColumn<QStringList>("signalNames");
        QTest::addColumn<bool>("explained");
        QTest::addColumn<QStringList>("path");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QString>("absent");
        const QStringList none;
        QTest::newRow("ranker evidence")
            << QStringLiteral("cart/error_ratio 240.5 sigma (normal 0.0009, seen 0.23); "
                              "frontend->cart/error_ratio 209.3 sigma (normal 0.0008, seen 0.24); "
                              "cart/latency_p50_ms 201.1 sigma (normal 4.6, seen 23); "
                              "onset 2025-06-03T14:30:00Z; no anomalous callee explains it")
            << QStringList {QStringLiteral("cart/error_ratio")} << false
            << QStringList {QStringLiteral("checkout"), QStringLiteral("cart")}
            << QStringList {QStringLiteral("error_ratio 240.5σ, latency_p50_ms 201.1σ"),
                   QStringLiteral("no callee explains it"), QStringLiteral("onset 14:30:00"),
                   QStringLiteral("path checkout → cart")}
            << QStringLiteral("frontend->cart"); // a caller's edge repeats the symptom
        QTest::newRow("explained by a callee")
            << QStringLiteral("cart/latency_p50_ms 35.6 sigma (normal 33, seen 86); "
                              "90% of its latency/errors explained by anomalous callee redis")
            << none << true << none
            << QStringList {QStringLiteral("latency_p50_ms 35.6σ"),
                   QStringLiteral("explained by callee redis")}
            << QStringLiteral("path");
        QTest::newRow("structured only")
            << QString() << QStringList {QStringLiteral("cart/cpu"), QStringLiteral("cart/memory")} << true
            << none
            << QStringList {QStringLiteral("cpu 7.5σ, memory"), QStringLiteral("explained by a callee")}
            << QStringLiteral("onset");
        QTest::newRow("free text") << QStringLiteral("alarm on cart") << none << false << none
                                   << QStringList {QStringLiteral("alarm on cart")} << QStringLiteral("σ");
    }
    void summary()
    {
        QFETCH(QString, evidence);
        QFETCH(QStringList, signalNames);
        QFETCH(bool, explained);
        QFETCH(QStringList, path);
        QFETCH(QStringList, expected);
        QFETCH(QString, absent);
        RootCauseCandidate c;
        c.entity = QStringLiteral("cart");
        c.evidence = evidence;
        c.signalNames = signalNames;
        c.explainedByCallee = explained;
        c.pathToSymptoms = path;
        c.magnitude = 7.5;
        if (evidence.contains(QStringLiteral("onset")))
            c.onsetMs = QDateTime::fromString(QStringLiteral("2025-06-03T14:30:00Z"), Qt::ISODate)
                            .toMSecsSinceEpoch();
        const QString text = candidateSummary(c);
        for (const QString& part : expected)
            QVERIFY2(text.contains(part), qPrintable(text));
        QVERIFY2(!text.contains(absent), qPrintable(text));
    }

    void clickingCandidateFocusesIt()
    {
        TimeWindow window;
        window.reset(TimeRange {T0 - 120 * Min, T0 + 180 * Min});
        EntitySelection selection;
        TimelineView view(&window, &selection);
        view.resize(900, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const Findings f;
        view.setFindings(f.anomalies, f.incidents);
        QTreeView* tree = view.treeView();
        tree->expandAll();
        QSignalSpy focused(&view, &TimelineView::candidateActivated);
        const QModelIndex older = tree->model()->index(1, 0);
        const QModelIndex causes = tree->model()->index(0, 0, older);
        const QModelIndex db = tree->model()->index(0, TimelineModel::EntityColumn, causes);
        const QModelIndex cart = tree->model()->index(1, TimelineModel::EntityColumn, causes);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(db).center());
        QCOMPARE(selection.entity(), QStringLiteral("db"));
        QCOMPARE(window.cursorMs(), T0 + 10 * Min);
        QCOMPARE(focused.count(), 1);
        QCOMPARE(focused.at(0).at(0).toString(), QStringLiteral("db"));
        QCOMPARE(focused.at(0).at(1).toLongLong(), T0 + 10 * Min);
        const qint64 margin = TimelineView::CandidateZoomMarginMs;
        QCOMPARE(window.visibleRange(), (TimeRange {T0 + 10 * Min - margin, T0 + 10 * Min + margin}));

        // The next candidate re-centres the zoom this view chose...
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(cart).center());
        QCOMPARE(selection.entity(), QStringLiteral("cart"));
        QCOMPARE(window.visibleRange(), (TimeRange {T0 + 12 * Min - margin, T0 + 12 * Min + margin}));

        // ...but a zoom the user chose keeps its width and only pans to show the onset.
        const TimeRange userZoom {T0 + 100 * Min, T0 + 110 * Min};
        window.setVisibleRange(userZoom);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(db).center());
        QCOMPARE(window.visibleRange().durationMs(), userZoom.durationMs());
        QVERIFY(window.visibleRange().contains(T0 + 10 * Min));

        // Keyboard: arrows move between rows (selecting as they go), Enter focuses.
        tree->setFocus();
        tree->setCurrentIndex(db);
        QCOMPARE(selection.entity(), QStringLiteral("db"));
        const int before = focused.count();
        QTest::keyClick(tree, Qt::Key_Down);
        QCOMPARE(tree->currentIndex().siblingAtColumn(0), cart);
        QCOMPARE(selection.entity(), QStringLiteral("cart"));
        QCOMPARE(window.cursorMs(), T0 + 12 * Min);
        QCOMPARE(focused.count(), before); // moving is not focusing
        QTest::keyClick(tree, Qt::Key_Return);
        QCOMPARE(focused.count(), before + 1);
        QCOMPARE(focused.last().at(0).toString(), QStringLiteral("cart"));

        // Plain alerts select and move the cursor but do not zoom.
        window.zoomToFull();
        const QModelIndex alert = tree->model()->index(1, TimelineModel::EntityColumn, older);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(alert).center());
        QCOMPARE(window.visibleRange(), window.fullRange());
        QVERIFY(!view.grab().isNull()); // painting candidate rows must not fail
    }

    void clickSelectsEntityAndMovesCursor()
    {
        TimeWindow window;
        window.reset(TimeRange {T0, T0 + 60 * Min});
        EntitySelection selection;
        TimelineView view(&window, &selection);
        view.resize(900, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const Findings f;
        view.setFindings(f.anomalies, f.incidents);
        QTreeView* tree = view.treeView();
        tree->expandAll();
        // Second incident group (I1), its first alert (after "Likely root cause"): db
        // latency at 10 min.
        const QModelIndex group = tree->model()->index(1, 0);
        const QModelIndex child = tree->model()->index(1, TimelineModel::EntityColumn, group);
        QSignalSpy selected(&selection, &EntitySelection::selectionChanged);
        QSignalSpy cursor(&window, &TimeWindow::cursorChanged);
        const QRect rect = tree->visualRect(child);
        QVERIFY(rect.isValid());
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(selection.entity(), QStringLiteral("db"));
        QCOMPARE(window.cursorMs(), T0 + 10 * Min);
        QVERIFY(selected.count() >= 1);
        QVERIFY(cursor.count() >= 1);

        // An incident row selects its first affected service and jumps to its start.
        const QModelIndex newest = tree->model()->index(0, 0);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(newest).center());
        QCOMPARE(selection.entity(), QStringLiteral("ads"));
        QCOMPARE(window.cursorMs(), T0 + 40 * Min);

        // Painting the time bars on a zoomed window must not fail.
        window.setVisibleRange(TimeRange {T0 + 5 * Min, T0 + 25 * Min});
        QVERIFY(!view.grab().isNull());

        // A right click on the anomaly asks for its series' detector menu; on an
        // incident row there is no single series, so nothing is asked.
        QSignalSpy menus(&view, &TimelineView::seriesMenuRequested);
        QContextMenuEvent onAnomaly(QContextMenuEvent::Mouse, rect.center(), tree->viewport()->mapToGlobal(rect.center()));
        QCoreApplication::sendEvent(tree->viewport(), &onAnomaly);
        QCOMPARE(menus.count(), 1);
        const auto series = menus.at(0).at(0).value<std::vector<SeriesKey>>();
        QCOMPARE(series.size(), std::size_t(1));
        QCOMPARE(series.front().entity, QStringLiteral("db"));
        const QPoint onIncident = tree->visualRect(newest).center();
        QContextMenuEvent incidentClick(QContextMenuEvent::Mouse, onIncident, tree->viewport()->mapToGlobal(onIncident));
        QCoreApplication::sendEvent(tree->viewport(), &incidentClick);
        QCOMPARE(menus.count(), 1);
    }
};

QTEST_MAIN(TestTimeline)
#include "test_timeline.moc"
