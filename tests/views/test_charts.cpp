#include "charts/share_chart.h"
#include "charts/summary_charts.h"
#include "charts/summary_data.h"
#include "model/dataset.h"
#include "models/entity_selection.h"
#include "models/time_window.h"

#include "model/series_store.h"
#include "model/signal_names.h"

#include <QTest>

using namespace meshscope;

namespace {

TopologyFrame frameWithCodes(qint64 tMs)
{
    TopologyFrame f;
    f.tMs = tMs;
    TopologyEdge a;
    a.source = QStringLiteral("frontend");
    a.destination = QStringLiteral("cart");
    a.requestRate = 100;
    a.ratesByCode = {{QStringLiteral("200"), 90}, {QStringLiteral("503"), 10}};
    TopologyEdge b;
    b.source = QStringLiteral("checkout");
    b.destination = QStringLiteral("cart");
    b.requestRate = 20;
    b.ratesByCode = {{QStringLiteral("200"), 15}, {QStringLiteral("404"), 5}, {QStringLiteral("302"), 0}};
    TopologyEdge c; // no codes: split by error ratio
    c.source = QStringLiteral("cart");
    c.destination = QStringLiteral("redis");
    c.requestRate = 50;
    c.errorRatio = 0.1;
    f.edges = {a, b, c};
    return f;
}

Anomaly anomaly(const QString& entity, qint64 start, qint64 end, double significance)
{
    Anomaly a;
    a.series = {entity, QStringLiteral("error_ratio")};
    a.startMs = start;
    a.endMs = end;
    a.significance = significance;
    return a;
}

} // namespace

class TestCharts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void responseCodes()
    {
        const TopologyFrame f = frameWithCodes(0);
        const ChartSlices edge = SummaryData::responseCodes(&f, QStringLiteral("frontend->cart"));
        QCOMPARE(edge.size(), std::size_t(2));
        QCOMPARE(edge[0].label, QStringLiteral("200"));
        QCOMPARE(edge[0].value, 90.0);
        QCOMPARE(edge[1].colour, SummaryData::responseCodeColour(QStringLiteral("503")));

        // A node: the calls into it, summed by code; zero rates left out.
        const ChartSlices node = SummaryData::responseCodes(&f, QStringLiteral("cart"));
        QCOMPARE(node.size(), std::size_t(3));
        QCOMPARE(node[0].label, QStringLiteral("200"));
        QCOMPARE(node[0].value, 105.0);
        QCOMPARE(node[1].label, QStringLiteral("404"));

        const ChartSlices split = SummaryData::responseCodes(&f, QStringLiteral("cart->redis"));
        QCOMPARE(split.size(), std::size_t(2));
        QCOMPARE(split[0].value, 45.0);
        QCOMPARE(split[1].value, 5.0);

        QVERIFY(SummaryData::responseCodes(&f, QStringLiteral("nobody")).empty());
        QVERIFY(SummaryData::responseCodes(nullptr, QStringLiteral("cart")).empty());
    }

    void responseCodesFollowTheSeriesAtTheCursor()
    {
        // The frame was taken when the edge was healthy; its series say that at t=2000
        // half of 40 req/s failed: the chart must show the cursor's state.
        const TopologyFrame f = frameWithCodes(0);
        SeriesStore store;
        const QString edge = QStringLiteral("frontend->cart");
        const SeriesId rate = store.ensureSeries({edge, SignalName::RequestRate});
        const SeriesId errors = store.ensureSeries({edge, SignalName::ErrorRatio});
        store.append(rate, 1000, 100.0);
        store.append(errors, 1000, 0.0);
        store.append(rate, 2000, 40.0);
        store.append(errors, 2000, 0.5);
        const ChartSlices at2000 = SummaryData::responseCodes(&f, edge, &store, 2000);
        double ok = 0;
        double failed = 0;
        for (const ChartSlice& slice : at2000)
            (slice.label.startsWith(QLatin1Char('2')) ? ok : failed) += slice.value;
        QCOMPARE(ok, 20.0);
        QCOMPARE(failed, 20.0);
        const ChartSlices at1000 = SummaryData::responseCodes(&f, edge, &store, 1000);
        QCOMPARE(at1000.size(), std::size_t(1));
        QCOMPARE(at1000[0].value, 100.0);
    }

    void anomaliesPerService()
    {
        const std::vector<Anomaly> anomalies {anomaly(QStringLiteral("cart"), 0, 10, 60),
            anomaly(QStringLiteral("frontend->cart"), 5, 20, 90), anomaly(QStringLiteral("db"), 30, 40, 50),
            anomaly(QStringLiteral("db"), 1000, 1100, 50)};
        const ChartSlices all = SummaryData::anomaliesPerService(anomalies, TimeRange {});
        QCOMPARE(all.size(), std::size_t(2));
        QCOMPARE(all[0].label, QStringLiteral("cart")); // an edge's anomaly counts for the callee
        QCOMPARE(all[0].value, 2.0);
        QCOMPARE(all[1].value, 2.0);
        const ChartSlices visible = SummaryData::anomaliesPerService(anomalies, TimeRange {0, 35});
        QCOMPARE(visible.size(), std::size_t(2));
        QCOMPARE(visible[1].label, QStringLiteral("db"));
        QCOMPARE(visible[1].value, 1.0);
    }

    void summaryChartsFollowCursorAndSelection()
    {
        auto ds = std::make_shared<Dataset>();
        ds->topology.add(frameWithCodes(1000));
        TopologyFrame later = frameWithCodes(5000);
        later.edges[0].ratesByCode = {{QStringLiteral("200"), 100}};
        ds->topology.add(later);
        ds->anomalies = {anomaly(QStringLiteral("cart"), 1000, 2000, 70)};
        TimeWindow window;
        window.reset(TimeRange {0, 10000});
        EntitySelection selection;
        SummaryCharts charts(&window, &selection);
        charts.resize(800, 300);
        charts.show();
        QVERIFY(QTest::qWaitForWindowExposed(&charts));
        charts.setDataset(ds);
        charts.updateNow();
        QCOMPARE(charts.responseCodeChart()->drawnCount(), 0);
        QCOMPARE(charts.anomalyChart()->drawnCount(), 1);

        selection.select(QStringLiteral("frontend->cart"));
        window.setCursor(2000);
        QTRY_COMPARE(charts.responseCodeChart()->drawnCount(), 2);
        window.setCursor(6000); // the later frame has only 200s
        QTRY_COMPARE(charts.responseCodeChart()->drawnCount(), 1);

        window.setVisibleRange(TimeRange {5000, 9000}); // the anomaly is out of view
        QTRY_COMPARE(charts.anomalyChart()->drawnCount(), 0);
        QVERIFY(!charts.grab().isNull());
    }

    void barChartKeepsTheLargest()
    {
        ShareChart chart(ShareChart::Style::Bars);
        ChartSlices slices;
        for (int i = 0; i < 20; ++i)
            slices.push_back({QStringLiteral("s%1").arg(i), double(20 - i), {}});
        chart.setSlices(slices);
        QCOMPARE(chart.drawnCount(), 12);
        chart.setSlices(slices); // unchanged: nothing rebuilt, same result
        QCOMPARE(chart.drawnCount(), 12);
        chart.setSlices({});
        QCOMPARE(chart.drawnCount(), 0);
    }
};

QTEST_MAIN(TestCharts)
#include "test_charts.moc"
