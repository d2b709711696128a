// meshscope-cli evaluate-rca: AC@1/AC@3/AC@5/Avg@5 of the root-cause ranking per system,
// on case folders (truth.json is read for scoring only) and on simulated scenarios, plus
// the share of fault-free simulated days without any incident.

#include "cli_command.h"

#include "correlate/input_investigation.h"
#include "importers/importer.h"
#include "model/meshscope_error.h"
#include "simulator/mesh_simulator.h"

#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>

#include <algorithm>
#include <array>

namespace meshscope::cli {

namespace {

/// Ranks of the true root cause per group ("petshop", "petshop/delay"...); 0 = not in the top 5.
using Ranks = QMap<QString, std::vector<int>>;

int rankOf(const std::vector<RootCauseCandidate>& ranking, const QString& rootCause)
{
    for (std::size_t i = 0; i < ranking.size() && i < 5; ++i) {
        if (Entity::suspectNode(ranking[i].entity) == rootCause)
            return static_cast<int>(i) + 1;
    }
    return 0;
}

/// Every scored case; with a split, each group is also scored on two fixed halves.
///
/// The halves: inside each stratum (system and fault type, so both halves hold every
/// kind of fault in the same proportion) cases are ordered by the SHA-1 of their id (a
/// case folder's name, a scenario's number) and dealt alternately to "tune" and
/// "held-out". The assignment never depends on the ranking or the Qt version; constants
/// are to be chosen on "tune" only, and "held-out" tells how they generalise.
class Recorder
{
public:
    explicit Recorder(bool split)
        : m_split(split)
    {
    }

    /// A case of `system` with `fault`, also counted under `extraGroup` when not empty;
    /// `miss` describes it when it was not ranked first.
    void add(const QString& system, const QString& fault, const QString& caseId, int rank, const QString& extraGroup = {},
        const QString& miss = {})
    {
        m_cases.push_back({system, fault, extraGroup, caseId, miss, rank});
    }

    /// The cases not ranked first, each marked with its half when split (constants are
    /// tuned looking at the "tune" misses only).
    QStringList misses() const
    {
        const QHash<QString, QString> halves = m_split ? assignHalves() : QHash<QString, QString>();
        QStringList result;
        for (const Case& c : m_cases) {
            if (!c.miss.isEmpty())
                result.append(m_split ? QStringLiteral("[%1] %2").arg(halves.value(c.caseId), c.miss) : c.miss);
        }
        return result;
    }

    Ranks ranks() const
    {
        Ranks result;
        const QHash<QString, QString> halves = m_split ? assignHalves() : QHash<QString, QString>();
        for (const Case& c : m_cases) {
            QStringList groups {c.system, c.system + QLatin1Char('/') + c.fault};
            if (!c.extraGroup.isEmpty())
                groups.append(c.extraGroup);
            for (const QString& group : std::as_const(groups)) {
                result[group].push_back(c.rank);
                if (m_split)
                    result[group + QStringLiteral(" [") + halves.value(c.caseId) + QLatin1Char(']')].push_back(c.rank);
            }
        }
        return result;
    }

private:
    struct Case
    {
        QString system, fault, extraGroup, caseId, miss;
        int rank = 0;
    };

    QHash<QString, QString> assignHalves() const
    {
        QMap<QString, QStringList> strata; // "system/fault" -> case ids
        for (const Case& c : m_cases)
            strata[c.system + QLatin1Char('/') + c.fault].append(c.caseId);
        QHash<QString, QString> half;
        for (QStringList& ids : strata) {
            std::sort(ids.begin(), ids.end(), [](const QString& a, const QString& b) {
                return QCryptographicHash::hash(a.toUtf8(), QCryptographicHash::Sha1)
                    < QCryptographicHash::hash(b.toUtf8(), QCryptographicHash::Sha1);
            });
            for (qsizetype i = 0; i < ids.size(); ++i)
                half.insert(ids[i], i % 2 == 0 ? QStringLiteral("tune") : QStringLiteral("held-out"));
        }
        return half;
    }

