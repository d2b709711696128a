#include "qcustomplot_include.h" // first: see there

#include "signal_plots.h"

#include "detect/detection.h"
#include "model/dataset.h"
#include "model/signal_names.h"
#include "models/entity_selection.h"
#include "models/time_window.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace meshscope {

namespace {

constexpr int CoalesceMs = 40;
constexpr qint64 DayMs = 24 * 3600 * 1000LL;
constexpr int ClickTolerancePx = 3;

qint64 toMs(double seconds)
{
    return static_cast<qint64>(std::llround(seconds * 1000.0));
}

} // namespace

SignalPlots::SignalPlots(TimeWindow* window, EntitySelection* selection, QWidget* parent)
    : QWidget(parent)
    , m_window(window)
    , m_selection(selection)
    , m_plot(new QCustomPlot(this))
    , m_title(new QLabel(this))
    , m_comparisonBox(new QComboBox(this))
    , m_timer(new QTimer(this))
{
    m_plot->setObjectName(QStringLiteral("meshscopePlotCanvas")); // found by tests
    m_comparisonBox->addItem(tr("No comparison"));
    m_comparisonBox->addItem(tr("Same time yesterday"));
    m_comparisonBox->addItem(tr("Same time last week"));
    auto* bar = new QHBoxLayout;
    bar->addWidget(m_title, 1);
    bar->addWidget(m_comparisonBox);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_plot, 1);

    buildPanels();
    m_timer->setSingleShot(true);
    m_timer->setInterval(CoalesceMs);
    connect(m_timer, &QTimer::timeout, this, &SignalPlots::refresh);
    connect(m_comparisonBox, &QComboBox::currentIndexChanged, this,
        [this](int index) { setComparison(static_cast<Comparison>(index)); });
    connect(window, &TimeWindow::visibleRangeChanged, this, [this] { schedule(DirtyRange | DirtyData); });
    connect(window, &TimeWindow::cursorChanged, this, [this] { schedule(DirtyCursor); });
    connect(selection, &EntitySelection::selectionChanged, this, [this] {
        updateTitle();
        schedule(DirtyData | DirtyReload);
    });
    connect(m_plot, &QCustomPlot::mousePress, this, &SignalPlots::onMousePress);
    m_plot->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_plot, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        const QPoint local = m_plot->mapTo(this, pos);
        const std::vector<SeriesKey> series = seriesAt(local);
        if (!series.empty())
            Q_EMIT seriesMenuRequested(series, m_plot->mapToGlobal(pos));
    });
    connect(m_plot, &QCustomPlot::mouseRelease, this, &SignalPlots::onMouseRelease);
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this] { m_window->zoomToFull(); });
    connect(m_plot->selectionRect(), &QCPSelectionRect::accepted, this,
        [this](const QRect& rect, QMouseEvent*) { onRectSelected(rect); });
    updateTitle();
    schedule(DirtyData | DirtyRange | DirtyCursor | DirtyReload);
}

SignalPlots::~SignalPlots() = default;

void SignalPlots::buildPanels()
{
    m_plot->plotLayout()->clear();
    // Each panel keeps its own legend; QCustomPlot would otherwise put every graph
    // (bands and overlays of all panels included) into the first legend it meets.
    m_plot->setAutoAddPlottableToLegend(false);
    m_plot->addLayer(QStringLiteral("spans"), m_plot->layer(QStringLiteral("grid")), QCustomPlot::limAbove);
    m_plot->setPlottingHints(QCP::phCacheLabels | QCP::phFastPolylines);
    m_plot->setInteractions(QCP::iRangeZoom);
    m_plot->setSelectionRectMode(QCP::srmCustom);
    m_plot->selectionRect()->setBrush(QColor(50, 100, 200, 40));

    auto* margins = new QCPMarginGroup(m_plot);
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeSpec(Qt::UTC);
    ticker->setDateTimeFormat(QStringLiteral("HH:mm\nMMM d"));
    struct Spec
    {
        QString label;
        QStringList signalNames;
        QStringList primary;
        double scale;
    };
    const std::vector<Spec> specs {
        {tr("requests/s"), {SignalName::RequestRate}, {SignalName::RequestRate}, 1.0},
        {tr("errors %"), {SignalName::ErrorRatio}, {SignalName::ErrorRatio}, 100.0},
        {tr("latency ms"),
            {SignalName::LatencyP50, SignalName::LatencyP95, SignalName::LatencyP99, SignalName::LatencyAvg},
            {SignalName::LatencyP95, SignalName::LatencyP99, SignalName::LatencyP50, SignalName::LatencyAvg},
            1.0},
    };
    for (std::size_t i = 0; i < specs.size(); ++i) {
        auto* rect = new QCPAxisRect(m_plot);
        m_plot->plotLayout()->addElement(static_cast<int>(i), 0, rect);
        rect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
        rect->setRangeZoom(Qt::Horizontal);
        QCPAxis* x = rect->axis(QCPAxis::atBottom);
        x->setTicker(ticker);
        // One shared time axis: only the bottom plot labels it.
        x->setTickLabels(i + 1 == specs.size());
        connect(
            x, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, &SignalPlots::onAxisRangeChanged);
        m_panels.push_back(std::make_unique<PlotPanel>(
            m_plot, rect, specs[i].label, specs[i].signalNames, specs[i].primary, specs[i].scale));
    }
}

void SignalPlots::setDataset(std::shared_ptr<const Dataset> dataset)
{
    m_dataset = std::move(dataset);
    m_detection.reset(); // bands of another store would be misaligned
    schedule(DirtyData | DirtyRange | DirtyReload);
}

