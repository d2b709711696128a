#include "prometheus_harness.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTcpServer>
#include <QTimer>

namespace meshscope::testing {

namespace {
const QString PrometheusBinary = QStringLiteral("/usr/bin/prometheus");
const QString PromtoolBinary = QStringLiteral("/usr/bin/promtool");

bool writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}
} // namespace

quint16 freeLocalPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

PrometheusHarness::PrometheusHarness() = default;

PrometheusHarness::~PrometheusHarness()
{
    stop();
}

bool PrometheusHarness::available()
{
    return QFileInfo(PrometheusBinary).isExecutable() && QFileInfo(PromtoolBinary).isExecutable();
}

QUrl PrometheusHarness::url() const
{
    return QUrl(QStringLiteral("%1://127.0.0.1:%2")
                    .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"))
                    .arg(m_port));
}

bool PrometheusHarness::start(const QByteArray& openMetrics, QString* error, const QByteArray& webConfig)
{
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid()) {
        *error = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    const QString tsdb = m_dir->filePath(QStringLiteral("tsdb"));
    if (!openMetrics.isEmpty()) {
        const QString input = m_dir->filePath(QStringLiteral("data.om"));
        if (!writeFile(input, openMetrics)) {
            *error = QStringLiteral("cannot write the OpenMetrics file");
            return false;
        }
        QProcess promtool;
        promtool.setProcessChannelMode(QProcess::MergedChannels);
        promtool.start(PromtoolBinary,
            {QStringLiteral("tsdb"), QStringLiteral("create-blocks-from"), QStringLiteral("openmetrics"),
                input, tsdb});
        if (!promtool.waitForFinished(300000) || promtool.exitCode() != 0) {
            *error = QStringLiteral("promtool failed: ") + QString::fromUtf8(promtool.readAll().right(2000));
            return false;
        }
        QFile::remove(input);
    }
    QByteArray config = "global:\n  scrape_interval: 15s\n  evaluation_interval: 15s\nscrape_configs: []\n";
    if (!m_rules.isEmpty()) {
        // Every second, so a rule fires (and a `for:` one stays pending) within a test.
        config = "global:\n  scrape_interval: 15s\n  evaluation_interval: 1s\nscrape_configs: []\n"
                 "rule_files:\n  - rules.yml\n";
        if (!writeFile(m_dir->filePath(QStringLiteral("rules.yml")), m_rules)) {
            *error = QStringLiteral("cannot write rules.yml");
            return false;
        }
    }
    if (!writeFile(m_dir->filePath(QStringLiteral("prometheus.yml")), config)) {
        *error = QStringLiteral("cannot write prometheus.yml");
        return false;
    }
    if (!webConfig.isEmpty() && !writeFile(m_dir->filePath(QStringLiteral("web.yml")), webConfig)) {
        *error = QStringLiteral("cannot write web.yml");
        return false;
    }
    m_tls = webConfig.contains("tls_server_config");
    m_port = freeLocalPort();
    return launch(error);
}

bool PrometheusHarness::launch(QString* error)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    QStringList arguments {
        QStringLiteral("--config.file=") + m_dir->filePath(QStringLiteral("prometheus.yml")),
        QStringLiteral("--storage.tsdb.path=") + m_dir->filePath(QStringLiteral("tsdb")),
        QStringLiteral("--storage.tsdb.retention.time=100y"),
        QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(m_port),
        QStringLiteral("--log.level=warn"),
    };
    if (QFileInfo::exists(m_dir->filePath(QStringLiteral("web.yml"))))
        arguments << QStringLiteral("--web.config.file=") + m_dir->filePath(QStringLiteral("web.yml"));
    QObject::connect(m_process.get(), &QProcess::readyRead, [this] { m_log += m_process->readAll(); });
    m_process->start(PrometheusBinary, arguments);
    if (!m_process->waitForStarted(10000)) {
        *error = QStringLiteral("cannot start prometheus: ") + m_process->errorString();
        return false;
    }
    return waitReady(error);
}

bool PrometheusHarness::waitReady(QString* error)
{
    // Poll /-/ready (answered 200 once the TSDB is open); basic auth and TLS protect it
    // too, so any HTTP answer at all means the server is up.
    QNetworkAccessManager manager;
    QDeadlineTimer deadline(60000);
    while (!deadline.hasExpired()) {
        if (m_process->state() != QProcess::Running) {
            *error = QStringLiteral("prometheus exited: ") + QString::fromUtf8(m_log.right(2000));
            return false;
        }
        QUrl ready = url();
        ready.setPath(QStringLiteral("/-/ready"));
        QNetworkRequest request(ready);
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
        if (!m_clientCert.isEmpty()) {
            const auto certs = QSslCertificate::fromPath(m_clientCert, QSsl::Pem);
            QFile key(m_clientKey);
            if (!certs.isEmpty() && key.open(QIODevice::ReadOnly)) {
                ssl.setLocalCertificate(certs.front());
                ssl.setPrivateKey(QSslKey(key.readAll(), QSsl::Rsa, QSsl::Pem));
            }
        }
        request.setSslConfiguration(ssl);
        QNetworkReply* reply = manager.get(request);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(2000, reply, &QNetworkReply::abort);
        loop.exec();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        if (status == 200 || status == 401)
            return true;
        // Not up yet: wait for the next event (the process' output or a short timer).
        QEventLoop pause;
        QTimer::singleShot(50, &pause, &QEventLoop::quit);
        pause.exec();
    }
    *error = QStringLiteral("prometheus did not become ready: ") + QString::fromUtf8(m_log.right(2000));
    return false;
}

bool PrometheusHarness::restart(QString* error)
{
    if (isRunning())
        stop();
    return launch(error);
}

void PrometheusHarness::kill()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(10000);
    }
}

void PrometheusHarness::stop()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(10000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
}

bool PrometheusHarness::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

} // namespace meshscope::testing
