// Each fault type changes the right signals on its root cause, propagates to the callers
// as it would in a real mesh, and leaves unrelated branches alone.

#include "sim_test_util.h"
#include "test_support.h"

#include "model/signal_names.h"
#include "simulator/fault_spec.h"
#include "simulator/mesh_simulator.h"

#include <QByteArrayList>
#include <QTest>

#include <cmath>

using namespace meshscope;
using namespace meshscope::testing;

namespace {
constexpr qint64 FixedEnd = 1748966400000LL;
constexpr qint64 Minute = 60000;
} // namespace

class TestSimulatorFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    /// Expectations are "entity|signal|check|value": check is `ratio>` / `ratio<`
    /// (fault-window mean over the mean of the 20 minutes before), `diff>` (absolute
    /// increase), `stable` (ratio within 1 ± value) or `affected` / `unaffected` (truth).
    void faultPropagates_data()
    {
        QTest::addColumn<QByteArray>("fault");
        QTest::addColumn<QByteArrayList>("expectations");
        QTest::newRow("latency")
            << QByteArray("latency:productcatalogservice@60m+20m")
            << QByteArrayList {"productcatalogservice|latency_avg_ms|ratio>|10",
                   "frontend->productcatalogservice|latency_p95_ms|ratio>|10",
                   "recommendationservice|latency_avg_ms|ratio>|5", "checkoutservice|latency_avg_ms|ratio>|5",
                   "frontend|latency_avg_ms|ratio>|3", "istio-ingressgateway|latency_p50_ms|ratio>|3",
                   "adservice|latency_avg_ms|stable|0.15", "currencyservice|latency_p95_ms|stable|0.15",
                   "frontend->adservice|error_ratio|diff<|0.005", "frontend|affected|",
                   "istio-ingressgateway|affected|", "adservice|unaffected|", "paymentservice|unaffected|"};
        QTest::newRow("errors") << QByteArray("errors:paymentservice@60m+20m")
                                << QByteArrayList {"paymentservice|error_ratio|diff>|0.2",
                                       "checkoutservice->paymentservice|error_ratio|diff>|0.2",
                                       "checkoutservice|error_ratio|diff>|0.15",
                                       "frontend->checkoutservice|error_ratio|diff>|0.15",
                                       "frontend|error_ratio|diff>|0.003",
                                       "currencyservice|error_ratio|diff<|0.003",
                                       "cartservice|error_ratio|diff<|0.003",
                                       "frontend->cartservice|request_rate|stable|0.2",
                                       "paymentservice|latency_avg_ms|stable|0.15",
                                       "checkoutservice|affected|", "cartservice|unaffected|"};
        QTest::newRow("saturation") << QByteArray("saturation:cartservice@60m+20m")
                                    << QByteArrayList {"cartservice|cpu|ratio>|4",
                                           "cartservice|latency_avg_ms|ratio>|3",
                                           "frontend->cartservice|error_ratio|diff>|0.1",
                                           "frontend->cartservice|request_rate|ratio>|1.15",
                                           "frontend|latency_avg_ms|ratio>|1.1",
                                           "checkoutservice|latency_avg_ms|ratio>|1.5",
                                           "frontend|error_ratio|diff>|0.002", "adservice|cpu|stable|0.15",
                                           "productcatalogservice|latency_avg_ms|stable|0.15",
                                           "cartservice|affected|", "adservice|unaffected|"};
        QTest::newRow("traffic drop")
            << QByteArray("traffic-drop:cartservice@60m+20m")
            << QByteArrayList {"frontend->cartservice|request_rate|ratio<|0.35",
                   "cartservice|request_rate|ratio<|0.35",
                   "cartservice->redis-cart|tcp_sent_bytes|ratio<|0.35", "redis-cart|cpu|ratio<|0.9",
                   "frontend->productcatalogservice|request_rate|stable|0.2",
                   "cartservice|error_ratio|diff<|0.005", "redis-cart|affected|", "adservice|unaffected|"};
        QTest::newRow("bad deploy") << QByteArray("bad-deploy:currencyservice@60m+20m")
                                    << QByteArrayList {"currencyservice-v2|error_ratio|present>|0.15",
                                           "frontend->currencyservice-v2|error_ratio|present>|0.15",
                                           "currencyservice-v2|latency_avg_ms|present>|2",
                                           "frontend->currencyservice|request_rate|ratio<|0.65",
                                           "frontend|error_ratio|diff>|0.05",
                                           "checkoutservice|error_ratio|diff>|0.05",
                                           "currencyservice|error_ratio|diff<|0.003",
                                           "adservice|latency_avg_ms|stable|0.15",
                                           "currencyservice-v2|affected|",
                                           "frontend->currencyservice-v2|affected|", "adservice|unaffected|"};
        QTest::newRow("outage http") << QByteArray("outage:shippingservice@60m+20m")
                                     << QByteArrayList {"frontend->shippingservice|error_ratio|diff>|0.9",
                                            "frontend->shippingservice|request_rate|ratio>|2.5",
                                            "checkoutservice|error_ratio|diff>|0.5",
                                            "frontend|error_ratio|diff>|0.1",
                                            "shippingservice|cpu|ratio<|0.1",
                                            "cartservice|error_ratio|diff<|0.003",
                                            "frontend->adservice|request_rate|stable|0.2",
                                            "shippingservice|affected|", "adservice|unaffected|"};
        QTest::newRow("outage tcp") << QByteArray("outage:redis-cart@60m+20m")
                                    << QByteArrayList {"cartservice->redis-cart|tcp_sent_bytes|ratio<|0.05",
                                           "cartservice|error_ratio|diff>|0.9",
                                           "frontend->cartservice|error_ratio|diff>|0.9",
                                           "frontend|error_ratio|diff>|0.3",
                                           "checkoutservice|error_ratio|diff>|0.5",
                                           "currencyservice|error_ratio|diff<|0.003", "cartservice|affected|",
                                           "currencyservice|unaffected|"};
    }
    void faultPropagates()
    {
        QFETCH(QByteArray, fault);
        QFETCH(QByteArrayList, expectations);
        SimulationOptions o;
        o.topology = QStringLiteral("boutique");
        o.durationMs = 100 * Minute;
        o.stepMs = 30000;
        o.endMs = FixedEnd;
        o.seed = 11;
        o.faults.push_back(parseFaultSpec(QString::fromLatin1(fault)));
        const SimulationResult r = simulateMesh(o);
        QCOMPARE(r.truth.size(), std::size_t(1));
        const FaultTruth& truth = r.truth.front();
        const qint64 onset = truth.onsetMs;
        QCOMPARE(onset, r.startMs + 60 * Minute);
        for (const QByteArray& bytes : expectations) {
            const QString e = QString::fromLatin1(bytes);
            const QStringList p = e.split(QLatin1Char('|'));
            const QString& entity = p[0];
            const QString& check = p[2];
            if (p[1] == QLatin1String("affected") || p[1] == QLatin1String("unaffected")) {
                QVERIFY2(
                    truth.affected.contains(entity) == (p[1] == QLatin1String("affected")), qPrintable(e));
                continue;
            }
            const double value = p[3].toDouble();
            // Skip the first two steps of the window: samples summarise the step before them.
            const double during
                = meanOver(r.dataset, entity, p[1], onset + 2 * o.stepMs, truth.endMs - o.stepMs);
            const double before = meanOver(r.dataset, entity, p[1], onset - 20 * Minute, onset - o.stepMs);
            const QString detail = QStringLiteral("%1: before %2, during %3").arg(e).arg(before).arg(during);
            QVERIFY2(!std::isnan(during), qPrintable(detail));
            if (check == QLatin1String("present>")) {
                QVERIFY2(std::isnan(before) && during > value, qPrintable(detail));
                continue;
            }
            QVERIFY2(!std::isnan(before), qPrintable(detail));
            if (check == QLatin1String("ratio>"))
                QVERIFY2(during > value * before, qPrintable(detail));
            else if (check == QLatin1String("ratio<"))
                QVERIFY2(during < value * before, qPrintable(detail));
            else if (check == QLatin1String("diff>"))
                QVERIFY2(during - before > value, qPrintable(detail));
            else if (check == QLatin1String("diff<"))
                QVERIFY2(std::abs(during - before) < value, qPrintable(detail));
            else if (check == QLatin1String("stable"))
                QVERIFY2(std::abs(during / before - 1.0) < value, qPrintable(detail));
            else
                QFAIL(qPrintable(QStringLiteral("bad expectation ") + e));
        }
        // After the fault, the root cause is back to normal.
        const double after
            = meanOver(r.dataset, truth.service, SignalName::Cpu, truth.endMs + 3 * o.stepMs, o.endMs);
        const double before
            = meanOver(r.dataset, truth.service, SignalName::Cpu, onset - 20 * Minute, onset - o.stepMs);
        QVERIFY2(std::abs(after / before - 1.0) < 0.3,
            qPrintable(QStringLiteral("cpu before %1 after %2").arg(before).arg(after)));
    }

    void badDeployChangesTheTopology()
    {
        SimulationOptions o;
        o.topology = QStringLiteral("bookinfo");
        o.durationMs = 40 * Minute;
        o.endMs = FixedEnd;
        o.faults.push_back(parseFaultSpec(QStringLiteral("bad-deploy:reviews-v3@10m+15m")));
        const SimulationResult r = simulateMesh(o);
        const auto& frames = r.dataset.topology.frames();
        QCOMPARE(frames.size(), std::size_t(3));
        QVERIFY(!frames[0].node(QStringLiteral("reviews-v4")));
        QVERIFY(frames[1].node(QStringLiteral("reviews-v4")));
        QCOMPARE(frames[1].tMs, r.startMs + 10 * Minute);
        QCOMPARE(frames[1].node(QStringLiteral("reviews-v4"))->version, QStringLiteral("v4"));
        QCOMPARE(frames[1].edges.size(), frames[0].edges.size() + 2); // productpage->v4, v4->ratings
        QVERIFY(!frames[2].node(QStringLiteral("reviews-v4")));
        QVERIFY(frames[2].sameShape(frames[0]));
        QCOMPARE(r.truth.front().rootCause, QStringLiteral("reviews-v4"));
        QCOMPARE(r.truth.front().service, QStringLiteral("reviews-v3"));
    }
};

QTEST_GUILESS_MAIN(TestSimulatorFaults)
#include "test_simulator_faults.moc"
