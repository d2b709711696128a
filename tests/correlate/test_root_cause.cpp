#include "correlate/call_graph.h"
#include "correlate/investigation.h"
#include "correlate/new_series_evidence.h"
#include "correlate/root_cause_ranker.h"
#include "correlate/series_change.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace meshscope;

namespace {

constexpr qint64 Step = 15 * 1000;
constexpr qint64 T0 = 1'700'000'000'000;
constexpr qint64 Change = T0 + 240 * Step;

SignalEvidence evidence(const QString& entity, const QString& signal, double magnitude, qint64 onsetMs = T0)
{
    SignalEvidence e;
    e.series = {entity, signal};
    e.magnitude = magnitude;
    e.onsetMs = onsetMs;
    return e;
}

TopologyFrame edges(const QList<QPair<QString, QString>>& list)
{
    TopologyFrame frame;
    for (const auto& [source, destination] : list) {
        TopologyEdge edge;
        edge.source = source;
        edge.destination = destination;
        frame.edges.push_back(edge);
    }
    return frame;
}

/// 360 samples of noise around `level`; from Change on, `level + shift` (or a spike
/// history when `spiky`).
void addSeries(Dataset& dataset, const QString& entity, const QString& signal, double level, double shift,
    quint32 seed, bool spiky = false)
{
    std::mt19937 random(seed);
    std::normal_distribution<double> noise(0, level * 0.02);
    const SeriesId id = dataset.series.ensureSeries({entity, signal});
    for (int i = 0; i < 360; ++i) {
        const qint64 t = T0 + i * Step;
        double value = level + noise(random);
        if (t >= Change)
            value += shift;
        if (spiky && i % 40 == 7)
            value += shift;
        dataset.series.append(id, t, value);
    }
}

QStringList names(const std::vector<RootCauseCandidate>& candidates)
{
    QStringList result;
    for (const auto& c : candidates)
        result.append(c.entity);
    return result;
}

} // namespace

