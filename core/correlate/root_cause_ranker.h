#pragma once

#include "signal_evidence.h"

#include "model/findings.h"

#include <QString>

#include <vector>

namespace meshscope {

class CallGraph;

/// Knobs of the root-cause ranking. The defaults are the product's; they are the same
/// for every data set.
struct RankingSettings
{
    /// Deviations at least this large (robust sigmas) make a node "anomalous": only
    /// anomalous callees can explain their callers' symptoms.
    double anomalousMagnitude = 5.0;
    /// A callee explains a caller's latency/errors fully when its own deviation is at
    /// least this share of the caller's.
    double explainRatio = 0.6;
    /// The largest share of a caller's symptoms a callee can take away.
    double maxExplained = 0.9;
    /// Compare deviations on a log scale (log1p of sigmas).
    bool logScale = false;
    /// Weight of traffic shifts against latency, errors and resources: they are as
    /// often a consequence (callers backing off) as a cause.
    double trafficWeight = 0.5;
    /// Extra weight per doubling of the anomalous callers a node could explain.
    double callerSupport = 0.25;
    /// Extra weight of the earliest onset; decays with the delay after it.
    double onsetBonus = 0.15;
    qint64 onsetDecayMs = 60 * 1000;
    /// Calls through nodes without any signal are followed this deep when looking for
    /// an anomalous callee (partial observability).
    int transparentHops = 2;
    /// Candidates returned (0 = all with evidence).
    int maxCandidates = 20;
};

/// Ranks the nodes behind a set of deviating signals as root-cause candidates.
///
/// The method, one for all inputs: each node's evidence is split into *local* signals
/// (resources: cpu, memory, bytes, custom) that no other service causes, and
/// *symptoms* (latency, errors, traffic) that propagate from a callee to its callers.
/// An anomalous callee explains (removes) most of its callers' symptoms, so the deepest
/// anomalous callee of a chain keeps its full weight; local signals are never
/// explained away. Earlier onsets get a small bonus. Without topology nothing is
/// explained and the order is by magnitude and onset. Candidates carry the signals,
/// onset, magnitude and the call path from the symptom node down to them.
class RootCauseRanker
{
public:
    explicit RootCauseRanker(RankingSettings settings = {});

    /// `symptomNode` (optional) is where the problem was noticed (alarm entity, first
    /// affected service); paths in the evidence start there.
    std::vector<RootCauseCandidate> rank(const SignalEvidenceList& evidence, const CallGraph& graph,
        const QString& symptomNode = {}) const;

    const RankingSettings& settings() const { return m_settings; }

private:
    RankingSettings m_settings;
};

} // namespace meshscope
