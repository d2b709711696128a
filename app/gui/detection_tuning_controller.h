#pragma once

#include "detect/detection_tuning.h"

#include <QObject>
#include <QPoint>
#include <QString>

#include <vector>

class QAction;
class QMenu;
class QWidget;

namespace meshscope {

/// The user's per-series detector tuning in the console: mute a series or change its
/// sensitivity from the context menu of its plot, persisted in a tuning file (the
/// same file `meshscope-cli investigate --tuning` reads). Every change is saved at once.
class DetectionTuningController : public QObject
{
    Q_OBJECT

public:
    /// Loads `path`; a broken file is reported by loadError() and left untouched until
    /// the next change replaces it.
    DetectionTuningController(const QString& path, QObject* parent = nullptr);

    /// The file in the user's configuration folder.
    static QString defaultPath();

    const DetectionTuning& tuning() const { return m_tuning; }
    DetectionSettings settings() const { return m_tuning.applyTo(DetectionSettings {}); }
    QString loadError() const { return m_loadError; }
    const QString& path() const { return m_path; }

    /// Fills `menu` with mute and sensitivity actions for each of `series`.
    void addActions(QMenu* menu, const std::vector<SeriesKey>& series);
    void showMenu(const std::vector<SeriesKey>& series, const QPoint& globalPos, QWidget* parent);
    /// Changes one series (saved at once); emits changed().
    void setTuning(const SeriesKey& key, const SeriesTuning& tuning);
    /// Forgets every series' tuning; emits changed() when there was any.
    void clear();

Q_SIGNALS:
    /// The tuning changed; `what` says how, for the message bar.
    void changed(const QString& what);
    void saveFailed(const QString& message);

private:
    void save();
    void addSeriesActions(QMenu* menu, const SeriesKey& key);

    QString m_path;
    DetectionTuning m_tuning;
    QString m_loadError;
};

} // namespace meshscope
