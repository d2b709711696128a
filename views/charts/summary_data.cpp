#include "summary_data.h"

#include "model/entity.h"
#include "model/series_store.h"
#include "model/signal_names.h"
#include "model/topology.h"
#include "models/severity_colour.h"

#include <QCoreApplication>

#include <algorithm>
#include <map>

namespace meshscope::SummaryData {

QColor responseCodeColour(const QString& code)
{
    switch (code.isEmpty() ? char16_t(0) : code.at(0).unicode()) {
    case u'2':
        return QColor(46, 160, 67);
    case u'3':
        return QColor(52, 120, 198);
    case u'4':
        return QColor(230, 160, 30);
    case u'5':
        return QColor(205, 45, 45);
    default:
        return QColor(140, 140, 140);
    }
}

namespace {

bool isErrorCode(const QString& code)
{
    return code.startsWith(QLatin1Char('5')) || code == QLatin1String("-") || code == QLatin1String("0");
}

/// The edge's rate and error ratio at tMs from its series, when the store has them: the
/// topology frame holds the rates of when it was taken, the series those of the cursor.
bool measureAt(const SeriesStore* store, qint64 tMs, const TopologyEdge& e, double* rate, double* errorRatio)
{
    *rate = e.requestRate;
    *errorRatio = e.errorRatio;
    if (!store)
        return false;
    constexpr qint64 MaxAgeMs = 10 * 60 * 1000;
    const SeriesId rateId = store->find({e.entity(), SignalName::RequestRate});
    const SeriesId errorId = store->find({e.entity(), SignalName::ErrorRatio});
    double value = 0;
    bool measured = false;
    if (rateId != InvalidSeries && store->valueAt(rateId, tMs, &value, MaxAgeMs)) {
        *rate = value;
        measured = true;
    }
    if (errorId != InvalidSeries && store->valueAt(errorId, tMs, &value, MaxAgeMs)) {
        *errorRatio = value;
        measured = true;
    }
    return measured;
}

/// Spreads `rate` over the edge's codes, keeping their relative shares within the ok and
/// the failed requests, so the split follows the error ratio at the cursor.
void addEdgeCodes(const TopologyEdge& e, double rate, double errorRatio, std::map<QString, double>& byCode)
{
    double okTotal = 0;
    double errorTotal = 0;
    for (const auto& [code, codeRate] : e.ratesByCode)
        (isErrorCode(code) ? errorTotal : okTotal) += codeRate;
    const double errors = rate * errorRatio;
    const double ok = rate - errors;
    for (const auto& [code, codeRate] : e.ratesByCode) {
        if (isErrorCode(code))
            byCode[code] += errorTotal > 0 ? codeRate / errorTotal * errors : 0;
        else
            byCode[code] += okTotal > 0 ? codeRate / okTotal * ok : 0;
    }
    if (errorTotal <= 0 && errors > 0)
        byCode[QCoreApplication::translate("SummaryCharts", "errors")] += errors;
}

} // namespace

ChartSlices responseCodes(const TopologyFrame* frame, const QString& entity, const SeriesStore* store, qint64 tMs)
{
    ChartSlices out;
    if (!frame || entity.isEmpty())
        return out;
    const bool edge = Entity::isEdge(entity);
    std::map<QString, double> byCode;
    double rate = 0;
    double errors = 0;
    for (const TopologyEdge& e : frame->edges) {
        if (edge ? e.entity() != entity : e.destination != entity)
            continue;
        double edgeRate = 0;
        double edgeErrorRatio = 0;
        if (measureAt(store, tMs, e, &edgeRate, &edgeErrorRatio)) {
            if (!e.ratesByCode.empty())
                addEdgeCodes(e, edgeRate, edgeErrorRatio, byCode);
        } else {
            for (const auto& [code, codeRate] : e.ratesByCode)
                byCode[code] += codeRate;
        }
        rate += edgeRate;
        errors += edgeRate * edgeErrorRatio;
    }
    if (byCode.empty() && rate > 0) {
        // No per-code rates (e.g. a case file): the error ratio is all we know.
        const QString ok = QCoreApplication::translate("SummaryCharts", "ok");
        const QString failed = QCoreApplication::translate("SummaryCharts", "errors");
        if (rate - errors > 0)
            out.push_back({ok, rate - errors, responseCodeColour(QStringLiteral("2"))});
        if (errors > 0)
            out.push_back({failed, errors, responseCodeColour(QStringLiteral("5"))});
        return out;
    }
    for (const auto& [code, codeRate] : byCode)
        if (codeRate > 0)
            out.push_back({code, codeRate, responseCodeColour(code)});
    return out;
}

ChartSlices anomaliesPerService(const std::vector<Anomaly>& anomalies, const TimeRange& visible)
{
    std::map<QString, std::pair<int, double>> byService; // count, strongest significance
    for (const Anomaly& a : anomalies) {
        if (visible.isValid() && (a.endMs < visible.startMs || a.startMs > visible.endMs))
            continue;
        auto& [count, strongest] = byService[Entity::suspectNode(a.series.entity)];
        ++count;
        strongest = std::max(strongest, a.significance);
    }
    ChartSlices out;
    for (const auto& [service, stats] : byService)
        out.push_back({service, static_cast<double>(stats.first), severityColour(stats.second)});
    std::stable_sort(
        out.begin(), out.end(), [](const ChartSlice& a, const ChartSlice& b) { return a.value > b.value; });
    return out;
}

} // namespace meshscope::SummaryData
