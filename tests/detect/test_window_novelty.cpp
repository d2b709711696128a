#include "detect/window_novelty.h"

#include <QBuffer>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace meshscope;

namespace {

// A repeating pattern of 9 samples: 9 is coprime with the stride of 8, so every phase of
// the pattern is remembered within 9 stored windows.
double pattern(std::size_t i)
{
    static const double shape[9] = {10, 14, 11, 19, 12, 10, 16, 13, 11};
    return shape[i % 9];
}

double maxOf(const std::vector<double>& v, std::size_t from, std::size_t to)
{
    return *std::max_element(v.begin() + static_cast<std::ptrdiff_t>(from), v.begin() + static_cast<std::ptrdiff_t>(to));
}

} // namespace

class TestWindowNovelty : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A constant series is never novel; its first step is a known distance against
    // remembered windows of zeros: one sample of 10 floors (0.1 % of the level each) gives
    // sqrt(10² / 8), one of 100 floors is clipped at 64 long-run deviations and gives
    // sqrt(64² / 8) = 16√2.
    void constantThenStep_data()
    {
        QTest::addColumn<double>("step");
        QTest::addColumn<double>("distance");
        QTest::addColumn<double>("tolerance");
        QTest::newRow("10 floors") << 1.0 << 10 / std::sqrt(8.0) << 1e-6;
        QTest::newRow("100 floors, clipped") << 10.0 << 16 * std::sqrt(2.0) << 1e-9;
    }
    void constantThenStep()
    {
        QFETCH(double, step);
        QFETCH(double, distance);
        QFETCH(double, tolerance);
        WindowNovelty novelty;
        for (int i = 0; i < 400; ++i)
            QCOMPARE(novelty.update(100.0), 0.0);
        const double first = novelty.update(100.0 + step);
        QVERIFY2(std::abs(first - distance) < tolerance, qPrintable(QString::number(first, 'g', 12)));
    }

    // A pattern the series has shown recently is close to its nearest neighbour; the same
    // values in a new order are far from every remembered window.
    void repeatedShapeIsKnownNewShapeIsNovel()
    {
        WindowNovelty novelty;
        std::vector<double> scores;
        const std::size_t changeAt = 3000;
        for (std::size_t i = 0; i < changeAt + 40; ++i) {
            // From changeAt on the pattern is played backwards: same level and spread.
            const double value = i < changeAt ? pattern(i) : pattern(9 * 1000 - i);
            scores.push_back(novelty.update(value));
        }
        const double known = maxOf(scores, 2000, changeAt);
        const double changed = maxOf(scores, changeAt + 8, changeAt + 40);
        QVERIFY2(known < 0.05, qPrintable(QString::number(known)));
        QVERIFY2(changed > 0.5, qPrintable(QString::number(changed)));
    }

    // The learnt state resumes bit for bit.
    void stateRoundTrip()
    {
        WindowNovelty first, resumed;
        for (std::size_t i = 0; i < 1000; ++i)
            first.update(pattern(i) + 0.01 * static_cast<double>(i % 7));
        QByteArray blob;
        {
            QDataStream out(&blob, QIODevice::WriteOnly);
            first.write(out);
        }
        QDataStream in(blob);
        resumed.read(in);
        QCOMPARE(in.status(), QDataStream::Ok);
        for (std::size_t i = 1000; i < 1500; ++i) {
            const double value = pattern(i * 7) + 0.01 * static_cast<double>(i % 5);
            QCOMPARE(resumed.update(value), first.update(value));
        }
    }

    // Gaps (NaN) are skipped without touching the state.
    void gapsAreIgnored()
    {
        WindowNovelty plain, gappy;
        for (std::size_t i = 0; i < 500; ++i) {
            QCOMPARE(gappy.update(std::nan("")), 0.0);
            QCOMPARE(gappy.update(pattern(i)), plain.update(pattern(i)));
        }
    }
};

QTEST_GUILESS_MAIN(TestWindowNovelty)
#include "test_window_novelty.moc"
