#include "investigation.h"

#include "new_series_evidence.h"

#include <algorithm>

namespace meshscope {

std::vector<RootCauseCandidate> rankAt(const Dataset& dataset, qint64 atMs, const QString& symptomNode,
    const SeriesChangeSettings& changes, const RankingSettings& ranking, const JobControl* job)
{
    SignalEvidenceList evidence = measureSeriesChanges(dataset.series, atMs, changes, job);
    if (changes.newWorkloads && changes.newSeriesMagnitude <= 0) {
        const SignalEvidenceList fresh = measureNewSeries(dataset.series, atMs, changes);
        evidence.insert(evidence.end(), fresh.begin(), fresh.end());
        std::stable_sort(evidence.begin(), evidence.end(),
            [](const SignalEvidence& a, const SignalEvidence& b) { return a.magnitude > b.magnitude; });
    }
    const TopologyFrame* frame = dataset.topology.frameAt(atMs);
    const CallGraph graph = frame ? CallGraph(*frame) : CallGraph();
    return RootCauseRanker(ranking).rank(evidence, graph, symptomNode);
}

namespace {

/// Significance 0..100 of a change measured in robust sigmas (10 sigma = 100).
double significanceOf(double magnitude)
{
    return std::clamp(magnitude * 10.0, 0.0, 100.0);
}

/// An incident made of the clear deviations the ranking found at one instant, for
/// inputs without detector anomalies there (a case looked at with --at).
Incident incidentFromRanking(const std::vector<RootCauseCandidate>& ranking, qint64 atMs, double threshold)
{
    Incident incident;
    incident.id = QStringLiteral("AT-%1").arg(atMs / 1000);
    incident.startMs = atMs;
    incident.endMs = atMs;
    qint64 firstOnset = 0;
    for (const RootCauseCandidate& candidate : ranking) {
        if (candidate.magnitude < threshold)
            continue;
        incident.significance = std::max(incident.significance, significanceOf(candidate.magnitude));
        if (candidate.onsetMs > 0 && (firstOnset == 0 || candidate.onsetMs < firstOnset)) {
            firstOnset = candidate.onsetMs;
            incident.firstAffected = candidate.entity;
        }
        incident.endMs = std::max(incident.endMs, candidate.onsetMs);
    }
    if (incident.firstAffected.isEmpty() && !ranking.empty())
        incident.firstAffected = ranking.front().entity;
    incident.candidates = ranking;
    return incident;
}

/// Sum of the strongest deviations at an instant: how clearly the data changed there.
double changeStrength(const Dataset& dataset, qint64 atMs, const SeriesChangeSettings& changes, const JobControl* job)
{
    const SignalEvidenceList evidence = measureSeriesChanges(dataset.series, atMs, changes, job);
    double sum = 0;
    for (std::size_t i = 0; i < evidence.size() && i < 5; ++i)
        sum += evidence[i].magnitude;
    return sum;
}

/// The instant inside an incident to rank at: among the starts of its anomalies (the
/// most significant first, at most 24), the one where the data changed most clearly.
/// The incident's own start is often an early, weak alert on the fringe.
qint64 strongestChange(const Dataset& dataset, const Incident& incident, const std::vector<Anomaly>& anomalies,
    const SeriesChangeSettings& changes, const JobControl* job)
{
    std::vector<const Anomaly*> members;
    for (int index : incident.anomalyIndexes)
        members.push_back(&anomalies[static_cast<std::size_t>(index)]);
    std::stable_sort(members.begin(), members.end(),
        [](const Anomaly* a, const Anomaly* b) { return a->significance > b->significance; });
    std::vector<qint64> instants;
    for (const Anomaly* anomaly : members) {
        if (std::find(instants.begin(), instants.end(), anomaly->startMs) == instants.end())
            instants.push_back(anomaly->startMs);
        if (instants.size() >= 24)
            break;
    }
    qint64 best = incident.startMs;
    double bestStrength = -1;
    for (qint64 instant : instants) {
        const double strength = changeStrength(dataset, instant, changes, job);
        if (strength > bestStrength) {
            bestStrength = strength;
            best = instant;
        }
    }
    return best;
}

/// The instant `strongestChange` found may lie well before the change itself: the
/// after-window's sustained value still sees a change that starts up to most of a window
/// later. Moves it to the onset of its strongest deviations (the earliest first sample
/// that far out among the three strongest series) when the data changes about as
/// clearly there, so the ranking looks at the change itself.
qint64 refineToOnset(const Dataset& dataset, qint64 atMs, const SeriesChangeSettings& changes,
    const RankingSettings& ranking, const JobControl* job)
{
    const SignalEvidenceList evidence = measureSeriesChanges(dataset.series, atMs, changes, job);
    qint64 onset = 0;
    double strength = 0;
    for (std::size_t i = 0; i < evidence.size() && i < 5; ++i) {
        strength += evidence[i].magnitude;
        if (i < 3 && evidence[i].magnitude >= ranking.anomalousMagnitude && evidence[i].onsetMs > atMs
            && (onset == 0 || evidence[i].onsetMs < onset))
            onset = evidence[i].onsetMs;
    }
    // "As clearly" with some slack: the deviations at the onset and a little before it
    // measure the same change, with slightly different normals and noise.
    if (onset == 0 || changeStrength(dataset, onset, changes, job) < 0.8 * strength)
        return atMs;
    return onset;
}

/// The incident gate: does any of the incident's strongest anomalies show as a sustained
/// change of its series in the raw samples?
bool confirmedByData(const Dataset& dataset, const Incident& incident, const std::vector<Anomaly>& anomalies,
    const InvestigationSettings& settings)
{
    if (settings.confirmMagnitude <= 0)
        return true;
    std::vector<const Anomaly*> members;
    for (int index : incident.anomalyIndexes)
        members.push_back(&anomalies[static_cast<std::size_t>(index)]);
    std::stable_sort(members.begin(), members.end(),
        [](const Anomaly* a, const Anomaly* b) { return a->significance > b->significance; });
    const std::size_t limit = static_cast<std::size_t>(std::max(1, settings.confirmAnomalies));
    for (std::size_t i = 0; i < members.size() && i < limit; ++i) {
        const SeriesId id = dataset.series.find(members[i]->series);
        SignalEvidence change;
        if (id != InvalidSeries && measureSeriesChange(dataset.series, id, members[i]->startMs, settings.changes, &change)
            && change.magnitude >= settings.confirmMagnitude)
            return true;
    }
    return false;
}

int incidentCovering(const std::vector<Incident>& incidents, qint64 atMs, qint64 windowMs)
{
    int best = -1;
    for (std::size_t i = 0; i < incidents.size(); ++i) {
        const Incident& incident = incidents[i];
        if (atMs < incident.startMs - windowMs || atMs > incident.endMs + windowMs)
            continue;
        if (best < 0 || incident.significance > incidents[static_cast<std::size_t>(best)].significance)
            best = static_cast<int>(i);
    }
    return best;
}

} // namespace

InvestigationResult investigate(const Dataset& dataset, const std::vector<Anomaly>& anomalies,
    const InvestigationSettings& settings, const JobControl* job)
{
    InvestigationResult result;
    const TimeRange range = dataset.timeRange();
    std::vector<Incident> incidents = Correlator::correlate(anomalies, dataset.topology, settings.correlation,
        range.isValid() ? range.endMs + 1 : std::numeric_limits<qint64>::max());
    for (const Incident& incident : incidents) {
        if (incident.significance >= settings.minIncidentSignificance
            && confirmedByData(dataset, incident, anomalies, settings))
            result.incidents.push_back(incident);
    }
    throwIfCancelled(job);
    if (settings.atMs) {
        result.atMs = *settings.atMs;
        result.focusIncident = incidentCovering(result.incidents, result.atMs, settings.correlation.windowMs);
    } else if (!result.incidents.empty()) {
        const auto strongest = std::max_element(result.incidents.begin(), result.incidents.end(),
            [](const Incident& a, const Incident& b) { return a.significance < b.significance; });
        result.focusIncident = static_cast<int>(strongest - result.incidents.begin());
        result.atMs = strongestChange(dataset, *strongest, anomalies, settings.changes, job);
        if (settings.refineInstant)
            result.atMs = refineToOnset(dataset, result.atMs, settings.changes, settings.correlation.ranking, job);
    } else {
        return result; // nothing is wrong
    }
    QString symptom = settings.alarmEntity;
    if (symptom.isEmpty() && result.focusIncident >= 0)
        symptom = result.incidents[static_cast<std::size_t>(result.focusIncident)].firstAffected;
    result.ranking = rankAt(dataset, result.atMs, Entity::suspectNode(symptom), settings.changes,
        settings.correlation.ranking, job);
    if (result.focusIncident >= 0) {
        result.incidents[static_cast<std::size_t>(result.focusIncident)].candidates = result.ranking;
    } else {
        const double threshold = settings.correlation.ranking.anomalousMagnitude;
        const bool somethingChanged = !result.ranking.empty() && result.ranking.front().magnitude >= threshold;
        if (!somethingChanged) {
            result.ranking.clear();
            return result;
        }
        Incident incident = incidentFromRanking(result.ranking, result.atMs, threshold);
        const auto at = std::upper_bound(result.incidents.begin(), result.incidents.end(), incident.startMs,
            [](qint64 start, const Incident& other) { return start < other.startMs; });
        result.focusIncident = static_cast<int>(at - result.incidents.begin());
        result.incidents.insert(at, std::move(incident));
    }
    return result;
}

} // namespace meshscope
