#pragma once

// Helpers shared by the detectors to write their state to a QDataStream.

#include "model/meshscope_error.h"

#include <QDataStream>

#include <cstddef>
#include <vector>

namespace meshscope::detail {

template <typename T>
void writeVector(QDataStream& out, const std::vector<T>& values)
{
    out << static_cast<quint64>(values.size());
    for (const T& v : values)
        out << v;
}

template <typename T>
void readVector(QDataStream& in, std::vector<T>& values)
{
    quint64 size = 0;
    in >> size;
    // A corrupt blob must not make us allocate gigabytes.
    if (in.status() != QDataStream::Ok || size > (quint64(1) << 26))
        throw MeshscopeError(QStringLiteral("detector state is corrupt (vector of %1 elements)").arg(size));
    values.resize(static_cast<std::size_t>(size));
    for (T& v : values)
        in >> v;
}

} // namespace meshscope::detail
