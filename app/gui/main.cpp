#include <QApplication>
#include <QMainWindow>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("meshscope"));
    QApplication::setOrganizationName(QStringLiteral("meshscope"));
    QApplication::setApplicationVersion(QStringLiteral(MESHSCOPE_VERSION));
    QMainWindow window;
    window.setWindowTitle(QStringLiteral("meshscope"));
    window.show();
    return QApplication::exec();
}
