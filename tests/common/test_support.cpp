#include "test_support.h"

#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>

namespace meshscope::testing {

QString sharedDir()
{
    const QString fromEnv = qEnvironmentVariable("MESHSCOPE_SHARED_DIR");
    const QString dir = fromEnv.isEmpty() ? QStringLiteral(MESHSCOPE_SHARED_DIR) : fromEnv;
    const QFileInfo info(dir);
    return info.isDir() ? info.canonicalFilePath() : QString();
}

QString sharedPath(const QString& relative)
{
    return sharedDir() + QLatin1Char('/') + relative;
}

QString cliPath()
{
    const QString fromEnv = qEnvironmentVariable("MESHSCOPE_CLI");
    return fromEnv.isEmpty() ? QStringLiteral(MESHSCOPE_BINARY_DIR "/bin/meshscope-cli") : fromEnv;
}

CliResult runCli(const QStringList& arguments, int timeoutMs, const QByteArray& stdinData)
{
    QProcess process;
    process.start(cliPath(), arguments);
    CliResult result;
    if (!process.waitForStarted()) {
        result.err = "could not start " + cliPath().toUtf8();
        return result;
    }
    if (!stdinData.isEmpty())
        process.write(stdinData);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.err = "timed out";
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

} // namespace meshscope::testing
