#pragma once

// Public interface of the importers and exporters. Implemented in core/importers/.

#include "model/dataset.h"
#include "model/job_control.h"

#include <QString>
#include <QStringList>

namespace meshscope {

enum class InputFormat { Auto, Recording, OpenMetrics, PromJson, Kiali, Case };

QString inputFormatName(InputFormat format);
/// Parses "auto", "meshrec", "openmetrics", "prom-json", "kiali", "case"; throws on others.
InputFormat inputFormatFromName(const QString& name);
/// Decides the format of a file or folder by its content (a folder with signals.csv is a
/// case). Throws MeshscopeError when it cannot tell.
InputFormat detectInputFormat(const QString& path);

/// What an import did besides storing samples.
struct ImportReport
{
    qint64 samples = 0;
    int series = 0;
    int topologyFrames = 0;
    qint64 duplicates = 0; ///< samples dropped because their series already had that time
    qint64 outOfOrder = 0; ///< samples dropped because they were older than the series' last
    QStringList warnings;
};

/// Imports files (all of one format, or each detected when Auto) into `dataset`.
/// Throws MeshscopeError with file and line/offset for malformed input.
ImportReport importInto(Dataset& dataset, const QStringList& paths, InputFormat format = InputFormat::Auto,
    const JobControl* job = nullptr);

/// Opens any input the product reads: a `.meshrec` or importable files/folders.
Dataset loadAnyInput(const QStringList& paths, InputFormat format = InputFormat::Auto, const JobControl* job = nullptr,
    ImportReport* report = nullptr);

/// OpenMetrics text with timestamps in seconds, ascending per series, ending in `# EOF`:
/// what `promtool tsdb create-blocks-from openmetrics` reads.
void exportOpenMetrics(const Dataset& dataset, const QString& path, const JobControl* job = nullptr);
/// A case folder as described in CASE-FORMAT.md (signals.csv, topology.csv, case.json).
void exportCase(const Dataset& dataset, const QString& dir, const JobControl* job = nullptr);

} // namespace meshscope
