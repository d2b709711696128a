#pragma once

#include "model/entity.h"

#include <QtGlobal>

#include <vector>

namespace meshscope {

/// One deviating series, as evidence against the node it belongs to (an edge `a->b`
/// counts against `b`). Produced from detector anomalies or from the ranking's own
/// before/after statistics, consumed by RootCauseRanker.
struct SignalEvidence
{
    SeriesKey series;
    /// Size of the deviation in robust standard deviations (detector anomalies are
    /// mapped onto the same scale: significance 100 ~ 10 sigma).
    double magnitude = 0;
    qint64 onsetMs = 0;   ///< first time the deviation was seen
    double baseline = 0;  ///< normal level (median before the change, or learned baseline)
    double observed = 0;  ///< level while deviating

    friend bool operator==(const SignalEvidence&, const SignalEvidence&) = default;
};

using SignalEvidenceList = std::vector<SignalEvidence>;

} // namespace meshscope
