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
    /// The same data with new anomalies and incidents (after detection): restyles
    /// without a new layout. `dataset` must hold the same series and topology.
    void setFindings(std::shared_ptr<const Dataset> dataset);
    TopologyScene* topologyScene() const { return m_scene; }
    /// True while a layout job runs or is about to.
    bool isLayoutPending() const { return m_layoutPending; }
    /// Applies the pending cursor time now instead of at the next coalesced tick.
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
    void scheduleUpdate();
    void startLayout(const TopologyFrame& frame);
    void moveSelection(int key);
    QString entityAtViewPos(const QPoint& pos) const;

    TimeWindow* m_window;
    QPointer<EntitySelection> m_selection;
    TopologyScene* m_scene;
    QTimer* m_coalesce;
    JobTracker m_layoutJob;
    std::shared_ptr<const Dataset> m_dataset;
    /// The dataset a running layout's frame points into, kept alive by setFindings().
    std::shared_ptr<const Dataset> m_layoutDataset;
    std::unique_ptr<TopologyStateBuilder> m_builder;
    /// Frame synthesised from series names when the dataset has no topology.
    std::optional<TopologyFrame> m_derivedFrame;
    const TopologyFrame* m_layoutFrame = nullptr; ///< frame whose shape is being laid out
    bool m_layoutPending = false;
    bool m_fitAfterLayout = true;
    bool m_sceneLaidOut = false; ///< the scene shows a frame laid out for this dataset
    int m_maxDotNodes = 1500;
};

/// A frame with the nodes and edges named by a dataset's series, for inputs that bring
/// metrics but no topology.
TopologyFrame topologyFromSeries(const SeriesStore& store);

} // namespace meshscope
