#include "detect/detection_tuning.h"
#include "model/meshscope_error.h"
#include "model/signal_names.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace meshscope;

namespace {
const SeriesKey Latency {QStringLiteral("shop/frontend->shop/cart"), SignalName::LatencyP95};
const SeriesKey Errors {QStringLiteral("shop/cart"), SignalName::ErrorRatio};
} // namespace

class TestDetectionTuning : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsAreForgotten()
    {
        DetectionTuning tuning;
        tuning.setTuning(Latency, {2.0, false});
        tuning.setTuning(Errors, {1.0, true});
        QCOMPARE(tuning.size(), 2);
        tuning.setTuning(Latency, {});
        QCOMPARE(tuning.size(), 1);
        QCOMPARE(tuning.tuningOf(Latency), SeriesTuning {});
        QVERIFY(tuning.tuningOf(Errors).muted);
    }

    void appliesToDetectionSettings()
    {
        DetectionTuning tuning;
        tuning.setTuning(Latency, {2.0, false});
        tuning.setTuning(Errors, {0.5, true});
        DetectionSettings base;
        base.sensitivity = 1.5;
        base.minSignificance = 70;
        const DetectionSettings settings = tuning.applyTo(base);
        QCOMPARE(settings.minSignificance, 70.0);
        QVERIFY(settings.muted.contains(Errors));
        QVERIFY(!settings.muted.contains(Latency));
        QCOMPARE(settings.sensitivityOf(Latency), 3.0);
        QCOMPARE(settings.sensitivityOf(Errors), 0.75);
        QCOMPARE(settings.sensitivityOf({QStringLiteral("shop/cart"), SignalName::RequestRate}), 1.5);
    }

    void savesAndLoadsTheSameTuning()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("tuning.json"));
        QCOMPARE(DetectionTuning::load(path), DetectionTuning {}); // no file yet: defaults
        DetectionTuning tuning;
        tuning.setTuning(Latency, {0.5, false});
        tuning.setTuning(Errors, {1.0, true});
        tuning.save(path);
        QCOMPARE(DetectionTuning::load(path), tuning);
    }

    void badFilesSayWhatIsWrong_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("not json") << QByteArray("{\"version\": 1, \"series\": [") << QStringLiteral("not valid JSON");
        QTest::newRow("no version") << QByteArray("{\"series\": []}") << QStringLiteral("no \"version\"");
        QTest::newRow("newer") << QByteArray("{\"version\": 7, \"series\": []}") << QStringLiteral("update meshscope");
        QTest::newRow("no signal") << QByteArray("{\"version\": 1, \"series\": [{\"entity\": \"a\"}]}")
                                   << QStringLiteral("entry 1 needs");
        QTest::newRow("out of range")
            << QByteArray("{\"version\": 1, \"series\": [{\"entity\": \"a\", \"signal\": \"cpu\", \"sensitivity\": 40}]}")
            << QStringLiteral("sensitivity 40 is outside");
    }

    void badFilesSayWhatIsWrong()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("tuning.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(json);
        file.close();
        try {
            DetectionTuning::load(path);
            QFAIL("a bad tuning file was accepted");
        } catch (const MeshscopeError& error) {
            QVERIFY2(error.message().contains(message), qPrintable(error.message()));
            QVERIFY2(error.message().contains(path), qPrintable(error.message()));
        }
    }

    void aFailedSaveSaysWhere()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("missing/dir/tuning.json"));
        DetectionTuning tuning;
        tuning.setTuning(Latency, {2.0, false});
        try {
            tuning.save(path);
            QFAIL("saving into a missing folder succeeded");
        } catch (const MeshscopeError& error) {
            QVERIFY2(error.message().contains(path), qPrintable(error.message()));
        }
    }
};

QTEST_GUILESS_MAIN(TestDetectionTuning)
#include "test_detection_tuning.moc"
