// End-to-end check of `meshscope --screenshot PNG --at T FILE` on the bundled demo: the
// window loads the recording, runs detection and correlation and shows the cartservice
// CPU saturation as red (anomalous) edges at the incident time.

#include <QColor>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct PixelCounts
{
    int red = 0;       ///< saturated red, as lit (anomalous) edges are drawn
    int colours = 0;   ///< distinct colours on a coarse grid
};

PixelCounts countPixels(const QImage& image)
{
    PixelCounts counts;
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.red() > 200 && c.green() < 60 && c.blue() < 60)
                ++counts.red;
            if (x % 8 == 0 && y % 8 == 0)
                colours.insert(image.pixel(x, y));
        }
    }
    counts.colours = static_cast<int>(colours.size());
    return counts;
}

} // namespace

class TestScreenshotDemo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void screenshot_data()
    {
        QTest::addColumn<QString>("at");
        QTest::newRow("ISO time") << QStringLiteral("2025-06-03T14:45:00Z");
        QTest::newRow("offset from the start") << QStringLiteral("+165m");
    }

    void screenshot()
    {
        QFETCH(QString, at);
        const QString demo = QStringLiteral(MESHSCOPE_DEMO_FILE);
        if (!QFileInfo::exists(demo))
            QSKIP("the demo recording is not built (target demo_recording)");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString png = dir.filePath(QStringLiteral("shot.png"));

        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        // A fresh settings directory: a saved window layout must not change the picture.
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(MESHSCOPE_GUI_BINARY),
            {QStringLiteral("--screenshot"), png, QStringLiteral("--at"), at, demo});
        QVERIFY2(process.waitForFinished(200'000), "meshscope did not finish");
        QVERIFY2(process.exitStatus() == QProcess::NormalExit, "meshscope crashed");
        QCOMPARE(process.exitCode(), 0);

        QImage image(png);
        QVERIFY2(!image.isNull(), "the screenshot is not a readable PNG");
        QCOMPARE(image.size(), QSize(1600, 900));
        const PixelCounts counts = countPixels(image);
        QVERIFY2(counts.colours > 20, "the screenshot looks blank");
        QVERIFY2(counts.red > 500, qPrintable(QStringLiteral("only %1 red pixels").arg(counts.red)));
    }
};

QTEST_GUILESS_MAIN(TestScreenshotDemo)
#include "test_screenshot_demo.moc"
