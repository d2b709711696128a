#pragma once

#include "detect/detection.h"
#include "jobs/job_tracker.h"

#include <QObject>

#include <atomic>
#include <memory>

class QTimer;

namespace meshscope {

struct Dataset;

/// Runs the detectors and the correlator on a loaded dataset off the GUI thread. The
/// result is a copy of the dataset whose anomalies and incidents are the fresh ones (so
/// every page keeps reading one Dataset) plus the per-series bands for the plots.
class AnalysisRunner : public QObject
{
    Q_OBJECT

public:
    explicit AnalysisRunner(QObject* parent = nullptr);

    /// Starts detection (with `settings`: the user's tuning) and correlation on `dataset`;
    /// a running analysis is cancelled.
    void run(std::shared_ptr<const Dataset> dataset, DetectionSettings settings = {});
    void cancel();
    /// Cancels without reporting it (the data it ran on was replaced).
    void discard();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void started();
    void progress(double fraction);
    void finished(std::shared_ptr<const meshscope::Dataset> analysed,
        std::shared_ptr<const meshscope::DetectionResult> detection);
    void failed(const QString& message);
    void cancelled();

private:
    struct Result
    {
        std::shared_ptr<const Dataset> dataset;
        std::shared_ptr<const DetectionResult> detection;
    };
    static Result analyse(const Dataset& dataset, const DetectionSettings& settings, const JobControl& job);
    void finish();

    JobTracker m_job;
    QTimer* m_progressPoll;
    std::shared_ptr<std::atomic<int>> m_permille;
    bool m_running = false;
};

} // namespace meshscope
