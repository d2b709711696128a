#include "correlate/call_graph.h"
#include "correlate/correlator.h"

#include <QTest>

#include <map>

#include <random>

using namespace meshscope;

namespace {

constexpr qint64 Minute = 60 * 1000;
constexpr qint64 T0 = 1'700'000'000'000;

TopologyFrame chain(const QStringList& nodes, const QList<QPair<QString, QString>>& extraEdges = {})
{
    TopologyFrame frame;
    for (const QString& node : nodes) {
        TopologyNode n;
        n.name = node;
        frame.nodes.push_back(n);
    }
    for (int i = 0; i + 1 < nodes.size(); ++i) {
        TopologyEdge edge;
        edge.source = nodes[i];
        edge.destination = nodes[i + 1];
        frame.edges.push_back(edge);
    }
    for (const auto& [source, destination] : extraEdges) {
        TopologyEdge edge;
        edge.source = source;
        edge.destination = destination;
        frame.edges.push_back(edge);
    }
    return frame;
}

Anomaly anomaly(const QString& entity, qint64 startMs, qint64 durationMs = 2 * Minute, double significance = 70,
    const QString& signal = QStringLiteral("latency_p95_ms"))
{
    Anomaly a;
    a.series = {entity, signal};
    a.startMs = startMs;
    a.endMs = startMs + durationMs;
    a.peakMs = startMs + durationMs / 2;
    a.significance = significance;
    a.expected = 10;
    a.observed = 50;
    a.detector = QStringLiteral("test");
    return a;
}

TopologyHistory history(const TopologyFrame& frame)
{
    TopologyHistory h;
    h.add(frame);
    return h;
}

QStringList entitiesOf(const Incident& incident, const std::vector<Anomaly>& anomalies)
{
    QStringList result;
    for (int index : incident.anomalyIndexes)
        result.append(anomalies[static_cast<std::size_t>(index)].series.entity);
    return result;
}

TopologyFrame randomTree(std::mt19937& random, int nodes)
{
    TopologyFrame frame;
    for (int i = 0; i < nodes; ++i) {
        TopologyNode node;
        node.name = QStringLiteral("s%1").arg(i);
        frame.nodes.push_back(node);
    }
    for (int i = 1; i < nodes; ++i) {
        TopologyEdge edge;
        edge.source = QStringLiteral("s%1").arg(std::uniform_int_distribution<int>(0, i - 1)(random));
        edge.destination = QStringLiteral("s%1").arg(i);
        frame.edges.push_back(edge);
    }
    return frame;
}

/// The ranking of an incident computed from scratch: the strongest anomaly per series
/// (earliest onset), the `keep` strongest series, ranked on `graph`.
std::vector<RootCauseCandidate> rankFromScratch(const Incident& incident, const std::vector<Anomaly>& anomalies,
    const CallGraph& graph, const CorrelationSettings& settings)
{
    std::map<SeriesKey, SignalEvidence> strongest;
    for (int index : incident.anomalyIndexes) {
        const Anomaly& a = anomalies[static_cast<std::size_t>(index)];
        const SignalEvidence signal {a.series, a.significance / 10.0, a.startMs, a.expected, a.observed};
        const auto found = strongest.find(a.series);
        if (found == strongest.end()) {
            strongest.emplace(a.series, signal);
            continue;
        }
        const qint64 onset = std::min(found->second.onsetMs, signal.onsetMs);
        if (signal.magnitude > found->second.magnitude)
            found->second = signal;
        found->second.onsetMs = onset;
    }
    SignalEvidenceList evidence;
    for (const auto& [key, signal] : strongest)
        evidence.push_back(signal);
    std::sort(evidence.begin(), evidence.end(), [](const SignalEvidence& a, const SignalEvidence& b) {
        return a.magnitude != b.magnitude ? a.magnitude > b.magnitude : a.series < b.series;
    });
    if (evidence.size() > static_cast<std::size_t>(settings.maxRankedSeries))
        evidence.resize(static_cast<std::size_t>(settings.maxRankedSeries));
    RankingSettings ranking = settings.ranking;
    ranking.anomalousMagnitude = 0;
    return RootCauseRanker(ranking).rank(evidence, graph, incident.firstAffected);
}

} // namespace

