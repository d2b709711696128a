#pragma once

// Which entity a labelled series belongs to: one rule for every Prometheus-shaped input
// (OpenMetrics custom series and query JSON), documented in docs/import-formats.md.

#include "workload_namer.h"

#include <QString>

#include <functional>

namespace meshscope::entityrules {

using LabelLookup = std::function<QString(const QString& name)>;

/// Feeds the workload names of a series to `namer` (so ambiguous names get `ns/`).
void observeWorkloads(const LabelLookup& label, WorkloadNamer& namer);

/// The `entity` label when present (meshscope's own export); else
/// `src->dst` when source_workload and destination_workload are set; the destination
/// node when only destination_workload is; else the first of pod, workload, service, app,
/// instance, job; else "mesh".
QString entityFor(const LabelLookup& label, const WorkloadNamer& namer);

/// The node an Istio label side names (`source` or `destination`): the workload, for a
/// destination without a workload its service name, else "unknown".
QString istioNode(const LabelLookup& label, const QString& side, const WorkloadNamer& namer);

} // namespace meshscope::entityrules
