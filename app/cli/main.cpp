#include "cli_command.h"

#include "model/meshscope_error.h"

#include <QCoreApplication>

#include <cstdlib>

using namespace meshscope;
using namespace meshscope::cli;

namespace {

QString usage()
{
    QString text = QStringLiteral(
        "Usage: meshscope-cli COMMAND [OPTIONS]\n"
        "Headless meshscope: import, record, replay, detect, investigate, export.\n\nCommands:\n");
    for (const CliCommand& command : CliRegistry::commands())
        text += QStringLiteral("  %1%2\n").arg(command.name, -14).arg(command.summary);
    text += QStringLiteral("\n'meshscope-cli COMMAND --help' describes a command's options.");
    return text;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("meshscope-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("meshscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MESHSCOPE_VERSION));

    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    if (arguments.isEmpty() || arguments.first() == QLatin1String("--help") || arguments.first() == QLatin1String("-h")
        || arguments.first() == QLatin1String("help")) {
        printOut(usage());
        return arguments.isEmpty() ? EXIT_FAILURE : EXIT_SUCCESS;
    }
    if (arguments.first() == QLatin1String("--version") || arguments.first() == QLatin1String("-v")) {
        printOut(QStringLiteral("meshscope-cli " MESHSCOPE_VERSION));
        return EXIT_SUCCESS;
    }
    const QString name = arguments.takeFirst();
    const CliCommand* command = CliRegistry::find(name);
    if (!command) {
        printErr(QStringLiteral("meshscope-cli: unknown command '%1' (see 'meshscope-cli --help')").arg(name));
        return 2;
    }
    try {
        return command->run(arguments);
    } catch (const CancelledError&) {
        printErr(QStringLiteral("meshscope-cli %1: cancelled").arg(name));
        return 130;
    } catch (const MeshscopeError& error) {
        printErr(QStringLiteral("meshscope-cli %1: %2").arg(name, error.message()));
        return EXIT_FAILURE;
    } catch (const std::exception& error) {
        printErr(QStringLiteral("meshscope-cli %1: %2").arg(name, QString::fromLocal8Bit(error.what())));
        return EXIT_FAILURE;
    }
}
