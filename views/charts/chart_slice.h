#pragma once

#include <QColor>
#include <QString>

#include <vector>

namespace meshscope {

/// One labelled value of a summary chart (a pie slice or a bar).
struct ChartSlice
{
    QString label;
    double value = 0;
    QColor colour; ///< invalid: the chart picks one

    friend bool operator==(const ChartSlice&, const ChartSlice&) = default;
};

using ChartSlices = std::vector<ChartSlice>;

} // namespace meshscope
