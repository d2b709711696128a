#pragma once

#include "model/external_alert.h"

#include <QMetaType>
#include <QVariant>

#include <vector>

namespace meshscope {

/// One alert interval on the time bar of the "Prometheus alerts" group row.
struct AlertSpan
{
    qint64 startMs = 0;
    qint64 endMs = 0;
    bool firing = false;
    bool open = false; ///< still active at the end of the data
};

/// The rows TimelineModel shows for Prometheus' own alerts: a "Prometheus alerts" group
/// whose children are the alert intervals in onset order (name and entity, state,
/// severity, onset, duration). Alerts are not scored by us, so they carry no
/// significance; an interval still active ends, on the time bar, where the data ends.
class AlertRows
{
public:
    void setAlerts(std::vector<ExternalAlert> alerts, qint64 dataEndMs);

    bool isEmpty() const { return m_alerts.empty(); }
    int count() const { return static_cast<int>(m_alerts.size()); }
    const ExternalAlert& at(int row) const { return m_alerts[static_cast<std::size_t>(row)]; }
    const std::vector<ExternalAlert>& alerts() const { return m_alerts; }

    /// TimelineModel's data() for the group row and for the child row `row`.
    QVariant groupData(int column, int role) const;
    QVariant alertData(int row, int column, int role) const;

private:
    /// Where the interval ends on the time axis: its end, or the data's end while open.
    qint64 shownEndMs(const ExternalAlert& alert) const;
    QString title(const ExternalAlert& alert) const;
    QString barText(const ExternalAlert& alert) const;
    QString toolTip(const ExternalAlert& alert) const;
    int firingCount() const;

    std::vector<ExternalAlert> m_alerts;
    qint64 m_dataEndMs = 0;
    qint64 m_startMs = 0; ///< earliest onset
    qint64 m_endMs = 0; ///< latest shown end
};

} // namespace meshscope

Q_DECLARE_METATYPE(std::vector<meshscope::AlertSpan>)
