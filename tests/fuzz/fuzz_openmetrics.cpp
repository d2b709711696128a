// Fuzz target: OpenMetrics text -> raw series -> golden signals -> SeriesStore.

#include "importers/mesh_signal_builder.h"
#include "importers/openmetrics_parser.h"
#include "importers/series_accumulator.h"
#include "model/meshscope_error.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace meshscope;
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    try {
        RawSeriesSet raw;
        OpenMetricsParser(raw).parse(bytes, QStringLiteral("fuzz.om"));
        SeriesAccumulator accumulator;
        std::vector<TopologyFrame> frames;
        QStringList warnings;
        MeshSignalBuilder(raw).build(accumulator, frames, warnings);
        SeriesStore store;
        ImportReport report;
        accumulator.flushInto(store, report);
    } catch (const MeshscopeError&) {
        // Rejecting malformed input with a clear error is the expected outcome.
    }
    return 0;
}
