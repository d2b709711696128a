#pragma once

#include "mesh_simulator.h"
#include "traffic_model.h"

namespace meshscope {

/// The ground truth of fault `fault`: what it targets and which nodes and edges it
/// visibly changes. "Affected" is measured, not guessed: the noise-free model is
/// evaluated in the middle of the fault window with and without the fault, and an
/// entity is affected when its mean latency changes by more than 15 % (and 2 ms), its
/// error ratio by more than 0.01, its traffic or CPU by more than 15 %, or it appears.
FaultTruth faultTruth(const SimulationResult& result, const TrafficModel& model, int fault);

} // namespace meshscope
