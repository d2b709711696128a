#pragma once

#include "detection.h"

#include "model/detector_checkpoint.h"

#include <memory>
#include <optional>

namespace meshscope {

class EnsembleDetector;
class SignificanceScorer;

/// Share 0..1 of the traffic behind an entity for the significance scorer: its mean
/// request rate on a log scale against the busiest entity's (1 when nothing is known).
double trafficWeightOf(double meanRate, double busiestMeanRate);

/// The detection `detectAll` runs on one series, as a stream: the default ensemble, the
/// anomalous stretches (at least 4 spreads, gaps of up to 2 normal samples bridged) and
/// their significance. `detectAll` feeds a whole series at once; live mode feeds each
/// poll's new samples, so feeding a series in chunks gives exactly the anomalies and
/// bands of feeding it whole (given the same traffic weight when stretches close).
class SeriesDetectionStream
{
public:
    SeriesDetectionStream(const SeriesKey& key, const DetectionSettings& settings);
    ~SeriesDetectionStream();
    SeriesDetectionStream(SeriesDetectionStream&&) noexcept;
    SeriesDetectionStream& operator=(SeriesDetectionStream&&) noexcept;

    /// Feeds samples (strictly increasing times, later than any fed before) and appends
    /// one value per sample to the band's vectors when `band` is not null. Returns the
    /// significant anomalies whose stretch ended within these samples, scored with
    /// `trafficWeight`.
    std::vector<Anomaly> feed(const qint64* timesMs, const double* values, std::size_t count, double trafficWeight,
        SeriesBand* band);
    /// As feed() above for the samples [from, from + count) of series `id` of `store`
    /// (whose key must be this stream's). For an error ratio it also reads the entity's
    /// request rate from the store, so the detector knows how many requests stand behind
    /// each sample (RatioNoiseFloor); the way detectAll and live mode should feed.
    /// Samples at or before the latest one learnt (a resumed stream's backfill) get NaN
    /// band values and are not learnt again.
    std::vector<Anomaly> feed(const SeriesStore& store, SeriesId id, std::size_t from, std::size_t count,
        double trafficWeight, SeriesBand* band);
    /// The stretch still open after the latest sample as an anomaly (ending at its latest
    /// abnormal sample) when it is significant so far; it may still grow or close later.
    std::optional<Anomaly> runningAnomaly(double trafficWeight) const;
    /// Closes the open stretch as the end of the data does in a batch run.
    std::vector<Anomaly> finish(double trafficWeight);

    const SeriesKey& key() const { return m_key; }
    qint64 samplesFed() const { return static_cast<qint64>(m_count); }

    /// The detector's learnt state as of the latest sample.
    DetectorCheckpoint checkpoint() const;
    /// Continues from `checkpoint` (of this stream's series) before anything is fed: the
    /// detector resumes exactly as an uninterrupted one would; later samples must come
    /// after `checkpoint.lastMs`. A stretch that was open when the checkpoint was taken is
    /// not carried over. Throws MeshscopeError (and changes nothing) when the checkpoint
    /// was learnt under another configuration (sensitivity, signal class) or its state
    /// is not one this build reads.
    void resume(const DetectorCheckpoint& checkpoint);

private:
    struct Stretch
    {
        std::size_t first = 0;
        std::size_t last = 0;
        qint64 firstMs = 0;
        qint64 lastMs = 0;
        qint64 peakMs = 0;
        double peakDeviation = 0;
        double peakScore = 0;
        double peakExpected = 0;
        double peakObserved = 0;
        QString component;
        bool warmAtPeak = true;
    };

    std::optional<Anomaly> scoreStretch(const Stretch& stretch, double trafficWeight) const;
    std::vector<double> requestsBehind(const SeriesStore& store, const qint64* timesMs, std::size_t count) const;
    std::vector<Anomaly> feedSamples(const qint64* timesMs, const double* values, const double* requests,
        std::size_t count, double trafficWeight, SeriesBand* band);

    std::unique_ptr<EnsembleDetector> makeDetector() const;
    QString configName() const;

    SeriesKey m_key;
    double m_minSignificance;
    double m_sensitivity;
    bool m_muted;
    std::unique_ptr<EnsembleDetector> m_detector;
    std::unique_ptr<SignificanceScorer> m_scorer;
    Stretch m_current;
    bool m_open = false;
    int m_gap = 0;
    std::size_t m_count = 0;
    qint64 m_lastMs = 0; ///< time of the latest sample fed (when m_count > 0)
};

} // namespace meshscope
