#pragma once

#include "model/findings.h"
#include "model/series_store.h"

#include <QColor>
#include <QStringList>

#include <vector>

class QCustomPlot;
class QCPAxisRect;
class QCPGraph;
class QCPItemLine;
class QCPItemRect;
class QCPLegend;

namespace meshscope {

struct DetectionResult;

/// How a panel turns samples into graph points: our min/max level of detail for the
/// visible range (recomputed on every range change), or all samples at once and
/// QCustomPlot's adaptive sampling.
enum class PlotSampling { LevelOfDetail, Adaptive };

/// Everything a panel needs for one refresh; pointers are borrowed for the call.
struct PlotRefresh
{
    const SeriesStore* store = nullptr;
    QString entity;
    TimeRange visible;
    int pixels = 0;
    PlotSampling sampling = PlotSampling::LevelOfDetail;
    bool dataChanged = true; ///< dataset, detection or entity changed (adaptive reloads)
    const DetectionResult* detection = nullptr;
    const std::vector<Anomaly>* anomalies = nullptr;
    qint64 comparisonShiftMs = 0; ///< 0: no "yesterday / last week" overlay
};

/// One stacked plot of SignalPlots (request rate, errors, latency): its axis rect, one
/// graph per signal, the expected band, the detector's anomaly score (on the right axis,
/// in the bottom quarter) and the comparison overlay of its primary signal, shaded anomaly
/// spans and the cursor line. Not a widget; the QCustomPlot owns all items.
class PlotPanel
{
public:
    /// `signalNames` in drawing order; `primaryOrder` is the preference for the band and
    /// overlay (the first that has data). Values are multiplied by `scale` (ratio → %).
    PlotPanel(QCustomPlot* plot, QCPAxisRect* rect, const QString& axisLabel, const QStringList& signalNames,
        const QStringList& primaryOrder, double scale);

    QCPAxisRect* rect() const { return m_rect; }
    const QStringList& signalNames() const { return m_signals; }
    /// Points currently in the graph of `signal` (0 when it is not in this panel).
    int pointCount(const QString& signal) const;
    /// Points currently in the anomaly-score graph of the primary signal.
    int scorePointCount() const;

    void refresh(const PlotRefresh& r);
    void setXRange(const TimeRange& visible);
    void setCursor(qint64 tMs);

private:
    void fillGraphs(const PlotRefresh& r, const std::vector<SeriesId>& ids);
    void fillBandAndOverlay(const PlotRefresh& r, SeriesId primary);
    void fillSpans(const PlotRefresh& r);
    void rescaleValues();

    QCustomPlot* m_plot;
    QCPAxisRect* m_rect;
    QStringList m_signals;
    QStringList m_primaryOrder;
    double m_scale;
    std::vector<QCPGraph*> m_graphs;
    QCPGraph* m_bandLower = nullptr;
    QCPGraph* m_bandUpper = nullptr;
    QCPGraph* m_overlay = nullptr;
    QCPGraph* m_score = nullptr;
    QCPItemLine* m_cursor = nullptr;
    QCPLegend* m_legend = nullptr;
    std::vector<QCPItemRect*> m_spans;
};

} // namespace meshscope