    bool m_split = false;
    std::vector<Case> m_cases;
};

struct Scores
{
    std::array<double, 5> acAt {};
    double avgAt5 = 0;
};

Scores score(const std::vector<int>& ranks)
{
    Scores s;
    for (int k = 1; k <= 5; ++k) {
        int hits = 0;
        for (int rank : ranks)
            hits += rank > 0 && rank <= k;
        s.acAt[static_cast<std::size_t>(k - 1)] = ranks.empty() ? 0 : double(hits) / double(ranks.size());
        s.avgAt5 += s.acAt[static_cast<std::size_t>(k - 1)] / 5.0;
    }
    return s;
}

QJsonObject readTruth(const QString& dir)
{
    QFile file(QDir(dir).filePath(QStringLiteral("truth.json")));
    if (!file.open(QIODevice::ReadOnly))
        throw MeshscopeError(QStringLiteral("cannot read truth.json (needed for scoring)"), dir);
    return QJsonDocument::fromJson(file.readAll()).object();
}

void evaluateCases(const QString& root, const QRegularExpression& filter, const InputInvestigationOptions& options,
    Recorder& ranks)
{
    const QDir dir(root);
    if (!dir.exists())
        throw MeshscopeError(QStringLiteral("no such folder"), root);
    for (const QString& name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString caseDir = dir.filePath(name);
        if (!QFile::exists(QDir(caseDir).filePath(QStringLiteral("signals.csv"))) || !filter.match(name).hasMatch())
            continue;
        const Dataset dataset = loadAnyInput({caseDir}, InputFormat::Case);
        const InputInvestigation run = investigateInput(dataset, options);
        // The label is read only now, after the ranking, and only to score it.
        const QJsonObject truth = readTruth(caseDir);
        const QString rootCause = truth.value(QStringLiteral("root_cause")).toString();
        const int rank = rankOf(run.result.ranking, rootCause);
        const QString miss = rank == 1 ? QString()
            : QStringLiteral("%1: truth %2 at rank %3, top %4").arg(name, rootCause,
                rank ? QString::number(rank) : QStringLiteral(">5"),
                run.result.ranking.empty() ? QStringLiteral("(none)") : run.result.ranking.front().entity);
        ranks.add(truth.value(QStringLiteral("system")).toString(), truth.value(QStringLiteral("fault")).toString(), name,
            rank, {}, miss);
    }
}

const QStringList& simulatedTopologies()
{
    static const QStringList topologies {QStringLiteral("bookinfo"), QStringLiteral("boutique"),
        QStringLiteral("random:25"), QStringLiteral("random:60")};
    return topologies;
}

SimulationOptions scenario(int index, bool faultFree)
{
    SimulationOptions options;
    const QStringList spec = simulatedTopologies()[index % simulatedTopologies().size()].split(QLatin1Char(':'));
    options.topology = spec[0];
    if (spec.size() > 1)
        options.services = spec[1].toInt();
    options.seed = static_cast<quint64>(1000 + index);
    options.endMs = 1'750'000'000'000LL - (1'750'000'000'000LL % options.stepMs);
    options.keepTraces = false;
    if (faultFree) {
        options.noFault = true;
        options.durationMs = 24 * 3600 * 1000LL;
    } else {
        options.durationMs = 3 * 3600 * 1000LL;
        FaultSpec fault;
        constexpr FaultType types[] = {FaultType::Latency, FaultType::Errors, FaultType::Saturation,
            FaultType::TrafficDrop, FaultType::BadDeploy, FaultType::DependencyOutage};
        fault.type = types[(index / simulatedTopologies().size()) % 6];
        options.faults.push_back(fault);
    }
    return options;
}

void evaluateSimulated(int count, const InputInvestigationOptions& base, bool atOnset, Recorder& ranks)
{
    TerminalProgress progress(QStringLiteral("simulated scenarios"));
    for (int i = 0; i < count; ++i) {
        progress.update(double(i) / count);
        const SimulationResult simulation = simulateMesh(scenario(i, false));
        const FaultTruth& truth = simulation.truth.front();
        InputInvestigationOptions options = base;
        if (atOnset)
            options.atMs = truth.onsetMs; // as a case's alarm_time: the injection time
        const InputInvestigation run = investigateInput(simulation.dataset, options);
        const int rank = rankOf(run.result.ranking, truth.rootCause);
        const QString system = QStringLiteral("sim-") + simulatedTopologies()[i % simulatedTopologies().size()];
        const QString miss = rank == 1 ? QString()
            : QStringLiteral("sim #%1 %2 %3 on %4: rank %5, top %6").arg(i).arg(system, faultTypeName(truth.type),
                truth.rootCause, rank ? QString::number(rank) : QStringLiteral(">5"),
                run.result.ranking.empty() ? QStringLiteral("(none)") : run.result.ranking.front().entity);
        ranks.add(QStringLiteral("simulated"), faultTypeName(truth.type), QStringLiteral("sim #%1").arg(i), rank, system, miss);
    }
}

/// Share of fault-free simulated days on which the pipeline reports no incident at all.
QJsonObject evaluateFaultFree(int count, const InputInvestigationOptions& base, QStringList* lines)
{
    TerminalProgress progress(QStringLiteral("fault-free days"));
    int quiet = 0;
    for (int i = 0; i < count; ++i) {
        progress.update(double(i) / count);
        const SimulationResult simulation = simulateMesh(scenario(i, true));
        InputInvestigationOptions options = base;
        options.atMs.reset();
        options.ignoreAlarmTime = true;
        const InputInvestigation run = investigateInput(simulation.dataset, options);
        quiet += run.result.incidents.empty();
        if (!run.result.incidents.empty())
            lines->append(QStringLiteral("fault-free #%1 (%2): %3 incidents, the strongest %4")
                              .arg(i)
                              .arg(simulation.options.topology)
                              .arg(run.result.incidents.size())
                              .arg(run.result.incidents[static_cast<std::size_t>(run.result.focusIncident)].significance, 0, 'f', 0));
    }
    return QJsonObject {{QStringLiteral("runs"), count}, {QStringLiteral("without_incident"), quiet},
        {QStringLiteral("share"), count ? double(quiet) / count : 0.0}};
}

QString table(const Ranks& ranks)
{
    QString text = QStringLiteral("%1 %2  AC@1  AC@3  AC@5  Avg@5\n").arg(QStringLiteral("group"), -34).arg(QStringLiteral("n"), 4);
    for (auto it = ranks.cbegin(); it != ranks.cend(); ++it) {
        const Scores s = score(it.value());
        text += QStringLiteral("%1 %2  %3  %4  %5  %6\n")
                    .arg(it.key(), -34)
                    .arg(it.value().size(), 4)
                    .arg(s.acAt[0], 0, 'f', 2)
                    .arg(s.acAt[2], 0, 'f', 2)
                    .arg(s.acAt[4], 0, 'f', 2)
                    .arg(s.avgAt5, 0, 'f', 3);
    }
    return text;
}

QJsonObject scoresJson(const Ranks& ranks)
{
    QJsonObject result;
    for (auto it = ranks.cbegin(); it != ranks.cend(); ++it) {
        const Scores s = score(it.value());
        result.insert(it.key(), QJsonObject {{QStringLiteral("n"), static_cast<int>(it.value().size())},
                                    {QStringLiteral("AC@1"), s.acAt[0]}, {QStringLiteral("AC@3"), s.acAt[2]},
                                    {QStringLiteral("AC@5"), s.acAt[4]}, {QStringLiteral("Avg@5"), s.avgAt5}});
    }
    return result;
}

int positiveCount(const QCommandLineParser& parser, const QString& name)
{
    if (!parser.isSet(name))
        return 0;
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < 0)
        throw MeshscopeError(QStringLiteral("--%1 must be a count (0 or more)").arg(name));
    return value;
}

/// Prints the scores (a table or JSON), the fault-free count (`faultFree` empty when not
/// run) and with --verbose the misses.
void printReport(const QCommandLineParser& parser, bool atAlarmTime, const Ranks& ranks, const QStringList& misses,
    const QJsonObject& faultFree)
{
    const bool verbose = parser.isSet(QStringLiteral("verbose"));
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject root {{QStringLiteral("scores"), scoresJson(ranks)}, {QStringLiteral("at_alarm_time"), atAlarmTime}};
        if (!faultFree.isEmpty())
            root.insert(QStringLiteral("fault_free"), faultFree);
        if (verbose)
            root.insert(QStringLiteral("misses"), QJsonArray::fromStringList(misses));
        printOut(QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented)));
        return;
    }
    QString text = atAlarmTime ? QStringLiteral("At the alarm time (--at):\n")
                               : QStringLiteral("Without the alarm time (the tool finds the incident):\n");
    text += table(ranks);
    if (!faultFree.isEmpty())
        text += QStringLiteral("fault-free days without any incident: %1 of %2\n")
                    .arg(faultFree.value(QStringLiteral("without_incident")).toInt())
                    .arg(faultFree.value(QStringLiteral("runs")).toInt());
    if (verbose && !misses.isEmpty())
        text += QStringLiteral("\n") + misses.join(QLatin1Char('\n'));
    printOut(text);
}

