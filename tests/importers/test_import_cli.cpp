// meshscope-cli import / export / info, driven as a user or a script would.

#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace meshscope::testing;

namespace {

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        qFatal("cannot write test file");
    return path;
}

QByteArray meshText()
{
    QByteArray text = "# TYPE istio_requests_total counter\n";
    for (int i = 0; i <= 4; ++i) {
        for (const char* code : {"200", "503"}) {
            const int count = QByteArray(code) == "200" ? 100 * i : 5 * i;
            text += QByteArray("istio_requests_total{reporter=\"destination\",source_workload=\"web\",destination_workload=\"cart\",response_code=\"")
                + code + "\",request_protocol=\"http\"} " + QByteArray::number(count) + ' ' + QByteArray::number(1700000000 + 15 * i) + '\n';
        }
    }
    return text + "# EOF\n";
}

QJsonObject infoJson(const QString& path)
{
    const CliResult info = runCli({QStringLiteral("info"), path, QStringLiteral("--json")});
    if (info.exitCode != 0)
        qWarning("%s", info.err.constData());
    return QJsonDocument::fromJson(info.out).object();
}

} // namespace

class TestImportCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void importInfoExport()
    {
        QTemporaryDir dir;
        const QString om = writeFile(dir, QStringLiteral("mesh.om"), meshText());
        const QString rec = dir.filePath(QStringLiteral("mesh.meshrec"));
        const CliResult import = runCli({QStringLiteral("import"), om, QStringLiteral("-o"), rec});
        QVERIFY2(import.exitCode == 0, import.err.constData());
        QVERIFY(import.out.contains("imported"));

        const QJsonObject info = infoJson(rec);
        QCOMPARE(info.value(QStringLiteral("start")).toInteger(), 1700000015); // the first rate point
        QCOMPARE(info.value(QStringLiteral("end")).toInteger(), 1700000060);
        QVERIFY(info.value(QStringLiteral("series")).toInt() >= 4); // edge and node: rate and error ratio
        QVERIFY(info.value(QStringLiteral("samples")).toInt() >= 16);
        QCOMPARE(info.value(QStringLiteral("topology")).toObject().value(QStringLiteral("nodes")).toInt(), 2);
        QCOMPARE(info.value(QStringLiteral("topology")).toObject().value(QStringLiteral("edges")).toInt(), 1);

        // The same import again refuses to overwrite without --overwrite.
        const CliResult again = runCli({QStringLiteral("import"), om, QStringLiteral("-o"), rec});
        QVERIFY(again.exitCode != 0);
        QCOMPARE(again.err.count('\n'), 1);

        const QString out = dir.filePath(QStringLiteral("back.om"));
        const CliResult exportOm = runCli({QStringLiteral("export"), rec, QStringLiteral("--openmetrics"), out});
        QVERIFY2(exportOm.exitCode == 0, exportOm.err.constData());
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("meshscope_error_ratio{entity=\"web->cart\""));

        const QString caseDir = dir.filePath(QStringLiteral("case"));
        const CliResult exportCase = runCli({QStringLiteral("export"), rec, QStringLiteral("--case"), caseDir});
        QVERIFY2(exportCase.exitCode == 0, exportCase.err.constData());
        QVERIFY(QFile::exists(caseDir + QStringLiteral("/signals.csv")));
        QCOMPARE(infoJson(caseDir).value(QStringLiteral("samples")).toInt(), info.value(QStringLiteral("samples")).toInt());
    }

    void infoOnKialiCountsLikeKiali()
    {
        MESHSCOPE_REQUIRE_SHARED();
        const QJsonObject info = infoJson(sharedPath(QStringLiteral("fixtures/kiali/test_versioned_app_graph.expected")));
        QCOMPARE(info.value(QStringLiteral("format")).toString(), QStringLiteral("kiali"));
        QCOMPARE(info.value(QStringLiteral("topology")).toObject().value(QStringLiteral("nodes")).toInt(), 13); // the app box is not a node
        QCOMPARE(info.value(QStringLiteral("topology")).toObject().value(QStringLiteral("edges")).toInt(), 18);
        QCOMPARE(info.value(QStringLiteral("series")).toInt(), 0);
    }

    void infoOnCase()
    {
        MESHSCOPE_REQUIRE_SHARED();
        const QString dir = sharedPath(QStringLiteral("data/rca-cases/sockshop-carts-cpu-1"));
        if (!QFileInfo::exists(dir))
            QSKIP("case sockshop-carts-cpu-1 is absent");
        const QJsonObject info = infoJson(dir);
        QCOMPARE(info.value(QStringLiteral("format")).toString(), QStringLiteral("case"));
        QVERIFY(info.value(QStringLiteral("samples")).toInt() > 1000);
        QVERIFY(info.value(QStringLiteral("end")).toDouble() > info.value(QStringLiteral("start")).toDouble());
        const CliResult text = runCli({QStringLiteral("info"), dir});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("series:"));
    }

    void errorsAreOneLine_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("import no output") << QStringList {QStringLiteral("import"), QStringLiteral("x.om")} << QByteArray("-o");
        QTest::newRow("import missing input") << QStringList {QStringLiteral("import"), QStringLiteral("/nonexistent/x.om"), QStringLiteral("-o"), QStringLiteral("/tmp/never.meshrec")} << QByteArray("no such file");
        QTest::newRow("import bad format") << QStringList {QStringLiteral("import"), QStringLiteral("x"), QStringLiteral("-o"), QStringLiteral("y"), QStringLiteral("--format"), QStringLiteral("xml")} << QByteArray("unknown format");
        QTest::newRow("export no target") << QStringList {QStringLiteral("export"), QStringLiteral("x.meshrec")} << QByteArray("--openmetrics");
        QTest::newRow("info missing") << QStringList {QStringLiteral("info"), QStringLiteral("/nonexistent/file")} << QByteArray("no such file");
        QTest::newRow("info two files") << QStringList {QStringLiteral("info"), QStringLiteral("a"), QStringLiteral("b")} << QByteArray("exactly one");
    }
    void errorsAreOneLine()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, expected);
        const CliResult result = runCli(arguments);
        QVERIFY(result.exitCode != 0);
        QCOMPARE(result.err.count('\n'), 1);
        QVERIFY2(result.err.contains(expected), result.err.constData());
    }

    void malformedInputNamesTheLine()
    {
        QTemporaryDir dir;
        const QString om = writeFile(dir, QStringLiteral("bad.om"), "up 1 10\nup{x=\"1\" 2 20\n");
        const CliResult result = runCli({QStringLiteral("info"), om});
        QVERIFY(result.exitCode != 0);
        QCOMPARE(result.err.count('\n'), 1);
        QVERIFY2(result.err.contains("bad.om:2:"), result.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestImportCli)
#include "test_import_cli.moc"
