// GUI-thread watchdog: opens a simulated 24 h, 1,000-service recording in the real console
// window (offscreen) exactly as `meshscope FILE` does — load, the detection and
// investigation that follow, layout, painting — while a 5 ms timer on the GUI thread
// records the longest gap between its ticks. Target: no gap over 50 ms.
//
// The recording is simulated once and cached in the build tree (bench/); delete the file
// to simulate it again. WATCHDOG_HOURS=N simulates N hours instead of 24 (quicker
// rounds while looking for a block). WATCHDOG_COLD=1 empties the page cache first (root
// only): a cold start, where the window's code is read from the disk as it is first used.

#include "main_window.h"

#include "model/dataset.h"
#include "pages/topology_page.h"
#include "recording/recording.h"
#include "simulator/mesh_simulator.h"
#include "topology/topology_view.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QThread>
#include <QTimer>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

#include <sys/resource.h>
#include <unistd.h>

using namespace meshscope;

namespace {

constexpr int Services = 1000;
constexpr int TickMs = 5;
constexpr int SettleMs = 1000;          // painting and timers after the last job landed
constexpr qint64 GiveUpMs = 20 * 60 * 1000; // a broken run must not hang the benchmark suite

int simulatedHours()
{
    const int hours = qEnvironmentVariableIntValue("WATCHDOG_HOURS");
    return hours > 0 ? hours : 24;
}

QString recordingPath()
{
    return QDir(QStringLiteral(MESHSCOPE_BENCH_CACHE_DIR))
        .absoluteFilePath(QStringLiteral("watchdog-%1x%2h.meshrec").arg(Services).arg(simulatedHours()));
}

/// Simulates the recording once; later runs reuse the file.
void ensureRecording(const QString& path)
{
    if (QFileInfo::exists(path))
        return;
    QElapsedTimer timer;
    timer.start();
    SimulationOptions options;
    options.topology = QStringLiteral("random");
    options.services = Services;
    options.namespaces = 10;
    options.durationMs = simulatedHours() * 3600 * 1000LL;
    options.endMs = 1748966400000LL; // 2025-06-03 16:00 UTC, like the demo
    options.seed = 7;
    options.keepTraces = false;
    const SimulationResult result = simulateMesh(options);
    // Written under another name first: an interrupted run leaves no truncated cache.
    const QString part = path + QStringLiteral(".part");
    QFile::remove(part);
    saveRecording(result.dataset, part);
    QFile::remove(path);
    QFile::rename(part, path);
    std::printf("simulated %d series, %lld samples into %s in %.1f s\n", result.dataset.series.seriesCount(),
        static_cast<long long>(result.dataset.series.sampleCount()), qPrintable(path), timer.elapsed() / 1000.0);
}

double monotonicNowS()
{
    timespec ts {};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<double>(ts.tv_sec) + ts.tv_nsec / 1e9;
}

/// A QApplication that times every event it delivers on the GUI thread, to name what ran
/// in a gap: the receiver's class, the event type and the nesting depth.
class TimingApplication : public QApplication
{
public:
    struct SlowEvent
    {
        double startS = 0; ///< CLOCK_MONOTONIC
        double ms = 0;
        int depth = 0;
        int type = 0;
        QByteArray receiver;
    };
    static constexpr double SlowMs = 5;

    using QApplication::QApplication;

