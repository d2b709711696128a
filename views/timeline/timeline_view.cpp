#include "timeline_view.h"

#include "model/dataset.h"
#include "models/entity_selection.h"
#include "models/time_window.h"
#include "timeline_delegate.h"
#include "timeline_filter_proxy.h"
#include "timeline_model.h"

#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTreeView>
#include <QVBoxLayout>

namespace meshscope {

TimelineView::TimelineView(TimeWindow* window, EntitySelection* selection, QWidget* parent)
    : QWidget(parent)
    , m_window(window)
    , m_selection(selection)
    , m_model(new TimelineModel(this))
    , m_proxy(new TimelineFilterProxy(this))
    , m_delegate(new TimelineDelegate(window, this))
    , m_tree(new QTreeView(this))
    , m_filter(new QLineEdit(this))
    , m_minSignificance(new QSpinBox(this))
{
    m_proxy->setSourceModel(m_model);
    m_tree->setModel(m_proxy);
    m_tree->setItemDelegate(m_delegate);
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(-1, Qt::AscendingOrder); // model order: newest incident first
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        const Anomaly* anomaly = m_model->anomalyAt(m_proxy->mapToSource(m_tree->indexAt(pos)));
        if (anomaly)
            Q_EMIT seriesMenuRequested({anomaly->series}, m_tree->viewport()->mapToGlobal(pos));
    });
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->setSectionResizeMode(TimelineModel::EntityColumn, QHeaderView::Interactive);
    // Wide enough for an incident's title and a full onset time; the time bar (with the
    // candidates' evidence) takes the rest.
    const QFontMetrics metrics(m_tree->font());
    m_tree->setColumnWidth(TimelineModel::EntityColumn, 340);
    m_tree->setColumnWidth(TimelineModel::SignificanceColumn,
        metrics.horizontalAdvance(TimelineModel::tr("score %1").arg(999.9, 0, 'f', 1)) + 24);
    m_tree->setColumnWidth(
        TimelineModel::OnsetColumn, metrics.horizontalAdvance(QStringLiteral("2025-06-03 14:30:00")) + 24);
    m_tree->setColumnWidth(TimelineModel::DurationColumn,
        metrics.horizontalAdvance(TimelineModel::tr("%1 min %2 s").arg(59).arg(59)) + 24);

    m_filter->setPlaceholderText(tr("Filter entity or signal"));
    m_filter->setClearButtonEnabled(true);
    m_minSignificance->setRange(0, 100);
    m_minSignificance->setPrefix(tr("significance ≥ "));

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_minSignificance);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_tree, 1);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &TimelineFilterProxy::setText);
    connect(m_minSignificance, &QSpinBox::valueChanged, m_proxy,
        [this](int value) { m_proxy->setMinimumSignificance(value); });
    connect(m_tree, &QTreeView::clicked, this, &TimelineView::open);
    // Enter/Return on the current row (and a double-click).
    connect(m_tree, &QTreeView::activated, this, &TimelineView::open);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex& current) { activate(current); });
    // The bars are drawn on the shared axis: repaint when it moves.
    connect(window, &TimeWindow::visibleRangeChanged, m_tree->viewport(), qOverload<>(&QWidget::update));
    connect(window, &TimeWindow::cursorChanged, m_tree->viewport(), qOverload<>(&QWidget::update));
}

void TimelineView::setDataset(std::shared_ptr<const Dataset> dataset)
{
    if (!dataset) {
        setFindings({}, {});
        return;
    }
    m_model->setAlerts(dataset->alerts, dataset->timeRange().endMs);
    setFindings(dataset->anomalies, dataset->incidents);
}

void TimelineView::setFindings(std::vector<Anomaly> anomalies, std::vector<Incident> incidents)
{
    m_model->setFindings(std::move(anomalies), std::move(incidents));
    // A few Prometheus alerts are shown open on top: they are what paged someone.
    const QModelIndex alerts = m_proxy->mapFromSource(m_model->alertGroupIndex());
    if (alerts.isValid() && m_model->alerts().size() <= std::size_t(MaxExpandedAlerts))
        m_tree->expand(alerts);
    // The newest incident is opened with its root-cause candidates, so its card and
    // story are visible at once.
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex group = m_proxy->index(row, 0);
        if (!m_model->incidentAt(m_proxy->mapToSource(group)))
            continue;
        m_tree->expand(group);
        const QModelIndex causes
            = m_proxy->mapFromSource(m_model->causeGroupIndex(m_proxy->mapToSource(group)));
        if (causes.isValid())
            m_tree->expand(causes);
        return;
    }
    // Without incidents, the first group (of entity anomalies) opens.
    const QModelIndex first = m_proxy->index(alerts.isValid() ? 1 : 0, 0);
    if (first.isValid())
        m_tree->expand(first);
}

void TimelineView::activate(const QModelIndex& proxyIndex)
{
    if (!proxyIndex.isValid())
        return;
    const QModelIndex index = proxyIndex.siblingAtColumn(TimelineModel::EntityColumn);
    const QString entity = index.data(TimelineModel::EntityRole).toString();
    if (!entity.isEmpty())
        m_selection->select(entity);
    m_window->setCursor(index.data(TimelineModel::StartRole).toLongLong());
}

void TimelineView::open(const QModelIndex& proxyIndex)
{
    if (!proxyIndex.isValid())
        return;
    activate(proxyIndex);
    const auto kind = proxyIndex.data(TimelineModel::RowKindRole).value<TimelineModel::RowKind>();
    if (kind != TimelineModel::RowKind::Candidate && kind != TimelineModel::RowKind::CauseGroup)
        return;
    const QString entity = proxyIndex.data(TimelineModel::EntityRole).toString();
    const qint64 onset = proxyIndex.data(TimelineModel::StartRole).toLongLong();
    showAroundOnset(onset);
    Q_EMIT candidateActivated(entity, onset);
}

void TimelineView::showAroundOnset(qint64 onsetMs)
{
    const TimeRange visible = m_window->visibleRange();
    const bool userZoom = visible != m_window->fullRange() && visible != m_ownZoom;
    if (!userZoom) {
        m_window->setVisibleRange({onsetMs - CandidateZoomMarginMs, onsetMs + CandidateZoomMarginMs});
        m_ownZoom = m_window->visibleRange();
        return;
    }
    // The user's zoom width stays; it only moves so the onset can be seen.
    if (!visible.contains(onsetMs)) {
        const qint64 half = visible.durationMs() / 2;
        m_window->setVisibleRange({onsetMs - half, onsetMs + half});
    }
}

} // namespace meshscope
