#pragma once

#include "model/findings.h"

#include <QWidget>

#include <memory>
#include <vector>

class QTimer;

namespace meshscope {

struct Dataset;
class EntitySelection;
class ShareChart;
class TimeWindow;

/// The summary charts beside the plots: the response-code distribution of the selected
/// edge (or of the calls into the selected service) in the topology frame in force at the
/// cursor, and the number of anomalies per service in the visible window. Follows the
/// TimeWindow and EntitySelection; updates are coalesced (40 ms).
///
/// Usage: `auto* c = new SummaryCharts(window, selection); c->setDataset(ds);` and
/// `c->setAnomalies(result.anomalies)` when detection produced new ones.
class SummaryCharts : public QWidget
{
    Q_OBJECT

public:
    SummaryCharts(TimeWindow* window, EntitySelection* selection, QWidget* parent = nullptr);

    void setDataset(std::shared_ptr<const Dataset> dataset);
    /// Replaces the dataset's anomalies (e.g. fresh from detectAll()).
    void setAnomalies(std::vector<Anomaly> anomalies);

    ShareChart* responseCodeChart() const { return m_codes; }
    ShareChart* anomalyChart() const { return m_anomalies; }
    /// Does a pending update now instead of waiting for the timer (tests).
    void updateNow();

private:
    void schedule();
    void refreshCharts();

    TimeWindow* m_window;
    EntitySelection* m_selection;
    ShareChart* m_codes;
    ShareChart* m_anomalies;
    QTimer* m_timer;
    std::shared_ptr<const Dataset> m_dataset;
    std::vector<Anomaly> m_anomalyList;
    bool m_ownAnomalies = false;
};

} // namespace meshscope
