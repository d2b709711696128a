#include "series_detection_stream.h"

#include "ensemble_detector.h"
#include "significance_scorer.h"

#include <algorithm>
#include <cmath>

namespace meshscope {

namespace {
// A sample is inside an anomalous stretch when its combined deviation exceeds this many
// spreads; the stretch then goes to the significance scorer.
constexpr double StretchDeviation = 4.0;
// Normal samples tolerated inside one stretch, so a flickering deviation stays one anomaly.
constexpr int MaxGapSamples = 2;
} // namespace

double trafficWeightOf(double meanRate, double busiestMeanRate)
{
    return busiestMeanRate > 0 ? std::log1p(std::max(0.0, meanRate)) / std::log1p(busiestMeanRate) : 1.0;
}

SeriesDetectionStream::SeriesDetectionStream(const SeriesKey& key, const DetectionSettings& settings)
    : m_key(key)
    , m_minSignificance(settings.minSignificance)
    , m_sensitivity(std::max(settings.sensitivity, 1e-6))
    , m_muted(settings.muted.contains(key))
{
    // Both directions are learned and drawn; the significance scorer alerts only the bad one.
    DetectorConfig config;
    config.signalClass = signalClass(key.signal);
    config.sensitivity = m_sensitivity;
    m_detector = std::make_unique<EnsembleDetector>(config);
    m_scorer = std::make_unique<SignificanceScorer>(key.signal, settings.sensitivity);
}

SeriesDetectionStream::~SeriesDetectionStream() = default;
SeriesDetectionStream::SeriesDetectionStream(SeriesDetectionStream&&) noexcept = default;
SeriesDetectionStream& SeriesDetectionStream::operator=(SeriesDetectionStream&&) noexcept = default;

std::vector<Anomaly> SeriesDetectionStream::feed(const qint64* timesMs, const double* values, std::size_t count,
    double trafficWeight, SeriesBand* band)
{
    std::vector<Anomaly> closed;
    for (std::size_t k = 0; k < count; ++k, ++m_count) {
        const double score = m_detector->update(timesMs[k], values[k]);
        const DetectorOutput& out = m_detector->output();
        // Plots draw floats; the stretch's expected value is the drawn one, as in a batch run.
        const float expected = static_cast<float>(out.expected);
        if (band) {
            band->expected.push_back(expected);
            band->lower.push_back(static_cast<float>(out.lower));
            band->upper.push_back(static_cast<float>(out.upper));
            band->score.push_back(static_cast<float>(score));
        }
        if (m_muted)
            continue;
        if (std::abs(out.deviation) >= StretchDeviation) {
            if (!m_open)
                m_current = Stretch {m_count, m_count, timesMs[k], timesMs[k], timesMs[k], 0, 0, 0, 0, {}, true};
            m_open = true;
            m_gap = 0;
            m_current.last = m_count;
            m_current.lastMs = timesMs[k];
            m_current.peakScore = std::max(m_current.peakScore, score);
            if (std::abs(out.deviation) > std::abs(m_current.peakDeviation)) {
                m_current.peakMs = timesMs[k];
                m_current.peakDeviation = out.deviation;
                m_current.peakExpected = expected;
                m_current.peakObserved = values[k];
                m_current.component = m_detector->strongestComponent();
                m_current.warmAtPeak = out.warm;
            }
        } else if (m_open && ++m_gap > MaxGapSamples) {
            m_open = false;
            if (auto anomaly = scoreStretch(m_current, trafficWeight))
                closed.push_back(std::move(*anomaly));
        }
    }
    return closed;
}

std::optional<Anomaly> SeriesDetectionStream::runningAnomaly(double trafficWeight) const
{
    return m_open ? scoreStretch(m_current, trafficWeight) : std::nullopt;
}

std::vector<Anomaly> SeriesDetectionStream::finish(double trafficWeight)
{
    std::vector<Anomaly> closed;
    if (m_open) {
        m_open = false;
        if (auto anomaly = scoreStretch(m_current, trafficWeight))
            closed.push_back(std::move(*anomaly));
    }
    return closed;
}

std::optional<Anomaly> SeriesDetectionStream::scoreStretch(const Stretch& s, double trafficWeight) const
{
    DeviationEvidence evidence;
    evidence.peakDeviation = s.peakDeviation / m_sensitivity; // the scorer applies it
    evidence.expected = s.peakExpected;
    evidence.observed = s.peakObserved;
    evidence.samples = static_cast<int>(s.last - s.first + 1);
    evidence.durationMs = s.lastMs - s.firstMs;
    evidence.trafficWeight = trafficWeight;
    evidence.warm = s.warmAtPeak;
    const double significance = m_scorer->score(evidence);
    if (!(significance > 0 && significance >= m_minSignificance))
        return std::nullopt;
    Anomaly a;
    a.series = m_key;
    a.startMs = s.firstMs;
    a.endMs = s.lastMs;
    a.peakMs = s.peakMs;
    a.significance = significance;
    a.peakScore = s.peakScore;
    a.expected = s.peakExpected;
    a.observed = s.peakObserved;
    a.detector = QStringLiteral("ensemble/") + s.component;
    return a;
}

} // namespace meshscope
