#include "synthetic_signals.h"

#include "detect/anomaly_likelihood.h"
#include "detect/burn_rate_detector.h"
#include "detect/change_point_detector.h"
#include "detect/detector.h"
#include "detect/ensemble_detector.h"
#include "detect/level_detector.h"
#include "detect/period_estimator.h"
#include "detect/robust_estimator.h"
#include "detect/seasonal_detector.h"
#include "detect/significance_scorer.h"
#include "detect/spike_detector.h"
#include "model/meshscope_error.h"

#include <QTest>

#include <algorithm>
#include <limits>
#include <random>

using namespace meshscope;
using namespace meshscope::testing;

namespace {

// Index of the highest score in [from, to).
std::size_t argMax(const std::vector<double>& scores, std::size_t from, std::size_t to)
{
    return static_cast<std::size_t>(std::max_element(scores.begin() + from, scores.begin() + to) - scores.begin());
}

double maxIn(const std::vector<double>& scores, std::size_t from, std::size_t to)
{
    return *std::max_element(scores.begin() + from, scores.begin() + to);
}

std::vector<double> run(Detector& d, const Synthetic& s, std::size_t from = 0, std::size_t to = SIZE_MAX)
{
    std::vector<double> scores;
    for (std::size_t i = from; i < std::min(to, s.values.size()); ++i)
        scores.push_back(d.update(s.timesMs[i], s.values[i]));
    return scores;
}

} // namespace

