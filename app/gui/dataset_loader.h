#pragma once

#include "jobs/job_tracker.h"
#include "model/dataset.h"

#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>

class QTimer;

namespace meshscope {

/// Loads a recording or importable files on the thread pool. Progress is polled ten
/// times a second rather than signalled per parsed chunk, so a fast parser cannot flood
/// the GUI's event queue.
class DatasetLoader : public QObject
{
    Q_OBJECT

public:
    explicit DatasetLoader(QObject* parent = nullptr);

    /// Cancels a running load and starts this one.
    void load(const QStringList& paths);
    void cancel();
    bool isLoading() const { return m_loading; }

Q_SIGNALS:
    void started(const QString& source);
    void progress(double fraction);
    void loaded(std::shared_ptr<const meshscope::Dataset> dataset, const QString& source, const QStringList& warnings);
    void failed(const QString& message);
    void cancelled();

private:
    struct Result
    {
        std::shared_ptr<const Dataset> dataset;
        QStringList warnings;
    };
    void finish();

    JobTracker m_job;
    QTimer* m_progressPoll;
    std::shared_ptr<std::atomic<int>> m_permille;
    bool m_loading = false;
};

} // namespace meshscope
