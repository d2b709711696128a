// meshscope-cli score: runs a detector over NAB-style CSV files (timestamp,value) and
// writes timestamp,value,anomaly_score, so detector quality can be measured with the
// NAB scorer on exactly the code the console runs.

#include "cli_command.h"

#include "detect/detector.h"
#include "model/meshscope_error.h"

#include <QCommandLineParser>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QtConcurrent/QtConcurrentMap>

#include <atomic>
#include <cstdio>
#include <limits>

namespace meshscope::cli {

namespace {

struct ScoreRow
{
    QByteArray timestamp;
    QByteArray value;
    qint64 tMs = 0;
    double number = 0;
};

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
qint64 daysFromCivil(int y, int m, int d)
{
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<qint64>(era) * 146097 + doe - 719468;
}

// "YYYY-MM-DD HH:MM:SS[.ffffff]" (NAB) as UTC milliseconds; false when malformed.
bool parseNabTime(const QByteArray& text, qint64* ms)
{
    int y = 0, mo = 0, d = 0, h = 0, mi = 0;
    double s = 0;
    if (std::sscanf(text.constData(), "%4d-%2d-%2d%*[ T]%2d:%2d:%lf", &y, &mo, &d, &h, &mi, &s) != 6)
        return false;
    *ms = ((daysFromCivil(y, mo, d) * 24 + h) * 60 + mi) * 60'000 + static_cast<qint64>(s * 1000.0);
    return true;
}

std::vector<ScoreRow> readNabCsv(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw MeshscopeError(file.errorString(), path);
    const QList<QByteArray> lines = file.readAll().split('\n');
    if (lines.isEmpty() || !lines.first().trimmed().startsWith("timestamp,value"))
        throw MeshscopeError(QStringLiteral("expected the header 'timestamp,value'"), path + QStringLiteral(":1"));
    std::vector<ScoreRow> rows;
    rows.reserve(static_cast<std::size_t>(lines.size()));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype comma = line.indexOf(',');
        ScoreRow row;
        row.timestamp = line.left(comma);
        row.value = line.mid(comma + 1);
        bool ok = comma > 0;
        if (ok)
            row.number = row.value.toDouble(&ok);
        if (!ok || !parseNabTime(row.timestamp, &row.tMs))
            throw MeshscopeError(QStringLiteral("expected 'YYYY-MM-DD HH:MM:SS,number'"),
                QStringLiteral("%1:%2").arg(path).arg(i + 1));
        rows.push_back(std::move(row));
    }
    return rows;
}

void scoreFile(const QString& input, const QString& output, const QString& detectorName)
{
    const std::vector<ScoreRow> rows = readNabCsv(input);
    // NAB series have no known signal: both directions count, no per-file settings.
    std::unique_ptr<Detector> detector = createDetector(detectorName);
    QByteArray text = "timestamp,value,anomaly_score\n";
    text.reserve(static_cast<qsizetype>(rows.size() * 40));
    qint64 lastMs = std::numeric_limits<qint64>::min();
    for (const ScoreRow& row : rows) {
        // Repeated or backward timestamps are scored as if a millisecond later.
        const qint64 t = std::max(row.tMs, lastMs + 1);
        lastMs = t;
        const double score = detector->update(t, row.number);
        text += row.timestamp + ',' + row.value + ',' + QByteArray::number(score, 'g', 8) + '\n';
    }
    QDir().mkpath(QFileInfo(output).absolutePath());
    QFile file(output);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text) != text.size())
        throw MeshscopeError(file.errorString(), output);
}

int scoreDirectory(const QString& dataDir, const QString& outDir, const QString& detectorName)
{
    QStringList relative;
    QDirIterator it(dataDir, {QStringLiteral("*.csv")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        relative << QDir(dataDir).relativeFilePath(it.next());
    relative.sort();
    if (relative.isEmpty())
        throw MeshscopeError(QStringLiteral("no .csv files found"), dataDir);
    TerminalProgress progress(QStringLiteral("scoring"));
    std::atomic<int> done {0};
    QMutex progressMutex;
    // One file per task; the detectors are independent, so this uses every core.
    QtConcurrent::blockingMap(relative, [&](const QString& path) {
        scoreFile(QDir(dataDir).filePath(path), QDir(outDir).filePath(path), detectorName);
        const double fraction = static_cast<double>(++done) / relative.size();
        const QMutexLocker lock(&progressMutex);
        progress.update(fraction);
    });
    printOut(QStringLiteral("scored %1 files with detector '%2' into %3").arg(relative.size()).arg(detectorName, outDir));
    return 0;
}

int runScore(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Scores NAB-format CSV files (timestamp,value) with a detector and writes "
        "timestamp,value,anomaly_score, one row per input row."));
    parser.addOption({QStringLiteral("input"), QStringLiteral("One CSV file to score."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("output"), QStringLiteral("Where to write the scored CSV."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("nab-dir"), QStringLiteral("Score every .csv below DIR (e.g. NAB's data/)."),
        QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("Output folder for --nab-dir, same layout."),
        QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("detector"),
        QStringLiteral("Detector: %1 (default %2).").arg(detectorNames().join(QStringLiteral(", ")), defaultDetectorName()),
        QStringLiteral("NAME"), defaultDetectorName()});
    if (!parseCommandLine(parser, QStringLiteral("score"), arguments))
        return 0;
    const QString detectorName = parser.value(QStringLiteral("detector"));
    if (!createDetector(detectorName))
        throw MeshscopeError(QStringLiteral("unknown detector '%1' (known: %2)")
                                 .arg(detectorName, detectorNames().join(QStringLiteral(", "))));
    if (parser.isSet(QStringLiteral("nab-dir"))) {
        if (!parser.isSet(QStringLiteral("out")))
            throw MeshscopeError(QStringLiteral("--nab-dir needs --out DIR"));
        return scoreDirectory(parser.value(QStringLiteral("nab-dir")), parser.value(QStringLiteral("out")), detectorName);
    }
    if (!parser.isSet(QStringLiteral("input")) || !parser.isSet(QStringLiteral("output")))
        throw MeshscopeError(QStringLiteral("give --input FILE --output FILE, or --nab-dir DIR --out DIR"));
    scoreFile(parser.value(QStringLiteral("input")), parser.value(QStringLiteral("output")), detectorName);
    return 0;
}

} // namespace

MESHSCOPE_CLI_COMMAND("score", "Score NAB-format CSV files with a detector (anomaly_score per row)", runScore);

} // namespace meshscope::cli
