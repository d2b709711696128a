#pragma once

#include "model/findings.h"
#include "model/time_range.h"

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

/// The alert timeline: Prometheus' own alerts (from the dataset) on top, then incidents
/// (newest first) with their anomalies in chronological order, a time-bar column on the
/// shared visible range, a text filter and a minimum significance. Moving the current row (arrow keys) onto a
/// row selects its entity and moves the cursor to its onset. Clicking a row or pressing Enter on it does the
/// same, and on a root-cause candidate (or the "Likely root cause" row, for the top one) it also zooms the
/// shared window to the onset ± 30 min — unless the user chose a zoom, which is only panned to show the onset
/// — and emits candidateActivated() so the window can centre the topology on it.
///
/// Usage: `auto* t = new TimelineView(window, selection); t->setDataset(dataset);` or
/// `t->setFindings(anomalies, incidents)` when detection/correlation produced new ones.
class TimelineView : public QWidget
{
    Q_OBJECT

public:
    TimelineView(TimeWindow* window, EntitySelection* selection, QWidget* parent = nullptr);

    /// Shows the dataset's anomalies, incidents and Prometheus alerts.
    void setDataset(std::shared_ptr<const Dataset> dataset);
    /// Shows these findings (e.g. fresh from detectAll() and the correlator).
    void setFindings(std::vector<Anomaly> anomalies, std::vector<Incident> incidents);

    /// The "Prometheus alerts" group opens by itself when it holds at most this many.
    static constexpr int MaxExpandedAlerts = 4;
    /// Half the width of the window shown around a candidate's onset.
    static constexpr qint64 CandidateZoomMarginMs = 30 * 60 * 1000;

    TimelineModel* model() const { return m_model; }
    TimelineFilterProxy* proxy() const { return m_proxy; }
    QTreeView* treeView() const { return m_tree; }

Q_SIGNALS:
    /// A root-cause candidate was clicked or entered: `entity` is selected and the
    /// cursor is at `onsetMs`.
    void candidateActivated(const QString& entity, qint64 onsetMs);
    /// Right click on an anomaly: its series (for its detector tuning).
    void seriesMenuRequested(const std::vector<SeriesKey>& series, const QPoint& globalPos);

private:
    void activate(const QModelIndex& proxyIndex);
    /// Click or Enter: activate(), and for candidates zoom and candidateActivated().
    void open(const QModelIndex& proxyIndex);
    void showAroundOnset(qint64 onsetMs);

    TimeWindow* m_window;
    EntitySelection* m_selection;
    TimelineModel* m_model;
    TimelineFilterProxy* m_proxy;
    TimelineDelegate* m_delegate;
    QTreeView* m_tree;
    QLineEdit* m_filter;
    QSpinBox* m_minSignificance;
    /// The visible range this view last zoomed to; any other zoom is the user's.
    TimeRange m_ownZoom;
};

} // namespace meshscope