    bool notify(QObject* receiver, QEvent* event) override
    {
        if (QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        const double start = monotonicNowS();
        const int type = event->type(); // the event may be deleted by its handler
        ++m_depth;
        const bool result = QApplication::notify(receiver, event);
        --m_depth;
        const double ms = (monotonicNowS() - start) * 1e3;
        if (ms >= SlowMs)
            m_slow.push_back(SlowEvent {start, ms, m_depth, type, receiver->metaObject()->className()});
        return result;
    }

    /// Slow events that overlap [fromS, toS] (monotonic), outermost first.
    std::vector<SlowEvent> slowEventsIn(double fromS, double toS) const
    {
        std::vector<SlowEvent> found;
        for (const SlowEvent& slow : m_slow) {
            if (slow.startS <= toS && slow.startS + slow.ms / 1e3 >= fromS)
                found.push_back(slow);
        }
        std::sort(found.begin(), found.end(),
            [](const SlowEvent& a, const SlowEvent& b) { return a.depth != b.depth ? a.depth < b.depth : a.ms > b.ms; });
        return found;
    }

private:
    int m_depth = 0;
    std::vector<SlowEvent> m_slow;
};

/// A timer on the GUI thread that notes every gap between its ticks and what the window
/// was doing then.
class Watchdog
{
public:
    struct Gap
    {
        double ms = 0;
        double cpuMs = 0; ///< GUI-thread CPU time within the gap: work, not waiting for a core
        double queuedMs = -1; ///< time runnable but waiting for a core (Linux schedstat; -1 unknown)
        long majorFaults = 0; ///< GUI-thread page faults that waited for the disk
        /// CPU time the hypervisor took from the machine's vCPUs (all of them, 10 ms steps;
        /// -1 unknown): in a VM, time in which no thread of the guest ran at all.
        double stolenMs = -1;
        double atS = 0;
        const char* phase = "";
    };

