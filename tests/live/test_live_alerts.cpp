// Prometheus alerts against a real Prometheus evaluating real alerting rules: a live
// session and `meshscope-cli record` put them into the recording, reopening shows them,
// and a credential in a rule's labels never reaches the file.
#include "prometheus_harness.h"
#include "synthetic_istio.h"
#include "test_support.h"

#include "live/live_source.h"
#include "recording/recording.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace meshscope;
using namespace meshscope::testing;

namespace {

// `vector(1)` is always present, so the first rule fires at its first evaluation and the
// second stays pending for an hour. The token label is there to be dropped.
const QByteArray Rules = R"yaml(groups:
  - name: meshscope-test
    rules:
      - alert: CartErrors
        expr: vector(1)
        for: 0s
        labels:
          destination_workload: cart
          destination_workload_namespace: shop
          severity: page
          api_token: s3cr3t-rule-token
      - alert: FrontendSlow
        expr: vector(1)
        for: 1h
        labels:
          workload: frontend
)yaml";

const ExternalAlert* find(const std::vector<ExternalAlert>& alerts, const QString& name)
{
    for (const ExternalAlert& alert : alerts) {
        if (alert.name == name)
            return &alert;
    }
    return nullptr;
}

bool bothSeen(const QSignalSpy& updates)
{
    if (updates.isEmpty())
        return false;
    const auto alerts = updates.last().first().value<LiveUpdate>().alertIntervals;
    const ExternalAlert* firing = find(alerts, QStringLiteral("CartErrors"));
    const ExternalAlert* pending = find(alerts, QStringLiteral("FrontendSlow"));
    return firing && firing->state == QLatin1String("firing") && pending
        && pending->state == QLatin1String("pending");
}

QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestLiveAlerts : public QObject
{
    Q_OBJECT
private:
    PrometheusHarness m_prometheus;

private Q_SLOTS:
    void initTestCase()
    {
        if (!PrometheusHarness::available())
            QSKIP("/usr/bin/prometheus or /usr/bin/promtool is not installed");
        m_prometheus.setRules(Rules);
        QString error;
        QVERIFY2(m_prometheus.start(SyntheticMesh::recentSmall().openMetrics(), &error), qPrintable(error));
    }

    void liveSessionRecordsAlerts()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("alerts.meshrec"));
        ConnectionProfile profile;
        profile.prometheus.url = m_prometheus.url();
        profile.prometheus.timeoutMs = 5000;
        profile.pollIntervalS = 5;
        profile.backfillMinutes = 10;
        LiveSource source(profile);
        source.setPollIntervalMs(300);
        source.setRecordingPath(path);
        QSignalSpy updates(&source, &LiveSource::updateArrived);
        source.start();
        QTRY_VERIFY_WITH_TIMEOUT(bothSeen(updates), 30000);
        const LiveUpdate last = updates.last().first().value<LiveUpdate>();
        QVERIFY2(!last.warnings.join(QLatin1Char(' ')).contains(QStringLiteral("alert")),
            qPrintable(last.warnings.join(QLatin1Char('\n'))));
        source.stop();

        const Dataset reopened = loadRecording(path);
        const ExternalAlert* firing = find(reopened.alerts, QStringLiteral("CartErrors"));
        QVERIFY(firing);
        QCOMPARE(firing->state, QStringLiteral("firing"));
        QCOMPARE(firing->entity, QStringLiteral("cart"));
        QCOMPARE(firing->labels.value(QStringLiteral("severity")), QStringLiteral("page"));
        QVERIFY(firing->activeAtMs > 0);
        const ExternalAlert* pending = find(reopened.alerts, QStringLiteral("FrontendSlow"));
        QVERIFY(pending);
        QCOMPARE(pending->state, QStringLiteral("pending"));
        QCOMPARE(pending->entity, QStringLiteral("frontend"));
        QVERIFY(RecordingReader::open(path)->info().alertCount >= 2);
        QVERIFY(!fileBytes(path).contains("s3cr3t"));
    }

    void cliRecordStoresAlertHistory()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("range.meshrec"));
        // ALERTS samples exist once the rules were evaluated; record the last minutes
        // until the range holds some (each try replaces the file).
        const auto recordNow = [&] {
            const qint64 now = QDateTime::currentSecsSinceEpoch();
            const CliResult result = runCli({QStringLiteral("record"), QStringLiteral("--prometheus"),
                m_prometheus.url().toString(), QStringLiteral("--start"), QString::number(now - 300),
                QStringLiteral("--end"), QString::number(now), QStringLiteral("--step"), QStringLiteral("5"),
                QStringLiteral("--overwrite"), QStringLiteral("-o"), path});
            return result.exitCode == 0 && RecordingReader::open(path)->info().alertCount >= 2;
        };
        QTRY_VERIFY_WITH_TIMEOUT(recordNow(), 60000);

        const CliResult info = runCli({QStringLiteral("info"), QStringLiteral("--json"), path});
        QCOMPARE(info.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(info.out).object().value(QLatin1String("alerts")).toInt() >= 2);

        const CliResult investigate = runCli({QStringLiteral("investigate"), QStringLiteral("--json"), path});
        QVERIFY2(investigate.exitCode == 0, investigate.err.constData());
        const QJsonArray listed = QJsonDocument::fromJson(investigate.out)
                                      .object()
                                      .value(QLatin1String("prometheus_alerts"))
                                      .toArray();
        QStringList names;
        for (const QJsonValue& alert : listed)
            names << alert.toObject().value(QLatin1String("name")).toString();
        QVERIFY2(names.contains(QStringLiteral("CartErrors")), qPrintable(names.join(QLatin1Char(','))));
        QVERIFY(!fileBytes(path).contains("s3cr3t"));
    }

    void cliInvestigatePrometheusListsAlerts()
    {
        // The ALERTS history of the investigated range; tried until the rules have been
        // evaluated long enough for both alerts to be in it.
        QJsonArray listed;
        QByteArray text;
        const auto investigateNow = [&] {
            const qint64 now = QDateTime::currentSecsSinceEpoch();
            const QStringList range {QStringLiteral("investigate"), QStringLiteral("--prometheus"),
                m_prometheus.url().toString(), QStringLiteral("--start"), QString::number(now - 300),
                QStringLiteral("--end"), QString::number(now)};
            const CliResult json = runCli(range + QStringList {QStringLiteral("--json")});
            if (json.exitCode != 0)
                return false;
            listed = QJsonDocument::fromJson(json.out)
                         .object()
                         .value(QLatin1String("prometheus_alerts"))
                         .toArray();
            const CliResult plain = runCli(range);
            text = plain.out;
            return plain.exitCode == 0 && listed.size() >= 2 && text.contains("FrontendSlow");
        };
        QTRY_VERIFY_WITH_TIMEOUT(investigateNow(), 60000);
        QJsonObject cart;
        for (const QJsonValue& alert : listed) {
            if (alert.toObject().value(QLatin1String("name")).toString() == QLatin1String("CartErrors"))
                cart = alert.toObject();
        }
        QCOMPARE(cart.value(QLatin1String("entity")).toString(), QStringLiteral("cart"));
        QCOMPARE(cart.value(QLatin1String("state")).toString(), QStringLiteral("firing"));
        QVERIFY(cart.value(QLatin1String("start")).toDouble() > 0);
        QVERIFY(cart.value(QLatin1String("end")).isNull()); // still firing at the range's end
        QCOMPARE(cart.value(QLatin1String("labels")).toObject().value(QLatin1String("severity")).toString(),
            QStringLiteral("page"));
        QVERIFY(!cart.value(QLatin1String("labels")).toObject().contains(QLatin1String("api_token")));
        QVERIFY2(text.contains("Prometheus alerts (") && text.contains("CartErrors on cart  firing"),
            text.constData());
        QVERIFY(!text.contains("s3cr3t"));
    }
};

QTEST_GUILESS_MAIN(TestLiveAlerts)
#include "test_live_alerts.moc"
