#pragma once

#include "chart_slice.h"
#include "model/findings.h"
#include "model/time_range.h"

namespace meshscope {

struct TopologyFrame;
class SeriesStore;

/// What the summary charts show, computed from model data without any widget.
namespace SummaryData {

/// Request rate by response code of `entity` in `frame`: an edge's own codes, or for a
/// node the sum over the edges calling it. When the source gave no codes, the rate split
/// into "ok" and "errors" by the error ratio. Codes are sorted, coloured by class
/// (2xx green, 3xx blue, 4xx amber, 5xx red, other grey). Zero rates are left out.
/// With a store, each edge's rate and error ratio are those of its series at `tMs`
/// (the codes keep their shares among ok and among failed requests).
ChartSlices responseCodes(const TopologyFrame* frame, const QString& entity, const SeriesStore* store = nullptr,
    qint64 tMs = 0);

/// Number of anomalies overlapping `visible` per service (an edge's anomaly counts for
/// the called service), most first.
ChartSlices anomaliesPerService(const std::vector<Anomaly>& anomalies, const TimeRange& visible);

/// Colour of a response code class.
QColor responseCodeColour(const QString& code);

} // namespace SummaryData

} // namespace meshscope
