#include "replay_clock.h"

#include "models/time_window.h"

#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <memory>

namespace meshscope {

ReplayClock::ReplayClock(TimeWindow* window, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_timer(new QTimer(this))
{
    auto elapsed = std::make_shared<QElapsedTimer>();
    elapsed->start();
    m_now = [elapsed] { return elapsed->elapsed(); };
    m_timer->setInterval(TickIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &ReplayClock::tick);
}

void ReplayClock::setTimeSource(TimeSource source)
{
    m_now = std::move(source);
    m_lastTick = m_now();
}

void ReplayClock::setPlaying(bool playing)
{
    if (playing == m_playing)
        return;
    m_playing = playing;
    if (playing) {
        m_lastTick = m_now();
        m_position = static_cast<double>(m_window->cursorMs());
        m_timer->start();
    } else {
        m_timer->stop();
    }
    Q_EMIT playingChanged(playing);
}

void ReplayClock::play()
{
    const TimeRange full = m_window->fullRange();
    if (!full.isValid())
        return;
    // Playing from the end starts over, as media players do.
    if (m_window->cursorMs() >= full.endMs)
        m_window->setCursor(full.startMs);
    setPlaying(true);
}

void ReplayClock::pause()
{
    setPlaying(false);
}

void ReplayClock::togglePlay()
{
    if (m_playing)
        pause();
    else
        play();
}

void ReplayClock::setRate(double rate)
{
    rate = std::clamp(rate, 1.0, 120.0);
    if (rate == m_rate)
        return;
    m_rate = rate;
    Q_EMIT rateChanged(rate);
}

void ReplayClock::setLoop(bool loop)
{
    m_loop = loop;
}

void ReplayClock::setStepMs(qint64 stepMs)
{
    m_stepMs = std::max<qint64>(1, stepMs);
}

void ReplayClock::stepForward()
{
    m_window->setCursor(m_window->cursorMs() + m_stepMs);
    m_position = static_cast<double>(m_window->cursorMs());
}

void ReplayClock::stepBackward()
{
    m_window->setCursor(m_window->cursorMs() - m_stepMs);
    m_position = static_cast<double>(m_window->cursorMs());
}

void ReplayClock::toStart()
{
    m_window->setCursor(m_window->fullRange().startMs);
    m_position = static_cast<double>(m_window->cursorMs());
}

void ReplayClock::toEnd()
{
    m_window->setCursor(m_window->fullRange().endMs);
    m_position = static_cast<double>(m_window->cursorMs());
}

void ReplayClock::tick()
{
    if (!m_playing)
        return;
    const TimeRange full = m_window->fullRange();
    const qint64 now = m_now();
    const qint64 elapsed = std::max<qint64>(0, now - m_lastTick);
    m_lastTick = now;
    // Someone else moved the cursor (scrubbing): continue from there.
    if (std::llround(m_position) != m_window->cursorMs())
        m_position = static_cast<double>(m_window->cursorMs());
    m_position += static_cast<double>(elapsed) * m_rate;
    if (m_position > static_cast<double>(full.endMs)) {
        if (m_loop && full.durationMs() > 0) {
            m_position = static_cast<double>(full.startMs)
                + std::fmod(m_position - static_cast<double>(full.endMs), static_cast<double>(full.durationMs()));
        } else {
            m_position = static_cast<double>(full.endMs);
            m_window->setCursor(full.endMs);
            setPlaying(false);
            return;
        }
    }
    m_window->setCursor(std::llround(m_position));
}

} // namespace meshscope
