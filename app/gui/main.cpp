#include "main_window.h"
#include "screenshot_runner.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QTranslator>

#include <cstdio>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("meshscope"));
    QApplication::setOrganizationName(QStringLiteral("meshscope"));
    QApplication::setApplicationVersion(QStringLiteral(MESHSCOPE_VERSION));
    // Translations are compiled into the binary (translations/CMakeLists.txt).
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("meshscope"), QStringLiteral("_"), QStringLiteral(":/meshscope/i18n")))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Incident console for service meshes"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QApplication::translate("main", "Render the window after loading, save it as PNG and exit."),
        QStringLiteral("png"));
    const QCommandLineOption at(QStringLiteral("at"),
        QApplication::translate("main", "Cursor time: ISO 8601, epoch seconds or +5m from the start."),
        QStringLiteral("time"));
    const QCommandLineOption select(QStringLiteral("select"),
        QApplication::translate("main", "Select a node or an edge (a->b)."), QStringLiteral("entity"));
    const QCommandLineOption size(QStringLiteral("size"),
        QApplication::translate("main", "Window size for --screenshot, WIDTHxHEIGHT (default 1600x900)."),
        QStringLiteral("size"), QStringLiteral("1600x900"));
    parser.addOptions({screenshot, at, select, size});
    parser.addPositionalArgument(QStringLiteral("files"),
        QApplication::translate("main", "A .meshrec recording or importable dumps; the demo when none."),
        QStringLiteral("[FILE...]"));
    parser.process(app);

    meshscope::MainWindow window;
    if (parser.isSet(screenshot)) {
        const QStringList wh = parser.value(size).split(QLatin1Char('x'));
        const int width = wh.value(0).toInt();
        const int height = wh.value(1).toInt();
        if (width < 200 || height < 150) {
            std::fprintf(stderr, "meshscope: --size must be WIDTHxHEIGHT, e.g. 1600x900\n");
            return 2;
        }
        window.resize(width, height);
        new meshscope::ScreenshotRunner(&window, parser.value(screenshot), parser.value(at), parser.value(select));
    }
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openPaths(parser.positionalArguments());
    else
        window.openDemo();
    return QApplication::exec();
}
