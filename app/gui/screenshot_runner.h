#pragma once

#include "model/time_range.h"

#include <QObject>
#include <QString>

class QTimer;

namespace meshscope {

class MainWindow;

/// `meshscope --screenshot PNG [--at TIME] [--select ENTITY] [FILE]`: waits until the
/// window has loaded its data, run detection and laid out the topology, applies the cursor time and
/// selection, saves the window as a PNG and quits with 0 (non-zero on any failure).
class ScreenshotRunner : public QObject
{
    Q_OBJECT

public:
    static constexpr int TimeoutMs = 180'000;

    ScreenshotRunner(MainWindow* window, QString pngPath, QString at, QString select);

    /// Parses --at: ISO 8601 (UTC unless it has an offset), epoch seconds or
    /// milliseconds, or an offset from the start of the data such as `+90s`, `+5m`, `+1h`.
    static bool parseTime(const QString& text, const TimeRange& range, qint64* tMs);

private:
    void onDatasetShown();
    void pollReady();
    void fail(const QString& message);

    MainWindow* m_window;
    QString m_png;
    QString m_at;
    QString m_select;
    QTimer* m_poll;
    int m_stableTicks = 0;
};

} // namespace meshscope
