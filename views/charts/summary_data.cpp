#include "summary_data.h"

#include "model/entity.h"
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

ChartSlices responseCodes(const TopologyFrame* frame, const QString& entity)
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
        for (const auto& [code, codeRate] : e.ratesByCode)
            byCode[code] += codeRate;
        rate += e.requestRate;
        errors += e.requestRate * e.errorRatio;
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
