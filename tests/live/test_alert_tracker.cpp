// AlertTracker: ALERTS history and /api/v1/alerts answers become alert intervals.
#include "live/alert_tracker.h"

#include <QTest>

using namespace meshscope;

namespace {

constexpr qint64 T0 = 1'718'000'000'000;
constexpr qint64 Step = 15'000;

QString plainName(const QString& /*ns*/, const QString& workload)
{
    return workload;
}

AlertTracker tracker()
{
    return AlertTracker(
        [](const QMap<QString, QString>& labels) { return alertEntityFromLabels(labels, plainName); });
}

PromAlert active(const QString& name, const QString& state, qint64 activeAtMs)
{
    PromAlert alert;
    alert.labels = {{QStringLiteral("alertname"), name},
        {QStringLiteral("destination_workload"), QStringLiteral("db")},
        {QStringLiteral("destination_workload_namespace"), QStringLiteral("shop")}};
    alert.state = state;
    alert.activeAtMs = activeAtMs;
    return alert;
}

PromSeries alertsSeries(const QString& state, qint64 fromMs, int samples)
{
    PromSeries series;
    series.labels = {{QStringLiteral("__name__"), QStringLiteral("ALERTS")},
        {QStringLiteral("alertname"), QStringLiteral("HighErrorRate")}, {QStringLiteral("alertstate"), state},
        {QStringLiteral("source_workload"), QStringLiteral("frontend")},
        {QStringLiteral("destination_workload"), QStringLiteral("db")}};
    for (int i = 0; i < samples; ++i) {
        series.timesMs.push_back(fromMs + i * Step);
        series.values.push_back(1);
    }
    return series;
}

} // namespace

class TestAlertTracker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void entityFromLabels_data()
    {
        QTest::addColumn<QStringList>("labels");
        QTest::addColumn<QString>("entity");
        QTest::newRow("edge") << QStringList {QStringLiteral("source_workload"), QStringLiteral("a"),
            QStringLiteral("destination_workload"), QStringLiteral("b")}
                              << QStringLiteral("a->b");
        QTest::newRow("destination") << QStringList {QStringLiteral("destination_workload"),
            QStringLiteral("b")} << QStringLiteral("b");
        QTest::newRow("workload") << QStringList {QStringLiteral("workload"), QStringLiteral("c")}
                                  << QStringLiteral("c");
        QTest::newRow("unknown source") << QStringList {QStringLiteral("source_workload"),
            QStringLiteral("unknown"), QStringLiteral("destination_workload"), QStringLiteral("b")}
                                        << QStringLiteral("b");
        QTest::newRow("none") << QStringList {QStringLiteral("instance"), QStringLiteral("x:9090")}
                              << QString();
    }

    void entityFromLabels()
    {
        QFETCH(QStringList, labels);
        QFETCH(QString, entity);
        QMap<QString, QString> map;
        for (qsizetype i = 0; i + 1 < labels.size(); i += 2)
            map.insert(labels[i], labels[i + 1]);
        QCOMPARE(alertEntityFromLabels(map, plainName), entity);
    }

    void pollsOpenUpdateAndCloseIntervals()
    {
        AlertTracker t = tracker();
        t.mergeActive({active(QStringLiteral("SlowCalls"), QStringLiteral("pending"), T0)}, T0 + 1000);
        QVERIFY(t.takeChanged());
        QCOMPARE(t.alerts().size(), std::size_t(1));
        QCOMPARE(t.alerts()[0].startMs, T0);
        QCOMPARE(t.alerts()[0].entity, QStringLiteral("db"));
        QVERIFY(t.alerts()[0].isOpen());

        t.mergeActive({active(QStringLiteral("SlowCalls"), QStringLiteral("pending"), T0)}, T0 + 2000);
        QVERIFY(!t.takeChanged());
        t.mergeActive({active(QStringLiteral("SlowCalls"), QStringLiteral("firing"), T0)}, T0 + 3000);
        QVERIFY(t.takeChanged());
        QCOMPARE(t.alerts()[0].state, QStringLiteral("firing"));

        t.mergeActive({}, T0 + 4000);
        QVERIFY(t.takeChanged());
        QCOMPARE(t.alerts()[0].endMs, T0 + 4000);

        // Back again later: a new interval.
        t.mergeActive({active(QStringLiteral("SlowCalls"), QStringLiteral("firing"), T0 + 9000)}, T0 + 9500);
        QCOMPARE(t.alerts().size(), std::size_t(2));
        QCOMPARE(t.alerts()[1].startMs, T0 + 9000);
        QVERIFY(t.alerts()[1].isOpen());
    }

    void historyJoinsPendingAndFiringAndSplitsAtGaps()
    {
        PromResponse history;
        history.series.push_back(alertsSeries(QStringLiteral("pending"), T0, 4));
        history.series.push_back(alertsSeries(QStringLiteral("firing"), T0 + 4 * Step, 6));
        history.series.push_back(alertsSeries(QStringLiteral("firing"), T0 + 20 * Step, 3));
        AlertTracker t = tracker();
        t.mergeHistory(history, Step, T0 + 22 * Step);
        const std::vector<ExternalAlert> alerts = t.alerts();
        QCOMPARE(alerts.size(), std::size_t(2));
        QCOMPARE(alerts[0].name, QStringLiteral("HighErrorRate"));
        QCOMPARE(alerts[0].state, QStringLiteral("firing"));
        QCOMPARE(alerts[0].entity, QStringLiteral("frontend->db"));
        QCOMPARE(alerts[0].startMs, T0);
        QCOMPARE(alerts[0].endMs, T0 + 10 * Step);
        QVERIFY(!alerts[0].labels.contains(QStringLiteral("alertstate")));
        QCOMPARE(alerts[1].startMs, T0 + 20 * Step);
        QVERIFY(alerts[1].isOpen());

        // The same history again (a second backfill) adds nothing.
        t.takeChanged();
        t.mergeHistory(history, Step, T0 + 22 * Step);
        QVERIFY(!t.takeChanged());
        QCOMPARE(t.alerts().size(), std::size_t(2));
    }

    void secretLabelsAreDropped()
    {
        PromAlert alert = active(QStringLiteral("Leaky"), QStringLiteral("firing"), T0);
        alert.labels.insert(QStringLiteral("bearer_token"), QStringLiteral("s3cr3t"));
        AlertTracker t = tracker();
        t.mergeActive({alert}, T0);
        QVERIFY(!t.alerts()[0].labels.contains(QStringLiteral("bearer_token")));
        QCOMPARE(t.alerts()[0].labels.value(QStringLiteral("destination_workload")), QStringLiteral("db"));
    }
};

QTEST_GUILESS_MAIN(TestAlertTracker)
#include "test_alert_tracker.moc"
