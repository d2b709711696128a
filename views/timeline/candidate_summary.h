#pragma once

#include "model/findings.h"

#include <QString>

namespace meshscope {

/// One line of evidence for a root-cause candidate, short enough for a timeline row:
/// its strongest signal and next strongest own signal with their deviation in sigma,
/// whether a callee explains its symptoms, the onset (UTC) and the call path from the
/// symptom down to it, e.g. "error_ratio 240.5σ, latency_p50_ms 201.1σ · no callee
/// explains it · onset 14:30:00 · path checkoutservice → cartservice". The candidate's
/// own signals lose the entity prefix. Reads the structured fields and the ranker's
/// evidence text (for the per-signal sigma); without the latter the largest magnitude
/// is shown once.
QString candidateSummary(const RootCauseCandidate& candidate);

} // namespace meshscope