class TestCorrelator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void connectedAnomaliesCloseInTimeFormOneIncident()
    {
        // a -> b -> c, and an unrelated d -> e at the same time.
        const TopologyFrame frame = chain({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")},
            {{QStringLiteral("d"), QStringLiteral("e")}});
        const std::vector<Anomaly> anomalies {anomaly(QStringLiteral("c"), T0 + Minute),
            anomaly(QStringLiteral("e"), T0 + 30 * 1000), anomaly(QStringLiteral("b"), T0),
            anomaly(QStringLiteral("a->b"), T0 + 2 * Minute)};
        const auto incidents = Correlator::correlate(anomalies, history(frame));
        QCOMPARE(incidents.size(), std::size_t(2));
        const Incident& chainIncident = incidents[0];
        QCOMPARE(chainIncident.firstAffected, QStringLiteral("b"));
        QCOMPARE(chainIncident.startMs, T0);
        QCOMPARE(entitiesOf(chainIncident, anomalies),
            QStringList({QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("a->b")}));
        QCOMPARE(entitiesOf(incidents[1], anomalies), QStringList({QStringLiteral("e")}));
        QVERIFY(chainIncident.significance >= 70);
        QVERIFY(!chainIncident.candidates.empty());
    }

    void hops_data()
    {
        QTest::addColumn<int>("hops");
        QTest::addColumn<int>("expectedIncidents");
        QTest::newRow("direct neighbours only") << 1 << 2;
        QTest::newRow("two hops") << 2 << 1;
        QTest::newRow("same node only") << 0 << 2;
    }

    void hops()
    {
        QFETCH(int, hops);
        QFETCH(int, expectedIncidents);
        const TopologyFrame frame = chain({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")});
        CorrelationSettings settings;
        settings.maxHops = hops;
        const std::vector<Anomaly> anomalies {anomaly(QStringLiteral("a"), T0), anomaly(QStringLiteral("c"), T0 + Minute)};
        QCOMPARE(int(Correlator::correlate(anomalies, history(frame), settings).size()), expectedIncidents);
    }

    void farApartInTimeStaySeparate()
    {
        const TopologyFrame frame = chain({QStringLiteral("a"), QStringLiteral("b")});
        const std::vector<Anomaly> anomalies {anomaly(QStringLiteral("a"), T0), anomaly(QStringLiteral("a"), T0 + 60 * Minute)};
        const auto incidents = Correlator::correlate(anomalies, history(frame), {}, T0 + 61 * Minute);
        QCOMPARE(incidents.size(), std::size_t(2));
        QVERIFY(incidents[0].resolved);
        QVERIFY(!incidents[1].resolved);
    }

    void lifecycleOpenUpdateMergeResolve()
    {
        Correlator correlator;
        correlator.setTopology(chain({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
        auto changes = correlator.addAnomaly(anomaly(QStringLiteral("a"), T0));
        QCOMPARE(changes.size(), std::size_t(1));
        QCOMPARE(changes[0].kind, IncidentChangeKind::Opened);
        const QString first = changes[0].incidentId;
        changes = correlator.addAnomaly(anomaly(QStringLiteral("c"), T0 + Minute));
        QCOMPARE(changes[0].kind, IncidentChangeKind::Opened); // c is two calls from a
        const QString second = changes[0].incidentId;
        QVERIFY(first != second);
        // b connects both: the younger incident merges into the older one.
        changes = correlator.addAnomaly(anomaly(QStringLiteral("b"), T0 + 2 * Minute));
        QCOMPARE(changes.size(), std::size_t(2));
        QCOMPARE(changes[0], (IncidentChange {second, IncidentChangeKind::Merged, first}));
        QCOMPARE(changes[1], (IncidentChange {first, IncidentChangeKind::Updated, {}}));
        QVERIFY(correlator.incident(second) == nullptr);
        QCOMPARE(correlator.incident(first)->anomalyIndexes, std::vector<int>({0, 1, 2}));
        // Quiet long enough: resolved.
        QVERIFY(correlator.advanceTo(T0 + 10 * Minute).empty());
        changes = correlator.advanceTo(T0 + 4 * Minute + CorrelationSettings {}.quietPeriodMs + 1);
        QCOMPARE(changes, (std::vector<IncidentChange> {{first, IncidentChangeKind::Resolved, {}}}));
        QVERIFY(correlator.incident(first)->resolved);
        // A new anomaly on the same nodes afterwards opens a new incident.
        changes = correlator.addAnomaly(anomaly(QStringLiteral("a"), T0 + 40 * Minute));
        QCOMPARE(changes.back().kind, IncidentChangeKind::Opened);
        QCOMPARE(correlator.incidents().size(), std::size_t(2));
    }

    void withoutTopologyTimeDecides()
    {
        const std::vector<Anomaly> anomalies {anomaly(QStringLiteral("x"), T0), anomaly(QStringLiteral("y"), T0 + Minute),
            anomaly(QStringLiteral("z"), T0 + 90 * Minute)};
        const auto incidents = Correlator::correlate(anomalies, TopologyHistory());
        QCOMPARE(incidents.size(), std::size_t(2));
        QCOMPARE(incidents[0].anomalyIndexes.size(), std::size_t(2));
    }

    void unknownEntityDoesNotGlueIncidents()
    {
        // Partial topology: "ghost" is not in the graph, so it only joins its own entity.
        const TopologyFrame frame = chain({QStringLiteral("a"), QStringLiteral("b")}, {{QStringLiteral("c"), QStringLiteral("d")}});
        const std::vector<Anomaly> anomalies {anomaly(QStringLiteral("a"), T0), anomaly(QStringLiteral("ghost"), T0 + 1000),
            anomaly(QStringLiteral("d"), T0 + 2000), anomaly(QStringLiteral("ghost"), T0 + 3000)};
        const auto incidents = Correlator::correlate(anomalies, history(frame));
        QCOMPARE(incidents.size(), std::size_t(3));
    }

    void rankingPrefersTheCalleeThatExplainsItsCallers()
    {
        // gateway -> frontend -> cart -> db; cart fails (errors and latency), its callers
        // only see latency; db is fine.
        const TopologyFrame frame = chain({QStringLiteral("gateway"), QStringLiteral("frontend"), QStringLiteral("cart"),
            QStringLiteral("db")});
        const std::vector<Anomaly> anomalies {anomaly(QStringLiteral("gateway"), T0, 5 * Minute, 95),
            anomaly(QStringLiteral("frontend"), T0 + 1000, 5 * Minute, 90),
            anomaly(QStringLiteral("cart"), T0 + 2000, 5 * Minute, 80),
            anomaly(QStringLiteral("cart"), T0 + 2000, 5 * Minute, 85, QStringLiteral("error_ratio"))};
        const auto incidents = Correlator::correlate(anomalies, history(frame));
        QCOMPARE(incidents.size(), std::size_t(1));
        const auto& candidates = incidents[0].candidates;
        QVERIFY(candidates.size() >= 3);
        QCOMPARE(candidates[0].entity, QStringLiteral("cart"));
        QVERIFY(!candidates[0].explainedByCallee);
        QCOMPARE(candidates[0].pathToSymptoms,
            QStringList({QStringLiteral("gateway"), QStringLiteral("frontend"), QStringLiteral("cart")}));
        QVERIFY(candidates[0].evidence.contains(QStringLiteral("cart/error_ratio")));
        QVERIFY(candidates[1].explainedByCallee);
        QCOMPARE(incidents[0].firstAffected, QStringLiteral("gateway"));
    }

    void batchEqualsIncrementalAndOnlyThePastMatters()
    {
        // A random layered mesh and random anomalies.
        std::mt19937 random(7);
        TopologyFrame frame;
        for (int i = 0; i < 40; ++i) {
            TopologyNode node;
            node.name = QStringLiteral("s%1").arg(i);
            frame.nodes.push_back(node);
        }
        for (int i = 1; i < 40; ++i) {
            TopologyEdge edge;
            edge.source = QStringLiteral("s%1").arg(std::uniform_int_distribution<int>(0, i - 1)(random));
            edge.destination = QStringLiteral("s%1").arg(i);
            frame.edges.push_back(edge);
        }
        std::vector<Anomaly> anomalies;
        for (int i = 0; i < 300; ++i) {
            const qint64 start = T0 + std::uniform_int_distribution<qint64>(0, 12 * 60)(random) * Minute;
            const QString entity = QStringLiteral("s%1").arg(std::uniform_int_distribution<int>(0, 39)(random));
            anomalies.push_back(anomaly(entity, start, std::uniform_int_distribution<qint64>(1, 20)(random) * Minute,
                std::uniform_real_distribution<double>(50, 100)(random)));
        }
        std::stable_sort(anomalies.begin(), anomalies.end(),
            [](const Anomaly& a, const Anomaly& b) { return a.startMs < b.startMs; });

        const auto batch = Correlator::correlate(anomalies, history(frame));
        Correlator live;
        live.setTopology(frame);
        for (const Anomaly& a : anomalies)
            live.addAnomaly(a);
        QCOMPARE(live.incidents(), batch);
        QVERIFY(batch.size() > 3);

        // Replay at t: only anomalies started before t, cut at t, exactly what live mode
        // had shown then; adding later anomalies changes nothing about that moment.
        const qint64 t = T0 + 6 * 60 * Minute;
        const auto replayed = Correlator::correlate(anomalies, history(frame), {}, t);
        Correlator liveUntilT;
        liveUntilT.setTopology(frame);
        std::vector<Anomaly> past;
        for (const Anomaly& a : anomalies) {
            if (a.startMs >= t)
                break;
            Anomaly cut = a;
            cut.endMs = std::min(cut.endMs, t);
            liveUntilT.addAnomaly(cut);
            past.push_back(a);
        }
        liveUntilT.advanceTo(t);
        QCOMPARE(replayed, liveUntilT.incidents());
        QCOMPARE(Correlator::correlate(past, history(frame), {}, t), replayed);
    }

    void rankingReadAfterEachUpdateEqualsRankingFromScratch()
    {
        // Reading after every anomaly uses the incrementally kept strongest series and
        // the cached ranking; it must equal ranking each incident from scratch, also
        // when only a few series are ranked and when the topology changes under it.
        std::mt19937 random(11);
        const TopologyFrame first = randomTree(random, 30);
        const TopologyFrame second = randomTree(random, 30);
        static const QString signalNames[] = {QStringLiteral("latency_p95_ms"), QStringLiteral("error_ratio"),
            QStringLiteral("request_rate"), QStringLiteral("cpu")};
        std::vector<Anomaly> anomalies;
        for (int i = 0; i < 400; ++i) {
            const qint64 start = T0 + std::uniform_int_distribution<qint64>(0, 8 * 60)(random) * Minute;
            const TopologyFrame& frame = i % 2 ? first : second;
            const bool onEdge = std::uniform_int_distribution<int>(0, 2)(random) == 0;
            const QString entity = onEdge
                ? frame.edges[std::uniform_int_distribution<std::size_t>(0, frame.edges.size() - 1)(random)].entity()
                : QStringLiteral("s%1").arg(std::uniform_int_distribution<int>(0, 29)(random));
            anomalies.push_back(anomaly(entity, start, std::uniform_int_distribution<qint64>(1, 30)(random) * Minute,
                std::uniform_real_distribution<double>(50, 100)(random),
                signalNames[std::uniform_int_distribution<int>(0, 3)(random)]));
        }
        std::stable_sort(anomalies.begin(), anomalies.end(),
            [](const Anomaly& a, const Anomaly& b) { return a.startMs < b.startMs; });

        CorrelationSettings settings;
        settings.maxRankedSeries = 6;
        Correlator live(settings);
        live.setTopology(first);
        CallGraph graph(first);
        std::size_t largest = 0;
        int checked = 0;
        for (std::size_t i = 0; i < anomalies.size(); ++i) {
            if (i == anomalies.size() / 2) {
                live.setTopology(second);
                graph = CallGraph(second);
            }
            for (const IncidentChange& change : live.addAnomaly(anomalies[i])) {
                const Incident* incident = live.incident(change.incidentId);
                if (!incident)
                    continue; // merged away
                largest = std::max(largest, incident->anomalyIndexes.size());
                QCOMPARE(incident->candidates, rankFromScratch(*incident, live.anomalies(), graph, settings));
                ++checked;
            }
        }
        for (const Incident& incident : live.incidents())
            QCOMPARE(incident.candidates, rankFromScratch(incident, live.anomalies(), graph, settings));
        QVERIFY2(largest > 50, "an incident must hold many more series than are ranked");
        QVERIFY(checked >= 400);
    }
};

QTEST_GUILESS_MAIN(TestCorrelator)
#include "test_correlator.moc"
