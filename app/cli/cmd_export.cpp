// meshscope-cli export: writes a recording back out as OpenMetrics (for
// `promtool tsdb create-blocks-from openmetrics`) or as an investigation case folder.

#include "cli_command.h"

#include "importers/importer.h"
#include "model/meshscope_error.h"

#include <QCommandLineParser>

namespace meshscope::cli {

namespace {

int runExport(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Exports a recording (or any importable input) as OpenMetrics or a case folder."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A .meshrec recording or an importable input."), QStringLiteral("FILE"));
    parser.addOption({QStringLiteral("openmetrics"), QStringLiteral("Write OpenMetrics text with timestamps to OUT."), QStringLiteral("OUT.om")});
    parser.addOption({QStringLiteral("case"), QStringLiteral("Write an investigation case folder DIR."), QStringLiteral("DIR")});
    if (!parseCommandLine(parser, QStringLiteral("export"), arguments))
        return 0;
    const QStringList inputs = parser.positionalArguments();
    if (inputs.size() != 1)
        throw MeshscopeError(QStringLiteral("expected exactly one FILE (see 'meshscope-cli export --help')"));
    const bool toOpenMetrics = parser.isSet(QStringLiteral("openmetrics"));
    const bool toCase = parser.isSet(QStringLiteral("case"));
    if (toOpenMetrics == toCase)
        throw MeshscopeError(QStringLiteral("give exactly one of --openmetrics OUT.om or --case DIR"));

    TerminalProgress progress(QStringLiteral("export"));
    const JobControl job([&progress](double fraction) { progress.update(fraction); });
    const Dataset dataset = loadAnyInput(inputs, InputFormat::Auto, &job);
    if (toOpenMetrics) {
        const QString out = parser.value(QStringLiteral("openmetrics"));
        exportOpenMetrics(dataset, out, &job);
        printOut(QStringLiteral("wrote %1 samples of %2 series to %3").arg(dataset.series.sampleCount()).arg(dataset.series.seriesCount()).arg(out));
    } else {
        const QString dir = parser.value(QStringLiteral("case"));
        exportCase(dataset, dir, &job);
        printOut(QStringLiteral("wrote the case folder %1 (%2 samples)").arg(dir).arg(dataset.series.sampleCount()));
    }
    return 0;
}

} // namespace

MESHSCOPE_CLI_COMMAND("export", "Export a recording as OpenMetrics text or an investigation case folder", runExport);

} // namespace meshscope::cli
