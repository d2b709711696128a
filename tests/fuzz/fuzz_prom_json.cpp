// Fuzz target: Prometheus HTTP API JSON -> PromResponse -> series mapping.

#include "importers/prom_json.h"
#include "importers/prom_json_import.h"
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
        parsePromResponse(bytes, QStringLiteral("fuzz.json"));
        SeriesAccumulator accumulator;
        ImportReport report;
        promjsonimport::importBody(bytes, QStringLiteral("fuzz.json"), accumulator, report);
        SeriesStore store;
        accumulator.flushInto(store, report);
    } catch (const MeshscopeError&) {
        // Rejecting malformed input with a clear error is the expected outcome.
    }
    return 0;
}
