#include "detect/detection.h"
#include "model/dataset.h"
#include "model/signal_names.h"
#include "models/entity_selection.h"
#include "models/time_window.h"
#include "plots/plot_lod.h"
#include "plots/signal_plots.h"

#include <QApplication>
#include <QSignalSpy>
#include <QWheelEvent>
#include <QTest>

#include <cmath>

using namespace meshscope;

namespace {

constexpr qint64 T0 = 1'700'000'000'000;
constexpr qint64 StepMs = 1000;
constexpr int Samples = 20'000;

std::shared_ptr<Dataset> makeDataset()
{
    auto ds = std::make_shared<Dataset>();
    const QString cart = QStringLiteral("cart");
    for (const QString& signal : {SignalName::RequestRate, SignalName::ErrorRatio, SignalName::LatencyP50,
             SignalName::LatencyP95, SignalName::LatencyP99}) {
        const SeriesId id = ds->series.ensureSeries({cart, signal});
        for (int i = 0; i < Samples; ++i)
            ds->series.append(
                id, T0 + i * StepMs, 10 + std::sin(i * 0.01) + (signal == SignalName::ErrorRatio ? -10 : 0));
    }
    // A second entity with only a request rate and only 10 samples.
    const SeriesId other = ds->series.ensureSeries({QStringLiteral("ads"), SignalName::RequestRate});
    for (int i = 0; i < 10; ++i)
        ds->series.append(other, T0 + i * StepMs, 3);
    Anomaly a;
    a.series = {cart, SignalName::LatencyP95};
    a.startMs = T0 + 5000 * StepMs;
    a.endMs = T0 + 6000 * StepMs;
    a.significance = 90;
    ds->anomalies.push_back(a);
    return ds;
}

/// Plots of `makeDataset()` over its whole range with "cart" selected.
struct CartPlots
{
    explicit CartPlots(int width, int height)
    {
        plots.resize(width, height);
        plots.setDataset(dataset);
        window.reset(dataset->timeRange());
        selection.select(QStringLiteral("cart"));
    }
    TimeWindow window;
    EntitySelection selection;
    SignalPlots plots {&window, &selection};
    std::shared_ptr<Dataset> dataset = makeDataset();
};

} // namespace

