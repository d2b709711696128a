#include "detect/ensemble_detector.h"
#include "detect/record_score.h"
#include "synthetic_signals.h"

#include <QBuffer>
#include <QTest>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

using namespace meshscope;
using namespace meshscope::testing;

namespace {

constexpr qint64 HourMs = 3'600'000;
constexpr qint64 Start = 1'700'000'000'000LL;

// A triangle wave 0, 1, ..., 10, 9, ..., 1, 0, ... (period 20 samples): its range is
// exactly [0, 10], so every excess below has a known value.
double triangle(int i)
{
    const int phase = i % 20;
    return phase <= 10 ? phase : 20 - phase;
}

// Feeds two days of the triangle wave every 10 minutes (288 samples); returns the
// largest |excess| reported.
double feedTwoDays(RecordScore& record)
{
    double largest = 0;
    for (int i = 0; i < 288; ++i)
        largest = std::max(largest, std::abs(record.update(Start + i * 10 * MinuteMs, triangle(i))));
    return largest;
}

constexpr qint64 AfterTwoDays = Start + 288 * 10 * MinuteMs;

} // namespace

class TestRecordScore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Inside the range nothing is a record; beyond it the excess is measured in widths
    // of the range learnt before the value, and each record widens the range.
    void excessInWidthsOfTheRange()
    {
        RecordScore record;
        QCOMPARE(feedTwoDays(record), 0.0);
        QCOMPARE(record.update(AfterTwoDays, 10), 0.0); // equal to the highest: not beyond
        QCOMPARE(record.update(AfterTwoDays + 1, 10.5), 0.05); // (10.5 - 10) / 10
        QCOMPARE(record.update(AfterTwoDays + 2, 10.5), 0.0); // now the highest
        QCOMPARE(record.update(AfterTwoDays + 3, -2.1), -0.2); // (-2.1 - 0) / 10.5
        QCOMPARE(record.update(AfterTwoDays + 4, 5), 0.0);
    }

    // A young series sets records all the time: silent for its first 64 samples and its
    // first day, whichever ends later.
    void silentWhileTheSeriesIsYoung()
    {
        RecordScore minutely; // 64 samples in an hour: the day decides
        for (int i = 0; i < 24 * 60; ++i)
            QCOMPARE(minutely.update(Start + i * MinuteMs, i), 0.0);
        QVERIFY(minutely.update(Start + 24 * HourMs, 2 * 24 * 60) > 0);

        RecordScore hourly; // a day in 24 samples: the 64 samples decide
        for (int i = 0; i < 64; ++i)
            QCOMPARE(hourly.update(Start + i * HourMs, i), 0.0);
        QCOMPARE(hourly.update(Start + 64 * HourMs, 126), 1.0); // (126 - 63) / (63 - 0)
    }

    // A series that never moved has no range to exceed; its first step sets one.
    void flatSeriesHasNoRecords()
    {
        RecordScore record;
        for (int i = 0; i < 300; ++i)
            QCOMPARE(record.update(Start + i * 10 * MinuteMs, 7), 0.0);
        QCOMPARE(record.update(Start + 300 * 10 * MinuteMs, 9), 0.0);
        QCOMPARE(record.update(Start + 301 * 10 * MinuteMs, 10), 0.5); // (10 - 9) / (9 - 7)
    }

    // Gaps (NaN, infinities) are no values: no score, the range is unchanged.
    void nonFiniteValuesAreIgnored()
    {
        RecordScore record;
        feedTwoDays(record);
        QCOMPARE(record.update(AfterTwoDays, std::numeric_limits<double>::quiet_NaN()), 0.0);
        QCOMPARE(record.update(AfterTwoDays + 1, std::numeric_limits<double>::infinity()), 0.0);
        QCOMPARE(record.update(AfterTwoDays + 2, 11), 0.1);
    }

    // The saved state resumes with exactly the scores of an uninterrupted run.
    void stateRoundTrip()
    {
        RecordScore whole, first;
        feedTwoDays(whole);
        feedTwoDays(first);
        QByteArray blob;
        {
            QDataStream out(&blob, QIODevice::WriteOnly);
            first.write(out);
        }
        RecordScore resumed;
        QDataStream in(blob);
        resumed.read(in);
        for (int i = 0; i < 50; ++i) {
            const double value = 12 * std::sin(i) + i * 0.1;
            QCOMPARE(resumed.update(AfterTwoDays + i, value), whole.update(AfterTwoDays + i, value));
        }
    }

    // In the ensemble: on uniform noise between 0 and 100 a value 1 % beyond the range is
    // ordinary, 5 % beyond alerts, and only in the bad direction.
    void ensembleAlertsOnARecordInTheBadDirection()
    {
        const auto scoreAfterNoise = [](BadDirection direction, double last) {
            DetectorConfig config;
            config.direction = direction;
            EnsembleDetector detector(config);
            std::mt19937 rng(11);
            std::uniform_real_distribution<double> uniform(0, 100);
            qint64 t = Start;
            for (int i = 0; i < 3 * 288; ++i, t += 5 * MinuteMs)
                detector.update(t, i == 0 ? 0.0 : i == 1 ? 100.0 : uniform(rng));
            return detector.update(t, last);
        };
        QVERIFY(scoreAfterNoise(BadDirection::Both, 101) < 0.6);
        QVERIFY(scoreAfterNoise(BadDirection::Both, 105) >= 0.6);
        QVERIFY(scoreAfterNoise(BadDirection::Up, 105) >= 0.6);
        QVERIFY(scoreAfterNoise(BadDirection::Down, 105) < 0.6);
        QVERIFY(scoreAfterNoise(BadDirection::Down, -5) >= 0.6);
    }
};

QTEST_GUILESS_MAIN(TestRecordScore)
#include "test_record_score.moc"
