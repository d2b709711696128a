// Fuzz target: case signals.csv and topology.csv (RFC 4180) -> dataset.

#include "importers/case_folder.h"
#include "model/meshscope_error.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace meshscope;
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    QSet<QString> nodes;
    try {
        Dataset dataset;
        ImportReport report;
        casefolder::importSignalsCsv(bytes, QStringLiteral("signals.csv"), dataset, report, nodes);
    } catch (const MeshscopeError&) {
    }
    try {
        casefolder::parseTopologyCsv(bytes, QStringLiteral("topology.csv"), nodes);
    } catch (const MeshscopeError&) {
        // Rejecting malformed input with a clear error is the expected outcome.
    }
    return 0;
}
