#include "dataset_loader.h"

#include "importers/importer.h"

#include <QFileInfo>
#include <QTimer>


namespace meshscope {

DatasetLoader::DatasetLoader(QObject* parent)
    : QObject(parent)
    , m_job(this)
    , m_progressPoll(new QTimer(this))
    , m_permille(std::make_shared<std::atomic<int>>(0))
{
    m_progressPoll->setInterval(100);
    connect(m_progressPoll, &QTimer::timeout, this, [this] { Q_EMIT progress(m_permille->load() / 1000.0); });
}

void DatasetLoader::load(const QStringList& paths)
{
    cancel();
    m_loading = true;
    m_permille = std::make_shared<std::atomic<int>>(0);
    auto permille = m_permille;
    QStringList names;
    for (const QString& path : paths)
        names.append(QFileInfo(path).fileName());
    const QString source = names.join(QStringLiteral(", "));
    Q_EMIT started(source);
    m_progressPoll->start();
    m_job.start<Result>(
        [paths](const JobControl& job) {
            ImportReport report;
            auto dataset = makeSharedDataset(loadAnyInput(paths, InputFormat::Auto, &job, &report));
            return Result {std::move(dataset), report.warnings};
        },
        [this, source](Result result) {
            finish();
            Q_EMIT loaded(result.dataset, source, result.warnings);
        },
        [this](const QString& message) {
            finish();
            Q_EMIT failed(message);
        },
        [permille](double fraction) { permille->store(static_cast<int>(fraction * 1000)); });
}

void DatasetLoader::cancel()
{
    if (!m_loading)
        return;
    m_job.cancel();
    finish();
    Q_EMIT cancelled();
}

void DatasetLoader::finish()
{
    m_loading = false;
    m_progressPoll->stop();
}

} // namespace meshscope
