// meshscope-cli record: pull a time range from Prometheus (and Kiali) into a .meshrec,
// or follow the live mesh until interrupted.
#include "cli_command.h"

#include "live/live_source.h"
#include "live/mesh_poller.h"
#include "live/profile_options.h"
#include "model/meshscope_error.h"
#include "recording/recording.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QTimer>

#include <atomic>
#include <csignal>

namespace meshscope::cli {

namespace {

std::atomic<bool> g_interrupted {false};

extern "C" void onInterrupt(int)
{
    g_interrupted.store(true);
}

qint64 unixSeconds(const QCommandLineParser& parser, const QString& name)
{
    bool ok = false;
    const double seconds = parser.value(name).toDouble(&ok);
    if (!ok || seconds <= 0)
        throw MeshscopeError(
            QStringLiteral("--%1 must be a time in unix seconds, not '%2'").arg(name, parser.value(name)));
    return qint64(seconds * 1000);
}

int recordRange(
    const ConnectionProfile& profile, const QCommandLineParser& parser, const QString& output, bool overwrite)
{
    const qint64 startMs = unixSeconds(parser, QStringLiteral("start"));
    const qint64 endMs = unixSeconds(parser, QStringLiteral("end"));
    if (endMs <= startMs)
        throw MeshscopeError(QStringLiteral("--end must be after --start"));
    bool ok = false;
    const qint64 frameEveryMs = parser.value(QStringLiteral("topology-every")).toLongLong(&ok) * 1000;
    if (!ok || frameEveryMs <= 0)
        throw MeshscopeError(QStringLiteral("--topology-every must be a positive number of seconds"));

    MeshPoller poller(profile);
    auto writer = RecordingWriter::create(output, overwrite);
    for (auto [key, value] : profile.describe().asKeyValueRange())
        writer->setSetting(key, value);
    TerminalProgress progress(QStringLiteral("recording"));
    qint64 samples = 0;
    // One chunk per topology frame keeps memory bounded on long ranges.
    for (qint64 chunkStart = startMs; chunkStart <= endMs; chunkStart += frameEveryMs) {
        const qint64 chunkEnd = std::min(endMs, chunkStart + frameEveryMs - profile.stepMs());
        const MeshSnapshot snapshot = poller.fetch(chunkStart, std::max(chunkStart, chunkEnd), true);
        for (const QString& warning : snapshot.warnings)
            printErr(QStringLiteral("warning: ") + warning);
        for (const SeriesBatch& batch : snapshot.series)
            writer->appendSamples(batch.key, batch.timesMs.data(), batch.values.data(), batch.timesMs.size());
        for (const TopologyFrame& frame : snapshot.frames)
            writer->appendTopology(frame);
        writer->commit();
        samples += snapshot.sampleCount();
        progress.update(double(chunkEnd - startMs) / double(std::max<qint64>(1, endMs - startMs)));
    }
    // After the samples, so alert entities get the names the series were given.
    QStringList alertWarnings;
    writer->storeAlerts(poller.alertHistory(startMs, endMs, &alertWarnings));
    for (const QString& warning : alertWarnings)
        printErr(QStringLiteral("warning: ") + warning);
    writer->close();
    printOut(QStringLiteral("recorded %1 samples to %2").arg(samples).arg(output));
    return 0;
}

int follow(const ConnectionProfile& profile, const QString& output, bool overwrite)
{
    LiveSource source(profile);
    source.setRecordingPath(output, overwrite);
    int exitCode = 0;
    qint64 samples = 0;
    QObject::connect(&source, &LiveSource::statusChanged, [](const LiveStatus& status) {
        printErr(QStringLiteral("[%1] %2").arg(
            QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss")), status.text()));
    });
    QObject::connect(&source, &LiveSource::updateArrived, [&samples](const LiveUpdate& update) {
        for (const SeriesBatch& batch : update.series)
            samples += qint64(batch.timesMs.size());
    });
    QObject::connect(&source, &LiveSource::failed, [&exitCode](const QString& message) {
        printErr(QStringLiteral("meshscope-cli record: ") + message);
        exitCode = 1;
        QCoreApplication::quit();
    });
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    // A signal handler may only set a flag; the event loop notices it here.
    QTimer watch;
    QObject::connect(&watch, &QTimer::timeout, [] {
        if (g_interrupted.load())
            QCoreApplication::quit();
    });
    watch.start(100);
    source.start();
    QCoreApplication::exec();
    source.stop(); // closes the recording cleanly
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    printOut(QStringLiteral("recorded %1 samples to %2").arg(samples).arg(output));
    return exitCode;
}

int runRecord(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Records golden signals and topology of an Istio mesh from Prometheus (topology from Kiali when "
        "given) into a "
        ".meshrec: a past range with --start/--end, or live with --follow until SIGINT/SIGTERM."));
    ProfileOptions::addTo(parser);
    parser.addOptions({
        {{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("The .meshrec to write."),
            QStringLiteral("FILE")},
        {QStringLiteral("start"), QStringLiteral("Start of the range, unix seconds."), QStringLiteral("T")},
        {QStringLiteral("end"), QStringLiteral("End of the range, unix seconds."), QStringLiteral("T")},
        {QStringLiteral("follow"), QStringLiteral("Record live until interrupted.")},
        {QStringLiteral("step"),
            QStringLiteral("Sample step and (with --follow) poll interval in seconds, 5-60 (default 15)."),
            QStringLiteral("S"), QStringLiteral("15")},
        {QStringLiteral("backfill"),
            QStringLiteral("With --follow: minutes of history to fetch first (default 60)."),
            QStringLiteral("MIN"), QStringLiteral("60")},
        {QStringLiteral("topology-every"),
            QStringLiteral("Seconds between topology frames of a range (default 600)."), QStringLiteral("S"),
            QStringLiteral("600")},
        {QStringLiteral("overwrite"), QStringLiteral("Replace an existing output file.")},
    });
    if (!parseCommandLine(parser, QStringLiteral("record"), arguments))
        return 0;
    QStringList warnings;
    ConnectionProfile profile = ProfileOptions::read(parser, &warnings);
    for (const QString& warning : warnings)
        printErr(QStringLiteral("warning: ") + warning);
    const QString output = parser.value(QStringLiteral("output"));
    if (output.isEmpty())
        throw MeshscopeError(QStringLiteral("-o FILE is required"));
    profile.pollIntervalS = parser.value(QStringLiteral("step")).toInt();
    profile.backfillMinutes = parser.value(QStringLiteral("backfill")).toInt();
    profile.validate();
    const bool overwrite = parser.isSet(QStringLiteral("overwrite"));
    if (parser.isSet(QStringLiteral("follow")))
        return follow(profile, output, overwrite);
    if (!parser.isSet(QStringLiteral("start")) || !parser.isSet(QStringLiteral("end")))
        throw MeshscopeError(QStringLiteral("give --start and --end (unix seconds), or --follow"));
    return recordRange(profile, parser, output, overwrite);
}

} // namespace

MESHSCOPE_CLI_COMMAND(
    "record", "Record a live mesh (Prometheus, Kiali) to a .meshrec: a past range or --follow", runRecord);

} // namespace meshscope::cli
