#pragma once

#include "model/findings.h"

#include <QWidget>

#include <memory>
#include <vector>

class QTreeView;
class QLineEdit;
class QSpinBox;

namespace meshscope {

struct Dataset;
class EntitySelection;
class TimeWindow;
class TimelineDelegate;
class TimelineFilterProxy;
class TimelineModel;

/// The alert timeline: incidents (newest first) with their anomalies in chronological
/// order, a time-bar column on the shared visible range, a text filter and a minimum
/// significance. Clicking (or moving the current row with the keyboard onto) a row
/// selects its entity and moves the cursor to its onset.
///
/// Usage: `auto* t = new TimelineView(window, selection); t->setDataset(dataset);` or
/// `t->setFindings(anomalies, incidents)` when detection/correlation produced new ones.
class TimelineView : public QWidget
{
    Q_OBJECT

public:
    TimelineView(TimeWindow* window, EntitySelection* selection, QWidget* parent = nullptr);

    /// Shows the dataset's anomalies and incidents.
    void setDataset(std::shared_ptr<const Dataset> dataset);
    /// Shows these findings (e.g. fresh from detectAll() and the correlator).
    void setFindings(std::vector<Anomaly> anomalies, std::vector<Incident> incidents);

    TimelineModel* model() const { return m_model; }
    TimelineFilterProxy* proxy() const { return m_proxy; }
    QTreeView* treeView() const { return m_tree; }

private:
    void activate(const QModelIndex& proxyIndex);

    TimeWindow* m_window;
    EntitySelection* m_selection;
    TimelineModel* m_model;
    TimelineFilterProxy* m_proxy;
    TimelineDelegate* m_delegate;
    QTreeView* m_tree;
    QLineEdit* m_filter;
    QSpinBox* m_minSignificance;
};

} // namespace meshscope
