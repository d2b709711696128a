#include "test_support.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace meshscope::testing;

namespace {

constexpr qint64 Start = 1'700'000'000;
constexpr qint64 Alarm = Start + 240 * 15;

void writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
    file.write(content);
}

/// A small case: frontend -> cart -> redis, frontend -> search. With `fault`, cart's CPU
/// and latency jump at the alarm time and frontend's latency follows.
void writeCase(const QString& dir, bool fault)
{
    QByteArray csv = "timestamp,entity,signal,value\n";
    for (int i = 0; i < 360; ++i) {
        const qint64 t = Start + i * 15;
        const bool after = fault && t >= Alarm;
        const double wobble = std::sin(i * 0.7) * 0.02 + std::cos(i * 1.3) * 0.015;
        struct Row { const char* entity; const char* signal; double value; };
        const Row rows[] = {
            {"cart", "cpu", (after ? 0.95 : 0.3) * (1 + wobble)},
            {"cart", "latency_p95_ms", (after ? 400.0 : 40.0) * (1 + wobble)},
            {"frontend", "latency_p95_ms", (after ? 480.0 : 100.0) * (1 - wobble)},
            {"redis", "latency_p95_ms", 2.0 * (1 + wobble)},
            {"search", "latency_p95_ms", 30.0 * (1 - wobble)},
        };
        for (const Row& row : rows)
            csv += QByteArray::number(t) + ',' + row.entity + ',' + row.signal + ',' + QByteArray::number(row.value, 'g', 8) + '\n';
    }
    writeFile(dir + QStringLiteral("/signals.csv"), csv);
    writeFile(dir + QStringLiteral("/topology.csv"), "source,destination\ncart,redis\nfrontend,cart\nfrontend,search\n");
    writeFile(dir + QStringLiteral("/case.json"), "{\"alarm_time\": " + QByteArray::number(Alarm) + ", \"step_s\": 15}\n");
}

QJsonObject investigateJson(const QStringList& arguments)
{
    const CliResult result = runCli(QStringList {QStringLiteral("investigate")} + arguments + QStringList {QStringLiteral("--json")});
    if (result.exitCode != 0)
        qWarning("%s", result.err.constData());
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(result.out, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON: %s", result.out.constData());
    return document.object();
}

/// The "Ranking output" format of CASE-FORMAT.md: [{"entity","score"}], best first.
bool isRanking(const QJsonValue& value)
{
    if (!value.isArray())
        return false;
    double previous = INFINITY;
    for (const QJsonValue& item : value.toArray()) {
        const QJsonObject object = item.toObject();
        if (!object.value(QStringLiteral("entity")).isString() || !object.value(QStringLiteral("score")).isDouble())
            return false;
        const double score = object.value(QStringLiteral("score")).toDouble();
        if (score > previous)
            return false;
        previous = score;
    }
    return true;
}

} // namespace

class TestInvestigateCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rankingOfACaseAtItsAlarmTime()
    {
        QTemporaryDir dir;
        writeCase(dir.path(), true);
        const QJsonObject out = investigateJson({QStringLiteral("--case"), dir.path()});
        QVERIFY(isRanking(out.value(QStringLiteral("ranking"))));
        const QJsonArray ranking = out.value(QStringLiteral("ranking")).toArray();
        QVERIFY(!ranking.isEmpty());
        QCOMPARE(ranking.first().toObject().value(QStringLiteral("entity")).toString(), QStringLiteral("cart"));
        QCOMPARE(out.value(QStringLiteral("at")).toInteger(), Alarm);
        const QJsonArray incidents = out.value(QStringLiteral("incidents")).toArray();
        QVERIFY(!incidents.isEmpty());
        const QJsonObject focus = incidents.at(out.value(QStringLiteral("focus_incident")).toInt()).toObject();
        for (const char* key : {"id", "start", "end", "significance", "first_affected", "candidates"})
            QVERIFY2(focus.contains(QLatin1String(key)), key);
        const QJsonObject best = focus.value(QStringLiteral("candidates")).toArray().first().toObject();
        QCOMPARE(best.value(QStringLiteral("entity")).toString(), QStringLiteral("cart"));
        QVERIFY(best.value(QStringLiteral("evidence")).toString().contains(QStringLiteral("cart/")));
        QVERIFY(best.value(QStringLiteral("signals")).toArray().contains(QStringLiteral("cart/cpu")));
        QCOMPARE(best.value(QStringLiteral("path_to_symptoms")).toArray().first().toString(), QStringLiteral("frontend"));

        // --at overrides the alarm time; where nothing changed the ranking is empty (the
        // incidents found in the whole input are still listed).
        const QJsonObject early = investigateJson(
            {QStringLiteral("--case"), dir.path(), QStringLiteral("--at"), QString::number(Start + 100 * 15)});
        QCOMPARE(early.value(QStringLiteral("at")).toInteger(), Start + 100 * 15);
        QVERIFY(early.value(QStringLiteral("ranking")).toArray().isEmpty());
        QVERIFY(early.value(QStringLiteral("focus_incident")).isNull());
    }

    void tuningMutesASeries()
    {
        QTemporaryDir dir;
        writeCase(dir.path(), true);
        const QString tuning = dir.filePath(QStringLiteral("tuning.json"));
        writeFile(tuning, "{\"version\": 1, \"series\": [{\"entity\": \"cart\", \"signal\": \"cpu\", \"muted\": true}]}");
        const auto alertsOfCartCpu = [](const QJsonObject& out) {
            int count = 0;
            for (const QJsonValue& incident : out.value(QStringLiteral("incidents")).toArray()) {
                for (const QJsonValue& anomaly : incident.toObject().value(QStringLiteral("anomalies")).toArray()) {
                    const QJsonObject a = anomaly.toObject();
                    count += a.value(QStringLiteral("entity")).toString() == QStringLiteral("cart")
                        && a.value(QStringLiteral("signal")).toString() == QStringLiteral("cpu");
                }
            }
            return count;
        };
        const QJsonObject plain = investigateJson({QStringLiteral("--case"), dir.path()});
        QVERIFY(alertsOfCartCpu(plain) > 0);
        const QJsonObject out = investigateJson({QStringLiteral("--case"), dir.path(), QStringLiteral("--tuning"), tuning});
        QVERIFY(!out.value(QStringLiteral("incidents")).toArray().isEmpty());
        QCOMPARE(alertsOfCartCpu(out), 0);
        QVERIFY(out.value(QStringLiteral("anomalies_detected")).toInt() < plain.value(QStringLiteral("anomalies_detected")).toInt());
        // cart's latency still makes it the suspect.
        QCOMPARE(out.value(QStringLiteral("ranking")).toArray().first().toObject().value(QStringLiteral("entity")).toString(),
            QStringLiteral("cart"));

        writeFile(tuning, "{\"version\": 9}");
        const CliResult newer = runCli({QStringLiteral("investigate"), QStringLiteral("--case"), dir.path(),
            QStringLiteral("--tuning"), tuning});
        QVERIFY(newer.exitCode != 0);
        QVERIFY2(newer.err.contains("update meshscope"), newer.err.constData());
        const CliResult missing = runCli({QStringLiteral("investigate"), QStringLiteral("--case"), dir.path(),
            QStringLiteral("--tuning"), dir.filePath(QStringLiteral("nope.json"))});
        QVERIFY(missing.exitCode != 0);
        QVERIFY2(missing.err.contains("does not exist"), missing.err.constData());
    }

    void faultFreeCaseHasNoIncident()
    {
        QTemporaryDir dir;
        writeCase(dir.path(), false);
        for (const QStringList& extra : {QStringList {}, QStringList {QStringLiteral("--ignore-alarm-time")}}) {
            const QJsonObject out = investigateJson(QStringList {QStringLiteral("--case"), dir.path()} + extra);
            QVERIFY(out.value(QStringLiteral("ranking")).isArray());
            QVERIFY(out.value(QStringLiteral("ranking")).toArray().isEmpty());
            QVERIFY(out.value(QStringLiteral("incidents")).isArray());
            QVERIFY(out.value(QStringLiteral("incidents")).toArray().isEmpty());
        }
    }

    void readableReportAndErrors()
    {
        QTemporaryDir dir;
        writeCase(dir.path(), true);
        const CliResult text = runCli({QStringLiteral("investigate"), QStringLiteral("--case"), dir.path()});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("1. cart"));
        QVERIFY(text.out.contains("alarm time"));
        const CliResult none = runCli({QStringLiteral("investigate")});
        QVERIFY(none.exitCode != 0);
        QVERIFY(none.err.contains("give exactly one input"));
        const CliResult badAt = runCli({QStringLiteral("investigate"), QStringLiteral("--case"), dir.path(),
            QStringLiteral("--at"), QStringLiteral("yesterday")});
        QVERIFY(badAt.exitCode != 0);
        QVERIFY(badAt.err.contains("--at"));
    }

    void sharedCasesRankingFormat_data()
    {
        QTest::addColumn<QString>("caseId");
        QTest::newRow("sock shop") << QStringLiteral("sockshop-carts-cpu-1");
        QTest::newRow("petshop") << QStringLiteral("petshop-high_traffic-test-issue_0");
    }

    void sharedCasesRankingFormat()
    {
        MESHSCOPE_REQUIRE_SHARED();
        QFETCH(QString, caseId);
        const QJsonObject out = investigateJson({QStringLiteral("--case"), sharedPath(QStringLiteral("data/rca-cases/") + caseId)});
        QVERIFY(isRanking(out.value(QStringLiteral("ranking"))));
        QVERIFY(out.value(QStringLiteral("ranking")).toArray().size() >= 5);
        QVERIFY(!out.value(QStringLiteral("incidents")).toArray().isEmpty());
    }

    void evaluationOnAHandfulOfCases()
    {
        MESHSCOPE_REQUIRE_SHARED();
        const CliResult result = runCli({QStringLiteral("evaluate-rca"), QStringLiteral("--cases"),
            sharedPath(QStringLiteral("data/rca-cases")), QStringLiteral("--filter"),
            QStringLiteral("^(sockshop-(carts|user|payment)-(cpu|mem)-1|petshop-high_traffic-test-issue_(0|1|2|10|11|12))$"),
            QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject scores = QJsonDocument::fromJson(result.out).object().value(QStringLiteral("scores")).toObject();
        const QJsonObject sockShop = scores.value(QStringLiteral("sock-shop")).toObject();
        const QJsonObject petShop = scores.value(QStringLiteral("petshop")).toObject();
        QCOMPARE(sockShop.value(QStringLiteral("n")).toInt(), 6);
        QCOMPARE(petShop.value(QStringLiteral("n")).toInt(), 6);
        QVERIFY(sockShop.value(QStringLiteral("AC@1")).toDouble() >= 0.8);
        QVERIFY(petShop.value(QStringLiteral("AC@3")).toDouble() >= 0.5);
        for (const QJsonValue& group : scores) {
            const QJsonObject s = group.toObject();
            QVERIFY(s.value(QStringLiteral("AC@1")).toDouble() <= s.value(QStringLiteral("AC@3")).toDouble());
            QVERIFY(s.value(QStringLiteral("AC@3")).toDouble() <= s.value(QStringLiteral("AC@5")).toDouble());
        }
    }

    void evaluationSplitsIntoBalancedHalves()
    {
        MESHSCOPE_REQUIRE_SHARED();
        const CliResult result = runCli({QStringLiteral("evaluate-rca"), QStringLiteral("--cases"),
            sharedPath(QStringLiteral("data/rca-cases")), QStringLiteral("--filter"),
            QStringLiteral("^(sockshop-(carts|user|payment)-(cpu|mem)-1|petshop-high_traffic-test-issue_(0|1|2|10|11|12))$"),
            QStringLiteral("--split"), QStringLiteral("--verbose"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject root = QJsonDocument::fromJson(result.out).object();
        const QJsonObject scores = root.value(QStringLiteral("scores")).toObject();
        // Each case not ranked first says which half it is in.
        for (const QJsonValue& miss : root.value(QStringLiteral("misses")).toArray()) {
            const QString text = miss.toString();
            QVERIFY2(text.startsWith(QStringLiteral("[tune] ")) || text.startsWith(QStringLiteral("[held-out] ")),
                qPrintable(text));
        }
        int groups = 0;
        for (const QString& group : scores.keys()) {
            if (group.contains(QLatin1Char('[')))
                continue;
            const QJsonObject all = scores.value(group).toObject();
            const QJsonObject tune = scores.value(group + QStringLiteral(" [tune]")).toObject();
            const QJsonObject heldOut = scores.value(group + QStringLiteral(" [held-out]")).toObject();
            const int n = all.value(QStringLiteral("n")).toInt();
            const int nTune = tune.value(QStringLiteral("n")).toInt();
            const int nHeldOut = heldOut.value(QStringLiteral("n")).toInt();
            QCOMPARE(nTune + nHeldOut, n);
            // Dealt alternately inside each system and fault: a fault type of 3 cases
            // splits 2 + 1, a system of several fault types stays close to half and half.
            QVERIFY2(std::abs(nTune - nHeldOut) <= (group.contains(QLatin1Char('/')) ? 1 : 3), qPrintable(group));
            for (const QString& measure : {QStringLiteral("AC@1"), QStringLiteral("Avg@5")}) {
                const double whole = all.value(measure).toDouble() * n;
                const double halves = tune.value(measure).toDouble() * nTune + heldOut.value(measure).toDouble() * nHeldOut;
                QVERIFY2(std::abs(whole - halves) < 1e-9, qPrintable(group + QLatin1Char(' ') + measure));
            }
            ++groups;
        }
        QVERIFY(groups >= 4); // sock-shop, petshop and their fault types
    }
};

QTEST_GUILESS_MAIN(TestInvestigateCli)
#include "test_investigate_cli.moc"
