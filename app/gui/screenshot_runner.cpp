#include "screenshot_runner.h"

#include "main_window.h"

#include "model/dataset.h"
#include "models/entity_selection.h"
#include "models/time_window.h"
#include "pages/topology_page.h"
#include "topology/topology_view.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPixmap>
#include <QRegularExpression>
#include <QTimer>

#include <cstdio>

namespace meshscope {

ScreenshotRunner::ScreenshotRunner(MainWindow* window, QString pngPath, QString at, QString select)
    : QObject(window)
    , m_window(window)
    , m_png(std::move(pngPath))
    , m_at(std::move(at))
    , m_select(std::move(select))
    , m_poll(new QTimer(this))
{
    m_poll->setInterval(50);
    connect(m_poll, &QTimer::timeout, this, &ScreenshotRunner::pollReady);
    connect(m_window, &MainWindow::datasetShown, this, &ScreenshotRunner::onDatasetShown);
    connect(m_window, &MainWindow::loadFailed, this, &ScreenshotRunner::fail);
    QTimer::singleShot(
        TimeoutMs, this, [this] { fail(tr("timed out waiting for the data and its layout")); });
}

bool ScreenshotRunner::parseTime(const QString& text, const TimeRange& range, qint64* tMs)
{
    static const QRegularExpression offset(QStringLiteral("^\\+(\\d+(?:\\.\\d+)?)(ms|s|m|h)$"));
    if (const auto match = offset.match(text.trimmed()); match.hasMatch()) {
        const double value = match.captured(1).toDouble();
        const QString unit = match.captured(2);
        const double factor = unit == QLatin1String("h") ? 3.6e6
            : unit == QLatin1String("m")                 ? 6e4
            : unit == QLatin1String("s")                 ? 1e3
                                                         : 1.0;
        *tMs = range.startMs + static_cast<qint64>(value * factor);
        return range.isValid();
    }
    bool isNumber = false;
    const qint64 number = text.toLongLong(&isNumber);
    if (isNumber) {
        *tMs = number > 100'000'000'000LL ? number : number * 1000; // ms vs. seconds
        return true;
    }
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return false;
    if (time.timeSpec() == Qt::LocalTime)
        time.setTimeSpec(Qt::UTC);
    *tMs = time.toMSecsSinceEpoch();
    return true;
}

void ScreenshotRunner::onDatasetShown()
{
    if (!m_at.isEmpty()) {
        qint64 t = 0;
        if (!parseTime(m_at, m_window->timeWindow()->fullRange(), &t)) {
            fail(tr("cannot read the time \"%1\" (use ISO 8601, epoch seconds or +5m)").arg(m_at));
            return;
        }
        m_window->timeWindow()->setCursor(t);
    }
    if (!m_select.isEmpty())
        m_window->selection()->select(m_select);
    m_poll->start();
}

void ScreenshotRunner::pollReady()
{
    TopologyView* view = m_window->topologyPage()->view();
    view->updateNow();
    const bool hasGraph = !view->topologyScene()->frame().nodes.empty();
    // A graph is due when there is data, unless the recorded frame at the cursor is empty
    // (no traffic then): that one lays out as nothing.
    const auto& dataset = m_window->dataset();
    const TopologyFrame* recorded
        = dataset ? dataset->topology.frameAt(m_window->timeWindow()->cursorMs()) : nullptr;
    const bool expectsGraph = dataset && dataset->series.seriesCount() > 0
        && (dataset->topology.isEmpty() || (recorded && !recorded->nodes.empty()));
    if (view->isUpdatePending() || m_window->isAnalysing() || (expectsGraph && !hasGraph)) {
        m_stableTicks = 0;
        return;
    }
    // One more tick lets queued restyles and repaints land.
    if (++m_stableTicks < 2)
        return;
    m_poll->stop();
    if (!m_select.isEmpty() && view->topologyScene()->entityRect(m_select).isNull()) {
        std::fprintf(
            stderr, "meshscope: warning: --select %s names nothing in the topology\n", qPrintable(m_select));
    }
    const QPixmap picture = m_window->grab();
    if (picture.isNull() || !picture.save(m_png, "PNG")) {
        fail(tr("cannot write %1").arg(m_png));
        return;
    }
    QCoreApplication::exit(0);
}

void ScreenshotRunner::fail(const QString& message)
{
    std::fprintf(stderr, "meshscope: screenshot failed: %s\n", qPrintable(message));
    QCoreApplication::exit(2);
}

} // namespace meshscope
