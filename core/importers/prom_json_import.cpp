#include "prom_json_import.h"

#include "entity_rules.h"
#include "import_util.h"
#include "prom_json.h"

#include "model/meshscope_error.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <cmath>

namespace meshscope::promjsonimport {

void importBody(const QByteArray& body, const QString& path, SeriesAccumulator& out, ImportReport& report)
{
    PromResponse response = parsePromResponse(body, path);
    if (response.status != QLatin1String("success")) {
        throw MeshscopeError(QCoreApplication::translate("meshscope", "the saved response is a Prometheus error: %1: %2")
                                 .arg(response.errorType, response.error),
            path);
    }
    for (const QString& warning : std::as_const(response.warnings))
        report.warnings.append(QStringLiteral("%1: Prometheus warning: %2").arg(path, warning));
    const QString stemSignal = importutil::sanitizeSignalName(QFileInfo(path).completeBaseName());
    WorkloadNamer namer;
    for (const PromSeries& series : response.series)
        entityrules::observeWorkloads([&series](const QString& name) { return series.label(name); }, namer);
    qint64 nonFinite = 0;
    for (PromSeries& series : response.series) {
        const auto label = [&series](const QString& name) { return series.label(name); };
        const QString metric = series.label(QStringLiteral("__name__"));
        const SeriesKey key {entityrules::entityFor(label, namer), metric.isEmpty() ? stemSignal : importutil::sanitizeSignalName(metric)};
        // Drop non-finite samples in place (NaN is what 0/0 ratios give).
        std::size_t kept = 0;
        for (std::size_t i = 0; i < series.values.size(); ++i) {
            if (!std::isfinite(series.values[i])) {
                ++nonFinite;
                continue;
            }
            series.timesMs[kept] = series.timesMs[i];
            series.values[kept++] = series.values[i];
        }
        series.timesMs.resize(kept);
        series.values.resize(kept);
        out.add(key, std::move(series.timesMs), std::move(series.values));
    }
    if (nonFinite > 0) {
        report.warnings.append(QCoreApplication::translate("meshscope", "%1: %2 NaN or infinite samples were skipped")
                                   .arg(path)
                                   .arg(nonFinite));
    }
}

} // namespace meshscope::promjsonimport
