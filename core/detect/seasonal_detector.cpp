#include "seasonal_detector.h"

#include "detector_state.h"
#include "period_estimator.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace meshscope {

namespace {
constexpr qint64 BinMs = 5 * 60'000;
constexpr std::size_t MaxBins = 8192; // 28 days of 5-minute means
constexpr qint64 DayMs = 86400'000;
constexpr std::size_t MaxSteps = 64;
// Profile updates and the level offset ignore the part of a deviation beyond this many
// spreads, so an anomaly does not become the new normal within a day.
constexpr double ClipSpreads = 3.0;
} // namespace

SeasonalDetector::SeasonalDetector(const DetectorConfig& config, double profileAlpha)
    : Detector(config)
    , m_profileAlpha(profileAlpha)
    , m_level(256)
    , m_residual(512)
{
}

double SeasonalDetector::sampleStepMs() const
{
    if (m_steps.empty())
        return BinMs;
    std::vector<qint64> sorted = m_steps;
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(sorted.size() / 2), sorted.end());
    return static_cast<double>(std::max<qint64>(1, sorted[sorted.size() / 2]));
}

std::size_t SeasonalDetector::bucketOf(qint64 tMs) const
{
    const qint64 phase = ((tMs % m_periodMs) + m_periodMs) % m_periodMs;
    return std::min(m_profile.size() - 1, static_cast<std::size_t>(phase / m_bucketMs));
}

// bucketOf() for the samples as they come: the next sample is usually less than a period
// later, so its phase follows by addition, and the bucket changes only at its edges; the
// same bucket without the three 64-bit divisions a sample.
std::size_t SeasonalDetector::nextBucket(qint64 tMs)
{
    // The unsigned difference cannot overflow; it is only used when tMs is not earlier.
    const quint64 step = static_cast<quint64>(tMs) - static_cast<quint64>(m_phaseAtMs);
    if (m_phaseKnown && tMs >= m_phaseAtMs && step < static_cast<quint64>(m_periodMs)) {
        m_phaseMs += static_cast<qint64>(step);
        if (m_phaseMs >= m_periodMs)
            m_phaseMs -= m_periodMs;
    } else {
        m_phaseMs = ((tMs % m_periodMs) + m_periodMs) % m_periodMs;
        m_phaseKnown = true;
        m_bucketStartMs = std::numeric_limits<qint64>::max(); // after every phase: recompute
    }
    m_phaseAtMs = tMs;
    if (m_phaseMs < m_bucketStartMs || m_phaseMs - m_bucketStartMs >= m_bucketMs) {
        m_phaseBucket = m_phaseMs / m_bucketMs;
        m_bucketStartMs = m_phaseBucket * m_bucketMs;
    }
    return std::min(m_profile.size() - 1, static_cast<std::size_t>(m_phaseBucket));
}

void SeasonalDetector::pushBin()
{
    if (m_binCount == 0)
        return;
    m_bins.push_back(m_binSum / m_binCount);
    m_binSum = 0;
    m_binCount = 0;
}

void SeasonalDetector::collect(qint64 tMs, double value)
{
    const qint64 bin = tMs / BinMs;
    if (m_currentBin < 0) {
        m_currentBin = bin;
        m_firstBinIndex = bin;
    }
    if (bin != m_currentBin) {
        pushBin();
        // Gaps are filled with the last mean so lags stay aligned with time.
        const double last = m_bins.empty() ? value : m_bins.back();
        for (qint64 b = m_currentBin + 1; b < bin && m_bins.size() < MaxBins; ++b)
            m_bins.push_back(last);
        m_currentBin = bin;
    }
    m_binSum += value;
    ++m_binCount;
    const qint64 spanMs = static_cast<qint64>(m_bins.size()) * BinMs;
    const bool full = m_bins.size() >= MaxBins;
    if ((m_attempts == 0 && spanMs >= 2 * DayMs) || (m_attempts == 1 && spanMs >= 14 * DayMs) || full)
        tryDetectPeriod();
}

void SeasonalDetector::tryDetectPeriod()
{
    ++m_attempts;
    const PeriodEstimate estimate = estimatePeriod(m_bins, static_cast<double>(BinMs));
    if (estimate.periodMs != 0 && estimate.periodMs != m_periodMs) {
        m_periodMs = estimate.periodMs;
        initialiseProfile();
    }
    // After the weekly attempt (or when the buffer is full) learning is over.
    if (m_attempts >= 2 || m_bins.size() >= MaxBins) {
        m_collecting = false;
        std::vector<double>().swap(m_bins);
    }
}

