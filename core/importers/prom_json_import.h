#pragma once

#include "importer.h"
#include "series_accumulator.h"

#include <QByteArray>
#include <QString>

namespace meshscope::promjsonimport {

/// Maps every series of a saved query response to (entity, signal) and adds it to
/// `out`: entity by entityrules::entityFor, signal = sanitized `__name__`, or the file
/// name stem when the series has no `__name__` (results of expressions). NaN and ±Inf
/// samples are skipped and counted in a warning. Throws MeshscopeError.
void importBody(const QByteArray& body, const QString& path, SeriesAccumulator& out, ImportReport& report);

} // namespace meshscope::promjsonimport
