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
        db.evidence = QStringLiteral("latency rose first");
        db.pathToSymptoms = {QStringLiteral("cart"), QStringLiteral("db")};
        older.candidates = {db};
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
        // Inside an incident the story is chronological: db (10 min) before cart (12 min).
        QCOMPARE(model.rowCount(second), 2);
        QCOMPARE(model.anomalyAt(model.index(0, 0, second))->series.entity, QStringLiteral("db"));
        QCOMPARE(model.anomalyAt(model.index(1, 0, second))->series.entity, QStringLiteral("cart"));
        QVERIFY(second.data(Qt::DisplayRole).toString().contains(QStringLiteral("db")));
        QVERIFY(second.data(Qt::ToolTipRole).toString().contains(QStringLiteral("latency rose first")));
        QVERIFY(second.data(Qt::ToolTipRole).toString().contains(QStringLiteral("cart → db")));
        QCOMPARE(model.index(0, TimelineModel::DurationColumn, second).data().toString(),
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
        // Second incident group (I1), its first child: db latency at 10 min.
        const QModelIndex group = tree->model()->index(1, 0);
        const QModelIndex child = tree->model()->index(0, TimelineModel::EntityColumn, group);
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
    }
};

QTEST_MAIN(TestTimeline)
#include "test_timeline.moc"