void SeasonalDetector::initialiseProfile()
{
    const qint64 step = std::max<qint64>(BinMs, static_cast<qint64>(sampleStepMs()));
    m_bucketMs = std::min(step, m_periodMs / 4);
    const std::size_t buckets = static_cast<std::size_t>((m_periodMs + m_bucketMs - 1) / m_bucketMs);
    std::vector<double> sum(buckets, 0.0);
    std::vector<int> count(buckets, 0);
    m_profile.assign(buckets, 0.0);
    for (std::size_t i = 0; i < m_bins.size(); ++i) {
        const qint64 t = (m_firstBinIndex + static_cast<qint64>(i)) * BinMs + BinMs / 2;
        const std::size_t b = bucketOf(t);
        sum[b] += m_bins[i];
        ++count[b];
    }
    // Buckets without data take the nearest earlier bucket that has some.
    double carry = 0;
    for (std::size_t pass = 0; pass < 2; ++pass) {
        for (std::size_t b = 0; b < buckets; ++b) {
            if (count[b] > 0)
                carry = m_profile[b] = sum[b] / count[b];
            else if (pass == 1)
                m_profile[b] = carry;
        }
    }
    m_offset = 0;
    m_residual.restart();
    m_phaseKnown = false;
}

double SeasonalDetector::update(qint64 tMs, double value)
{
    observe(tMs, value);
    return scoreObservedSample();
}

void SeasonalDetector::observe(qint64 tMs, double value)
{
    if (m_hasLast && m_steps.size() < MaxSteps && tMs > m_lastMs)
        m_steps.push_back(tMs - m_lastMs);
    m_lastMs = tMs;
    m_hasLast = true;

    const bool seasonal = isSeasonal();
    double expected = m_level.count() > 0 ? m_level.location() : value;
    double spread = m_level.spread();
    std::size_t bucket = 0;
    if (m_periodMs != 0) {
        bucket = nextBucket(tMs);
        if (seasonal) {
            expected = m_profile[bucket] + m_offset;
            spread = m_residual.spread();
        }
    }
    const double z = (value - expected) / spread;
    m_output.expected = expected;
    m_output.lower = expected - m_config.bandWidth * spread;
    m_output.upper = expected + m_config.bandWidth * spread;
    m_output.deviation = m_level.count() > 0 ? z : 0.0;
    m_output.warm = seasonal || m_level.count() >= 32;
    m_latestZ = z;
    m_scoreDeferred = true;

    m_level.add(value);
    if (m_periodMs != 0) {
        const double residual = value - m_profile[bucket] - m_offset;
        const double clip = ClipSpreads * m_residual.spread();
        const double clipped = m_residual.count() >= ResidualWarmup ? std::clamp(residual, -clip, clip) : residual;
        m_residual.add(residual);
        m_offset += clipped / 64.0;
        m_profile[bucket] += m_profileAlpha * (clipped - clipped / 64.0);
    }
    if (m_collecting)
        collect(tMs, value);
}

void SeasonalDetector::writeState(QDataStream& out) const
{
    out << m_profileAlpha;
    m_level.write(out);
    m_residual.write(out);
    out << m_offset;
    detail::writeVector(out, m_bins);
    out << m_firstBinIndex << m_currentBin << m_binSum << m_binCount << m_collecting << m_attempts;
    detail::writeVector(out, m_steps);
    out << m_lastMs << m_hasLast << m_periodMs << m_bucketMs;
    detail::writeVector(out, m_profile);
}

void SeasonalDetector::readState(QDataStream& in)
{
    in >> m_profileAlpha;
    m_level.read(in);
    m_residual.read(in);
    in >> m_offset;
    detail::readVector(in, m_bins);
    in >> m_firstBinIndex >> m_currentBin >> m_binSum >> m_binCount >> m_collecting >> m_attempts;
    detail::readVector(in, m_steps);
    in >> m_lastMs >> m_hasLast >> m_periodMs >> m_bucketMs;
    detail::readVector(in, m_profile);
    m_phaseKnown = false;
}

} // namespace meshscope
