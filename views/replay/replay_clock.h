#pragma once

#include <QObject>

#include <functional>

class QTimer;

namespace meshscope {

class TimeWindow;

/// Plays the shared TimeWindow's cursor forward: every tick advances it by the real time
/// elapsed since the last tick times the rate, so playback speed does not depend on how
/// often ticks come. Ticks come at most 25 times a second. The time source can be
/// replaced (tests drive a fake clock and call tick()).
class ReplayClock : public QObject
{
    Q_OBJECT

public:
    /// Monotonic milliseconds.
    using TimeSource = std::function<qint64()>;
    static constexpr int TickIntervalMs = 40;

    explicit ReplayClock(TimeWindow* window, QObject* parent = nullptr);

    void setTimeSource(TimeSource source);
    bool isPlaying() const { return m_playing; }
    double rate() const { return m_rate; }
    bool loops() const { return m_loop; }
    qint64 stepMs() const { return m_stepMs; }
    TimeWindow* timeWindow() const { return m_window; }

public Q_SLOTS:
    void play();
    void pause();
    void togglePlay();
    /// Playback speed, 1× (real time) to 120×.
    void setRate(double rate);
    void setLoop(bool loop);
    void setStepMs(qint64 stepMs);
    void stepForward();
    void stepBackward();
    void toStart();
    void toEnd();
    /// Advances by the time elapsed since the previous tick (called by the timer).
    void tick();

Q_SIGNALS:
    void playingChanged(bool playing);
    void rateChanged(double rate);

private:
    void setPlaying(bool playing);

    TimeWindow* m_window;
    QTimer* m_timer;
    TimeSource m_now;
    qint64 m_lastTick = 0;
    double m_position = 0; ///< cursor with sub-millisecond remainder
    double m_rate = 1;
    qint64 m_stepMs = 10000;
    bool m_playing = false;
    bool m_loop = false;
};

} // namespace meshscope
