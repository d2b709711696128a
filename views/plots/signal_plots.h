#pragma once

#include "model/entity.h"
#include "model/time_range.h"
#include "plot_panel.h"

#include <QPoint>
#include <QWidget>

#include <memory>
#include <vector>

class QComboBox;
class QCustomPlot;
class QLabel;
class QMouseEvent;
class QResizeEvent;
class QTimer;

namespace meshscope {

struct Dataset;
struct DetectionResult;
class EntitySelection;
class TimeWindow;

/// The stacked signal plots of the selected entity: request rate, error ratio (in %) and
/// latency percentiles (p50/p95/p99, or the mean), sharing one date-time x axis that
/// follows the TimeWindow. Each shows the detector's expected band, shaded anomaly
/// spans, the shared cursor and optionally the same time yesterday or last week (dashed).
///
/// Mouse: drag a range to zoom (TimeWindow::setVisibleRange), wheel to zoom around the
/// pointer, click to move the cursor, double-click to show everything.
/// All updates are coalesced into one refresh at most every 40 ms.
///
/// Usage: `auto* p = new SignalPlots(window, selection); p->setDataset(ds);`
/// then `p->setDetection(result)` when detectAll() has run on the same dataset.
class SignalPlots : public QWidget
{
    Q_OBJECT

public:
    enum class Comparison { None, Yesterday, LastWeek };

    SignalPlots(TimeWindow* window, EntitySelection* selection, QWidget* parent = nullptr);
    ~SignalPlots() override;

    void setDataset(std::shared_ptr<const Dataset> dataset);
    /// Bands and anomalies from detectAll() on the dataset's SeriesStore (SeriesIds must
    /// match). Without it the dataset's own anomalies are shaded and no band is drawn.
    void setDetection(std::shared_ptr<const DetectionResult> detection);
    void setComparison(Comparison comparison);
    Comparison comparison() const { return m_comparison; }
    void setSampling(PlotSampling sampling);
    PlotSampling sampling() const { return m_sampling; }

    /// Points in the graph of `signal` after the last refresh (tests, benchmarks).
    int pointCount(const QString& signal) const;
    /// Points in the anomaly-score graph of the panel that plots `signal` (tests).
    int scorePointCount(const QString& signal) const;
    /// The time range the x axes show.
    TimeRange plottedRange() const;
    /// Does a pending refresh now, and the replot, instead of waiting for the timer.
    void replotNow();
    /// The series of the selection the panel at `pos` (widget coordinates) draws.
    std::vector<SeriesKey> seriesAt(const QPoint& pos) const;

Q_SIGNALS:
    /// After every refresh (data and replot).
    void refreshed();
    /// Right click on a panel: the series it draws (for their detector tuning).
    void seriesMenuRequested(const std::vector<SeriesKey>& series, const QPoint& globalPos);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    enum Dirty { DirtyData = 1, DirtyRange = 2, DirtyCursor = 4, DirtyReload = 8 };

    void buildPanels();
    void schedule(int dirty);
    void refresh();
    int pixelWidth() const;
    void onAxisRangeChanged();
    void onMousePress(QMouseEvent* event);
    void onMouseRelease(QMouseEvent* event);
    void onRectSelected(const QRect& rect);
    void updateTitle();

    TimeWindow* m_window;
    EntitySelection* m_selection;
    QCustomPlot* m_plot;
    QLabel* m_title;
    QComboBox* m_comparisonBox;
    QTimer* m_timer;
    std::vector<std::unique_ptr<PlotPanel>> m_panels;
    std::shared_ptr<const Dataset> m_dataset;
    std::shared_ptr<const DetectionResult> m_detection;
    Comparison m_comparison = Comparison::None;
    PlotSampling m_sampling = PlotSampling::LevelOfDetail;
    int m_dirty = 0;
    bool m_applyingWindow = false;
    QPoint m_pressPos;
};

} // namespace meshscope