class TestPlots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lodBoundsPoints()
    {
        const auto ds = makeDataset();
        const SeriesId id = ds->series.find({QStringLiteral("cart"), SignalName::RequestRate});
        const TimeRange all = ds->series.timeRange(id);
        const PlotPoints p = PlotLod::points(ds->series, id, all, 500);
        QVERIFY(!p.keys.empty());
        QVERIFY(p.keys.size() <= 1000);
        QVERIFY(std::is_sorted(p.keys.begin(), p.keys.end()));
        QCOMPARE(p.keys.front(), T0 / 1000.0);
        // Fewer samples than pixels: every sample once.
        const TimeRange few {T0, T0 + 99 * StepMs};
        QCOMPARE(PlotLod::points(ds->series, id, few, 500).keys.size(), std::size_t(100));
        // Shifted overlay: data of one day earlier does not exist here.
        QVERIFY(PlotLod::points(ds->series, id, all, 500, 1.0, 24 * 3600 * 1000LL).keys.empty());
        // The same range shifted by 100 s reads earlier samples and draws them 100 s later.
        const TimeRange later {T0 + 200 * StepMs, T0 + 299 * StepMs};
        const PlotPoints shifted = PlotLod::points(ds->series, id, later, 500, 1.0, 100 * StepMs);
        QCOMPARE(shifted.keys.size(), std::size_t(100));
        QCOMPARE(shifted.keys.front(), (T0 + 200 * StepMs) / 1000.0);
        QCOMPARE(shifted.values.front(), 10 + std::sin(100 * 0.01));
    }

    void lodBreaksGaps()
    {
        SeriesStore store;
        const SeriesId id = store.ensureSeries({QStringLiteral("x"), SignalName::RequestRate});
        for (int i = 0; i < 10; ++i)
            store.append(id, i * 1000, 1);
        for (int i = 100; i < 110; ++i)
            store.append(id, i * 1000, 1);
        const PlotPoints p = PlotLod::points(store, id, TimeRange {0, 109'000}, 1000);
        QCOMPARE(p.keys.size(), std::size_t(21));
        QVERIFY(std::isnan(p.values[10]));
    }

    void bandIsReduced()
    {
        const auto ds = makeDataset();
        const SeriesId id = ds->series.find({QStringLiteral("cart"), SignalName::RequestRate});
        SeriesBand band;
        band.series = id;
        band.lower.assign(Samples, 5.f);
        band.upper.assign(Samples, 15.f);
        band.lower[123] = 1.f;
        const PlotBand unscored = PlotLod::band(ds->series, band, ds->series.timeRange(id), 100);
        QVERIFY(unscored.score.empty()); // no scores: no score graph rather than zeros
        band.score.assign(Samples, 0.1f);
        band.score[321] = 0.9f;
        const PlotBand b = PlotLod::band(ds->series, band, ds->series.timeRange(id), 100);
        QVERIFY(b.keys.size() <= 100 && b.keys.size() >= 99);
        QCOMPARE(*std::min_element(b.lower.begin(), b.lower.end()), 1.0);
        QCOMPARE(b.score.size(), b.keys.size());
        // The highest score of a bucket survives the reduction (an alert is never averaged away).
        QCOMPARE(*std::max_element(b.score.begin(), b.score.end()), double(0.9f));
        QCOMPARE(std::count_if(b.score.begin(), b.score.end(), [](double v) { return v > 0.5; }), 1);
        band.upper.pop_back(); // misaligned: no band rather than a wrong one
        QVERIFY(PlotLod::band(ds->series, band, ds->series.timeRange(id), 100).keys.empty());
    }

    void selectingEntityShowsItsSeries()
    {
        TimeWindow window;
        EntitySelection selection;
        SignalPlots plots(&window, &selection);
        plots.resize(800, 600);
        plots.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plots));
        const auto ds = makeDataset();
        plots.setDataset(ds);
        window.reset(ds->timeRange());
        plots.replotNow();
        QCOMPARE(plots.pointCount(SignalName::RequestRate), 0); // nothing selected

        QSignalSpy refreshed(&plots, &SignalPlots::refreshed);
        selection.select(QStringLiteral("cart"));
        QTRY_VERIFY(refreshed.count() >= 1); // coalesced refresh, not synchronous
        const int rate = plots.pointCount(SignalName::RequestRate);
        QVERIFY(rate > 100);
        QVERIFY2(rate <= 2 * 800, "level of detail keeps at most two points per pixel");
        QVERIFY(plots.pointCount(SignalName::ErrorRatio) > 100);
        QVERIFY(plots.pointCount(SignalName::LatencyP99) > 100);
        QCOMPARE(plots.pointCount(SignalName::LatencyAvg), 0);

        selection.select(QStringLiteral("ads"));
        plots.replotNow();
        // 10 s of samples in a 5.5 h window fall into one pixel: one min/max pair.
        QCOMPARE(plots.pointCount(SignalName::RequestRate), 2);
        window.setVisibleRange(TimeRange {T0, T0 + 20 * StepMs});
        plots.replotNow();
        QCOMPARE(plots.pointCount(SignalName::RequestRate), 10);
        QCOMPARE(plots.pointCount(SignalName::LatencyP95), 0);
    }

    // With a detection result the panels draw the detector's anomaly score of their
    // primary signal; without one there is no score graph.
    void detectionAddsTheScore()
    {
        CartPlots cart(800, 600);
        SignalPlots& plots = cart.plots;
        plots.replotNow();
        QVERIFY(plots.pointCount(SignalName::RequestRate) > 100);
        QCOMPARE(plots.scorePointCount(SignalName::RequestRate), 0);
        plots.setDetection(std::make_shared<const DetectionResult>(detectAll(cart.dataset->series)));
        plots.replotNow();
        QVERIFY(plots.scorePointCount(SignalName::RequestRate) > 50);
        QVERIFY(plots.scorePointCount(SignalName::LatencyP95) > 50);
        plots.setDetection(nullptr);
        plots.replotNow();
        QCOMPARE(plots.scorePointCount(SignalName::RequestRate), 0);
    }

    void zoomFollowsTimeWindow()
    {
        TimeWindow window;
        EntitySelection selection;
        SignalPlots plots(&window, &selection);
        plots.resize(800, 600);
        plots.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plots));
        const auto ds = makeDataset();
        plots.setDataset(ds);
        window.reset(ds->timeRange());
        selection.select(QStringLiteral("cart"));
        plots.replotNow();
        QCOMPARE(plots.plottedRange(), ds->timeRange());

        const TimeRange zoom {T0 + 1000 * StepMs, T0 + 1100 * StepMs};
        window.setVisibleRange(zoom);
        QTRY_COMPARE(plots.plottedRange(), zoom);
        // 101 samples in view: the level of detail is recomputed for the new range.
        QCOMPARE(plots.pointCount(SignalName::RequestRate), 101);

        // Adaptive sampling keeps every sample in the graph and only moves the axis.
        plots.setSampling(PlotSampling::Adaptive);
        plots.replotNow();
        QCOMPARE(plots.pointCount(SignalName::RequestRate), Samples);
        QCOMPARE(plots.plottedRange(), zoom);
    }

    void dragZoomsAndClickMovesCursor()
    {
        TimeWindow window;
        EntitySelection selection;
        SignalPlots plots(&window, &selection);
        plots.resize(800, 600);
        plots.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plots));
        const auto ds = makeDataset();
        plots.setDataset(ds);
        window.reset(ds->timeRange());
        selection.select(QStringLiteral("cart"));
        plots.replotNow();

        QWidget* canvas = plots.findChild<QWidget*>(QStringLiteral("meshscopePlotCanvas"));
        QVERIFY(canvas);
        const QPoint middle(canvas->width() / 2, canvas->height() / 2);
        QSignalSpy cursor(&window, &TimeWindow::cursorChanged);
        QTest::mouseClick(canvas, Qt::LeftButton, {}, middle);
        QCOMPARE(cursor.count(), 1);
        const qint64 t = window.cursorMs();
        QVERIFY(t > ds->timeRange().startMs && t < ds->timeRange().endMs);

        QSignalSpy visible(&window, &TimeWindow::visibleRangeChanged);
        QTest::mousePress(canvas, Qt::LeftButton, {}, middle);
        QTest::mouseMove(canvas, middle + QPoint(60, 0));
        QTest::mouseRelease(canvas, Qt::LeftButton, {}, middle + QPoint(120, 0));
        QCOMPARE(visible.count(), 1);
        const TimeRange zoomed = window.visibleRange();
        QVERIFY(zoomed.durationMs() < ds->timeRange().durationMs() / 2);
        QVERIFY(zoomed.contains(t));
        QTRY_COMPARE(plots.plottedRange(), zoomed);

        // Wheel up over a plot zooms in around the pointer, through the TimeWindow.
        const QPoint pos = middle;
        QWheelEvent wheel(pos, canvas->mapToGlobal(pos), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
            Qt::NoScrollPhase, false);
        QApplication::sendEvent(canvas, &wheel);
        QVERIFY(window.visibleRange().durationMs() < zoomed.durationMs());
        QTRY_COMPARE(plots.plottedRange(), window.visibleRange());
    }

    void comparisonOverlayToggles()
    {
        CartPlots cart(600, 400);
        SignalPlots& plots = cart.plots;
        plots.setComparison(SignalPlots::Comparison::Yesterday);
        plots.replotNow(); // no data a day earlier: must simply draw nothing extra
        QCOMPARE(plots.comparison(), SignalPlots::Comparison::Yesterday);
        QVERIFY(plots.pointCount(SignalName::RequestRate) > 0);
    }
};

QTEST_MAIN(TestPlots)
#include "test_plots.moc"
