#include "topology_view.h"

#include "models/entity_selection.h"
#include "models/time_window.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QSet>
#include <QTimer>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>

namespace meshscope {

namespace {
constexpr int CoalesceMs = 40; // views update at most ~25 times a second
constexpr double HitTolerancePx = 6;
} // namespace

TopologyFrame topologyFromSeries(const SeriesStore& store)
{
    TopologyFrame frame;
    QSet<QString> nodes;
    QSet<QString> edges;
    const auto addNode = [&](const QString& name) {
        if (name.isEmpty() || nodes.contains(name))
            return;
        nodes.insert(name);
        TopologyNode node;
        node.name = name;
        const qsizetype slash = name.indexOf(QLatin1Char('/'));
        if (slash > 0)
            node.ns = name.left(slash);
        node.kind = NodeKind::Workload;
        frame.nodes.push_back(node);
    };
    for (const QString& entity : store.entities()) {
        const auto [source, destination] = Entity::edgeEnds(entity);
        addNode(source);
        if (destination.isEmpty() || edges.contains(entity))
            continue;
        addNode(destination);
        edges.insert(entity);
        TopologyEdge edge;
        edge.source = source;
        edge.destination = destination;
        frame.edges.push_back(edge);
    }
    frame.tMs = store.timeRange().isValid() ? store.timeRange().startMs : 0;
    return frame;
}

TopologyView::TopologyView(TimeWindow* window, EntitySelection* selection, QWidget* parent)
    : QGraphicsView(parent)
    , m_window(window)
    , m_selection(selection)
    , m_scene(new TopologyScene(this))
    , m_coalesce(new QTimer(this))
    , m_layoutJob(this, interactiveThreadPool())
    , m_stateJob(this, interactiveThreadPool())
{
    setScene(m_scene);
    // The static layer is painted once per zoom/scroll into the background cache.
    setCacheMode(QGraphicsView::CacheBackground);
    // Lit edges light up all over the mesh: repaint the changed rectangles, not their
    // bounding box (which is nearly always the whole viewport).
    setViewportUpdateMode(QGraphicsView::MinimalViewportUpdate);
    setOptimizationFlags(QGraphicsView::DontSavePainterState);
    setRenderHint(QPainter::Antialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    m_scene->setTopologyPalette(TopologyPalette::fromPalette(palette()));

    m_coalesce->setSingleShot(true);
    m_coalesce->setInterval(CoalesceMs);
    connect(m_coalesce, &QTimer::timeout, this, &TopologyView::updateNow);
    connect(m_window, &TimeWindow::cursorChanged, this, &TopologyView::scheduleUpdate);
    if (m_selection)
        connect(m_selection, &EntitySelection::selectionChanged, m_scene, &TopologyScene::setSelectedEntity);
}

TopologyView::~TopologyView() = default;

void TopologyView::setDataset(std::shared_ptr<const Dataset> dataset)
{
    m_layoutJob.cancel();
    m_stateJob.cancel();
    m_statePending = false;
    m_preparingDataset.reset();
    m_dataset = std::move(dataset);
    m_builder.reset();
    m_derivedFrame.reset();
    if (m_dataset && m_dataset->topology.isEmpty())
        m_derivedFrame = std::make_shared<const TopologyFrame>(topologyFromSeries(m_dataset->series));
    m_layoutFrame.reset();
    m_shapeCheckedFrame = nullptr;
    m_layoutPending = false;
    m_fitAfterLayout = true;
    m_sceneLaidOut = false;
    m_sceneFrame.reset();
    m_scene->setTopology(TopologyFrame(), TopologyLayout());
    updateNow(); // starts the layout, which also indexes the dataset for the states
}

void TopologyView::updateDataset(std::shared_ptr<const Dataset> dataset)
{
    if (!m_dataset || !dataset) {
        setDataset(std::move(dataset));
        return;
    }
    // Indexing 30k series and the first restyle's lookups take tens of milliseconds on a
    // big mesh: the current findings stay on screen until the new ones are prepared.
    prepareState(std::move(dataset));
}

void TopologyView::prepareState(std::shared_ptr<const Dataset> dataset)
{
    const qint64 t = m_window->cursorMs();
    auto builder = m_builder && m_builder->dataset() == dataset.get() ? m_builder : nullptr;
    auto sceneFrame = m_layoutPending ? nullptr : m_sceneFrame;
    auto derivedFrame = dataset == m_dataset ? m_derivedFrame : nullptr;
    m_preparingDataset = dataset;
    m_statePending = true;
    m_stateJob.start<PreparedState>(
        [dataset, builder, sceneFrame, derivedFrame, t](const JobControl&) {
            PreparedState prepared;
            prepared.dataset = dataset;
            prepared.builder = builder ? builder : std::make_shared<const TopologyStateBuilder>(dataset);
            prepared.sceneFrame = sceneFrame;
            prepared.tMs = t;
            prepared.derivedFrame = derivedFrame;
            if (!derivedFrame && dataset->topology.isEmpty())
                prepared.derivedFrame = std::make_shared<const TopologyFrame>(topologyFromSeries(dataset->series));
            prepared.frame = prepared.derivedFrame ? prepared.derivedFrame.get() : dataset->topology.frameAt(t);
            if (sceneFrame && prepared.frame && prepared.frame->sameShape(*sceneFrame))
                prepared.state = prepared.builder->stateAt(*sceneFrame, t, prepared.frame);
            return prepared;
        },
        [this](PreparedState prepared) { applyPreparedState(std::move(prepared)); },
        [this](const QString& message) {
            m_statePending = false;
            m_preparingDataset.reset();
            qWarning("topology state: %s", qPrintable(message));
        });
}

void TopologyView::applyPreparedState(PreparedState prepared)
{
    m_statePending = false;
    m_preparingDataset.reset();
    if (prepared.dataset != m_dataset) {
        m_dataset = prepared.dataset;
        m_derivedFrame = prepared.derivedFrame;
        m_shapeCheckedFrame = nullptr;
    }
    m_builder = std::move(prepared.builder);
    if (prepared.state && !m_layoutPending && prepared.sceneFrame == m_sceneFrame
        && prepared.tMs == m_window->cursorMs()) {
        m_shapeCheckedFrame = prepared.frame;
        m_scene->applyState(*prepared.state);
        return;
    }
    // A layout landed while this was prepared: its state comes off the GUI thread too.
    if (!m_layoutPending && m_sceneFrame && prepared.sceneFrame != m_sceneFrame
        && prepared.tMs == m_window->cursorMs()) {
        prepareState(m_dataset);
        return;
    }
    updateNow();
}

void TopologyView::scheduleUpdate()
{
    if (!m_coalesce->isActive())
        m_coalesce->start();
}

const TopologyFrame* TopologyView::frameAt(qint64 tMs) const
{
    return m_derivedFrame ? m_derivedFrame.get() : m_dataset->topology.frameAt(tMs);
}

bool TopologyView::matchesScene(const TopologyFrame& frame)
{
    if (&frame == m_shapeCheckedFrame)
        return true;
    const TopologyFrame& shown = m_scene->frame();
    // An empty frame (a mesh without traffic at the cursor) matches once it was laid out:
    // laying out the same empty shape again would never end.
    if (frame.nodes.empty() && shown.nodes.empty())
        return m_sceneLaidOut;
    if (!shown.sameShape(frame))
        return false;
    m_shapeCheckedFrame = &frame;
    return true;
}

void TopologyView::updateNow()
{
    m_coalesce->stop();
    if (!m_dataset)
        return;
    const qint64 t = m_window->cursorMs();
    const TopologyFrame* frame = frameAt(t);
    if (!frame)
        return;
    if (m_layoutPending) {
        if (m_layoutFrame && m_layoutFrame->sameShape(*frame))
            return; // the running layout is for this shape; its result applies the state
    } else if (matchesScene(*frame)) {
        if (m_builder)
            m_scene->applyState(m_builder->stateAt(m_scene->frame(), t, frame));
        return;
    }
    startLayout(*frame);
}

void TopologyView::startLayout(const TopologyFrame& frame)
{
    auto copy = std::make_shared<const TopologyFrame>(frame);
    m_layoutFrame = copy;
    m_layoutPending = true;
    Q_EMIT layoutStarted();
    const int maxDotNodes = m_maxDotNodes;
    const qint64 t = m_window->cursorMs();
    auto dataset = m_dataset;
    auto builder = m_builder;
    // The first state is computed with the layout, so the scene is painted once, lit.
    m_layoutJob.start<LaidOutState>(
        [copy, dataset, builder, maxDotNodes, t](const JobControl& job) {
            LaidOutState result;
            result.layout = TopologyLayouter::layout(*copy, &job, maxDotNodes);
            result.builder = builder ? builder : std::make_shared<const TopologyStateBuilder>(dataset);
            result.state = result.builder->stateAt(*copy, t);
            result.tMs = t;
            return result;
        },
        [this, copy](LaidOutState result) { applyLayout(copy, std::move(result)); },
        [this](const QString& message) {
            m_layoutPending = false;
            m_layoutFrame.reset();
            Q_EMIT layoutFailed(message);
        });
}

void TopologyView::applyLayout(std::shared_ptr<const TopologyFrame> frame, LaidOutState result)
{
    m_layoutPending = false;
    m_layoutFrame.reset();
    m_shapeCheckedFrame = nullptr;
    m_sceneFrame = frame;
    m_sceneLaidOut = true;
    m_scene->setTopology(*frame, result.layout);
    if (m_selection)
        m_scene->setSelectedEntity(m_selection->entity());
    if (m_fitAfterLayout) {
        fitAll();
        m_fitAfterLayout = false;
    }
    const bool current = result.builder->dataset() == m_dataset.get();
    if (current && !m_builder)
        m_builder = result.builder;
    if (current && result.tMs == m_window->cursorMs())
        m_scene->applyState(result.state);
    else if (!m_statePending) // else new findings are being prepared and bring the state
        prepareState(m_dataset);
    Q_EMIT layoutFinished(result.layout.note);
}

void TopologyView::fitAll()
{
    const QRectF rect = m_scene->topologyLayout().bounds;
    if (rect.isValid())
        fitInView(rect.adjusted(-20, -20, 20, 20), Qt::KeepAspectRatio);
}

void TopologyView::zoomBy(double factor)
{
    const double current = transform().m11();
    const double next = std::clamp(current * factor, 0.02, 8.0);
    scale(next / current, next / current);
}

void TopologyView::focusNeighbourhood(const QString& node)
{
    if (!m_scene->hasNode(node))
        return;
    QRectF rect = m_scene->entityRect(node);
    for (const QString& other : m_scene->neighbours(node))
        rect = rect.united(m_scene->entityRect(other));
    fitInView(rect.adjusted(-60, -60, 60, 60), Qt::KeepAspectRatio);
    if (transform().m11() > 2.5)
        zoomBy(2.5 / transform().m11());
}

QString TopologyView::entityAtViewPos(const QPoint& pos) const
{
    const double tolerance = HitTolerancePx / std::max(0.01, transform().m11());
    return m_scene->entityAt(mapToScene(pos), tolerance);
}

void TopologyView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && m_selection) {
        const QString entity = entityAtViewPos(event->position().toPoint());
        m_selection->select(entity);
    }
    QGraphicsView::mousePressEvent(event);
}

