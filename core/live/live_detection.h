#pragma once

#include "mesh_poller.h"

#include "correlate/correlator.h"
#include "correlate/investigation.h"
#include "detect/detection.h"
#include "detect/series_detection_stream.h"
#include "model/dataset.h"
#include "model/job_control.h"

#include <QHash>
#include <QStringList>

#include <map>
#include <memory>
#include <vector>

namespace meshscope {

/// What the live detectors know after one poll: the whole current picture (anomalies and
/// incidents are small) plus the band values of just the samples this poll added.
struct LiveFindings
{
    /// Every anomaly so far, chronological by start; a stretch still deviating at the
    /// latest sample is included with its end at its latest abnormal sample.
    std::vector<Anomaly> anomalies;
    /// Incidents the raw samples confirm, chronological; indexes into `anomalies`. The
    /// most significant one carries the ranking `investigate()` would give it.
    std::vector<Incident> incidents;
    /// Per series that got samples in this poll: the band values of those samples (the
    /// `series` id is the live store's; `bandKeys` holds the matching keys).
    std::vector<SeriesBand> bandAppends;
    std::vector<SeriesKey> bandKeys;
    int newAnomalies = 0; ///< anomalies first reported by this poll
    int updatedAnomalies = 0; ///< already reported anomalies that grew or changed
    qint64 detectMs = 0; ///< time detection and correlation took for this poll
};

/// What LiveDetection::resume() made of an earlier session's checkpoints.
struct DetectorResume
{
    int resumed = 0; ///< series whose detectors continue warm
    int cold = 0; ///< checkpoints that could not be used (their series start cold)
    qint64 learntUntilMs = 0; ///< the latest sample the resumed detectors had learnt from
    QStringList problems; ///< why checkpoints were not used, one line per kind of reason
    std::vector<DetectorCheckpoint> accepted; ///< the checkpoints that were resumed

    /// "resumed 3,210 series' detectors (learnt until 2026-12-04 03:55 UTC); 12 start cold: …"
    QString text() const;
};

/// Continuous detection for live mode: one warm SeriesDetectionStream per series (the
/// detector `detectAll` uses, same settings), warmed on the backfill, then fed only the
/// new samples of each poll, so the cost of a poll grows with its new samples, not with
/// the history. Finished anomalies go into an incremental Correlator; the stretches still
/// deviating are overlaid on a copy of it, so an incident shows while it is happening.
/// Incidents pass the same gate as `investigate()` (the raw samples must confirm a
/// change) and the most significant one is ranked with `rankAt()`, like the console's
/// batch analysis. Keeps its own copy of the samples for that gate and ranking.
///
/// Not thread-safe; owned by the live worker thread. Usage: `update()` after each poll.
class LiveDetection
{
public:
    explicit LiveDetection(DetectionSettings detection = {}, InvestigationSettings investigation = {});
    ~LiveDetection();

    /// Adds one poll's (or the backfill's) samples and topology frames, data complete up
    /// to `endMs`; samples at or before a series' latest one are ignored. Throws
    /// CancelledError when `job` is cancelled.
    LiveFindings update(const std::vector<SeriesBatch>& series, const std::vector<TopologyFrame>& frames,
        qint64 endMs, const JobControl* job = nullptr);
    /// Ends the data as a batch run does: open stretches close and are scored. Afterwards
    /// the anomalies equal `detectAll` on the same samples (given equal traffic weights).
    LiveFindings finish();

    /// Before the first update(): continues the detectors of these series from an earlier
    /// session's checkpoints (checkpoints(), stored in its recording), so they need not
    /// relearn their normal from the backfill. A checkpoint learnt more than MaxResumeAgeMs
    /// before `nowMs`, under other settings, or with a state this build cannot read starts
    /// its series cold instead. Samples at or before a resumed series' checkpoint are kept
    /// for the views but not learnt again; their band values are NaN.
    DetectorResume resume(const std::vector<DetectorCheckpoint>& checkpoints, qint64 nowMs);
    /// What every detector has learnt so far (including resumed series not seen since).
    std::vector<DetectorCheckpoint> checkpoints() const;
    /// Checkpoints older than this are not resumed: the mesh may have changed too much.
    static constexpr qint64 MaxResumeAgeMs = 7 * 24 * 3600 * 1000LL;

    /// The samples and topology fed so far.
    const Dataset& dataset() const { return m_dataset; }
    /// Finished anomalies (stretches that closed), in the order they closed.
    const std::vector<Anomaly>& finishedAnomalies() const { return m_correlator.anomalies(); }

private:
    struct Work
    {
        SeriesId id = InvalidSeries;
        std::size_t from = 0; ///< index of the first new sample in the store
        std::size_t count = 0; ///< new samples
        SeriesBand band;
        std::vector<Anomaly> closed;
    };

    std::vector<Work> appendSamples(const std::vector<SeriesBatch>& series);
    void updateTraffic(const Work& work);
    double trafficWeight(const QString& entity) const;
    void feed(std::vector<Work>& work, const JobControl* job);
    LiveFindings findings(qint64 endMs, std::vector<Work>& work);
    std::vector<Incident> confirmedIncidents(
        const std::vector<Incident>& incidents, const std::vector<Anomaly>& anomalies) const;
    void rankFocus(std::vector<Incident>& incidents, const std::vector<Anomaly>& anomalies);
    void countChanges(LiveFindings& findings);

    DetectionSettings m_detection;
    InvestigationSettings m_investigation;
    Dataset m_dataset;
    std::vector<SeriesDetectionStream> m_streams; ///< by SeriesId
    /// Resumed detectors of series not yet seen in this session.
    std::map<SeriesKey, SeriesDetectionStream> m_resumed;
    Correlator m_correlator; ///< finished anomalies only
    /// Running sum and count of each entity's request rate, for the traffic weights.
    QHash<QString, std::pair<double, qint64>> m_traffic;
    double m_busiestRate = 0;
    /// Last reported version of each anomaly, by series and start.
    QHash<QPair<SeriesKey, qint64>, Anomaly> m_reported;
    /// The focus incident's ranking, recomputed only when its evidence changed.
    QString m_rankedKey;
    std::vector<RootCauseCandidate> m_ranking;
};

} // namespace meshscope
