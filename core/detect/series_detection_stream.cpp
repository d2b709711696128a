#include "series_detection_stream.h"

#include "ensemble_detector.h"
#include "significance_scorer.h"

#include "model/meshscope_error.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>

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
    , m_sensitivity(std::max(settings.sensitivityOf(key), 1e-6))
    , m_muted(settings.muted.contains(key))
{
    m_detector = makeDetector();
    m_scorer = std::make_unique<SignificanceScorer>(key.signal, m_sensitivity);
}

SeriesDetectionStream::~SeriesDetectionStream() = default;
SeriesDetectionStream::SeriesDetectionStream(SeriesDetectionStream&&) noexcept = default;
SeriesDetectionStream& SeriesDetectionStream::operator=(SeriesDetectionStream&&) noexcept = default;

std::unique_ptr<EnsembleDetector> SeriesDetectionStream::makeDetector() const
{
    // Both directions are learned and drawn; the significance scorer alerts only the bad one.
    DetectorConfig config;
    config.signalClass = signalClass(m_key.signal);
    config.sensitivity = m_sensitivity;
    return std::make_unique<EnsembleDetector>(config);
}

QString SeriesDetectionStream::configName() const
{
    return QStringLiteral("%1 class %2 sensitivity %3")
        .arg(m_detector->name())
        .arg(static_cast<int>(signalClass(m_key.signal)))
        .arg(m_sensitivity, 0, 'g', 17);
}

DetectorCheckpoint SeriesDetectionStream::checkpoint() const
{
    return DetectorCheckpoint {
        m_key, m_lastMs, static_cast<qint64>(m_count), configName(), m_detector->saveState()};
}

void SeriesDetectionStream::resume(const DetectorCheckpoint& checkpoint)
{
    if (checkpoint.series != m_key || checkpoint.config != configName() || checkpoint.samples <= 0) {
        throw MeshscopeError(QCoreApplication::translate(
            "meshscope", "the detector learnt under another configuration (%1, now %2)")
                                 .arg(checkpoint.config, configName()));
    }
    std::unique_ptr<EnsembleDetector> restored = makeDetector();
    restored->restoreState(checkpoint.state);
    m_detector = std::move(restored);
    m_count = static_cast<std::size_t>(checkpoint.samples);
    m_lastMs = checkpoint.lastMs;
    m_open = false;
    m_gap = 0;
}

std::vector<Anomaly> SeriesDetectionStream::feed(const qint64* timesMs, const double* values, std::size_t count,
    double trafficWeight, SeriesBand* band)
{
    return feedSamples(timesMs, values, nullptr, count, trafficWeight, band);
}

std::vector<Anomaly> SeriesDetectionStream::feed(const SeriesStore& store, SeriesId id, std::size_t from,
    std::size_t count, double trafficWeight, SeriesBand* band)
{
    const SeriesSpan span = store.samples(id);
    count = from < span.size ? std::min(count, span.size - from) : 0;
    if (m_count > 0) {
        const qint64* first = span.timesMs + from;
        const auto learnt
            = static_cast<std::size_t>(std::upper_bound(first, first + count, m_lastMs) - first);
        if (band) {
            const float none = std::numeric_limits<float>::quiet_NaN();
            for (std::vector<float>* values : {&band->expected, &band->lower, &band->upper, &band->score})
                values->insert(values->end(), learnt, none);
        }
        from += learnt;
        count -= learnt;
    }
    const std::vector<double> requests = requestsBehind(store, span.timesMs + from, count);
    return feedSamples(span.timesMs + from, span.values + from, requests.empty() ? nullptr : requests.data(), count,
        trafficWeight, band);
}

// Requests behind each sample of an error ratio: the entity's request rate (its latest
// sample, at most two of the ratio's steps old) times the time since the previous sample.
// NaN where unknown (the very first sample); empty for other signals or without a request
// rate. One binary search, then a cursor: O(log n + count).
std::vector<double> SeriesDetectionStream::requestsBehind(const SeriesStore& store, const qint64* timesMs,
    std::size_t count) const
{
    std::vector<double> requests;
    if (signalClass(m_key.signal) != SignalClass::Errors || count == 0)
        return requests;
    const SeriesId rateId = store.find(SeriesKey {m_key.entity, SignalName::RequestRate});
    if (rateId == InvalidSeries)
        return requests;
    const SeriesSpan rate = store.samples(rateId);
    requests.assign(count, std::numeric_limits<double>::quiet_NaN());
    std::size_t j = static_cast<std::size_t>(std::upper_bound(rate.timesMs, rate.timesMs + rate.size, timesMs[0]) - rate.timesMs);
    qint64 previousMs = m_lastMs;
    for (std::size_t k = 0; k < count; ++k) {
        const qint64 t = timesMs[k];
        while (j < rate.size && rate.timesMs[j] <= t)
            ++j;
        const qint64 stepMs = t - previousMs;
        const bool known = (m_count > 0 || k > 0) && j > 0 && t - rate.timesMs[j - 1] <= 2 * stepMs
            && std::isfinite(rate.values[j - 1]);
        if (known)
            requests[k] = std::max(0.0, rate.values[j - 1]) * static_cast<double>(stepMs) / 1000.0;
        previousMs = t;
    }
    return requests;
}

std::vector<Anomaly> SeriesDetectionStream::feedSamples(const qint64* timesMs, const double* values,
    const double* requests, std::size_t count, double trafficWeight, SeriesBand* band)
{
    std::vector<Anomaly> closed;
    for (std::size_t k = 0; k < count; ++k, ++m_count) {
        m_lastMs = timesMs[k];
        const double score = requests ? m_detector->updateRatio(timesMs[k], values[k], requests[k])
                                      : m_detector->update(timesMs[k], values[k]);
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
        // A stretch opens on the significant deviation (error ratios: limited by the noise
        // floor of their traffic) and stays open while the learned one is abnormal: a
        // ratio whose normal burns the SLO budget does not open one at warm-up that lasts
        // until the real fault, and one hovering near its floor is not split into many.
        const double significant = m_detector->significantDeviation();
        const double watched = m_open ? out.deviation : significant;
        if (std::abs(watched) >= StretchDeviation) {
            if (!m_open)
                m_current = Stretch {m_count, m_count, timesMs[k], timesMs[k], timesMs[k], 0, 0, 0, 0, {}, true};
            m_open = true;
            m_gap = 0;
            m_current.last = m_count;
            m_current.lastMs = timesMs[k];
            m_current.peakScore = std::max(m_current.peakScore, score);
            // The peak is judged on the significant deviation.
            if (std::abs(significant) > std::abs(m_current.peakDeviation)) {
                m_current.peakMs = timesMs[k];
                m_current.peakDeviation = significant;
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
