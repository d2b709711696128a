#pragma once

#include "entity.h"
#include "time_range.h"

#include <QHash>
#include <QStringList>

#include <cstddef>
#include <vector>

namespace meshscope {

using SeriesId = int;
inline constexpr SeriesId InvalidSeries = -1;

/// A read-only view of consecutive samples of one series. Valid until the store is
/// appended to or evicted.
struct SeriesSpan
{
    const qint64* timesMs = nullptr;
    const double* values = nullptr;
    std::size_t size = 0;

    bool empty() const { return size == 0; }
};

/// One bucket of the min/max level of detail used for plotting.
struct MinMaxBucket
{
    qint64 startMs = 0; ///< time of the first sample in the bucket
    qint64 endMs = 0;   ///< time of the last sample in the bucket
    double min = 0;
    double max = 0;
    double last = 0;
    int count = 0;
};

enum class AppendStatus { Appended, Duplicate, OutOfOrder };

/// Columnar, append-only storage of all series of an investigation, one pair of arrays
/// (times, values) per series. Not thread-safe: it is owned by one thread and views
/// receive copies or snapshots.
class SeriesStore
{
public:
    /// Id of the series, created empty when it does not exist yet.
    SeriesId ensureSeries(const SeriesKey& key);
    /// Id of an existing series or InvalidSeries.
    SeriesId find(const SeriesKey& key) const;
    const SeriesKey& key(SeriesId id) const { return m_series[static_cast<std::size_t>(id)].key; }
    int seriesCount() const { return static_cast<int>(m_series.size()); }

    /// Appends one sample. A sample at or before the series' last time is not stored:
    /// Duplicate when the time equals the last one, OutOfOrder when it is earlier.
    AppendStatus append(SeriesId id, qint64 tMs, double value);
    /// Appends samples that the caller guarantees are strictly increasing in time and
    /// later than the series' last sample.
    void appendSorted(SeriesId id, const qint64* timesMs, const double* values, std::size_t count);
    /// As appendSorted, taking whole columns of equal length; they are moved in, without a
    /// copy, when the series is still empty (the importers' hot path).
    void appendColumns(SeriesId id, std::vector<qint64>&& timesMs, std::vector<double>&& values);
    void reserve(SeriesId id, std::size_t count);

    SeriesSpan samples(SeriesId id) const;
    /// Samples with startMs <= t <= endMs.
    SeriesSpan range(SeriesId id, qint64 startMs, qint64 endMs) const;
    /// At most `buckets` buckets covering [startMs, endMs], each the min/max of its samples.
    std::vector<MinMaxBucket> levelOfDetail(SeriesId id, qint64 startMs, qint64 endMs, int buckets) const;
    /// Value of the last sample at or before tMs, if any.
    bool valueAt(SeriesId id, qint64 tMs, double* value, qint64 maxAgeMs) const;

    qint64 sampleCount() const;
    TimeRange timeRange() const;
    TimeRange timeRange(SeriesId id) const;
    QStringList entities() const;
    QStringList signalNames() const;
    std::vector<SeriesId> seriesOfEntity(const QString& entity) const;

    /// Drops samples older than tMs from memory (they must already be persisted).
    /// Returns how many samples were dropped.
    qint64 evictBefore(qint64 tMs);
    void clear();

private:
    struct Series
    {
        SeriesKey key;
        std::vector<qint64> timesMs;
        std::vector<double> values;
    };
    void recomputeTimeRange();

    std::vector<Series> m_series;
    QHash<SeriesKey, SeriesId> m_index;
    /// Kept up to date by every change: scanning the ends of 30k series touches 60k
    /// scattered pages, ~70 ms on the GUI thread of a 24 h recording.
    TimeRange m_range;
};

} // namespace meshscope
