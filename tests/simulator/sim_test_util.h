#pragma once

#include "model/dataset.h"

#include <QtGlobal>

#include <cmath>
#include <limits>

namespace meshscope::testing {

/// Mean of a series over [startMs, endMs]; NaN when the series or samples are missing.
inline double meanOver(
    const Dataset& dataset, const QString& entity, const QString& signal, qint64 startMs, qint64 endMs)
{
    const SeriesId id = dataset.series.find({entity, signal});
    if (id == InvalidSeries)
        return std::numeric_limits<double>::quiet_NaN();
    const SeriesSpan span = dataset.series.range(id, startMs, endMs);
    if (span.empty())
        return std::numeric_limits<double>::quiet_NaN();
    double sum = 0;
    for (std::size_t i = 0; i < span.size; ++i)
        sum += span.values[i];
    return sum / static_cast<double>(span.size);
}

} // namespace meshscope::testing
