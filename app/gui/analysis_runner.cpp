#include "analysis_runner.h"

#include "correlate/investigation.h"
#include "detect/detection.h"
#include "model/dataset.h"
#include "model/job_control.h"

#include <QThreadPool>
#include <QTimer>


namespace meshscope {

AnalysisRunner::AnalysisRunner(QObject* parent)
    : QObject(parent)
    , m_job(this)
    , m_progressPoll(new QTimer(this))
    , m_permille(std::make_shared<std::atomic<int>>(0))
{
    m_progressPoll->setInterval(100);
    connect(m_progressPoll, &QTimer::timeout, this, [this] { Q_EMIT progress(m_permille->load() / 1000.0); });
}

namespace {

/// While the analysis runs, its worker thread mostly waits for detectAll()'s per-series
/// map on the same worker pool. Giving its slot back (QThreadPool's documented use of
/// releaseThread()) lets that map run even when a cancelled or superseded analysis is
/// still winding down: otherwise, on two cores, both worker threads wait for map work
/// nobody can start and detection never finishes.
class PoolSlotRelease
{
public:
    PoolSlotRelease() { workerThreadPool()->releaseThread(); }
    ~PoolSlotRelease() { workerThreadPool()->reserveThread(); }
    PoolSlotRelease(const PoolSlotRelease&) = delete;
    PoolSlotRelease& operator=(const PoolSlotRelease&) = delete;
};

} // namespace

AnalysisRunner::Result AnalysisRunner::analyse(const Dataset& dataset, const DetectionSettings& settings, const JobControl& job)
{
    const PoolSlotRelease waiting;
    // Detection is nearly all of the work, so its progress stands for the whole job.
    auto detection
        = std::make_shared<DetectionResult>(detectAll(dataset.series, settings, &job, dataset.detectorStart));
    job.throwIfCancelled();
    auto analysed = makeSharedDataset(dataset);
    // The same investigation as `meshscope-cli investigate`: correlated incidents that the
    // raw samples confirm, with ranked root-cause candidates.
    analysed->incidents = investigate(dataset, detection->anomalies, InvestigationSettings {}, &job).incidents;
    analysed->anomalies = detection->anomalies;
    job.throwIfCancelled();
    return Result {std::move(analysed), std::move(detection)};
}

void AnalysisRunner::run(std::shared_ptr<const Dataset> dataset, DetectionSettings settings)
{
    cancel();
    if (!dataset)
        return;
    m_running = true;
    m_permille = std::make_shared<std::atomic<int>>(0);
    auto permille = m_permille;
    Q_EMIT started();
    m_progressPoll->start();
    m_job.start<Result>(
        [dataset, settings](const JobControl& job) { return analyse(*dataset, settings, job); },
        [this](Result result) {
            finish();
            Q_EMIT finished(result.dataset, result.detection);
        },
        [this](const QString& message) {
            finish();
            Q_EMIT failed(message);
        },
        [permille](double fraction) { permille->store(static_cast<int>(fraction * 1000)); });
}

void AnalysisRunner::cancel()
{
    if (!m_running)
        return;
    m_job.cancel();
    finish();
    Q_EMIT cancelled();
}

void AnalysisRunner::discard()
{
    m_job.cancel();
    finish();
}

void AnalysisRunner::finish()
{
    m_running = false;
    m_progressPoll->stop();
}

} // namespace meshscope
