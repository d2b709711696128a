// Background jobs must leave Qt's global thread pool free: Qt 6.4's raster engine runs
// parts of large fills there and waits for them on the GUI thread.

#include "jobs/job_tracker.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>

#include <atomic>

using namespace meshscope;

class TestWorkerPool : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jobsLeaveTheGlobalPoolFree()
    {
        QObject owner;
        JobTracker tracker(&owner);
        auto started = std::make_shared<QSemaphore>();
        auto release = std::make_shared<QSemaphore>();
        int result = 0;
        tracker.start<int>(
            [started, release](const JobControl&) {
                started->release();
                release->acquire();
                return 42;
            },
            [&result](int value) { result = value; }, [](const QString&) {});
        QVERIFY(started->tryAcquire(1, 10000));
        QCOMPARE(QThreadPool::globalInstance()->activeThreadCount(), 0);
        QVERIFY(workerThreadPool()->activeThreadCount() >= 1);
        release->release();
        QTRY_COMPARE(result, 42);
    }

#ifdef Q_OS_LINUX
    void jobsRunBelowTheGuiThreadsPriority()
    {
        QObject owner;
        JobTracker tracker(&owner);
        int nice = -100;
        tracker.start<int>([](const JobControl&) { return getpriority(PRIO_PROCESS, 0); },
            [&nice](int value) { nice = value; }, [](const QString&) {});
        QTRY_VERIFY(nice != -100);
        QVERIFY2(nice > getpriority(PRIO_PROCESS, 0), qPrintable(QString::number(nice)));
    }
#endif
};

QTEST_GUILESS_MAIN(TestWorkerPool)
#include "test_worker_pool.moc"
