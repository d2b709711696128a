#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <vector>

using namespace meshscope::testing;

namespace {

QList<QByteArray> readLines(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> lines = file.readAll().split('\n');
    while (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

} // namespace

class TestNabScore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The default detector on real NAB series: one output row per input row with the
    // text copied through, scores in [0,1], and alerts that find the labelled windows.
    void defaultDetectorOnNab_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("machine temperature") << QStringLiteral("realKnownCause/machine_temperature_system_failure.csv");
        QTest::newRow("ec2 latency") << QStringLiteral("realKnownCause/ec2_request_latency_system_failure.csv");
        QTest::newRow("jumps up") << QStringLiteral("artificialWithAnomaly/art_daily_jumpsup.csv");
    }
    void defaultDetectorOnNab()
    {
        MESHSCOPE_REQUIRE_SHARED();
        QFETCH(QString, file);
        const QString input = sharedPath(QStringLiteral("data/nab/data/") + file);
        QTemporaryDir out;
        const QString output = out.filePath(QStringLiteral("scored.csv"));
        const CliResult r = runCli({QStringLiteral("score"), QStringLiteral("--input"), input,
            QStringLiteral("--output"), output});
        QVERIFY2(r.exitCode == 0, r.err.constData());

        const QList<QByteArray> in = readLines(input);
        const QList<QByteArray> scored = readLines(output);
        QCOMPARE(scored.size(), in.size());
        QCOMPARE(scored.first(), QByteArray("timestamp,value,anomaly_score"));
        std::vector<double> scores;
        std::vector<QByteArray> stamps;
        for (qsizetype i = 1; i < scored.size(); ++i) {
            const QList<QByteArray> cells = scored[i].split(',');
            QCOMPARE(cells.size(), 3);
            QCOMPARE(cells[0] + ',' + cells[1], in[i].trimmed()); // copied through
            bool ok = false;
            const double s = cells[2].toDouble(&ok);
            QVERIFY(ok && s >= 0 && s <= 1);
            scores.push_back(s);
            stamps.push_back(cells[0]);
        }

        QFile labels(sharedPath(QStringLiteral("data/nab/labels/combined_windows.json")));
        QVERIFY(labels.open(QIODevice::ReadOnly));
        const QJsonArray windows = QJsonDocument::fromJson(labels.readAll()).object().value(file).toArray();
        QVERIFY(!windows.isEmpty());
        // Judged like NAB at the console's alert level: a window counts as detected when a
        // score inside it alerts, every alerting sample outside the windows is a false
        // positive. The detector must find at least half of the windows and beat silence
        // under NAB's standard weights (a detection +1, a miss -1, a false positive -0.11).
        constexpr double AlertLevel = 0.6;
        constexpr double FalsePositiveCost = 0.11;
        // NAB's probationary period (15% of the file, at most 750 rows) is for learning.
        const std::size_t probation = std::min<std::size_t>(scores.size() * 15 / 100, 750);
        std::vector<bool> detected(static_cast<std::size_t>(windows.size()), false);
        int falsePositives = 0;
        for (std::size_t i = probation; i < scores.size(); ++i) {
            if (scores[i] < AlertLevel)
                continue;
            // NAB stamps "YYYY-MM-DD HH:MM:SS" compare correctly as text.
            const QString t = QString::fromLatin1(stamps[i]);
            bool inside = false;
            for (qsizetype w = 0; w < windows.size(); ++w) {
                const QJsonArray window = windows[w].toArray();
                if (t >= window[0].toString().left(19) && t <= window[1].toString().left(19)) {
                    detected[static_cast<std::size_t>(w)] = true;
                    inside = true;
                }
            }
            falsePositives += inside ? 0 : 1;
        }
        const auto found = static_cast<int>(std::count(detected.begin(), detected.end(), true));
        const auto missed = static_cast<int>(windows.size()) - found;
        const double weighted = found - missed - FalsePositiveCost * falsePositives;
        const QString summary = QStringLiteral("%1 of %2 windows detected, %3 false positives")
                                    .arg(found)
                                    .arg(windows.size())
                                    .arg(falsePositives);
        QVERIFY2(2 * found >= windows.size(), qPrintable(summary));
        QVERIFY2(weighted > 0, qPrintable(summary));
    }

    void wholeFolderMirrorsLayoutAndRejectsBadInput()
    {
        QTemporaryDir data, out;
        QDir(data.path()).mkpath(QStringLiteral("cat"));
        QFile f(data.filePath(QStringLiteral("cat/s.csv")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        QByteArray text = "timestamp,value\n";
        for (int i = 0; i < 500; ++i)
            text += QByteArray("2020-01-01 ") + QByteArray::number(10 + i / 60) + ':'
                + QByteArray::number(i % 60).rightJustified(2, '0') + ":00," + QByteArray::number(i % 7) + '\n';
        f.write(text);
        f.close();
        for (const QString& detector : {QStringLiteral("ensemble"), QStringLiteral("spike")}) {
            const CliResult r = runCli({QStringLiteral("score"), QStringLiteral("--nab-dir"), data.path(),
                QStringLiteral("--out"), out.path(), QStringLiteral("--detector"), detector});
            QVERIFY2(r.exitCode == 0, r.err.constData());
            QCOMPARE(readLines(out.filePath(QStringLiteral("cat/s.csv"))).size(), 501);
        }
        const CliResult unknown = runCli({QStringLiteral("score"), QStringLiteral("--nab-dir"), data.path(),
            QStringLiteral("--out"), out.path(), QStringLiteral("--detector"), QStringLiteral("nope")});
        QVERIFY(unknown.exitCode != 0 && unknown.err.contains("unknown detector"));
        QVERIFY(f.open(QIODevice::Append));
        f.write("yesterday,5\n");
        f.close();
        const CliResult bad = runCli({QStringLiteral("score"), QStringLiteral("--input"), f.fileName(),
            QStringLiteral("--output"), out.filePath(QStringLiteral("x.csv"))});
        QVERIFY(bad.exitCode != 0 && bad.err.contains(":502"));
    }
};

QTEST_GUILESS_MAIN(TestNabScore)
#include "test_nab_score.moc"
