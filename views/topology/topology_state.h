#pragma once

#include "model/dataset.h"

#include <QHash>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace meshscope {

/// Health by Kiali's default request-rate thresholds (WIRE-FORMATS.md): 5xx above a 0.5%
/// noise floor (Kiali: any) is Degraded, more than 10% 5xx is Failure; 4xx above 10% Degraded, 20% Failure.
enum class KialiHealth { Unknown, Healthy, Degraded, Failure };

/// What an edge looks like at one time: the numbers and why it is lit.
struct EdgeState
{
    double requestRate = 0;
    double errorRatio = 0; ///< 0..1
    double latencyP95Ms = -1; ///< -1 when unknown
    KialiHealth health = KialiHealth::Unknown;
    double anomalySignificance = 0; ///< 0 when no anomaly of this edge covers the time
    bool inOpenIncident = false;

    bool isAnomalous() const { return anomalySignificance > 0; }
    bool isLit() const
    {
        return isAnomalous() || inOpenIncident || health == KialiHealth::Degraded
            || health == KialiHealth::Failure;
    }
    friend bool operator==(const EdgeState&, const EdgeState&) = default;
};

struct NodeState
{
    double anomalySignificance = 0;
    bool rootCause = false;
    /// Kiali's own verdict when the frame carries one, else the worst of its inbound edges.
    KialiHealth health = KialiHealth::Unknown;
    bool healthFromKiali = false;

    bool isLit() const
    {
        return anomalySignificance > 0 || rootCause || health == KialiHealth::Degraded
            || health == KialiHealth::Failure;
    }
    friend bool operator==(const NodeState&, const NodeState&) = default;
};

/// The state of the whole topology at one time, aligned with the frame's nodes and edges.
struct TopologyState
{
    qint64 tMs = 0;
    std::vector<NodeState> nodes;
    std::vector<EdgeState> edges;
};

KialiHealth kialiHealth(const TopologyEdge& edge, double errorRatio);
/// Kiali's health status text as a verdict; nullopt when there is none (empty).
std::optional<KialiHealth> healthFromKialiStatus(const QString& status);

/// Computes TopologyState of a dataset at a cursor time. Indexes the dataset's series and
/// anomalies once so that one replay frame costs a few lookups per edge.
class TopologyStateBuilder
{
public:
    /// Samples older than this before the cursor are not used (the frame's value is).
    static constexpr qint64 MaxSampleAgeMs = 5 * 60 * 1000;
    /// Kiali judges an edge on its rates over the graph's window (1 minute by default),
    /// not on one scrape: health uses the error ratio of the samples in this window up
    /// to the cursor, weighted by traffic.
    static constexpr qint64 HealthWindowMs = 60 * 1000;

    explicit TopologyStateBuilder(std::shared_ptr<const Dataset> dataset);

    const Dataset* dataset() const { return m_dataset.get(); }
    /// The state of `frame` (which should be the frame in force at tMs) at tMs, aligned
    /// with its node and edge order. `latest`, a frame of the same shape in force at tMs
    /// (the laid-out frame may be older), gives the numbers used where a series has no
    /// sample and Kiali's verdicts; null means `frame` itself.
    TopologyState stateAt(const TopologyFrame& frame, qint64 tMs, const TopologyFrame* latest = nullptr) const;

private:
    struct EntityIndex
    {
        SeriesId rate = InvalidSeries;
        SeriesId errors = InvalidSeries;
        SeriesId p95 = InvalidSeries;
        std::vector<int> anomalies; ///< indexes into dataset->anomalies
    };
    const EntityIndex* indexOf(const QString& entity) const;
    double significanceAt(const EntityIndex* index, qint64 tMs) const;
    double valueAt(SeriesId id, qint64 tMs, double fallback) const;
    double errorRatioOverHealthWindow(const EntityIndex* index, qint64 tMs, double fallback) const;

    std::shared_ptr<const Dataset> m_dataset;
    QHash<QString, EntityIndex> m_index;
};

} // namespace meshscope
