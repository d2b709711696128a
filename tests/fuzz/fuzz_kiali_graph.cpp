// Fuzz target: Kiali graph JSON -> topology frame.

#include "importers/kiali_graph.h"
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
        KialiGraphStats stats;
        const TopologyFrame frame = parseKialiGraph(bytes, QStringLiteral("fuzz.json"), &stats);
        if (static_cast<int>(frame.nodes.size()) != stats.nodes || static_cast<int>(frame.edges.size()) != stats.edges)
            __builtin_trap(); // the stats must describe the frame
    } catch (const MeshscopeError&) {
        // Rejecting malformed input with a clear error is the expected outcome.
    }
    return 0;
}
