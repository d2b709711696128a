#pragma once

#include "model/topology.h"

#include <QByteArray>

namespace meshscope {

/// Stores topology frames as compact JSON. A frame whose nodes and edges are the same as
/// an earlier full frame's (only the measurements differ) is stored as its measurements
/// alone, which is what most frames of a steady mesh are.
class TopologyFrameCodec
{
public:
    /// True when `frame` can be stored as measurements on top of `base`: the same nodes
    /// (all attributes) and the same edges in the same order.
    static bool sameStructure(const TopologyFrame& frame, const TopologyFrame& base);

    static QByteArray encodeFull(const TopologyFrame& frame);
    static QByteArray encodeMeasurements(const TopologyFrame& frame);

    /// Decoders throw MeshscopeError (naming `where`) on a damaged body.
    static TopologyFrame decodeFull(const QByteArray& body, qint64 tMs, const QString& where);
    static TopologyFrame decodeMeasurements(const QByteArray& body, const TopologyFrame& base, qint64 tMs,
        const QString& where);
};

} // namespace meshscope
