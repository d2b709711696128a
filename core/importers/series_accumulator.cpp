#include "series_accumulator.h"

#include <algorithm>
#include <numeric>

namespace meshscope {

void SeriesAccumulator::add(const SeriesKey& key, std::vector<qint64> timesMs, std::vector<double> values)
{
    if (timesMs.empty())
        return;
    normalise(timesMs, values);
    const auto it = m_index.constFind(key);
    if (it == m_index.cend()) {
        m_index.insert(key, static_cast<int>(m_entries.size()));
        m_entries.push_back(Entry {key, std::move(timesMs), std::move(values)});
        return;
    }
    mergeSum(m_entries[static_cast<std::size_t>(it.value())], timesMs, values);
}

void SeriesAccumulator::normalise(std::vector<qint64>& timesMs, std::vector<double>& values)
{
    const bool strictlyIncreasing = std::adjacent_find(timesMs.begin(), timesMs.end(),
                                        [](qint64 a, qint64 b) { return b <= a; })
        == timesMs.end();
    if (strictlyIncreasing)
        return;
    std::vector<std::size_t> order(timesMs.size());
    std::iota(order.begin(), order.end(), std::size_t {0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return timesMs[a] < timesMs[b]; });
    std::vector<qint64> t;
    std::vector<double> v;
    t.reserve(order.size());
    v.reserve(order.size());
    for (std::size_t i : order) {
        if (!t.empty() && t.back() == timesMs[i]) {
            ++m_duplicates;
            continue;
        }
        t.push_back(timesMs[i]);
        v.push_back(values[i]);
    }
    timesMs.swap(t);
    values.swap(v);
}

void SeriesAccumulator::mergeSum(Entry& entry, const std::vector<qint64>& timesMs, const std::vector<double>& values)
{
    std::vector<qint64> t;
    std::vector<double> v;
    t.reserve(entry.timesMs.size() + timesMs.size());
    v.reserve(t.capacity());
    std::size_t a = 0;
    std::size_t b = 0;
    while (a < entry.timesMs.size() || b < timesMs.size()) {
        if (b == timesMs.size() || (a < entry.timesMs.size() && entry.timesMs[a] < timesMs[b])) {
            t.push_back(entry.timesMs[a]);
            v.push_back(entry.values[a++]);
        } else if (a == entry.timesMs.size() || timesMs[b] < entry.timesMs[a]) {
            t.push_back(timesMs[b]);
            v.push_back(values[b++]);
        } else {
            t.push_back(timesMs[b]);
            v.push_back(entry.values[a++] + values[b++]);
        }
    }
    entry.timesMs.swap(t);
    entry.values.swap(v);
}

void SeriesAccumulator::flushInto(SeriesStore& store, ImportReport& report)
{
    report.duplicates += m_duplicates;
    for (Entry& entry : m_entries) {
        const SeriesId id = store.ensureSeries(entry.key);
        const SeriesSpan existing = store.samples(id);
        if (existing.empty() || existing.timesMs[existing.size - 1] < entry.timesMs.front()) {
            report.samples += static_cast<qint64>(entry.timesMs.size());
            store.appendColumns(id, std::move(entry.timesMs), std::move(entry.values));
        } else {
            for (std::size_t i = 0; i < entry.timesMs.size(); ++i) {
                switch (store.append(id, entry.timesMs[i], entry.values[i])) {
                case AppendStatus::Appended:
                    ++report.samples;
                    break;
                case AppendStatus::Duplicate:
                    ++report.duplicates;
                    break;
                case AppendStatus::OutOfOrder:
                    ++report.outOfOrder;
                    break;
                }
            }
        }
        ++report.series;
    }
    m_entries.clear();
    m_index.clear();
    m_duplicates = 0;
}

} // namespace meshscope
