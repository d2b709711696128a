#pragma once

#include <QWidget>

#include <memory>

class QAction;
class QLabel;
class QToolBar;

namespace meshscope {

struct Dataset;
class EntitySelection;
class FindBar;
class TimeWindow;
class TopologyView;

/// The topology page: the view, its toolbar (edge labels, zoom, fit) and a legend of
/// what the colours mean.
class TopologyPage : public QWidget
{
    Q_OBJECT

public:
    TopologyPage(TimeWindow* window, EntitySelection* selection, QWidget* parent = nullptr);

    TopologyView* view() const { return m_view; }
    FindBar* findBar() const { return m_findBar; }
    void setDataset(std::shared_ptr<const Dataset> dataset);
    /// A newer version of the shown data: see TopologyView::updateDataset().
    void updateDataset(std::shared_ptr<const Dataset> dataset);
    /// Which edge labels are on, as TopologyScene::EdgeLabels bits (persisted).
    int edgeLabels() const;
    void setEdgeLabels(int labels);

private:
    void applyLabels();

    TopologyView* m_view;
    QToolBar* m_toolBar;
    FindBar* m_findBar;
    QAction* m_rateLabels;
    QAction* m_errorLabels;
    QAction* m_latencyLabels;
    QLabel* m_status;
};

} // namespace meshscope
