#include "topology_page.h"

#include "models/find_bar.h"
#include "topology/topology_palette.h"
#include "topology/topology_view.h"

#include <QAction>
#include <QLabel>
#include <QToolBar>
#include <QVBoxLayout>

namespace meshscope {

namespace {
QString swatch(const QColor& color, const QString& text, bool dashed = false)
{
    const QString line = dashed ? QStringLiteral("╌╌") : QStringLiteral("━━");
    return QStringLiteral("<span style='color:%1'><b>%2</b></span> %3").arg(color.name(), line, text.toHtmlEscaped());
}
} // namespace

TopologyPage::TopologyPage(TimeWindow* window, EntitySelection* selection, QWidget* parent)
    : QWidget(parent)
    , m_view(new TopologyView(window, selection, this))
    , m_toolBar(new QToolBar(this))
    , m_findBar(new FindBar(this))
    , m_status(new QLabel(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_findBar);
    layout->addWidget(m_view, 1);
    connect(m_findBar, &FindBar::expressionChanged, this,
        [this](const FindExpression& expression, FindMode mode) { m_view->topologyScene()->setFind(expression, mode); });

    m_toolBar->setIconSize(QSize(16, 16));
    const auto toggle = [this](const QString& text, const QString& tip) {
        QAction* action = m_toolBar->addAction(text);
        action->setCheckable(true);
        action->setToolTip(tip);
        connect(action, &QAction::toggled, this, &TopologyPage::applyLabels);
        return action;
    };
    m_rateLabels = toggle(tr("Rate"), tr("Show request rates on edges"));
    m_errorLabels = toggle(tr("Errors"), tr("Show error percentages on edges"));
    m_latencyLabels = toggle(tr("p95"), tr("Show p95 latency on edges"));
    m_toolBar->addSeparator();
    m_toolBar->addAction(tr("Zoom in"), this, [this] { m_view->zoomBy(1.25); })->setToolTip(tr("Zoom in (+)"));
    m_toolBar->addAction(tr("Zoom out"), this, [this] { m_view->zoomBy(0.8); })->setToolTip(tr("Zoom out (-)"));
    m_toolBar->addAction(tr("Fit"), this, [this] { m_view->fitAll(); })->setToolTip(tr("Fit the whole mesh (F)"));
    m_toolBar->addSeparator();

    const TopologyPalette p;
    auto* legend = new QLabel(this);
    legend->setText(QStringList({swatch(p.anomaly, tr("anomalous vs. its baseline")),
                                    swatch(p.degraded, tr("degraded (Kiali)"), true),
                                    swatch(p.failure, tr("failing (Kiali)"), true),
                                    swatch(p.incident, tr("open incident")),
                                    swatch(p.rootCause, tr("suspected root cause"), true)})
                        .join(QStringLiteral("&nbsp;&nbsp; ")));
    m_toolBar->addWidget(legend);
    auto* spacer = new QWidget(this);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_toolBar->addWidget(spacer);
    m_toolBar->addWidget(m_status);

    connect(m_view, &TopologyView::layoutStarted, this, [this] { m_status->setText(tr("Laying out…")); });
    connect(m_view, &TopologyView::layoutFinished, this, [this](const QString& note) { m_status->setText(note); });
    connect(m_view, &TopologyView::layoutFailed, this, [this](const QString& message) { m_status->setText(message); });
}

void TopologyPage::setDataset(std::shared_ptr<const Dataset> dataset)
{
    m_view->setDataset(std::move(dataset));
}

void TopologyPage::updateDataset(std::shared_ptr<const Dataset> dataset)
{
    m_view->updateDataset(std::move(dataset));
}

int TopologyPage::edgeLabels() const
{
    return static_cast<int>(m_view->topologyScene()->edgeLabels());
}

void TopologyPage::setEdgeLabels(int labels)
{
    m_rateLabels->setChecked(labels & TopologyScene::RateLabel);
    m_errorLabels->setChecked(labels & TopologyScene::ErrorLabel);
    m_latencyLabels->setChecked(labels & TopologyScene::LatencyLabel);
    applyLabels();
}

void TopologyPage::applyLabels()
{
    TopologyScene::EdgeLabels labels;
    labels.setFlag(TopologyScene::RateLabel, m_rateLabels->isChecked());
    labels.setFlag(TopologyScene::ErrorLabel, m_errorLabels->isChecked());
    labels.setFlag(TopologyScene::LatencyLabel, m_latencyLabels->isChecked());
    m_view->topologyScene()->setEdgeLabels(labels);
}

} // namespace meshscope