int runEvaluateRca(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Scores the root-cause ranking of 'investigate': AC@k = share of cases whose true root cause is among the\n"
        "top k, Avg@5 = mean of AC@1..AC@5, per system and fault. truth.json is read only to score."));
    parser.addOptions({
        {QStringLiteral("cases"), QStringLiteral("A folder of case folders (e.g. ../shared/data/rca-cases)."), QStringLiteral("DIR")},
        {QStringLiteral("filter"), QStringLiteral("Only cases whose folder name matches this regular expression."), QStringLiteral("RE")},
        {QStringLiteral("no-at"), QStringLiteral("Ignore the alarm time: the tool finds the incident itself.")},
        {QStringLiteral("simulate"), QStringLiteral("Also score N simulated fault scenarios (topologies x fault types x seeds)."), QStringLiteral("N")},
        {QStringLiteral("fault-free"), QStringLiteral("Also run N fault-free simulated days and count those without incident."), QStringLiteral("N")},
        {QStringLiteral("split"), QStringLiteral("Also score two fixed halves of the cases (per system and fault, by a hash\n"
                                                 "of the case id): 'tune' (choose constants here) and 'held-out'.")},
        {QStringLiteral("verbose"), QStringLiteral("List every case not ranked first.")},
        {QStringLiteral("json"), QStringLiteral("Print one JSON object.")},
    });
    if (!parseCommandLine(parser, QStringLiteral("evaluate-rca"), arguments))
        return 0;
    const int simulated = positiveCount(parser, QStringLiteral("simulate"));
    const int faultFree = positiveCount(parser, QStringLiteral("fault-free"));
    if (!parser.isSet(QStringLiteral("cases")) && simulated == 0 && faultFree == 0)
        throw MeshscopeError(QStringLiteral("give --cases DIR, --simulate N or --fault-free N"));

    InputInvestigationOptions options;
    options.ignoreAlarmTime = parser.isSet(QStringLiteral("no-at"));
    const QRegularExpression filter(parser.value(QStringLiteral("filter")));
    if (!filter.isValid())
        throw MeshscopeError(QStringLiteral("--filter is not a valid regular expression: ") + filter.errorString());

    Recorder recorder(parser.isSet(QStringLiteral("split")));
    if (parser.isSet(QStringLiteral("cases")))
        evaluateCases(parser.value(QStringLiteral("cases")), filter, options, recorder);
    if (simulated > 0)
        evaluateSimulated(simulated, options, !options.ignoreAlarmTime, recorder);
    QStringList misses = recorder.misses();
    QJsonObject faultFreeResult;
    if (faultFree > 0)
        faultFreeResult = evaluateFaultFree(faultFree, options, &misses);
    printReport(parser, !options.ignoreAlarmTime, recorder.ranks(), misses, faultFreeResult);
    return 0;
}

} // namespace

MESHSCOPE_CLI_COMMAND("evaluate-rca", "Score the root-cause ranking on case folders and simulated scenarios (AC@k, Avg@5)",
    runEvaluateRca);

} // namespace meshscope::cli