class TestRootCause : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ranking_data()
    {
        QTest::addColumn<bool>("withTopology");
        QTest::addColumn<QString>("expectedTop");
        // With the call graph the callee whose failure explains its callers wins; without
        // it magnitude decides.
        QTest::newRow("call graph") << true << QStringLiteral("db");
        QTest::newRow("no topology") << false << QStringLiteral("frontend");
    }

    void ranking()
    {
        QFETCH(bool, withTopology);
        QFETCH(QString, expectedTop);
        const TopologyFrame frame = edges({{QStringLiteral("frontend"), QStringLiteral("cart")},
            {QStringLiteral("cart"), QStringLiteral("db")}, {QStringLiteral("frontend"), QStringLiteral("search")}});
        const SignalEvidenceList list {evidence(QStringLiteral("frontend"), QStringLiteral("latency_p95_ms"), 60),
            evidence(QStringLiteral("frontend->cart"), QStringLiteral("latency_p95_ms"), 50),
            evidence(QStringLiteral("db"), QStringLiteral("cpu"), 40),
            evidence(QStringLiteral("db"), QStringLiteral("latency_p95_ms"), 45),
            evidence(QStringLiteral("search"), QStringLiteral("latency_p95_ms"), 1)};
        const auto candidates
            = RootCauseRanker().rank(list, withTopology ? CallGraph(frame) : CallGraph(), QStringLiteral("frontend"));
        QCOMPARE(candidates.front().entity, expectedTop);
        QCOMPARE(names(candidates).size(), 4); // frontend, cart (edge's destination), db, search
        for (std::size_t i = 1; i < candidates.size(); ++i)
            QVERIFY(candidates[i - 1].score >= candidates[i].score);
        if (withTopology) {
            QCOMPARE(candidates.front().pathToSymptoms,
                QStringList({QStringLiteral("frontend"), QStringLiteral("cart"), QStringLiteral("db")}));
            QCOMPARE(candidates.front().signalNames.first(), QStringLiteral("db/latency_p95_ms"));
            QCOMPARE(candidates.front().magnitude, 45.0);
            QVERIFY(names(candidates).indexOf(QStringLiteral("cart")) > 0);
        }
    }

    void errorsAreNotExplainedBySlowCallees()
    {
        // cart's callee is somewhat slow, but cart itself fails: errors stay cart's own
        // (were they explained like latency, db would win with 20 x 1.25 caller support).
        const TopologyFrame frame = edges({{QStringLiteral("cart"), QStringLiteral("db")}});
        const SignalEvidenceList list {evidence(QStringLiteral("cart"), QStringLiteral("error_ratio"), 30),
            evidence(QStringLiteral("db"), QStringLiteral("latency_p95_ms"), 20)};
        const auto candidates = RootCauseRanker().rank(list, CallGraph(frame));
        QCOMPARE(candidates.front().entity, QStringLiteral("cart"));
    }

    void earlierOnsetBreaksTies()
    {
        const SignalEvidenceList list {evidence(QStringLiteral("late"), QStringLiteral("cpu"), 20, T0 + 120000),
            evidence(QStringLiteral("early"), QStringLiteral("cpu"), 20, T0)};
        const auto candidates = RootCauseRanker().rank(list, CallGraph());
        QCOMPARE(names(candidates), QStringList({QStringLiteral("early"), QStringLiteral("late")}));
    }

    void seriesChanges()
    {
        Dataset dataset;
        addSeries(dataset, QStringLiteral("cart"), QStringLiteral("cpu"), 1.0, 0.5, 1);
        addSeries(dataset, QStringLiteral("steady"), QStringLiteral("cpu"), 1.0, 0.0, 2);
        addSeries(dataset, QStringLiteral("spiky"), QStringLiteral("latency_p95_ms"), 100, 40, 3, true);
        addSeries(dataset, QStringLiteral("faster"), QStringLiteral("latency_p95_ms"), 100, -50, 4);
        const SignalEvidenceList list = measureSeriesChanges(dataset.series, Change);
        QCOMPARE(list.size(), std::size_t(4));
        QCOMPARE(list.front().series.entity, QStringLiteral("cart"));
        QVERIFY(list.front().magnitude > 10);
        QVERIFY(std::abs(list.front().onsetMs - Change) <= Step);
        QVERIFY(std::abs(list.front().baseline - 1.0) < 0.05);
        for (const SignalEvidence& e : list) {
            if (e.series.entity == QStringLiteral("steady"))
                QVERIFY(e.magnitude < 4);
            if (e.series.entity == QStringLiteral("faster"))
                QCOMPARE(e.magnitude, 0.0); // lower latency is not a problem
            if (e.series.entity == QStringLiteral("spiky"))
                QVERIFY(e.magnitude < list.front().magnitude / 2); // it swung like that before
        }
    }

    void investigateAtAnInstant()
    {
        Dataset dataset;
        dataset.topology.add(edges({{QStringLiteral("frontend"), QStringLiteral("cart")},
            {QStringLiteral("frontend"), QStringLiteral("search")}, {QStringLiteral("cart"), QStringLiteral("redis")}}));
        addSeries(dataset, QStringLiteral("frontend"), QStringLiteral("latency_p95_ms"), 100, 400, 11);
        addSeries(dataset, QStringLiteral("cart"), QStringLiteral("latency_p95_ms"), 40, 350, 12);
        addSeries(dataset, QStringLiteral("cart"), QStringLiteral("cpu"), 0.3, 0.6, 13);
        addSeries(dataset, QStringLiteral("search"), QStringLiteral("latency_p95_ms"), 30, 0, 14);
        addSeries(dataset, QStringLiteral("redis"), QStringLiteral("latency_p95_ms"), 2, 0, 15);
        InvestigationSettings settings;
        settings.atMs = Change;
        const InvestigationResult result = investigate(dataset, {}, settings);
        QCOMPARE(result.atMs, Change);
        QVERIFY(!result.ranking.empty());
        QCOMPARE(result.ranking.front().entity, QStringLiteral("cart"));
        QCOMPARE(result.incidents.size(), std::size_t(1));
        QCOMPARE(result.focusIncident, 0);
        QCOMPARE(result.incidents[0].candidates, result.ranking);
        QVERIFY(result.incidents[0].significance > 50);

        // Nothing changed at an earlier instant: no incident, empty ranking.
        settings.atMs = T0 + 120 * Step;
        const InvestigationResult quiet = investigate(dataset, {}, settings);
        QVERIFY(quiet.incidents.empty());
        QVERIFY(quiet.ranking.empty());
    }

    void investigateFindsTheIncidentItself()
    {
        Dataset dataset;
        dataset.topology.add(edges({{QStringLiteral("frontend"), QStringLiteral("cart")}}));
        addSeries(dataset, QStringLiteral("frontend"), QStringLiteral("latency_p95_ms"), 100, 400, 21);
        addSeries(dataset, QStringLiteral("cart"), QStringLiteral("error_ratio"), 0.01, 0.3, 22);
        Anomaly a;
        a.series = {QStringLiteral("frontend"), QStringLiteral("latency_p95_ms")};
        a.startMs = Change + Step;
        a.endMs = Change + 20 * Step;
        a.significance = 90;
        Anomaly b = a;
        b.series = {QStringLiteral("cart"), QStringLiteral("error_ratio")};
        b.startMs = Change;
        b.significance = 80;
        const InvestigationResult result = investigate(dataset, {a, b});
        QCOMPARE(result.incidents.size(), std::size_t(1));
        QCOMPARE(result.focusIncident, 0);
        QCOMPARE(result.atMs, Change);
        QCOMPARE(result.incidents[0].firstAffected, QStringLiteral("cart"));
        QCOMPARE(result.ranking.front().entity, QStringLiteral("cart"));
    }

    void instantMovesToTheOnsetOfTheChange_data()
    {
        QTest::addColumn<bool>("refine");
        QTest::addColumn<qint64>("expectedAt");
        // The only alert starts 5 minutes before the data changes (an early, noisy
        // detector): its start still sees the change in its after-window.
        QTest::newRow("moved to the onset") << true << Change;
        QTest::newRow("left at the alert") << false << Change - 20 * Step;
    }

    void instantMovesToTheOnsetOfTheChange()
    {
        QFETCH(bool, refine);
        QFETCH(qint64, expectedAt);
        Dataset dataset;
        dataset.topology.add(edges({{QStringLiteral("frontend"), QStringLiteral("cart")}}));
        addSeries(dataset, QStringLiteral("frontend"), QStringLiteral("latency_p95_ms"), 100, 400, 61);
        addSeries(dataset, QStringLiteral("cart"), QStringLiteral("latency_p95_ms"), 80, 400, 62);
        Anomaly early;
        early.series = {QStringLiteral("frontend"), QStringLiteral("latency_p95_ms")};
        early.startMs = Change - 20 * Step;
        early.endMs = Change + 40 * Step;
        early.significance = 90;
        InvestigationSettings settings;
        settings.refineInstant = refine;
        const InvestigationResult result = investigate(dataset, {early}, settings);
        QCOMPARE(result.atMs, expectedAt);
        QCOMPARE(result.ranking.front().entity, QStringLiteral("cart"));
    }

    void incidentGateNeedsASustainedChange_data()
    {
        QTest::addColumn<bool>("spiky");
        QTest::addColumn<bool>("reported");
        // The same detector anomaly: reported when the series really shifted, not when
        // the series only has a blip like the ones it always had.
        QTest::newRow("sustained shift") << false << true;
        QTest::newRow("recurring blips") << true << false;
    }

    void incidentGateNeedsASustainedChange()
    {
        QFETCH(bool, spiky);
        QFETCH(bool, reported);
        Dataset dataset;
        dataset.topology.add(edges({{QStringLiteral("frontend"), QStringLiteral("cart")}}));
        if (spiky) {
            // Error blips every 10 minutes, before and after the anomaly alike.
            const SeriesId id = dataset.series.ensureSeries({QStringLiteral("cart"), QStringLiteral("error_ratio")});
            for (int i = 0; i < 360; ++i)
                dataset.series.append(id, T0 + i * Step, i % 40 == 7 ? 0.3 : 0.01 + 0.0002 * (i % 3));
        } else {
            addSeries(dataset, QStringLiteral("cart"), QStringLiteral("error_ratio"), 0.01, 0.3, 31);
        }
        Anomaly anomaly;
        anomaly.series = {QStringLiteral("cart"), QStringLiteral("error_ratio")};
        anomaly.startMs = spiky ? T0 + 287 * Step : Change;
        anomaly.endMs = anomaly.startMs + Step;
        anomaly.significance = 90;
        const InvestigationResult result = investigate(dataset, {anomaly});
        QCOMPARE(!result.incidents.empty(), reported);
        InvestigationSettings ungated;
        ungated.confirmMagnitude = 0;
        QCOMPARE(investigate(dataset, {anomaly}, ungated).incidents.size(), std::size_t(1));
    }

    void newWorkloadIsComparedWithTheVersionItJoins()
    {
        Dataset dataset;
        dataset.topology.add(edges({{QStringLiteral("frontend"), QStringLiteral("cart")},
            {QStringLiteral("frontend"), QStringLiteral("cart-v2")}, {QStringLiteral("frontend"), QStringLiteral("search")},
            {QStringLiteral("cart"), QStringLiteral("redis")}, {QStringLiteral("cart-v2"), QStringLiteral("redis")}}));
        addSeries(dataset, QStringLiteral("frontend->cart"), QStringLiteral("error_ratio"), 0.01, 0.0, 41);
        addSeries(dataset, QStringLiteral("frontend->search"), QStringLiteral("error_ratio"), 0.4, 0.0, 42);
        addSeries(dataset, QStringLiteral("cart->redis"), QStringLiteral("request_rate"), 10, 0.0, 43);
        addSeries(dataset, QStringLiteral("frontend"), QStringLiteral("error_ratio"), 0.05, 0.1, 44);
        // The new version's series start at the change.
        const SeriesId fresh = dataset.series.ensureSeries({QStringLiteral("frontend->cart-v2"), QStringLiteral("error_ratio")});
        const SeriesId freshCalls = dataset.series.ensureSeries({QStringLiteral("cart-v2->redis"), QStringLiteral("request_rate")});
        for (qint64 t = Change; t < T0 + 360 * Step; t += Step) {
            dataset.series.append(fresh, t, 0.25);
            dataset.series.append(freshCalls, t, 5);
        }
        const SignalEvidenceList found = measureNewSeries(dataset.series, Change, {});
        QCOMPARE(found.size(), std::size_t(1));
        QCOMPARE(found.front().series.entity, QStringLiteral("frontend->cart-v2"));
        // Compared with cart (same callers and callees, errors ~0.01), not with search.
        QVERIFY(found.front().magnitude > 10);
        QVERIFY(std::abs(found.front().baseline - 0.01) < 0.005);
        QCOMPARE(rankAt(dataset, Change).front().entity, QStringLiteral("cart-v2"));
        // The same series long after the start are not news.
        QVERIFY(measureNewSeries(dataset.series, Change + 60 * Step, {}).empty());
    }

    void newVersionOfAFailingServiceIsComparedAtTheSameInstants_data()
    {
        QTest::addColumn<double>("worse");
        QTest::addColumn<double>("pairedSimilarity");
        QTest::addColumn<bool>("found");
        // cart already fails 55-85 % of requests, following the load; v2 joins it.
        QTest::newRow("v2 fails 8 points more") << 0.08 << 0.5 << true;
        QTest::newRow("v2 as good as v1") << 0.0 << 0.5 << false;
        QTest::newRow("v2 worse, only the normal compared") << 0.08 << 0.0 << false;
    }

    void newVersionOfAFailingServiceIsComparedAtTheSameInstants()
    {
        QFETCH(double, worse);
        QFETCH(double, pairedSimilarity);
        QFETCH(bool, found);
        Dataset dataset;
        dataset.topology.add(edges({{QStringLiteral("frontend"), QStringLiteral("cart")},
            {QStringLiteral("frontend"), QStringLiteral("cart-v2")}, {QStringLiteral("cart"), QStringLiteral("redis")},
            {QStringLiteral("cart-v2"), QStringLiteral("redis")}}));
        std::mt19937 random(51);
        std::normal_distribution<double> noise(0, 0.005);
        const auto series = [&dataset](const char* entity, const char* signal) {
            return dataset.series.ensureSeries({QString::fromLatin1(entity), QString::fromLatin1(signal)});
        };
        const SeriesId v1 = series("frontend->cart", "error_ratio");
        const SeriesId v2 = series("frontend->cart-v2", "error_ratio");
        const SeriesId v1Calls = series("cart->redis", "request_rate");
        const SeriesId v2Calls = series("cart-v2->redis", "request_rate");
        for (int i = 0; i < 360; ++i) {
            const qint64 t = T0 + i * Step;
            // The error ratio follows the load: rising through the change.
            const double load = 0.7 + 0.15 * std::sin(2 * M_PI * (i - 240) / 360.0);
            dataset.series.append(v1, t, load + noise(random));
            dataset.series.append(v1Calls, t, 10);
            if (t >= Change) {
                dataset.series.append(v2, t, load + worse + noise(random));
                dataset.series.append(v2Calls, t, 10);
            }
        }
        SeriesChangeSettings settings;
        settings.pairedSimilarity = pairedSimilarity;
        double magnitude = 0;
        for (const SignalEvidence& evidence : measureNewSeries(dataset.series, Change, settings))
            magnitude = std::max(magnitude, evidence.magnitude);
        QVERIFY2((magnitude >= 5) == found, qPrintable(QString::number(magnitude)));
    }

    void entryPointThatStopsSendingIsTheOrigin()
    {
        Dataset dataset;
        dataset.topology.add(edges({{QStringLiteral("gateway"), QStringLiteral("frontend")},
            {QStringLiteral("gateway"), QStringLiteral("search")}, {QStringLiteral("frontend"), QStringLiteral("cart")}}));
        addSeries(dataset, QStringLiteral("gateway->frontend"), QStringLiteral("request_rate"), 100, -80, 51);
        addSeries(dataset, QStringLiteral("gateway->search"), QStringLiteral("request_rate"), 50, -40, 52);
        addSeries(dataset, QStringLiteral("frontend"), QStringLiteral("request_rate"), 100, -80, 53);
        addSeries(dataset, QStringLiteral("frontend->cart"), QStringLiteral("request_rate"), 60, -50, 54);
        addSeries(dataset, QStringLiteral("cart"), QStringLiteral("request_rate"), 60, -50, 55);
        addSeries(dataset, QStringLiteral("cart"), QStringLiteral("latency_p95_ms"), 20, 0, 56);
        const auto ranking = rankAt(dataset, Change);
        QVERIFY(!ranking.empty());
        QCOMPARE(ranking.front().entity, QStringLiteral("gateway"));
    }
};

QTEST_GUILESS_MAIN(TestRootCause)
#include "test_root_cause.moc"
