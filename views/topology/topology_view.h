#pragma once

#include "topology_scene.h"
#include "topology_state.h"

#include "jobs/job_tracker.h"

#include <QGraphicsView>
#include <QPointer>

#include <memory>
#include <optional>

class QTimer;

namespace meshscope {

class EntitySelection;
class TimeWindow;

/// The topology of the dataset at the cursor time of the shared TimeWindow. Layout runs
/// on the thread pool and only when the node/edge set changes; cursor moves and replay
/// frames only restyle (coalesced to at most 25 a second), so nodes never jump.
/// Click selects, double-click zooms to a neighbourhood, wheel and +/- zoom, F fits,
/// arrows walk between nodes.
class TopologyView : public QGraphicsView
{
    Q_OBJECT

public:
    TopologyView(TimeWindow* window, EntitySelection* selection, QWidget* parent = nullptr);
    ~TopologyView() override;

    void setDataset(std::shared_ptr<const Dataset> dataset);
    /// A newer version of the shown data (new findings after detection, a live poll):
    /// prepared off the GUI thread, then restyled; a new layout only when the node/edge
    /// set at the cursor changed. Zoom and selection stay.
    void updateDataset(std::shared_ptr<const Dataset> dataset);
    TopologyScene* topologyScene() const { return m_scene; }
    /// True while a layout job runs or is about to.
    bool isLayoutPending() const { return m_layoutPending; }
    /// True while the view has not caught up with its dataset: a layout, or the state of
    /// new findings being prepared off the GUI thread.
    bool isUpdatePending() const { return m_layoutPending || m_statePending; }
    /// Applies the pending cursor time now instead of at the next coalesced tick (with
    /// the findings already prepared).
    void updateNow();
    /// Graphs with more nodes get the grid layout (benchmarks, tests).
    void setMaxDotNodes(int nodes) { m_maxDotNodes = nodes; }
    void fitAll();
    void zoomBy(double factor);
    void focusNeighbourhood(const QString& node);

Q_SIGNALS:
    void layoutStarted();
    /// The scene holds the layout of the current frame; `note` says if a fallback was used.
    void layoutFinished(const QString& note);
    void layoutFailed(const QString& message);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    bool viewportEvent(QEvent* event) override;
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    /// What a state job prepares off the GUI thread: the index of a dataset and, when the
    /// scene's frame is still the one in force, its state at the cursor.
    struct PreparedState
    {
        std::shared_ptr<const Dataset> dataset;
        std::shared_ptr<const TopologyStateBuilder> builder;
        std::shared_ptr<const TopologyFrame> sceneFrame;
        /// Frame synthesised from the series when `dataset` has no topology.
        std::shared_ptr<const TopologyFrame> derivedFrame;
        const TopologyFrame* frame = nullptr; ///< the frame in force at tMs, in `dataset`
        qint64 tMs = 0;
        std::optional<TopologyState> state;
    };

    /// What a layout job returns: the layout and the frame's first state.
    struct LaidOutState
    {
        TopologyLayout layout;
        std::shared_ptr<const TopologyStateBuilder> builder;
        TopologyState state;
        qint64 tMs = 0;
    };

    void scheduleUpdate();
    const TopologyFrame* frameAt(qint64 tMs) const;
    bool matchesScene(const TopologyFrame& frame);
    void prepareState(std::shared_ptr<const Dataset> dataset);
    void applyPreparedState(PreparedState prepared);
    void startLayout(const TopologyFrame& frame);
    void applyLayout(std::shared_ptr<const TopologyFrame> frame, LaidOutState result);
    void moveSelection(int key);
    QString entityAtViewPos(const QPoint& pos) const;

    TimeWindow* m_window;
    QPointer<EntitySelection> m_selection;
    TopologyScene* m_scene;
    QTimer* m_coalesce;
    JobTracker m_layoutJob;
    JobTracker m_stateJob;
    std::shared_ptr<const Dataset> m_dataset;
    /// The dataset the running state job indexes (new findings not shown yet).
    std::shared_ptr<const Dataset> m_preparingDataset;
    /// Index of m_dataset; null until the state job has built it.
    std::shared_ptr<const TopologyStateBuilder> m_builder;
    /// Frame synthesised from series names when the dataset has no topology.
    std::shared_ptr<const TopologyFrame> m_derivedFrame;
    /// The frame the scene shows (shared with state jobs).
    std::shared_ptr<const TopologyFrame> m_sceneFrame;
    std::shared_ptr<const TopologyFrame> m_layoutFrame; ///< the frame being laid out
    /// A frame of m_dataset known to have the scene's shape (the check builds two sets).
    const TopologyFrame* m_shapeCheckedFrame = nullptr;
    bool m_layoutPending = false;
    bool m_statePending = false;
    bool m_sceneLaidOut = false; ///< the scene shows a layout of m_dataset (maybe empty)
    bool m_fitAfterLayout = true;
    int m_maxDotNodes = 1500;
};

/// A frame with the nodes and edges named by a dataset's series, for inputs that bring
/// metrics but no topology.
TopologyFrame topologyFromSeries(const SeriesStore& store);

} // namespace meshscope
