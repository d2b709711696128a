#pragma once

#include "importer.h"
#include "model/series_store.h"

#include <QHash>

#include <vector>

namespace meshscope {

/// Collects whole series during an import before they go into a SeriesStore. Series
/// that map to the same (entity, signal) are summed at equal times (like PromQL's
/// `sum by`), so an import never silently keeps one of two colliding series.
class SeriesAccumulator
{
public:
    /// Adds samples of `key`. Unsorted input is sorted; repeated times within one call
    /// keep the first sample and count the rest as duplicates.
    void add(const SeriesKey& key, std::vector<qint64> timesMs, std::vector<double> values);
    int seriesCount() const { return static_cast<int>(m_entries.size()); }
    /// Moves everything into `store`, counting what the store refused in `report`.
    void flushInto(SeriesStore& store, ImportReport& report);

private:
    struct Entry
    {
        SeriesKey key;
        std::vector<qint64> timesMs;
        std::vector<double> values;
    };
    void normalise(std::vector<qint64>& timesMs, std::vector<double>& values);
    static void mergeSum(Entry& entry, const std::vector<qint64>& timesMs, const std::vector<double>& values);

    std::vector<Entry> m_entries;
    QHash<SeriesKey, int> m_index;
    qint64 m_duplicates = 0;
};

} // namespace meshscope