void SignalPlots::setDetection(std::shared_ptr<const DetectionResult> detection)
{
    m_detection = std::move(detection);
    schedule(DirtyData);
}

void SignalPlots::setComparison(Comparison comparison)
{
    if (comparison == m_comparison)
        return;
    m_comparison = comparison;
    m_comparisonBox->setCurrentIndex(static_cast<int>(comparison));
    schedule(DirtyData);
}

void SignalPlots::setSampling(PlotSampling sampling)
{
    if (sampling == m_sampling)
        return;
    m_sampling = sampling;
    schedule(DirtyData | DirtyReload);
}

int SignalPlots::pointCount(const QString& signal) const
{
    int count = 0;
    for (const auto& panel : m_panels)
        count += panel->pointCount(signal);
    return count;
}

int SignalPlots::scorePointCount(const QString& signal) const
{
    for (const auto& panel : m_panels) {
        if (panel->signalNames().contains(signal))
            return panel->scorePointCount();
    }
    return 0;
}

TimeRange SignalPlots::plottedRange() const
{
    const QCPRange r = m_panels.front()->rect()->axis(QCPAxis::atBottom)->range();
    return TimeRange {toMs(r.lower), toMs(r.upper)};
}

void SignalPlots::schedule(int dirty)
{
    m_dirty |= dirty;
    // Coalesce bursts (zoom wheel, live data, replay ticks) into one refresh per 40 ms.
    if (!m_timer->isActive())
        m_timer->start();
}

void SignalPlots::replotNow()
{
    m_timer->stop();
    refresh();
}

void SignalPlots::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    // The level of detail depends on the width in pixels.
    if (m_sampling == PlotSampling::LevelOfDetail)
        schedule(DirtyData);
}

int SignalPlots::pixelWidth() const
{
    const int width = m_panels.front()->rect()->width();
    return std::max(100, width > 0 ? width : m_plot->width());
}

void SignalPlots::refresh()
{
    const int dirty = m_dirty;
    m_dirty = 0;
    const TimeRange visible = m_window->visibleRange();
    if (dirty & DirtyRange) {
        m_applyingWindow = true;
        for (const auto& panel : m_panels)
            panel->setXRange(visible);
        m_applyingWindow = false;
    }
    if (dirty & DirtyData) {
        PlotRefresh r;
        r.store = m_dataset ? &m_dataset->series : nullptr;
        r.entity = m_selection->entity();
        r.visible = visible;
        r.pixels = pixelWidth();
        r.sampling = m_sampling;
        r.dataChanged = (dirty & DirtyReload) != 0;
        r.detection = m_detection.get();
        r.anomalies = m_detection ? &m_detection->anomalies : (m_dataset ? &m_dataset->anomalies : nullptr);
        r.comparisonShiftMs = m_comparison == Comparison::Yesterday ? DayMs
            : m_comparison == Comparison::LastWeek                  ? 7 * DayMs
                                                                    : 0;
        for (const auto& panel : m_panels)
            panel->refresh(r);
    }
    for (const auto& panel : m_panels)
        panel->setCursor(m_window->cursorMs());
    m_plot->replot(QCustomPlot::rpImmediateRefresh);
    Q_EMIT refreshed();
}

void SignalPlots::onAxisRangeChanged()
{
    if (m_applyingWindow)
        return;
    // A wheel zoom on one plot: the TimeWindow tells every view, this one included.
    auto* axis = qobject_cast<QCPAxis*>(sender());
    if (!axis)
        return;
    m_window->setVisibleRange(TimeRange {toMs(axis->range().lower), toMs(axis->range().upper)});
}

std::vector<SeriesKey> SignalPlots::seriesAt(const QPoint& pos) const
{
    std::vector<SeriesKey> out;
    const QString entity = m_selection->entity();
    QCPAxisRect* rect = m_plot->axisRectAt(m_plot->mapFrom(this, pos));
    if (!m_dataset || entity.isEmpty() || !rect)
        return out;
    for (const auto& panel : m_panels) {
        if (panel->rect() != rect)
            continue;
        for (const QString& signal : panel->signalNames()) {
            const SeriesKey key {entity, signal};
            if (m_dataset->series.find(key) != InvalidSeries)
                out.push_back(key);
        }
    }
    return out;
}

void SignalPlots::onMousePress(QMouseEvent* event)
{
    m_pressPos = event->pos();
}

void SignalPlots::onMouseRelease(QMouseEvent* event)
{
    if ((event->pos() - m_pressPos).manhattanLength() > ClickTolerancePx || event->button() != Qt::LeftButton)
        return;
    QCPAxisRect* rect = m_plot->axisRectAt(event->pos());
    if (!rect)
        return;
    m_window->setCursor(toMs(rect->axis(QCPAxis::atBottom)->pixelToCoord(event->pos().x())));
}

void SignalPlots::onRectSelected(const QRect& rect)
{
    const QRect r = rect.normalized();
    if (r.width() <= ClickTolerancePx)
        return;
    QCPAxis* x = m_panels.front()->rect()->axis(QCPAxis::atBottom);
    m_window->setVisibleRange(TimeRange {toMs(x->pixelToCoord(r.left())), toMs(x->pixelToCoord(r.right()))});
}

void SignalPlots::updateTitle()
{
    const QString entity = m_selection->entity();
    m_title->setText(entity.isEmpty() ? tr("Select a service or an edge to see its signals")
                                      : tr("Signals of %1").arg(entity));
}

} // namespace meshscope