class TestDetectors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void robustEstimatorIgnoresOutliers()
    {
        RobustEstimator e(200);
        Synthetic s = dailySignal(2000, MinuteMs, 100, 0, 2.0);
        for (std::size_t i = 0; i < s.values.size(); ++i)
            e.add(i % 50 == 0 ? 10'000.0 : s.values[i]); // 2% wild outliers
        QVERIFY(std::abs(e.location() - 100) < 1.0);
        QVERIFY2(e.spread() > 1.4 && e.spread() < 3.0, qPrintable(QString::number(e.spread())));
    }

    void levelDetectorFlagsSpikeNotNoise()
    {
        LevelDetector d({});
        Synthetic s = dailySignal(1000, MinuteMs, 50, 0, 1.0);
        s.values[800] += 15; // 15 sigma
        const std::vector<double> scores = run(d, s);
        QCOMPARE(argMax(scores, 100, 1000), std::size_t(800));
        QVERIFY(scores[800] > 0.85);
        QVERIFY(maxIn(scores, 100, 799) < 0.5);
    }

    void directionIsHonoured()
    {
        DetectorConfig up;
        up.direction = BadDirection::Up;
        LevelDetector d(up);
        Synthetic s = dailySignal(600, MinuteMs, 50, 0, 1.0);
        s.values[500] -= 20; // a drop is harmless for an "up is bad" signal
        const std::vector<double> scores = run(d, s);
        QVERIFY(scores[500] < 0.01);
        QVERIFY(d.output().warm);
    }

    void periodEstimate_data()
    {
        QTest::addColumn<qint64>("period");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("hourly") << qint64(3600'000) << qint64(3600'000);
        QTest::newRow("daily") << DayMs << DayMs;
        QTest::newRow("weekly") << 7 * DayMs << 7 * DayMs;
        QTest::newRow("none") << qint64(0) << qint64(0);
    }
    void periodEstimate()
    {
        QFETCH(qint64, period);
        QFETCH(qint64, expected);
        std::mt19937 rng(3);
        std::normal_distribution<double> noise(0, 0.3);
        const double stepMs = 5 * MinuteMs;
        std::vector<double> values;
        for (int i = 0; i < 5000; ++i) {
            const double t = i * stepMs;
            double v = noise(rng);
            if (period == 7 * DayMs) // a daily cycle with quiet weekends: weekly wins
                v += std::sin(2 * M_PI * t / DayMs) * (std::fmod(t, 7.0 * DayMs) < 5.0 * DayMs ? 1.0 : 0.2);
            else if (period)
                v += std::sin(2 * M_PI * t / static_cast<double>(period));
            values.push_back(v);
        }
        QCOMPARE(estimatePeriod(values, stepMs).periodMs, expected);
    }

    void seasonalDetectorLearnsTheDailyShape()
    {
        SeasonalDetector d({});
        // 5-minute samples, 8 days; an absence of the daily peak on day 7 is anomalous
        // although the value stays within the overall range.
        Synthetic s = dailySignal(8 * 288, 5 * MinuteMs, 100, 40, 2.0);
        const std::size_t peak = 6 * 288 + 72; // 06:00, the sine's maximum
        for (std::size_t i = peak - 6; i <= peak + 6; ++i)
            s.values[i] -= 40;
        const std::vector<double> scores = run(d, s);
        QCOMPARE(d.periodMs(), DayMs);
        QVERIFY(d.isSeasonal());
        QVERIFY2(scores[peak] > 0.9, qPrintable(QString::number(scores[peak])));
        QVERIFY(maxIn(scores, 4 * 288, peak - 6) < 0.5);
        // The band follows the daily shape instead of covering the whole swing.
        QVERIFY(d.output().upper - d.output().lower < 40);
    }

    void changePointFindsLevelShift()
    {
        ChangePointDetector d({});
        Synthetic s = dailySignal(1500, MinuteMs, 10, 0, 1.0);
        for (std::size_t i = 1000; i < s.values.size(); ++i)
            s.values[i] += 2.0; // 2 sigma: invisible per sample, clear in sum
        const std::vector<double> scores = run(d, s);
        const std::size_t first = static_cast<std::size_t>(
            std::find_if(scores.begin() + 100, scores.end(), [](double v) { return v >= 0.5; }) - scores.begin());
        QVERIFY2(first >= 1000 && first < 1020, qPrintable(QString::number(first)));
        QVERIFY(maxIn(scores, 1100, 1500) < 0.5); // the new level became normal
    }

    void spikeDetectorReactsOnFirstSample()
    {
        SpikeDetector d({});
        Synthetic s = dailySignal(600, MinuteMs, 10, 0, 0.5);
        for (std::size_t i = 500; i < 600; ++i)
            s.values[i] += 8;
        const std::vector<double> scores = run(d, s);
        QCOMPARE(argMax(scores, 50, 600), std::size_t(500));
        QVERIFY(scores[500] > 0.8);
    }

    void burnRateNeedsBothWindows()
    {
        BurnRateDetector d({}, 0.999); // budget 0.1% errors
        qint64 t = 0;
        for (int i = 0; i < 12 * 60; ++i, t += MinuteMs) // 12 h at 0.05%: burn rate 0.5
            d.update(t, 0.0005);
        QVERIFY(d.output().score < 0.1);
        QVERIFY(std::abs(d.burnRate(3) - 0.5) < 0.05);
        d.update(t, 0.5); // one bad minute: the long windows do not agree yet
        t += MinuteMs;
        QVERIFY(d.output().score < 0.5);
        for (int i = 0; i < 30; ++i, t += MinuteMs) // half an hour at 5%: burn rate 50
            d.update(t, 0.05);
        QVERIFY(d.output().score > 0.5);
    }

    void likelihoodIsRelativeToTheSeriesOwnNoise()
    {
        // The same raw deviation is surprising on a calm series only.
        AnomalyLikelihood calm, noisy;
        std::mt19937 rng(5);
        std::normal_distribution<double> small(0, 0.2), large(0, 3.0);
        for (int i = 0; i < 3000; ++i) {
            calm.update(std::abs(small(rng)));
            noisy.update(std::abs(large(rng)));
        }
        double calmPeak = 0, noisyPeak = 0;
        for (int i = 0; i < 10; ++i) {
            calmPeak = std::max(calmPeak, calm.update(6.0));
            noisyPeak = std::max(noisyPeak, noisy.update(6.0));
        }
        QVERIFY(calmPeak > 0.6);
        QVERIFY(noisyPeak < calmPeak);
    }

    // learn() + score() is update() without damping, and score() never decreases with the
    // surprise, so the ensemble can take the score of the largest surprise.
    void likelihoodSplitIntoLearnAndScore()
    {
        AnomalyLikelihood whole(10, 8640, 0.6, 0, 4), split(10, 8640, 0.6, 0, 4);
        std::mt19937 rng(3);
        std::exponential_distribution<double> raw(1.0);
        for (int i = 0; i < 2000; ++i) {
            const double r = i % 500 == 499 ? 12.0 : raw(rng);
            QCOMPARE(AnomalyLikelihood::score(split.learn(r)), whole.update(r));
        }
        double previous = 0;
        for (double surprise = -5; surprise <= 10; surprise += 0.01) {
            QVERIFY(AnomalyLikelihood::score(surprise) >= previous);
            previous = AnomalyLikelihood::score(surprise);
        }
        QCOMPARE(AnomalyLikelihood::score(-std::numeric_limits<double>::infinity()), 0.0);
    }

    void stateRoundTrip_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString& name : detectorNames())
            QTest::newRow(qPrintable(name)) << name;
    }
    void stateRoundTrip()
    {
        QFETCH(QString, name);
        DetectorConfig config;
        config.signalClass = SignalClass::Errors; // the ensemble then includes the burn rate
        Synthetic s = dailySignal(4 * 288, 5 * MinuteMs, 0.3, 0.1, 0.01);
        s.values[900] += 0.5;
        std::unique_ptr<Detector> whole = createDetector(name, config);
        std::unique_ptr<Detector> first = createDetector(name, config);
        QVERIFY(whole && first);
        const std::vector<double> expected = run(*whole, s);
        const std::size_t cut = 700; // after the period search: the profile is in the state
        run(*first, s, 0, cut);
        const QByteArray blob = first->saveState();
        std::unique_ptr<Detector> resumed = createDetector(name, config);
        resumed->restoreState(blob);
        const std::vector<double> after = run(*resumed, s, cut);
        for (std::size_t i = 0; i < after.size(); ++i)
            QCOMPARE(after[i], expected[cut + i]); // identical, not merely close
        QCOMPARE(resumed->output().expected, whole->output().expected);
    }

    void restoreRejectsForeignState()
    {
        LevelDetector level({});
        SpikeDetector spike({});
        QVERIFY_THROWS_EXCEPTION(MeshscopeError, spike.restoreState(level.saveState()));
        QVERIFY_THROWS_EXCEPTION(MeshscopeError, spike.restoreState(QByteArray("garbage")));
        QVERIFY_THROWS_EXCEPTION(MeshscopeError, spike.restoreState(spike.saveState().left(20)));
    }

    void ensembleScoresAnomalyAboveNoise()
    {
        EnsembleDetector d({});
        Synthetic s = dailySignal(6 * 288, 5 * MinuteMs, 100, 30, 2.0);
        const std::size_t at = 5 * 288 + 100;
        for (std::size_t i = at; i < at + 5; ++i)
            s.values[i] += 40;
        const std::vector<double> scores = run(d, s);
        QVERIFY2(maxIn(scores, at, at + 10) > 0.6, qPrintable(QString::number(maxIn(scores, at, at + 10))));
        QVERIFY(maxIn(scores, 3 * 288, at) < maxIn(scores, at, at + 10));
    }

    // A slow drift that the adaptive baselines follow is still flagged, against the
    // series' long-run level, far above anything plain noise reaches (Gaussian noise may
    // graze the alert level 0.6 once in a few thousand samples: that is the calibrated
    // false-alarm rate, not a bug).
    void ensembleFlagsSlowDrift()
    {
        EnsembleDetector d({});
        Synthetic s = dailySignal(3000, 5 * MinuteMs, 100, 0, 1.0);
        const std::size_t from = 2400;
        for (std::size_t i = from; i < s.values.size(); ++i)
            s.values[i] += 0.02 * static_cast<double>(i - from); // +12 noise deviations at the end
        const std::vector<double> scores = run(d, s);
        QVERIFY2(maxIn(scores, 500, from) < 0.7, qPrintable(QString::number(maxIn(scores, 500, from)) + QStringLiteral(" at ") + QString::number(argMax(scores, 500, from))));
        QVERIFY2(maxIn(scores, from, s.values.size()) >= 0.9,
            qPrintable(QString::number(maxIn(scores, from, s.values.size()))));
        QVERIFY(argMax(scores, from, s.values.size()) > from + 50); // not on the first drifted sample
    }

    // One event raises one alert: a sustained shift crosses the alert level once, the
    // following samples are damped although the shift goes on.
    void ensembleAlertsOncePerEvent()
    {
        EnsembleDetector d({});
        Synthetic s = dailySignal(2000, 5 * MinuteMs, 100, 0, 1.0);
        const std::size_t at = 1500;
        for (std::size_t i = at; i < at + 150; ++i)
            s.values[i] += 20;
        const std::vector<double> scores = run(d, s);
        const auto alerts = std::count_if(scores.begin() + at, scores.begin() + at + 150, [](double v) { return v >= 0.6; });
        QCOMPARE(alerts, 1);
    }

    void significance_data()
    {
        QTest::addColumn<QString>("signal");
        QTest::addColumn<double>("deviation");
        QTest::addColumn<double>("expected");
        QTest::addColumn<double>("observed");
        QTest::addColumn<int>("samples");
        QTest::addColumn<bool>("warm");
        QTest::addColumn<bool>("alerts");
        const QString latency = SignalName::LatencyP99, traffic = SignalName::RequestRate;
        QTest::newRow("latency up, large") << latency << 10.0 << 100.0 << 300.0 << 5 << true << true;
        QTest::newRow("latency down") << latency << -10.0 << 100.0 << 20.0 << 5 << true << false;
        QTest::newRow("noise-sized") << latency << 2.5 << 100.0 << 110.0 << 5 << true << false;
        QTest::newRow("too short") << latency << 8.0 << 100.0 << 200.0 << 1 << true << false;
        QTest::newRow("below minimum delta") << latency << 10.0 << 1.0 << 1.5 << 5 << true << false;
        QTest::newRow("below relative delta") << latency << 10.0 << 1000.0 << 1020.0 << 5 << true << false;
        QTest::newRow("warm-up, moderate") << latency << 8.0 << 100.0 << 200.0 << 5 << false << false;
        QTest::newRow("warm-up, extreme") << latency << 30.0 << 100.0 << 900.0 << 5 << false << true;
        QTest::newRow("traffic drop") << traffic << -10.0 << 100.0 << 10.0 << 5 << true << true;
        QTest::newRow("traffic rise, mild") << traffic << 6.0 << 100.0 << 130.0 << 5 << true << false;
        QTest::newRow("traffic rise, sharp") << traffic << 30.0 << 100.0 << 500.0 << 5 << true << true;
    }
    void significance()
    {
        QFETCH(QString, signal);
        QFETCH(double, deviation);
        QFETCH(double, expected);
        QFETCH(double, observed);
        QFETCH(int, samples);
        QFETCH(bool, warm);
        QFETCH(bool, alerts);
        DeviationEvidence e;
        e.peakDeviation = deviation;
        e.expected = expected;
        e.observed = observed;
        e.samples = samples;
        e.warm = warm;
        const double sig = SignificanceScorer(signal).score(e);
        QVERIFY(sig >= 0 && sig <= 100);
        QVERIFY2((sig >= 20) == alerts, qPrintable(QString::number(sig)));
    }

    void significanceGrowsWithSizeDurationAndTraffic()
    {
        const SignificanceScorer scorer(SignalName::ErrorRatio);
        DeviationEvidence e {8, 0.01, 0.2, 3, 180'000, 1.0, true};
        const double base = scorer.score(e);
        DeviationEvidence bigger = e, longer = e, quieter = e;
        bigger.peakDeviation = 16;
        longer.samples = 10;
        quieter.trafficWeight = 0.1;
        QVERIFY(scorer.score(bigger) > base);
        QVERIFY(scorer.score(longer) > base);
        QVERIFY(scorer.score(quieter) < base);
    }
};

QTEST_GUILESS_MAIN(TestDetectors)
#include "test_detectors.moc"
