#pragma once

#include "series_change.h"
#include "signal_evidence.h"

#include "model/series_store.h"

namespace meshscope {

/// Evidence from series that only start at the instant: a new workload or version (a
/// bad deploy, a canary) has no normal of its own, so its latency and errors are
/// compared with the normal of the same signal on its siblings: the other callees of
/// its callers before the instant (for an edge `a->new`, the other edges `a->x`). The
/// smallest deviation over the siblings counts, so a new service is only news when it
/// is worse than every service it stands next to. A sibling that shares most callers and
/// callees (`SeriesChangeSettings::pairedSimilarity`: the version it joins) is also
/// compared at the same instants, against its sample-to-sample noise, so a new version a
/// little worse than an old one that already fails at peak load still stands out. Only
/// series of a node that is new as a whole count (a sparse series of an old service that
/// happens to start is not).
/// `quietMs`: a series whose first sample is later than `atMs - quietMs` is new.
SignalEvidenceList measureNewSeries(const SeriesStore& store, qint64 atMs, const SeriesChangeSettings& settings,
    qint64 quietMs = 5 * 60 * 1000);

} // namespace meshscope
