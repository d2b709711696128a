#include "replay_bar.h"

#include "replay_clock.h"

#include "models/time_window.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QStyle>
#include <QToolButton>

#include <cmath>
#include <cstdlib>

namespace meshscope {

namespace {
constexpr int SliderSteps = 10000;
constexpr double Speeds[] = {1, 2, 5, 10, 30, 60, 120};
} // namespace

ReplayBar::ReplayBar(TimeWindow* window, QWidget* parent)
    : QWidget(parent)
    , m_window(window)
    , m_clock(new ReplayClock(window, this))
{
    buildActions();
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    const auto addButton = [&](QAction* action) {
        auto* button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setAutoRaise(true);
        layout->addWidget(button);
    };
    addButton(m_startAction);
    addButton(m_stepBackAction);
    addButton(m_playAction);
    addButton(m_stepForwardAction);
    addButton(m_endAction);
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setRange(0, SliderSteps);
    m_slider->setToolTip(tr("Scrub through the recording"));
    layout->addWidget(m_slider, 1);
    m_speed = new QComboBox(this);
    for (double speed : Speeds)
        m_speed->addItem(tr("%1×").arg(speed), speed);
    m_speed->setToolTip(tr("Playback speed"));
    layout->addWidget(m_speed);
    addButton(m_loopAction);
    addButton(m_setT0Action);
    m_time = new QLabel(this);
    m_time->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_time->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00 00:00:00 UTC  T0 +00:00:00")));
    layout->addWidget(m_time);

    connect(m_slider, &QSlider::sliderMoved, this, &ReplayBar::scrubTo);
    connect(m_slider, &QSlider::actionTriggered, this, [this] { scrubTo(m_slider->sliderPosition()); });
    connect(m_speed, &QComboBox::currentIndexChanged, this,
        [this](int index) { m_clock->setRate(m_speed->itemData(index).toDouble()); });
    connect(m_clock, &ReplayClock::rateChanged, this, [this](double rate) {
        const int index = m_speed->findData(rate);
        if (index >= 0)
            m_speed->setCurrentIndex(index);
    });
    connect(m_clock, &ReplayClock::playingChanged, this, [this](bool playing) {
        m_playAction->setText(playing ? tr("Pause") : tr("Play"));
        m_playAction->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    });
    connect(m_window, &TimeWindow::cursorChanged, this, &ReplayBar::updateFromWindow);
    connect(m_window, &TimeWindow::fullRangeChanged, this, &ReplayBar::updateFromWindow);
    updateFromWindow();
}

void ReplayBar::buildActions()
{
    const auto make = [this](const QString& text, QStyle::StandardPixmap icon, const QKeySequence& key) {
        auto* action = new QAction(style()->standardIcon(icon), text, this);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WindowShortcut);
        action->setToolTip(QStringLiteral("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText)));
        addAction(action);
        return action;
    };
    m_startAction = make(tr("To start"), QStyle::SP_MediaSkipBackward, QKeySequence(Qt::Key_Home));
    m_stepBackAction = make(tr("Step back"), QStyle::SP_MediaSeekBackward, QKeySequence(Qt::Key_Left));
    m_playAction = make(tr("Play"), QStyle::SP_MediaPlay, QKeySequence(Qt::Key_Space));
    m_stepForwardAction = make(tr("Step forward"), QStyle::SP_MediaSeekForward, QKeySequence(Qt::Key_Right));
    m_endAction = make(tr("To end"), QStyle::SP_MediaSkipForward, QKeySequence(Qt::Key_End));
    m_loopAction = make(tr("Loop"), QStyle::SP_BrowserReload, QKeySequence(Qt::Key_L));
    m_loopAction->setCheckable(true);
    m_setT0Action = make(tr("Set T0 here"), QStyle::SP_FileDialogDetailedView, QKeySequence(Qt::Key_0));
    connect(m_startAction, &QAction::triggered, m_clock, &ReplayClock::toStart);
    connect(m_stepBackAction, &QAction::triggered, m_clock, &ReplayClock::stepBackward);
    connect(m_playAction, &QAction::triggered, m_clock, &ReplayClock::togglePlay);
    connect(m_stepForwardAction, &QAction::triggered, m_clock, &ReplayClock::stepForward);
    connect(m_endAction, &QAction::triggered, m_clock, &ReplayClock::toEnd);
    connect(m_loopAction, &QAction::toggled, m_clock, &ReplayClock::setLoop);
    connect(m_setT0Action, &QAction::triggered, this, [this] { setT0(m_window->cursorMs()); });
}

QList<QAction*> ReplayBar::replayActions() const
{
    return {m_playAction, m_stepBackAction, m_stepForwardAction, m_startAction, m_endAction, m_loopAction,
        m_setT0Action};
}

void ReplayBar::setT0(qint64 tMs)
{
    m_t0 = tMs;
    m_hasT0 = true;
    updateFromWindow();
}

void ReplayBar::clearT0()
{
    m_hasT0 = false;
    updateFromWindow();
}

QString ReplayBar::formatRelative(qint64 deltaMs)
{
    const QChar sign = deltaMs < 0 ? QChar(0x2212) : QLatin1Char('+');
    const qint64 seconds = std::llabs(deltaMs) / 1000;
    return QStringLiteral("%1%2:%3:%4")
        .arg(sign)
        .arg(seconds / 3600, 2, 10, QLatin1Char('0'))
        .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

QString ReplayBar::timeText() const
{
    if (!m_window->fullRange().isValid())
        return tr("no data");
    const qint64 t = m_window->cursorMs();
    QString text = QDateTime::fromMSecsSinceEpoch(t, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
        + tr(" UTC");
    if (m_hasT0)
        text += tr("  T0 %1").arg(formatRelative(t - m_t0));
    return text;
}

void ReplayBar::updateFromWindow()
{
    const TimeRange full = m_window->fullRange();
    m_time->setText(timeText());
    setEnabled(full.isValid());
    if (!full.isValid() || m_slider->isSliderDown())
        return;
    const double fraction = full.durationMs() > 0
        ? static_cast<double>(m_window->cursorMs() - full.startMs) / static_cast<double>(full.durationMs())
        : 0.0;
    const QSignalBlocker blocker(m_slider);
    m_slider->setValue(static_cast<int>(std::lround(fraction * SliderSteps)));
}

void ReplayBar::scrubTo(int sliderValue)
{
    const TimeRange full = m_window->fullRange();
    if (!full.isValid())
        return;
    const double fraction = static_cast<double>(sliderValue) / SliderSteps;
    m_window->setCursor(full.startMs + std::llround(fraction * static_cast<double>(full.durationMs())));
}

} // namespace meshscope