void TopologyView::mouseDoubleClickEvent(QMouseEvent* event)
{
    QString entity = entityAtViewPos(event->position().toPoint());
    if (Entity::isEdge(entity))
        entity = Entity::edgeEnds(entity).second;
    if (!entity.isEmpty())
        focusNeighbourhood(entity);
    else
        fitAll();
    event->accept();
}

void TopologyView::wheelEvent(QWheelEvent* event)
{
    const double steps = event->angleDelta().y() / 120.0;
    zoomBy(std::pow(1.2, steps));
    event->accept();
}

void TopologyView::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(1.25);
        return;
    case Qt::Key_Minus:
        zoomBy(0.8);
        return;
    case Qt::Key_F:
        fitAll();
        return;
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Up:
    case Qt::Key_Down:
        moveSelection(event->key());
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_selection)
            focusNeighbourhood(m_selection->entity());
        return;
    default:
        break;
    }
    QGraphicsView::keyPressEvent(event);
}

void TopologyView::moveSelection(int key)
{
    if (!m_selection || m_scene->frame().nodes.empty())
        return;
    QString current = m_selection->entity();
    if (Entity::isEdge(current))
        current = Entity::edgeEnds(current).first;
    if (!m_scene->hasNode(current)) {
        m_selection->select(m_scene->frame().nodes.front().name);
        return;
    }
    const QPointF from = m_scene->nodePosition(current);
    const QPointF direction = key == Qt::Key_Left ? QPointF(-1, 0)
        : key == Qt::Key_Right                    ? QPointF(1, 0)
        : key == Qt::Key_Up                       ? QPointF(0, -1)
                                                  : QPointF(0, 1);
    // The nearest node within 60° of the arrow's direction, favouring straight ahead.
    QString best;
    double bestCost = 0;
    for (const TopologyNode& node : m_scene->frame().nodes) {
        const QPointF d = m_scene->nodePosition(node.name) - from;
        const double along = QPointF::dotProduct(d, direction);
        const double distance = std::hypot(d.x(), d.y());
        if (node.name == current || along <= 0 || along < distance * 0.5)
            continue;
        const double cost = distance + 2 * (distance - along);
        if (best.isEmpty() || cost < bestCost) {
            best = node.name;
            bestCost = cost;
        }
    }
    if (best.isEmpty())
        return;
    m_selection->select(best);
    ensureVisible(m_scene->entityRect(best), 40, 40);
}

bool TopologyView::viewportEvent(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = m_scene->toolTipFor(entityAtViewPos(help->pos()));
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, viewport());
        return true;
    }
    return QGraphicsView::viewportEvent(event);
}

void TopologyView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        m_scene->setTopologyPalette(TopologyPalette::fromPalette(palette()));
    QGraphicsView::changeEvent(event);
}

void TopologyView::showEvent(QShowEvent* event)
{
    m_scene->setAnimated(true);
    QGraphicsView::showEvent(event);
}

void TopologyView::hideEvent(QHideEvent* event)
{
    m_scene->setAnimated(false);
    QGraphicsView::hideEvent(event);
}

} // namespace meshscope
