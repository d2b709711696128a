#include "cli_command.h"

#include "model/meshscope_error.h"

#include <QCommandLineParser>

#include <algorithm>
#include <cstdio>
#include <unistd.h>

namespace meshscope::cli {

namespace {
std::vector<CliCommand>& registry()
{
    static std::vector<CliCommand> commands;
    return commands;
}
} // namespace

void CliRegistry::add(CliCommand command)
{
    auto& commands = registry();
    const auto at = std::lower_bound(commands.begin(), commands.end(), command.name,
        [](const CliCommand& c, const QString& name) { return c.name < name; });
    commands.insert(at, std::move(command));
}

const std::vector<CliCommand>& CliRegistry::commands()
{
    return registry();
}

const CliCommand* CliRegistry::find(const QString& name)
{
    for (const CliCommand& command : registry()) {
        if (command.name == name)
            return &command;
    }
    return nullptr;
}

bool parseCommandLine(QCommandLineParser& parser, const QString& command, const QStringList& arguments)
{
    parser.addHelpOption();
    QStringList full = arguments;
    full.prepend(QStringLiteral("meshscope-cli ") + command);
    if (!parser.parse(full))
        throw MeshscopeError(parser.errorText() + QStringLiteral(" (see 'meshscope-cli ") + command
            + QStringLiteral(" --help')"));
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return false;
    }
    return true;
}

void printOut(const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
    if (!text.endsWith(QLatin1Char('\n')))
        std::fputc('\n', stdout);
    std::fflush(stdout);
}

void printErr(const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stderr);
    if (!text.endsWith(QLatin1Char('\n')))
        std::fputc('\n', stderr);
    std::fflush(stderr);
}

TerminalProgress::TerminalProgress(QString label)
    : m_label(std::move(label))
    , m_enabled(isatty(fileno(stderr)) != 0)
{
}

TerminalProgress::~TerminalProgress()
{
    if (m_enabled && m_lastPercent >= 0)
        std::fputc('\n', stderr);
}

void TerminalProgress::update(double fraction)
{
    if (!m_enabled)
        return;
    const int percent = std::clamp(static_cast<int>(fraction * 100.0), 0, 100);
    if (percent == m_lastPercent)
        return;
    m_lastPercent = percent;
    std::fprintf(stderr, "\r%s %3d%%", m_label.toUtf8().constData(), percent);
    std::fflush(stderr);
}

} // namespace meshscope::cli
