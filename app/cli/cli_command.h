#pragma once

#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

class QCommandLineParser;

namespace meshscope::cli {

/// A subcommand of meshscope-cli. `run` gets the arguments after the command name and
/// returns the exit code; it throws MeshscopeError for errors the user must see.
struct CliCommand
{
    QString name;
    QString summary;
    std::function<int(const QStringList& arguments)> run;
};

class CliRegistry
{
public:
    static void add(CliCommand command);
    static const std::vector<CliCommand>& commands();
    static const CliCommand* find(const QString& name);
};

/// Parses `arguments` (without the program and command names) with `parser`, adding
/// --help. Prints help and returns false when asked for help; throws on a parse error.
bool parseCommandLine(QCommandLineParser& parser, const QString& command, const QStringList& arguments);

/// Writes to stdout/stderr without going through QDebug.
void printOut(const QString& text);
void printErr(const QString& text);

/// Progress on stderr for long jobs when stderr is a terminal.
class TerminalProgress
{
public:
    explicit TerminalProgress(QString label);
    ~TerminalProgress();
    void update(double fraction);

private:
    QString m_label;
    int m_lastPercent = -1;
    bool m_enabled;
};

} // namespace meshscope::cli

#define MESHSCOPE_CLI_CONCAT2(a, b) a##b
#define MESHSCOPE_CLI_CONCAT(a, b) MESHSCOPE_CLI_CONCAT2(a, b)
/// Registers a command at start-up: MESHSCOPE_CLI_COMMAND("name", "summary", function)
#define MESHSCOPE_CLI_COMMAND(NAME, SUMMARY, FUNCTION)                                                         \
    static const bool MESHSCOPE_CLI_CONCAT(registered_, __LINE__) = [] {                                      \
        ::meshscope::cli::CliRegistry::add({QStringLiteral(NAME), QStringLiteral(SUMMARY), FUNCTION});        \
        return true;                                                                                            \
    }()
