#include "detection_tuning_controller.h"

#include "model/meshscope_error.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QStandardPaths>

#include <array>

namespace meshscope {

namespace {
struct SensitivityChoice
{
    const char* label;
    double factor;
};
// Halving or doubling the sensitivity moves the alert line from 4 to 8 or 2 learned spreads.
constexpr std::array<SensitivityChoice, 3> Choices {{
    {QT_TRANSLATE_NOOP("DetectionTuningController", "Lower Sensitivity (0.5×)"), 0.5},
    {QT_TRANSLATE_NOOP("DetectionTuningController", "Normal Sensitivity"), 1.0},
    {QT_TRANSLATE_NOOP("DetectionTuningController", "Higher Sensitivity (2×)"), 2.0},
}};
} // namespace

DetectionTuningController::DetectionTuningController(const QString& path, QObject* parent)
    : QObject(parent)
    , m_path(path)
{
    try {
        m_tuning = DetectionTuning::load(m_path);
    } catch (const MeshscopeError& error) {
        m_loadError = error.message();
    }
}

QString DetectionTuningController::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
        .absoluteFilePath(QStringLiteral("detector-tuning.json"));
}

void DetectionTuningController::showMenu(const std::vector<SeriesKey>& series, const QPoint& globalPos, QWidget* parent)
{
    if (series.empty())
        return;
    auto* menu = new QMenu(parent);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    addActions(menu, series);
    menu->popup(globalPos);
}

void DetectionTuningController::addActions(QMenu* menu, const std::vector<SeriesKey>& series)
{
    if (series.size() == 1) {
        menu->addSection(tr("Detector for %1 %2").arg(series.front().entity, series.front().signal));
        addSeriesActions(menu, series.front());
        return;
    }
    menu->addSection(tr("Detector for %1").arg(series.front().entity));
    for (const SeriesKey& key : series)
        addSeriesActions(menu->addMenu(key.signal), key);
}

void DetectionTuningController::addSeriesActions(QMenu* menu, const SeriesKey& key)
{
    const SeriesTuning current = m_tuning.tuningOf(key);
    QAction* mute = menu->addAction(tr("Mute Alerts"));
    mute->setCheckable(true);
    mute->setChecked(current.muted);
    mute->setToolTip(tr("The series is still learned and drawn with its band, but raises no anomalies."));
    connect(mute, &QAction::toggled, this, [this, key](bool muted) {
        SeriesTuning tuning = m_tuning.tuningOf(key);
        tuning.muted = muted;
        setTuning(key, tuning);
    });
    menu->addSeparator();
    auto* group = new QActionGroup(menu);
    for (const SensitivityChoice& choice : Choices) {
        QAction* action
            = menu->addAction(QCoreApplication::translate("DetectionTuningController", choice.label));
        action->setCheckable(true);
        action->setChecked(current.sensitivity == choice.factor);
        group->addAction(action);
        const double factor = choice.factor;
        connect(action, &QAction::triggered, this, [this, key, factor] {
            SeriesTuning tuning = m_tuning.tuningOf(key);
            tuning.sensitivity = factor;
            setTuning(key, tuning);
        });
    }
}

void DetectionTuningController::setTuning(const SeriesKey& key, const SeriesTuning& tuning)
{
    const SeriesTuning before = m_tuning.tuningOf(key);
    if (before == tuning)
        return;
    m_tuning.setTuning(key, tuning);
    save();
    QString what;
    if (before.muted != tuning.muted)
        what = tuning.muted ? tr("Muted the alerts of %1 %2").arg(key.entity, key.signal)
                            : tr("Unmuted the alerts of %1 %2").arg(key.entity, key.signal);
    else
        what = tr("Sensitivity of %1 %2 set to %3×").arg(key.entity, key.signal).arg(tuning.sensitivity);
    Q_EMIT changed(what);
}

void DetectionTuningController::clear()
{
    if (m_tuning.isEmpty())
        return;
    const qsizetype count = m_tuning.size();
    m_tuning = DetectionTuning();
    save();
    Q_EMIT changed(tr("Cleared the detector tuning of %n series", nullptr, static_cast<int>(count)));
}

void DetectionTuningController::save()
{
    try {
        QDir().mkpath(QFileInfo(m_path).absolutePath());
        m_tuning.save(m_path);
        m_loadError.clear();
    } catch (const MeshscopeError& error) {
        Q_EMIT saveFailed(error.message());
    }
}

} // namespace meshscope
