#include "qcustomplot_include.h" // first: see there

#include "plot_panel.h"

#include "detect/detection.h"
#include "models/severity_colour.h"
#include "plot_lod.h"

#include <algorithm>

namespace meshscope {

namespace {

// The score's share of the panel height, its colour and the ensemble's alert level.
constexpr double ScoreHeightShare = 0.25;
constexpr double ScoreAlertLevel = 0.6;
const QColor ScoreColour(200, 60, 120);

const QList<QColor> GraphColours {QColor(31, 119, 180), QColor(255, 127, 14), QColor(214, 39, 40),
    QColor(44, 160, 44), QColor(148, 103, 189)};

QVector<QCPGraphData> toGraphData(const std::vector<double>& keys, const std::vector<double>& values)
{
    QVector<QCPGraphData> data;
    data.reserve(static_cast<qsizetype>(keys.size()));
    for (std::size_t i = 0; i < keys.size(); ++i)
        data.append(QCPGraphData(keys[i], values[i]));
    return data;
}

double seconds(qint64 ms)
{
    return static_cast<double>(ms) / 1000.0;
}

/// Puts a position at a time on the x axis and at a fraction of the rect's height.
void placeAtTime(QCPItemPosition* position, QCPAxisRect* rect, double keySeconds, double heightRatio)
{
    position->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
    position->setAxisRect(rect);
    position->setTypeX(QCPItemPosition::ptPlotCoords);
    position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    position->setCoords(keySeconds, heightRatio);
}

} // namespace

PlotPanel::PlotPanel(QCustomPlot* plot, QCPAxisRect* rect, const QString& axisLabel,
    const QStringList& signalNames, const QStringList& primaryOrder, double scale)
    : m_plot(plot)
    , m_rect(rect)
    , m_signals(signalNames)
    , m_primaryOrder(primaryOrder)
    , m_scale(scale)
{
    QCPAxis* x = rect->axis(QCPAxis::atBottom);
    QCPAxis* y = rect->axis(QCPAxis::atLeft);
    y->setLabel(axisLabel);

    // Band first so the lines are drawn over it.
    m_bandLower = plot->addGraph(x, y);
    m_bandUpper = plot->addGraph(x, y);
    const QColor bandColour(120, 120, 120, 50);
    m_bandLower->setPen(Qt::NoPen);
    m_bandUpper->setPen(Qt::NoPen);
    m_bandUpper->setBrush(bandColour);
    m_bandUpper->setChannelFillGraph(m_bandLower);
    m_bandUpper->setName(QCoreApplication::translate("SignalPlots", "expected band"));

    m_overlay = plot->addGraph(x, y);
    m_overlay->setPen(QPen(QColor(110, 110, 110), 1, Qt::DashLine));
    m_overlay->setName(QCoreApplication::translate("SignalPlots", "comparison"));

    m_legend = new QCPLegend;
    rect->insetLayout()->addElement(m_legend, Qt::AlignTop | Qt::AlignRight);
    m_legend->setLayer(QStringLiteral("legend"));
    m_legend->setBrush(QColor(255, 255, 255, 200));
    QFont font = m_legend->font();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    m_legend->setFont(font);
    for (int i = 0; i < signalNames.size(); ++i) {
        QCPGraph* graph = plot->addGraph(x, y);
        graph->setPen(QPen(GraphColours.at(i % GraphColours.size()), 1.2));
        graph->setName(signalNames.at(i));
        graph->setAdaptiveSampling(true);
        graph->addToLegend(m_legend);
        m_graphs.push_back(graph);
    }

    // The primary signal's anomaly score fills the bottom quarter (right axis 0..4), over
    // the lines (translucent, so an alert peak is not hidden behind a jump of the data);
    // the right axis labels 0, the alert level and 1.
    QCPAxis* scoreAxis = rect->axis(QCPAxis::atRight);
    scoreAxis->setVisible(true);
    scoreAxis->setRange(0, 1 / ScoreHeightShare);
    auto scoreTicks = QSharedPointer<QCPAxisTickerText>::create();
    scoreTicks->addTick(0, QStringLiteral("0"));
    scoreTicks->addTick(ScoreAlertLevel, QString::number(ScoreAlertLevel));
    scoreTicks->addTick(1, QStringLiteral("1"));
    scoreAxis->setTicker(scoreTicks);
    scoreAxis->setLabel(QCoreApplication::translate("SignalPlots", "score"));
    scoreAxis->setTickLabelColor(ScoreColour.darker(120));
    scoreAxis->setLabelColor(ScoreColour.darker(120));
    scoreAxis->grid()->setVisible(false);
    m_score = plot->addGraph(x, scoreAxis);
    m_score->setPen(QPen(ScoreColour, 1));
    QColor scoreFill = ScoreColour;
    scoreFill.setAlpha(70);
    m_score->setBrush(scoreFill);
    m_score->setName(QCoreApplication::translate("SignalPlots", "anomaly score"));

    m_cursor = new QCPItemLine(plot);
    m_cursor->setClipAxisRect(rect);
    m_cursor->setPen(QPen(QColor(40, 40, 40), 1));
    placeAtTime(m_cursor->start, rect, 0, 0);
    placeAtTime(m_cursor->end, rect, 0, 1);
}

int PlotPanel::pointCount(const QString& signal) const
{
    const auto i = m_signals.indexOf(signal);
    return i < 0 ? 0 : m_graphs[static_cast<std::size_t>(i)]->dataCount();
}

int PlotPanel::scorePointCount() const
{
    return m_score->dataCount();
}

void PlotPanel::refresh(const PlotRefresh& r)
{
    std::vector<SeriesId> ids;
    for (const QString& signal : m_signals)
        ids.push_back(r.store && !r.entity.isEmpty() ? r.store->find({r.entity, signal}) : InvalidSeries);
    fillGraphs(r, ids);
    SeriesId primary = InvalidSeries;
    for (const QString& signal : m_primaryOrder) {
        const auto i = m_signals.indexOf(signal);
        if (i >= 0 && ids[static_cast<std::size_t>(i)] != InvalidSeries) {
            primary = ids[static_cast<std::size_t>(i)];
            break;
        }
    }
    fillBandAndOverlay(r, primary);
    fillSpans(r);
    rescaleValues();
    for (std::size_t i = 0; i < m_graphs.size(); ++i)
        m_graphs[i]->setVisible(ids[i] != InvalidSeries);
    // A single line needs no legend: the axis label names it.
    m_legend->setVisible(
        std::count_if(ids.begin(), ids.end(), [](SeriesId id) { return id != InvalidSeries; }) > 1);
}

void PlotPanel::fillGraphs(const PlotRefresh& r, const std::vector<SeriesId>& ids)
{
    for (std::size_t i = 0; i < m_graphs.size(); ++i) {
        QCPGraph* graph = m_graphs[i];
        if (ids[i] == InvalidSeries) {
            graph->data()->clear();
            continue;
        }
        if (r.sampling == PlotSampling::Adaptive) {
            // All samples once; QCustomPlot reduces them per pixel at draw time.
            if (r.dataChanged || graph->dataCount() == 0) {
                const PlotPoints p
                    = PlotLod::allPoints(*r.store, ids[i], r.store->timeRange(ids[i]), m_scale);
                graph->data()->set(toGraphData(p.keys, p.values), true);
            }
            continue;
        }
        const PlotPoints p = PlotLod::points(*r.store, ids[i], r.visible, r.pixels, m_scale);
        graph->data()->set(toGraphData(p.keys, p.values), true);
    }
}

void PlotPanel::fillBandAndOverlay(const PlotRefresh& r, SeriesId primary)
{
    m_bandLower->data()->clear();
    m_bandUpper->data()->clear();
    m_overlay->data()->clear();
    m_score->data()->clear();
    if (primary == InvalidSeries)
        return;
    if (r.detection && primary < static_cast<SeriesId>(r.detection->bands.size())) {
        const SeriesBand& seriesBand = r.detection->bands[static_cast<std::size_t>(primary)];
        if (seriesBand.series == primary) {
            const PlotBand band = PlotLod::band(*r.store, seriesBand, r.visible, r.pixels, m_scale);
            m_bandLower->data()->set(toGraphData(band.keys, band.lower), true);
            m_bandUpper->data()->set(toGraphData(band.keys, band.upper), true);
            if (!band.score.empty())
                m_score->data()->set(toGraphData(band.keys, band.score), true);
        }
    }
    if (r.comparisonShiftMs > 0) {
        const PlotPoints p
            = PlotLod::points(*r.store, primary, r.visible, r.pixels, m_scale, r.comparisonShiftMs);
        m_overlay->data()->set(toGraphData(p.keys, p.values), true);
    }
}

void PlotPanel::fillSpans(const PlotRefresh& r)
{
    for (QCPItemRect* item : m_spans)
        m_plot->removeItem(item);
    m_spans.clear();
    if (!r.anomalies || r.entity.isEmpty())
        return;
    for (const Anomaly& a : *r.anomalies) {
        if (a.series.entity != r.entity || !m_signals.contains(a.series.signal))
            continue;
        if (a.endMs < r.visible.startMs || a.startMs > r.visible.endMs)
            continue;
        auto* item = new QCPItemRect(m_plot);
        item->setLayer(QStringLiteral("spans"));
        item->setClipAxisRect(m_rect);
        QColor colour = severityColour(a.significance);
        colour.setAlpha(60);
        item->setBrush(colour);
        item->setPen(Qt::NoPen);
        placeAtTime(item->topLeft, m_rect, seconds(a.startMs), 0);
        // Give an instantaneous anomaly a visible width.
        placeAtTime(item->bottomRight, m_rect, seconds(std::max(a.endMs, a.startMs + 1000)), 1);
        m_spans.push_back(item);
    }
}

void PlotPanel::rescaleValues()
{
    QCPRange range;
    bool found = false;
    for (QCPGraph* graph : {m_bandLower, m_bandUpper, m_overlay}) {
        bool ok = false;
        const QCPRange r = graph->getValueRange(ok, QCP::sdBoth, m_rect->axis(QCPAxis::atBottom)->range());
        if (ok) {
            range = found ? QCPRange(std::min(range.lower, r.lower), std::max(range.upper, r.upper)) : r;
            found = true;
        }
    }
    for (QCPGraph* graph : m_graphs) {
        bool ok = false;
        const QCPRange r = graph->getValueRange(ok, QCP::sdBoth, m_rect->axis(QCPAxis::atBottom)->range());
        if (ok) {
            range = found ? QCPRange(std::min(range.lower, r.lower), std::max(range.upper, r.upper)) : r;
            found = true;
        }
    }
    if (!found)
        range = QCPRange(0, 1);
    // Golden signals are never negative: anchor at zero so a flat line is not magnified.
    const double lower = std::min(0.0, range.lower);
    const double upper = range.upper > lower ? range.upper + 0.08 * (range.upper - lower) : lower + 1;
    m_rect->axis(QCPAxis::atLeft)->setRange(lower, upper);
}

void PlotPanel::setXRange(const TimeRange& visible)
{
    if (visible.isValid())
        m_rect->axis(QCPAxis::atBottom)->setRange(seconds(visible.startMs), seconds(visible.endMs));
}

void PlotPanel::setCursor(qint64 tMs)
{
    m_cursor->start->setCoords(seconds(tMs), 0);
    m_cursor->end->setCoords(seconds(tMs), 1);
}

} // namespace meshscope
