#include "summary_charts.h"

#include "model/dataset.h"
#include "models/entity_selection.h"
#include "models/time_window.h"
#include "share_chart.h"
#include "summary_data.h"

#include <QHBoxLayout>
#include <QTimer>

namespace meshscope {

SummaryCharts::SummaryCharts(TimeWindow* window, EntitySelection* selection, QWidget* parent)
    : QWidget(parent)
    , m_window(window)
    , m_selection(selection)
    , m_codes(new ShareChart(ShareChart::Style::Pie, this))
    , m_anomalies(new ShareChart(ShareChart::Style::Bars, this))
    , m_timer(new QTimer(this))
{
    m_anomalies->setTitle(tr("Anomalies per service (visible window)"));
    m_anomalies->setPlaceholder(tr("no anomalies"));
    m_codes->setPlaceholder(tr("select an edge or a service with traffic"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_codes, 1);
    layout->addWidget(m_anomalies, 1);

    m_timer->setSingleShot(true);
    m_timer->setInterval(40);
    connect(m_timer, &QTimer::timeout, this, &SummaryCharts::refreshCharts);
    connect(window, &TimeWindow::visibleRangeChanged, this, &SummaryCharts::schedule);
    connect(window, &TimeWindow::cursorChanged, this, &SummaryCharts::schedule);
    connect(selection, &EntitySelection::selectionChanged, this, &SummaryCharts::schedule);
    refreshCharts();
}

void SummaryCharts::setDataset(std::shared_ptr<const Dataset> dataset)
{
    m_dataset = std::move(dataset);
    m_ownAnomalies = false;
    m_anomalyList.clear();
    schedule();
}

void SummaryCharts::setAnomalies(std::vector<Anomaly> anomalies)
{
    m_anomalyList = std::move(anomalies);
    m_ownAnomalies = true;
    schedule();
}

void SummaryCharts::schedule()
{
    if (!m_timer->isActive())
        m_timer->start();
}

void SummaryCharts::updateNow()
{
    m_timer->stop();
    refreshCharts();
}

void SummaryCharts::refreshCharts()
{
    const QString entity = m_selection->entity();
    const TopologyFrame* frame = m_dataset ? m_dataset->topology.frameAt(m_window->cursorMs()) : nullptr;
    m_codes->setTitle(entity.isEmpty() ? tr("Response codes") : tr("Response codes: %1").arg(entity));
    m_codes->setSlices(SummaryData::responseCodes(
        frame, entity, m_dataset ? &m_dataset->series : nullptr, m_window->cursorMs()));
    static const std::vector<Anomaly> none;
    const std::vector<Anomaly>& anomalies
        = m_ownAnomalies ? m_anomalyList : (m_dataset ? m_dataset->anomalies : none);
    m_anomalies->setSlices(SummaryData::anomaliesPerService(anomalies, m_window->visibleRange()));
}

} // namespace meshscope
