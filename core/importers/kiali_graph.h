#pragma once

// Kiali graph JSON (WIRE-FORMATS.md §1.4) into a topology frame.

#include "model/topology.h"

#include <QByteArray>
#include <QString>

namespace meshscope {

struct KialiGraphStats
{
    int boxNodes = 0; ///< grouping nodes (isBox), not part of the frame
    int nodes = 0;    ///< non-box nodes
    int edges = 0;    ///< one per source, target and protocol
    QString graphType;
    qint64 timestamp = 0; ///< unix s
    qint64 durationS = 0;
};

/// Parses a graph response. Node entity names are the workload/app/service name, made
/// `ns/name` only when ambiguous within the graph. Rates (strings, omitted when zero,
/// possibly "+Inf") become edge request rates and error ratios. Throws MeshscopeError.
TopologyFrame parseKialiGraph(const QByteArray& body, const QString& where, KialiGraphStats* stats = nullptr);

} // namespace meshscope
