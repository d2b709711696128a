#pragma once

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QSlider;
class QToolButton;

namespace meshscope {

class ReplayClock;
class TimeWindow;

/// Play/pause, speed 1×–120×, step, scrub and loop over the shared TimeWindow, with the
/// cursor time shown absolute (UTC) and relative to a chosen T0 (e.g. an incident start).
/// Its actions (Space, Left/Right, Home/End) are window-wide shortcuts.
class ReplayBar : public QWidget
{
    Q_OBJECT

public:
    explicit ReplayBar(TimeWindow* window, QWidget* parent = nullptr);

    ReplayClock* clock() const { return m_clock; }
    /// T0 for the relative time (clearT0() hides the relative time).
    void setT0(qint64 tMs);
    void clearT0();
    qint64 t0() const { return m_t0; }
    bool hasT0() const { return m_hasT0; }
    QString timeText() const;
    QList<QAction*> replayActions() const;

    static QString formatRelative(qint64 deltaMs);

private:
    void buildActions();
    void updateFromWindow();
    void scrubTo(int sliderValue);

    TimeWindow* m_window;
    ReplayClock* m_clock;
    QAction* m_playAction = nullptr;
    QAction* m_stepBackAction = nullptr;
    QAction* m_stepForwardAction = nullptr;
    QAction* m_startAction = nullptr;
    QAction* m_endAction = nullptr;
    QAction* m_loopAction = nullptr;
    QAction* m_setT0Action = nullptr;
    QSlider* m_slider = nullptr;
    QComboBox* m_speed = nullptr;
    QLabel* m_time = nullptr;
    qint64 m_t0 = 0;
    bool m_hasT0 = false;
};

} // namespace meshscope
