#include "test_support.h"

#include <QTest>

using namespace meshscope::testing;

class TestCliBasics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void versionAndHelp()
    {
        const CliResult version = runCli({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith("meshscope-cli "));
        const CliResult help = runCli({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("Commands:"));
    }

    void unknownCommandFailsWithOneLine()
    {
        const CliResult result = runCli({QStringLiteral("no-such-command")});
        QVERIFY(result.exitCode != 0);
        QCOMPARE(result.err.count('\n'), 1);
        QVERIFY(result.err.contains("unknown command"));
    }
};

QTEST_GUILESS_MAIN(TestCliBasics)
#include "test_cli_basics.moc"
