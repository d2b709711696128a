// A live session whose Prometheus answers /api/v1/alerts with a malformed body for a
// while: every such poll warns (in the update and the status), the alert intervals
// already tracked stay as they were, polling goes on, and the next good answer continues
// the same interval. The Prometheus here is a fake: empty series, one firing alert.
#include "fake_http_server.h"

#include "live/live_source.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

using namespace meshscope;
using namespace meshscope::testing;

namespace {

const QByteArray EmptyMatrix = R"({"status":"success","data":{"resultType":"matrix","result":[]}})";
const QByteArray EmptyVector = R"({"status":"success","data":{"resultType":"vector","result":[]}})";

QByteArray firingCartErrors(const QDateTime& activeAt)
{
    return R"({"status":"success","data":{"alerts":[{"labels":{"alertname":"CartErrors","destination_workload":"cart","destination_workload_namespace":"shop","severity":"page"},"annotations":{},"state":"firing","activeAt":")"
        + activeAt.toString(Qt::ISODateWithMs).toUtf8() + R"(","value":"1e+00"}]}})";
}

LiveUpdate lastUpdate(const QSignalSpy& updates)
{
    return updates.last().first().value<LiveUpdate>();
}

bool warnsAboutAlerts(const LiveUpdate& update)
{
    return update.warnings.join(QLatin1Char(' ')).contains(QStringLiteral("alerts unavailable"));
}

} // namespace

class TestLiveAlertFaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void malformedAlertsKeepTheIntervals_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::newRow("truncated JSON")
            << QByteArray(R"({"status":"success","data":{"alerts":[{"labels":)") << 200;
        QTest::newRow("proxy login page") << QByteArray("<html><body>Sign in</body></html>") << 200;
        QTest::newRow("no list") << QByteArray(R"({"status":"success","data":{"alerts":"none"}})") << 200;
        QTest::newRow("no data") << QByteArray(R"({"status":"success"})") << 200;
        QTest::newRow("alert without name")
            << QByteArray(R"({"status":"success","data":{"alerts":[{"labels":{},"state":"firing"}]}})")
            << 200;
    }
    void malformedAlertsKeepTheIntervals()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        const QDateTime activeAt = QDateTime::currentDateTimeUtc().addSecs(-120);
        bool malformed = false;
        FakeHttpServer prometheus([&](const FakeRequest& request) {
            if (request.path == QLatin1String("/api/v1/alerts"))
                return malformed ? FakeResponse::json(body, status)
                                 : FakeResponse::json(firingCartErrors(activeAt));
            if (request.path == QLatin1String("/api/v1/query_range"))
                return FakeResponse::json(EmptyMatrix);
            return FakeResponse::json(EmptyVector);
        });
        ConnectionProfile profile;
        profile.prometheus.url = prometheus.url();
        profile.prometheus.timeoutMs = 5000;
        profile.prometheus.maxRetries = 0;
        profile.namespaces = {QStringLiteral("shop")};
        profile.pollIntervalS = 5;
        profile.backfillMinutes = 1;
        LiveSource source(profile);
        source.setPollIntervalMs(50);
        QSignalSpy updates(&source, &LiveSource::updateArrived);
        source.start();

        QTRY_VERIFY_WITH_TIMEOUT(!updates.isEmpty() && lastUpdate(updates).alertIntervals.size() == 1, 20000);
        const ExternalAlert tracked = lastUpdate(updates).alertIntervals.front();
        QCOMPARE(tracked.name, QStringLiteral("CartErrors"));
        QVERIFY(tracked.isOpen());
        QVERIFY(!warnsAboutAlerts(lastUpdate(updates)));

        // Malformed answers: each poll warns, the interval stays open as it was.
        malformed = true;
        QTRY_VERIFY_WITH_TIMEOUT(warnsAboutAlerts(lastUpdate(updates)), 20000);
        const int firstWarned = int(updates.count());
        QTRY_VERIFY_WITH_TIMEOUT(updates.count() >= firstWarned + 3, 20000); // polling goes on
        for (int i = firstWarned - 1; i < updates.count(); ++i) {
            const LiveUpdate update = updates.at(i).first().value<LiveUpdate>();
            QVERIFY2(warnsAboutAlerts(update), qPrintable(update.warnings.join(QLatin1Char('\n'))));
            QVERIFY(update.alerts.empty());
            QCOMPARE(update.alertIntervals.size(), std::size_t(1));
            QCOMPARE(update.alertIntervals.front(), tracked);
        }
        const QString warning = lastUpdate(updates).warnings.join(QLatin1Char(' '));
        QVERIFY2(warning.contains(QStringLiteral("api/v1/alerts")), qPrintable(warning));
        QVERIFY(source.isRunning());
        QTRY_VERIFY(source.status().detail.contains(QStringLiteral("alerts unavailable")));
        QVERIFY(source.status().state == LiveState::Connected || source.status().state == LiveState::Slow);

        // Good again: the same interval goes on, the warning is gone.
        malformed = false;
        QTRY_VERIFY_WITH_TIMEOUT(!warnsAboutAlerts(lastUpdate(updates)), 20000);
        QCOMPARE(lastUpdate(updates).alertIntervals.size(), std::size_t(1));
        QCOMPARE(lastUpdate(updates).alertIntervals.front().startMs, tracked.startMs);
        QVERIFY(lastUpdate(updates).alertIntervals.front().isOpen());
        source.stop();
        QVERIFY(!source.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestLiveAlertFaults)
#include "test_live_alert_faults.moc"
