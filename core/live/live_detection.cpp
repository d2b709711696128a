#include "live_detection.h"

#include "correlate/series_change.h"
#include "model/meshscope_error.h"
#include "model/signal_names.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QSet>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <numeric>

namespace meshscope {

namespace {
/// While an incident stays the focus, its ranking is refreshed this often as data after
/// its start arrives (the ranking's after-window fills up).
constexpr qint64 RerankEveryMs = 60 * 1000;

bool startsBefore(const Anomaly& a, const Anomaly& b)
{
    if (a.startMs != b.startMs)
        return a.startMs < b.startMs;
    return a.series.entity != b.series.entity ? a.series.entity < b.series.entity
                                              : a.series.signal < b.series.signal;
}
} // namespace

QString DetectorResume::text() const
{
    QString text;
    if (resumed > 0) {
        text = QCoreApplication::translate(
            "meshscope", "resumed %Ln series' detectors (learnt until %1)", nullptr, resumed)
                   .arg(QDateTime::fromMSecsSinceEpoch(learntUntilMs, Qt::UTC)
                            .toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")));
    }
    if (cold > 0) {
        if (!text.isEmpty())
            text += QStringLiteral("; ");
        text += QCoreApplication::translate("meshscope", "%Ln series start cold: %1", nullptr, cold)
                    .arg(problems.join(QStringLiteral("; ")));
    }
    return text;
}

LiveDetection::LiveDetection(DetectionSettings detection, InvestigationSettings investigation)
    : m_detection(std::move(detection))
    , m_investigation(std::move(investigation))
    , m_correlator(m_investigation.correlation)
{ }

LiveDetection::~LiveDetection() = default;

LiveFindings LiveDetection::update(const std::vector<SeriesBatch>& series,
    const std::vector<TopologyFrame>& frames, qint64 endMs, const JobControl* job)
{
    QElapsedTimer took;
    took.start();
    for (const TopologyFrame& frame : frames)
        m_dataset.topology.add(frame);
    if (!frames.empty())
        m_correlator.setTopology(frames.back());
    std::vector<Work> work = appendSamples(series);
    feed(work, job);
    LiveFindings result = findings(endMs, work);
    result.detectMs = took.elapsed();
    return result;
}

LiveFindings LiveDetection::finish()
{
    std::vector<Work> none;
    std::vector<Anomaly> closed;
    for (SeriesDetectionStream& stream : m_streams) {
        for (Anomaly& anomaly : stream.finish(trafficWeight(stream.key().entity)))
            closed.push_back(std::move(anomaly));
    }
    std::stable_sort(closed.begin(), closed.end(), startsBefore);
    for (const Anomaly& anomaly : closed)
        m_correlator.addAnomaly(anomaly);
    const TimeRange range = m_dataset.timeRange();
    return findings(range.isValid() ? range.endMs : 0, none);
}

DetectorResume LiveDetection::resume(const std::vector<DetectorCheckpoint>& checkpoints, qint64 nowMs)
{
    DetectorResume report;
    QSet<QString> reasons;
    const auto coldBecause = [&](const QString& reason) {
        ++report.cold;
        if (!reasons.contains(reason)) {
            reasons.insert(reason);
            report.problems << reason;
        }
    };
    for (const DetectorCheckpoint& checkpoint : checkpoints) {
        if (m_dataset.series.find(checkpoint.series) != InvalidSeries
            || m_resumed.count(checkpoint.series) > 0)
            continue; // already running in this session, or a duplicate
        if (nowMs - checkpoint.lastMs > MaxResumeAgeMs) {
            coldBecause(QCoreApplication::translate("meshscope", "learnt more than 7 days ago"));
            continue;
        }
        SeriesDetectionStream stream(checkpoint.series, m_detection);
        try {
            stream.resume(checkpoint);
        } catch (const MeshscopeError& error) {
            coldBecause(error.message());
            continue;
        }
        ++report.resumed;
        report.learntUntilMs = std::max(report.learntUntilMs, checkpoint.lastMs);
        report.accepted.push_back(checkpoint);
        m_resumed.emplace(checkpoint.series, std::move(stream));
    }
    return report;
}

std::vector<DetectorCheckpoint> LiveDetection::checkpoints() const
{
    std::vector<DetectorCheckpoint> out;
    out.reserve(m_streams.size() + m_resumed.size());
    for (const SeriesDetectionStream& stream : m_streams) {
        if (stream.samplesFed() > 0)
            out.push_back(stream.checkpoint());
    }
    for (const auto& [key, stream] : m_resumed)
        out.push_back(stream.checkpoint());
    return out;
}

std::vector<LiveDetection::Work> LiveDetection::appendSamples(const std::vector<SeriesBatch>& series)
{
    std::vector<Work> work;
    for (const SeriesBatch& batch : series) {
        const SeriesId id = m_dataset.series.ensureSeries(batch.key);
        if (static_cast<std::size_t>(id) >= m_streams.size()) {
            const auto resumed = m_resumed.find(batch.key);
            if (resumed != m_resumed.end()) {
                m_streams.push_back(std::move(resumed->second));
                m_resumed.erase(resumed);
            } else {
                m_streams.emplace_back(batch.key, m_detection);
            }
        }
        const std::size_t before = m_dataset.series.samples(id).size;
        for (std::size_t i = 0; i < batch.timesMs.size(); ++i)
            m_dataset.series.append(id, batch.timesMs[i], batch.values[i]);
        const std::size_t after = m_dataset.series.samples(id).size;
        if (after == before)
            continue;
        Work item;
        item.id = id;
        item.from = before;
        item.count = after - before;
        updateTraffic(item);
        work.push_back(std::move(item));
    }
    // The busiest entity by its mean so far (O(entities), not O(samples)).
    m_busiestRate = 0;
    for (const auto& [sum, count] : std::as_const(m_traffic))
        m_busiestRate = std::max(m_busiestRate, count > 0 ? sum / static_cast<double>(count) : 0.0);
    return work;
}

void LiveDetection::updateTraffic(const Work& work)
{
    const SeriesKey& key = m_dataset.series.key(work.id);
    if (key.signal != SignalName::RequestRate)
        return;
    const SeriesSpan span = m_dataset.series.samples(work.id);
    auto& [sum, count] = m_traffic[key.entity];
    sum = std::accumulate(span.values + work.from, span.values + span.size, sum);
    count += static_cast<qint64>(work.count);
}

double LiveDetection::trafficWeight(const QString& entity) const
{
    // As in a batch run: the mean request rate so far against the busiest entity's.
    const auto found = m_traffic.constFind(entity);
    if (found == m_traffic.constEnd() || found->second == 0)
        return 1.0;
    return trafficWeightOf(std::max(0.0, found->first / static_cast<double>(found->second)), m_busiestRate);
}

void LiveDetection::feed(std::vector<Work>& work, const JobControl* job)
{
    // Series are independent; the backfill warms thousands of them, so spread them over
    // the cores as detectAll does. Exceptions cannot cross QtConcurrent.
    QtConcurrent::blockingMap(work, [&](Work& item) {
        if (job && job->isCancelled())
            return;
        SeriesDetectionStream& stream = m_streams[static_cast<std::size_t>(item.id)];
        item.band.series = item.id;
        // The store-reading feed, as detectAll uses: error ratios also see the requests
        // behind each sample, which this poll's request rates already added; a resumed
        // detector skips the backfill's samples it had learnt already.
        item.closed = stream.feed(
            m_dataset.series, item.id, item.from, item.count, trafficWeight(stream.key().entity), &item.band);
    });
    throwIfCancelled(job);
    std::vector<Anomaly> closed;
    for (Work& item : work)
        closed.insert(closed.end(), item.closed.begin(), item.closed.end());
    std::stable_sort(closed.begin(), closed.end(), startsBefore);
    for (const Anomaly& anomaly : closed)
        m_correlator.addAnomaly(anomaly);
}

LiveFindings LiveDetection::findings(qint64 endMs, std::vector<Work>& work)
{
    std::vector<Anomaly> running;
    for (const SeriesDetectionStream& stream : m_streams) {
        if (auto anomaly = stream.runningAnomaly(trafficWeight(stream.key().entity)))
            running.push_back(std::move(*anomaly));
    }
    std::stable_sort(running.begin(), running.end(), startsBefore);
    // Incidents resolve after a quiet period; a stretch still deviating keeps its own
    // incident open, so the finished-only correlator advances no further than its start.
    m_correlator.advanceTo(running.empty() ? endMs : std::min(endMs, running.front().startMs));
    Correlator now = m_correlator;
    for (const Anomaly& anomaly : running)
        now.addAnomaly(anomaly);
    now.advanceTo(endMs);

    // Anomalies chronological by start, incident indexes remapped to that order.
    const std::vector<Anomaly>& added = now.anomalies();
    std::vector<int> order(added.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return startsBefore(added[static_cast<std::size_t>(a)], added[static_cast<std::size_t>(b)]);
    });
    std::vector<int> position(added.size());
    LiveFindings result;
    for (std::size_t i = 0; i < order.size(); ++i) {
        position[static_cast<std::size_t>(order[i])] = static_cast<int>(i);
        result.anomalies.push_back(added[static_cast<std::size_t>(order[i])]);
    }
    std::vector<Incident> incidents = now.incidents();
    for (Incident& incident : incidents) {
        for (int& index : incident.anomalyIndexes)
            index = position[static_cast<std::size_t>(index)];
        std::sort(incident.anomalyIndexes.begin(), incident.anomalyIndexes.end());
    }
    result.incidents = confirmedIncidents(incidents, result.anomalies);
    rankFocus(result.incidents, result.anomalies);
    for (Work& item : work) {
        result.bandKeys.push_back(m_dataset.series.key(item.id));
        result.bandAppends.push_back(std::move(item.band));
    }
    countChanges(result);
    return result;
}

std::vector<Incident> LiveDetection::confirmedIncidents(
    const std::vector<Incident>& incidents, const std::vector<Anomaly>& anomalies) const
{
    // The gate investigate() applies: an incident shows once one of its strongest
    // anomalies is a sustained change of its series in the raw samples.
    std::vector<Incident> confirmed;
    const InvestigationSettings& settings = m_investigation;
    for (const Incident& incident : incidents) {
        if (incident.significance < settings.minIncidentSignificance)
            continue;
        std::vector<const Anomaly*> members;
        for (int index : incident.anomalyIndexes)
            members.push_back(&anomalies[static_cast<std::size_t>(index)]);
        std::stable_sort(members.begin(), members.end(),
            [](const Anomaly* a, const Anomaly* b) { return a->significance > b->significance; });
        const std::size_t limit = static_cast<std::size_t>(std::max(1, settings.confirmAnomalies));
        bool passed = settings.confirmMagnitude <= 0;
        for (std::size_t i = 0; !passed && i < members.size() && i < limit; ++i) {
            const SeriesId id = m_dataset.series.find(members[i]->series);
            SignalEvidence change;
            passed = id != InvalidSeries
                && measureSeriesChange(m_dataset.series, id, members[i]->startMs, settings.changes, &change)
                && change.magnitude >= settings.confirmMagnitude;
        }
        if (passed)
            confirmed.push_back(incident);
    }
    return confirmed;
}

void LiveDetection::rankFocus(std::vector<Incident>& incidents, const std::vector<Anomaly>& anomalies)
{
    if (incidents.empty())
        return;
    auto focus = std::max_element(incidents.begin(), incidents.end(),
        [](const Incident& a, const Incident& b) { return a.significance < b.significance; });
    // Ranked where its most significant anomaly started, from the raw samples and the
    // call graph: the ranking investigate() gives (rankAt).
    const Anomaly* strongest = nullptr;
    for (int index : focus->anomalyIndexes) {
        const Anomaly& anomaly = anomalies[static_cast<std::size_t>(index)];
        if (!strongest || anomaly.significance > strongest->significance)
            strongest = &anomaly;
    }
    const qint64 atMs = strongest->startMs;
    const TimeRange range = m_dataset.timeRange();
    const qint64 dataMinute = range.isValid() ? range.endMs / RerankEveryMs : 0;
    const QString key = QStringLiteral("%1@%2#%3/%4")
                            .arg(focus->id)
                            .arg(atMs)
                            .arg(focus->anomalyIndexes.size())
                            .arg(dataMinute);
    if (key != m_rankedKey) {
        m_ranking = rankAt(m_dataset, atMs, Entity::suspectNode(focus->firstAffected),
            m_investigation.changes, m_investigation.correlation.ranking);
        m_rankedKey = key;
    }
    focus->candidates = m_ranking;
}

void LiveDetection::countChanges(LiveFindings& findings)
{
    for (const Anomaly& anomaly : findings.anomalies) {
        const QPair<SeriesKey, qint64> key(anomaly.series, anomaly.startMs);
        const auto found = m_reported.find(key);
        if (found == m_reported.end()) {
            ++findings.newAnomalies;
            m_reported.insert(key, anomaly);
        } else if (!(*found == anomaly)) {
            ++findings.updatedAnomalies;
            *found = anomaly;
        }
    }
}

} // namespace meshscope
