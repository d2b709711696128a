#include "gui_test_data.h"

#include "models/time_window.h"
#include "replay/replay_bar.h"
#include "replay/replay_clock.h"

#include <QAction>
#include <QSignalSpy>
#include <QTest>

using namespace meshscope;
using namespace meshscope::testing;

class TestReplay : public QObject
{
    Q_OBJECT

private:
    struct Fixture
    {
        TimeWindow window;
        ReplayClock clock {&window};
        qint64 fakeNow = 0;

        Fixture()
        {
            window.reset(TimeRange {MeshStartMs, MeshStartMs + 600'000});
            window.setCursor(MeshStartMs);
            clock.setTimeSource([this] { return fakeNow; });
        }
    };

private Q_SLOTS:
    void advancesByElapsedTimesRate_data()
    {
        QTest::addColumn<double>("rate");
        QTest::addColumn<qint64>("elapsedMs");
        QTest::addColumn<qint64>("expectedAdvanceMs");
        QTest::newRow("real time") << 1.0 << qint64(1000) << qint64(1000);
        QTest::newRow("10x") << 10.0 << qint64(1000) << qint64(10'000);
        QTest::newRow("120x") << 120.0 << qint64(500) << qint64(60'000);
        QTest::newRow("clamped to 120x") << 500.0 << qint64(500) << qint64(60'000);
    }
    void advancesByElapsedTimesRate()
    {
        QFETCH(double, rate);
        QFETCH(qint64, elapsedMs);
        QFETCH(qint64, expectedAdvanceMs);
        Fixture f;
        f.clock.setRate(rate);
        f.clock.play();
        QVERIFY(f.clock.isPlaying());
        f.fakeNow += elapsedMs;
        f.clock.tick();
        QCOMPARE(f.window.cursorMs(), MeshStartMs + expectedAdvanceMs);
    }

    void stopsAtTheEndUnlessLooping()
    {
        Fixture f;
        f.clock.setRate(120);
        f.clock.play();
        f.fakeNow += 10'000; // 1,200 s of data: past the end
        f.clock.tick();
        QCOMPARE(f.window.cursorMs(), MeshStartMs + 600'000);
        QVERIFY(!f.clock.isPlaying());

        f.window.setCursor(MeshStartMs + 590'000);
        f.clock.setLoop(true);
        f.clock.play();
        f.fakeNow += 250; // 30 s at 120x: wraps 20 s past the start
        f.clock.tick();
        QVERIFY(f.clock.isPlaying());
        QCOMPARE(f.window.cursorMs(), MeshStartMs + 20'000);
    }

    void scrubbingWhilePlayingContinuesFromThere()
    {
        Fixture f;
        f.clock.play();
        f.window.setCursor(MeshStartMs + 300'000);
        f.fakeNow += 1000;
        f.clock.tick();
        QCOMPARE(f.window.cursorMs(), MeshStartMs + 301'000);
    }

    void stepsAndJumps()
    {
        Fixture f;
        f.clock.setStepMs(15'000);
        f.clock.stepForward();
        QCOMPARE(f.window.cursorMs(), MeshStartMs + 15'000);
        f.clock.stepBackward();
        f.clock.stepBackward();
        QCOMPARE(f.window.cursorMs(), MeshStartMs);
        f.clock.toEnd();
        QCOMPARE(f.window.cursorMs(), MeshStartMs + 600'000);
        f.clock.toStart();
        QCOMPARE(f.window.cursorMs(), MeshStartMs);
    }

    void realTimerAdvancesTheCursor()
    {
        TimeWindow window;
        window.reset(TimeRange {MeshStartMs, MeshStartMs + 600'000});
        window.setCursor(MeshStartMs);
        ReplayClock clock(&window);
        clock.setRate(120);
        QSignalSpy moved(&window, &TimeWindow::cursorChanged);
        clock.play();
        QTRY_VERIFY(window.cursorMs() > MeshStartMs);
        QVERIFY(moved.count() >= 1);
        clock.pause();
    }

    void barShowsTimeRelativeToT0()
    {
        TimeWindow window;
        window.reset(TimeRange {MeshStartMs, MeshStartMs + 600'000});
        ReplayBar bar(&window);
        window.setCursor(MeshStartMs + 200'000);
        bar.setT0(MeshStartMs + 100'000);
        QVERIFY2(bar.timeText().contains(QStringLiteral("+00:01:40")), qPrintable(bar.timeText()));
        QVERIFY(bar.timeText().contains(QStringLiteral("UTC")));
        window.setCursor(MeshStartMs);
        QVERIFY2(bar.timeText().contains(QStringLiteral("00:01:40")), qPrintable(bar.timeText()));
        QCOMPARE(ReplayBar::formatRelative(-3'723'000), QString(QChar(0x2212)) + QStringLiteral("01:02:03"));
    }

    void spaceTogglesPlayback()
    {
        TimeWindow window;
        window.reset(TimeRange {MeshStartMs, MeshStartMs + 600'000});
        window.setCursor(MeshStartMs);
        ReplayBar bar(&window);
        bar.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bar));
        QTest::keyClick(&bar, Qt::Key_Space);
        QVERIFY(bar.clock()->isPlaying());
        QTest::keyClick(&bar, Qt::Key_Space);
        QVERIFY(!bar.clock()->isPlaying());
        QTest::keyClick(&bar, Qt::Key_End);
        QCOMPARE(window.cursorMs(), MeshStartMs + 600'000);
    }
};

QTEST_MAIN(TestReplay)
#include "test_replay.moc"
