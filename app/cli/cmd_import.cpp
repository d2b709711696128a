// meshscope-cli import: turns files people already have (OpenMetrics text, saved
// Prometheus query JSON, Kiali graphs, investigation case folders) into a recording.

#include "cli_command.h"

#include "importers/importer.h"
#include "model/meshscope_error.h"
#include "recording/recording.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QFileInfo>

namespace meshscope::cli {

namespace {

int runImport(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Imports metric dumps, Kiali graphs or case folders into a .meshrec recording."));
    parser.addPositionalArgument(QStringLiteral("INPUT"), QStringLiteral("Files or case folders to import (one or more)."), QStringLiteral("INPUT..."));
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("The recording to write."), QStringLiteral("OUT.meshrec")});
    parser.addOption({QStringLiteral("format"), QStringLiteral("auto (default), openmetrics, prom-json, kiali or case."), QStringLiteral("FORMAT"),
        QStringLiteral("auto")});
    parser.addOption({QStringLiteral("overwrite"), QStringLiteral("Replace OUT.meshrec when it exists.")});
    if (!parseCommandLine(parser, QStringLiteral("import"), arguments))
        return 0;
    const QStringList inputs = parser.positionalArguments();
    if (inputs.isEmpty())
        throw MeshscopeError(QStringLiteral("no input given (see 'meshscope-cli import --help')"));
    const QString output = parser.value(QStringLiteral("output"));
    if (output.isEmpty())
        throw MeshscopeError(QStringLiteral("-o OUT.meshrec is required"));
    const InputFormat format = inputFormatFromName(parser.value(QStringLiteral("format")));
    if (format == InputFormat::Recording)
        throw MeshscopeError(QStringLiteral("--format meshrec makes no sense for import; use auto, openmetrics, prom-json, kiali or case"));
    if (QFileInfo::exists(output) && !parser.isSet(QStringLiteral("overwrite")))
        throw MeshscopeError(QStringLiteral("%1 exists; pass --overwrite to replace it").arg(output));

    TerminalProgress progress(QStringLiteral("import"));
    const JobControl job([&progress](double fraction) { progress.update(fraction); });
    Dataset dataset;
    const ImportReport report = importInto(dataset, inputs, format, &job);
    QStringList sources;
    for (const QString& input : inputs)
        sources.append(QFileInfo(input).fileName());
    dataset.settings.insert(QStringLiteral("source"), QStringLiteral("import"));
    dataset.settings.insert(QStringLiteral("import.format"), inputFormatName(format));
    dataset.settings.insert(QStringLiteral("import.inputs"), sources.join(QStringLiteral(", ")));
    dataset.settings.insert(QStringLiteral("import.time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    saveRecording(dataset, output, parser.isSet(QStringLiteral("overwrite")), &job);

    for (const QString& warning : report.warnings)
        printErr(QStringLiteral("warning: ") + warning);
    printOut(QStringLiteral("imported %1 samples in %2 series and %3 topology frames into %4 (%5 duplicate and %6 out-of-order samples dropped)")
                 .arg(report.samples)
                 .arg(dataset.series.seriesCount())
                 .arg(report.topologyFrames)
                 .arg(output)
                 .arg(report.duplicates)
                 .arg(report.outOfOrder));
    return 0;
}

} // namespace

MESHSCOPE_CLI_COMMAND("import", "Import OpenMetrics, Prometheus JSON, Kiali graphs or case folders into a recording", runImport);

} // namespace meshscope::cli
