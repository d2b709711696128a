#include "series_math.h"

#include <QHash>

#include <cmath>
#include <limits>

namespace meshscope::seriesmath {

std::vector<std::pair<qint64, double>> counterRates(const std::vector<qint64>& timesMs, const std::vector<double>& values)
{
    std::vector<std::pair<qint64, double>> rates;
    if (timesMs.size() < 2)
        return rates;
    rates.reserve(timesMs.size() - 1);
    for (std::size_t i = 1; i < timesMs.size(); ++i) {
        const double dtS = double(timesMs[i] - timesMs[i - 1]) / 1000.0;
        if (dtS <= 0 || !std::isfinite(values[i]) || !std::isfinite(values[i - 1]))
            continue;
        const double increase = values[i] >= values[i - 1] ? values[i] - values[i - 1] : values[i];
        rates.emplace_back(timesMs[i], increase / dtS);
    }
    return rates;
}

double histogramQuantile(double q, const std::map<double, double>& buckets)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (buckets.size() < 2 || !std::isinf(buckets.rbegin()->first) || std::isnan(q))
        return nan;
    if (q < 0)
        return -std::numeric_limits<double>::infinity();
    if (q > 1)
        return std::numeric_limits<double>::infinity();
    // Counts must be cumulative; summed increments can break that by rounding, so keep
    // them monotonic as Prometheus does.
    std::vector<std::pair<double, double>> b(buckets.begin(), buckets.end());
    for (std::size_t i = 1; i < b.size(); ++i)
        b[i].second = std::max(b[i].second, b[i - 1].second);
    const double observations = b.back().second;
    if (!(observations > 0))
        return nan;
    double rank = q * observations;
    std::size_t i = 0;
    while (i < b.size() && b[i].second < rank)
        ++i;
    if (i >= b.size() - 1)
        return b[b.size() - 2].first;
    if (i == 0 && b[0].first <= 0)
        return b[0].first;
    double start = 0;
    double count = b[i].second;
    if (i > 0) {
        start = b[i - 1].first;
        count -= b[i - 1].second;
        rank -= b[i - 1].second;
    }
    if (count <= 0)
        return b[i].first;
    return start + (b[i].first - start) * (rank / count);
}

qint64 typicalStepMs(const std::vector<const std::vector<qint64>*>& timeColumns)
{
    QHash<qint64, int> counts;
    for (const std::vector<qint64>* times : timeColumns) {
        // A few differences per series are enough to find the step.
        const std::size_t n = std::min<std::size_t>(times->size(), 32);
        for (std::size_t i = 1; i < n; ++i) {
            const qint64 dt = (*times)[i] - (*times)[i - 1];
            if (dt > 0)
                ++counts[dt];
        }
    }
    qint64 best = 0;
    int bestCount = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > bestCount || (it.value() == bestCount && it.key() < best)) {
            best = it.key();
            bestCount = it.value();
        }
    }
    return best;
}

} // namespace meshscope::seriesmath
