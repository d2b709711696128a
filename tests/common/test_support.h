#pragma once

#include <QDir>
#include <QString>
#include <QStringList>
#include <QTest>

namespace meshscope::testing {

/// `../shared` beside the source tree, or empty when it is absent.
QString sharedDir();
/// A path inside ../shared (no check that it exists).
QString sharedPath(const QString& relative);
/// The meshscope-cli binary built with the tests.
QString cliPath();

struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};
/// Runs meshscope-cli with `arguments` and waits for it (no timeout beyond `timeoutMs`).
CliResult runCli(const QStringList& arguments, int timeoutMs = 120000, const QByteArray& stdinData = {});

} // namespace meshscope::testing

/// Skips the current test with a clear message when ../shared is not there.
#define MESHSCOPE_REQUIRE_SHARED()                                                                             \
    do {                                                                                                       \
        if (::meshscope::testing::sharedDir().isEmpty())                                                       \
            QSKIP("../shared is absent: the shared fixtures and data sets are needed for this test");          \
    } while (false)
