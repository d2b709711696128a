#include "series_store.h"

#include <QSet>

#include <algorithm>

namespace meshscope {

SeriesId SeriesStore::ensureSeries(const SeriesKey& key)
{
    const auto it = m_index.constFind(key);
    if (it != m_index.cend())
        return it.value();
    const SeriesId id = static_cast<SeriesId>(m_series.size());
    m_series.push_back(Series {key, {}, {}});
    m_index.insert(key, id);
    return id;
}

SeriesId SeriesStore::find(const SeriesKey& key) const
{
    return m_index.value(key, InvalidSeries);
}

AppendStatus SeriesStore::append(SeriesId id, qint64 tMs, double value)
{
    Series& s = m_series[static_cast<std::size_t>(id)];
    if (!s.timesMs.empty()) {
        const qint64 last = s.timesMs.back();
        if (tMs == last)
            return AppendStatus::Duplicate;
        if (tMs < last)
            return AppendStatus::OutOfOrder;
    }
    s.timesMs.push_back(tMs);
    s.values.push_back(value);
    m_range.include(tMs);
    return AppendStatus::Appended;
}

void SeriesStore::appendSorted(SeriesId id, const qint64* timesMs, const double* values, std::size_t count)
{
    Series& s = m_series[static_cast<std::size_t>(id)];
    s.timesMs.insert(s.timesMs.end(), timesMs, timesMs + count);
    s.values.insert(s.values.end(), values, values + count);
    if (count > 0) {
        m_range.include(timesMs[0]);
        m_range.include(timesMs[count - 1]);
    }
}

void SeriesStore::appendColumns(SeriesId id, std::vector<qint64>&& timesMs, std::vector<double>&& values)
{
    Series& s = m_series[static_cast<std::size_t>(id)];
    if (s.timesMs.empty()) {
        s.timesMs = std::move(timesMs);
        s.values = std::move(values);
        if (!s.timesMs.empty()) {
            m_range.include(s.timesMs.front());
            m_range.include(s.timesMs.back());
        }
        return;
    }
    appendSorted(id, timesMs.data(), values.data(), std::min(timesMs.size(), values.size()));
}

void SeriesStore::reserve(SeriesId id, std::size_t count)
{
    Series& s = m_series[static_cast<std::size_t>(id)];
    s.timesMs.reserve(count);
    s.values.reserve(count);
}

SeriesSpan SeriesStore::samples(SeriesId id) const
{
    const Series& s = m_series[static_cast<std::size_t>(id)];
    return SeriesSpan {s.timesMs.data(), s.values.data(), s.timesMs.size()};
}

SeriesSpan SeriesStore::range(SeriesId id, qint64 startMs, qint64 endMs) const
{
    const Series& s = m_series[static_cast<std::size_t>(id)];
    const auto first = std::lower_bound(s.timesMs.begin(), s.timesMs.end(), startMs);
    const auto last = std::upper_bound(first, s.timesMs.end(), endMs);
    const auto offset = static_cast<std::size_t>(first - s.timesMs.begin());
    return SeriesSpan {s.timesMs.data() + offset, s.values.data() + offset, static_cast<std::size_t>(last - first)};
}

std::vector<MinMaxBucket> SeriesStore::levelOfDetail(SeriesId id, qint64 startMs, qint64 endMs, int buckets) const
{
    std::vector<MinMaxBucket> out;
    const SeriesSpan span = range(id, startMs, endMs);
    if (span.empty() || buckets <= 0 || endMs < startMs)
        return out;
    out.reserve(static_cast<std::size_t>(std::min<std::size_t>(span.size, static_cast<std::size_t>(buckets))));
    const double width = std::max(1.0, static_cast<double>(endMs - startMs + 1) / buckets);
    int current = -1;
    for (std::size_t i = 0; i < span.size; ++i) {
        const qint64 t = span.timesMs[i];
        const double v = span.values[i];
        const int bucket = std::min(buckets - 1, static_cast<int>(static_cast<double>(t - startMs) / width));
        if (bucket != current) {
            out.push_back(MinMaxBucket {t, t, v, v, v, 1});
            current = bucket;
            continue;
        }
        MinMaxBucket& b = out.back();
        b.endMs = t;
        b.min = std::min(b.min, v);
        b.max = std::max(b.max, v);
        b.last = v;
        ++b.count;
    }
    return out;
}

bool SeriesStore::valueAt(SeriesId id, qint64 tMs, double* value, qint64 maxAgeMs) const
{
    const Series& s = m_series[static_cast<std::size_t>(id)];
    const auto it = std::upper_bound(s.timesMs.begin(), s.timesMs.end(), tMs);
    if (it == s.timesMs.begin())
        return false;
    const auto index = static_cast<std::size_t>(it - s.timesMs.begin()) - 1;
    if (tMs - s.timesMs[index] > maxAgeMs)
        return false;
    *value = s.values[index];
    return true;
}

qint64 SeriesStore::sampleCount() const
{
    qint64 total = 0;
    for (const Series& s : m_series)
        total += static_cast<qint64>(s.timesMs.size());
    return total;
}

TimeRange SeriesStore::timeRange() const
{
    return m_range;
}

void SeriesStore::recomputeTimeRange()
{
    m_range = TimeRange();
    for (SeriesId id = 0; id < seriesCount(); ++id)
        m_range.include(timeRange(id));
}

TimeRange SeriesStore::timeRange(SeriesId id) const
{
    const Series& s = m_series[static_cast<std::size_t>(id)];
    TimeRange range;
    if (!s.timesMs.empty()) {
        range.startMs = s.timesMs.front();
        range.endMs = s.timesMs.back();
    }
    return range;
}

QStringList SeriesStore::entities() const
{
    QSet<QString> seen;
    QStringList out;
    for (const Series& s : m_series) {
        if (!seen.contains(s.key.entity)) {
            seen.insert(s.key.entity);
            out.append(s.key.entity);
        }
    }
    out.sort();
    return out;
}

QStringList SeriesStore::signalNames() const
{
    QSet<QString> seen;
    for (const Series& s : m_series)
        seen.insert(s.key.signal);
    QStringList out(seen.begin(), seen.end());
    out.sort();
    return out;
}

std::vector<SeriesId> SeriesStore::seriesOfEntity(const QString& entity) const
{
    std::vector<SeriesId> out;
    for (SeriesId id = 0; id < seriesCount(); ++id) {
        if (m_series[static_cast<std::size_t>(id)].key.entity == entity)
            out.push_back(id);
    }
    return out;
}

qint64 SeriesStore::evictBefore(qint64 tMs)
{
    qint64 dropped = 0;
    for (Series& s : m_series) {
        const auto it = std::lower_bound(s.timesMs.begin(), s.timesMs.end(), tMs);
        const auto n = it - s.timesMs.begin();
        if (n == 0)
            continue;
        s.timesMs.erase(s.timesMs.begin(), it);
        s.values.erase(s.values.begin(), s.values.begin() + n);
        s.timesMs.shrink_to_fit();
        s.values.shrink_to_fit();
        dropped += n;
    }
    if (dropped > 0)
        recomputeTimeRange();
    return dropped;
}

void SeriesStore::clear()
{
    m_series.clear();
    m_index.clear();
    m_range = TimeRange();
}

} // namespace meshscope