    Watchdog()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(TickMs);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { tick(); });
    }
    void start()
    {
        m_clock.start();
        m_last = 0;
        m_lastCpu = threadCpuNs();
        m_lastQueued = runQueueNs();
        m_lastMajorFaults = majorFaults();
        m_lastStolen = stolenNs();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    /// Forgets the gaps so far and restarts the clock (the ticks go on).
    void resetGaps()
    {
        m_gaps.clear();
        m_totalMajorFaults = 0;
        m_clock.start();
        m_last = 0;
    }
    void setPhase(const char* phase) { m_phase = phase; }
    double elapsedS() const { return m_clock.nsecsElapsed() / 1e9; }
    /// CLOCK_MONOTONIC at time 0 of the gaps, to match them with `perf --clockid monotonic`.
    double monotonicStartS() const { return m_clock.msecsSinceReference() / 1e3; }
    /// The longest gaps, longest first.
    std::vector<Gap> longest(std::size_t count) const
    {
        std::vector<Gap> gaps = m_gaps;
        std::sort(gaps.begin(), gaps.end(), [](const Gap& a, const Gap& b) { return a.ms > b.ms; });
        gaps.resize(std::min(count, gaps.size()));
        return gaps;
    }
    double maxGapMs() const
    {
        const auto gaps = longest(1);
        return gaps.empty() ? 0 : gaps.front().ms;
    }
    /// The longest gap in which the host took no CPU from the machine (what the program
    /// itself is responsible for in a VM); the longest gap of all where steal is unknown.
    double maxGapWithoutStealMs() const
    {
        double longestMs = 0;
        for (const Gap& gap : m_gaps)
            if (gap.stolenMs <= 0)
                longestMs = std::max(longestMs, gap.ms);
        return longestMs;
    }
    long totalMajorFaults() const { return m_totalMajorFaults; }
    /// The most GUI-thread CPU time spent between two ticks.
    double maxBusyMs() const
    {
        double busy = 0;
        for (const Gap& gap : m_gaps)
            busy = std::max(busy, gap.cpuMs);
        return busy;
    }

private:
    void tick()
    {
        const qint64 now = m_clock.nsecsElapsed();
        const qint64 cpu = threadCpuNs();
        const qint64 queued = runQueueNs();
        const double queuedMs = queued < 0 || m_lastQueued < 0 ? -1 : (queued - m_lastQueued) / 1e6;
        m_lastQueued = queued;
        const double gapMs = (now - m_last) / 1e6;
        const double cpuMs = (cpu - m_lastCpu) / 1e6;
        const long faults = majorFaults();
        const long newFaults = faults - m_lastMajorFaults;
        m_totalMajorFaults += newFaults;
        m_last = now;
        m_lastCpu = cpu;
        m_lastMajorFaults = faults;
        const qint64 stolen = stolenNs();
        const double stolenMs = stolen < 0 || m_lastStolen < 0 ? -1 : (stolen - m_lastStolen) / 1e6;
        m_lastStolen = stolen;
        // Only gaps that are more than a late tick are worth keeping.
        if (gapMs > 2 * TickMs)
            m_gaps.push_back(Gap {gapMs, cpuMs, queuedMs, newFaults, stolenMs, now / 1e9, m_phase});
    }

    /// Page faults of this thread that had to read from the disk.
    static long majorFaults()
    {
        rusage usage {};
        getrusage(RUSAGE_THREAD, &usage);
        return usage.ru_majflt;
    }

    /// Nanoseconds this thread has waited on a run queue, from /proc (Linux), or -1.
    static qint64 runQueueNs()
    {
        std::FILE* file = std::fopen("/proc/thread-self/schedstat", "r");
        if (!file)
            return -1;
        long long running = 0;
        long long waiting = -1;
        if (std::fscanf(file, "%lld %lld", &running, &waiting) != 2)
            waiting = -1;
        std::fclose(file);
        return waiting;
    }

    /// Steal time of all vCPUs from /proc/stat (Linux guests), in ns, or -1.
    static qint64 stolenNs()
    {
        std::FILE* file = std::fopen("/proc/stat", "r");
        if (!file)
            return -1;
        long long fields[8] = {};
        const int read = std::fscanf(file, "cpu %lld %lld %lld %lld %lld %lld %lld %lld", &fields[0], &fields[1],
            &fields[2], &fields[3], &fields[4], &fields[5], &fields[6], &fields[7]);
        std::fclose(file);
        const long ticksPerS = sysconf(_SC_CLK_TCK);
        return read == 8 && ticksPerS > 0 ? fields[7] * (1'000'000'000 / ticksPerS) : -1;
    }

    static qint64 threadCpuNs()
    {
        timespec ts {};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return static_cast<qint64>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_lastCpu = 0;
    qint64 m_lastStolen = -1;
    qint64 m_lastQueued = -1;
    long m_lastMajorFaults = 0;
    long m_totalMajorFaults = 0;
    const char* m_phase = "idle";
    std::vector<Gap> m_gaps;
};

/// WATCHDOG_COLD=1: drops the page cache (clean pages only) like a cold start.
void dropPageCacheWhenAsked()
{
    if (qEnvironmentVariableIntValue("WATCHDOG_COLD") != 1)
        return;
    sync();
    QFile dropCaches(QStringLiteral("/proc/sys/vm/drop_caches"));
    const bool dropped = dropCaches.open(QIODevice::WriteOnly) && dropCaches.write("1\n") == 2;
    std::printf(dropped ? "page cache dropped: a cold start\n"
                        : "WATCHDOG_COLD=1 needs root (/proc/sys/vm/drop_caches); the page cache stays warm\n");
}

void BM_OpenRecordingWatchdog(benchmark::State& state)
{
    const QString path = recordingPath();
    ensureRecording(path);
    dropPageCacheWhenAsked();
    for (auto _ : state) {
        MainWindow window;
        TopologyView* view = window.topologyPage()->view();
        // The empty window's first paints (fonts loaded, every dock laid out) are watched
        // too, in their own phase: the target is about the recording loading.
        Watchdog watchdog;
        watchdog.setPhase("window shown");
        watchdog.start();
        window.show();
        {
            QEventLoop settle;
            QTimer::singleShot(SettleMs, &settle, &QEventLoop::quit);
            settle.exec();
        }
        const double firstPaintMs = watchdog.maxGapMs();
        bool shown = false;
        bool failed = false;
        double shownS = 0;
        double layoutS = 0;
        QObject::connect(&window, &MainWindow::datasetShown, [&] {
            shown = true;
            shownS = watchdog.elapsedS();
            watchdog.setPhase("detection");
        });
        QObject::connect(&window, &MainWindow::loadFailed, [&](const QString& message) {
            failed = true;
            state.SkipWithError(qPrintable(message));
        });
        QObject::connect(view, &TopologyView::layoutFinished, [&] { layoutS = watchdog.elapsedS(); });

        QEventLoop loop;
        QTimer poll;
        poll.setInterval(20);
        double doneS = 0;
        QObject::connect(&poll, &QTimer::timeout, [&] {
            const bool done = shown && !window.isAnalysing() && !view->isUpdatePending()
                && !view->topologyScene()->frame().nodes.empty();
            if (shown && doneS == 0 && !window.isAnalysing())
                watchdog.setPhase("after detection");
            if (failed || watchdog.elapsedS() * 1000 > GiveUpMs) {
                loop.quit();
            } else if (done && doneS == 0) {
                doneS = watchdog.elapsedS();
                watchdog.setPhase("settling");
                QTimer::singleShot(SettleMs, &loop, &QEventLoop::quit);
            }
        });
        watchdog.setPhase("loading");
        watchdog.resetGaps();
        poll.start();
        window.openPaths({path});
        loop.exec();
        watchdog.stop();
        poll.stop();

        const auto dataset = window.dataset();
        state.counters["max_block_ms"] = watchdog.maxGapMs();
        state.counters["max_block_no_steal_ms"] = watchdog.maxGapWithoutStealMs();
        state.counters["first_paint_ms"] = firstPaintMs;
        state.counters["max_busy_ms"] = watchdog.maxBusyMs();
        state.counters["load_s"] = shownS;
        state.counters["layout_s"] = layoutS;
        state.counters["total_s"] = doneS;
        state.counters["series"] = dataset ? static_cast<double>(dataset->series.seriesCount()) : 0;
        state.counters["anomalies"] = dataset ? static_cast<double>(dataset->anomalies.size()) : 0;
        state.counters["incidents"] = dataset ? static_cast<double>(dataset->incidents.size()) : 0;
        std::printf("showing the empty window: max GUI-thread block ms: %.1f\n", firstPaintMs);
        std::printf("max GUI-thread block ms: %.1f (5 ms ticks; target <= 50)\n", watchdog.maxGapMs());
        std::printf("max GUI-thread block ms in gaps the host took no CPU from the VM: %.1f\n",
            watchdog.maxGapWithoutStealMs());
        std::printf("max GUI-thread CPU ms between two ticks: %.1f (the rest of a gap is waiting for a core)\n",
            watchdog.maxBusyMs());
        std::printf("total load time s: %.1f (file loaded and shown %.1f s, layout %.1f s, detection and "
                    "investigation done %.1f s)\n",
            doneS, shownS, layoutS, doneS);
        std::printf("GUI-thread page faults that waited for the disk: %ld\n", watchdog.totalMajorFaults());
        std::printf("gap times are seconds after CLOCK_MONOTONIC %.3f s\n", watchdog.monotonicStartS());
        const auto* app = static_cast<const TimingApplication*>(QCoreApplication::instance());
        for (const Watchdog::Gap& gap : watchdog.longest(8)) {
            std::printf("  gap %.1f ms (%.1f ms CPU, %.1f ms waiting for a core, %ld major faults, %.0f ms stolen "
                        "by the host) at %.2f s (%s)\n",
                gap.ms, gap.cpuMs, gap.queuedMs, gap.majorFaults, gap.stolenMs, gap.atS, gap.phase);
            // Gap ends are known to a millisecond (the clock's reference is in ms).
            const double endS = watchdog.monotonicStartS() + gap.atS;
            int shown = 0;
            for (const auto& slow : app->slowEventsIn(endS - gap.ms / 1e3 - 0.001, endS + 0.001)) {
                if (shown++ == 5)
                    break;
                std::printf("      event %d to %s took %.1f ms (depth %d)\n", slow.type, slow.receiver.constData(),
                    slow.ms, slow.depth);
            }
        }
        std::fflush(stdout);
    }
}

} // namespace

BENCHMARK(BM_OpenRecordingWatchdog)->Iterations(1)->UseRealTime()->Unit(benchmark::kSecond);

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TimingApplication app(argc, argv);
    // Own settings, so the user's window layout and recent files stay untouched.
    QApplication::setOrganizationName(QStringLiteral("meshscope-bench"));
    QApplication::setApplicationName(QStringLiteral("bench_gui_watchdog"));
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
