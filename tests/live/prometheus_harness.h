#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace meshscope::testing {

/// Runs Debian's real /usr/bin/prometheus on 127.0.0.1 (free port, temporary dir, no
/// scrape targets) over data backfilled with `promtool tsdb create-blocks-from
/// openmetrics`. Readiness is polled on /-/ready, never slept for.
class PrometheusHarness
{
public:
    PrometheusHarness();
    ~PrometheusHarness();

    /// Whether prometheus and promtool are installed (tests QSKIP otherwise).
    static bool available();

    /// Backfills `openMetrics` (may be empty) and starts Prometheus. `webConfig` is the
    /// content of a --web.config.file (TLS, basic auth), empty for none. Returns false
    /// with `error` set when something failed.
    bool start(const QByteArray& openMetrics, QString* error, const QByteArray& webConfig = {});
    /// The client certificate and key (PEM) the readiness probe presents, for a web
    /// config that requires one (`client_auth_type: RequireAndVerifyClientCert`).
    void setClientCertificate(const QString& certFile, const QString& keyFile)
    {
        m_clientCert = certFile;
        m_clientKey = keyFile;
    }
    /// Alerting rules (a Prometheus rule file) for the next start(): the server then
    /// evaluates them every second.
    void setRules(const QByteArray& rulesYaml) { m_rules = rulesYaml; }
    /// Starts the same server again on the same port and data (after kill()).
    bool restart(QString* error);
    /// SIGKILL, as a crash would.
    void kill();
    void stop();
    bool isRunning() const;

    QUrl url() const;
    quint16 port() const { return m_port; }
    QString dir() const { return m_dir ? m_dir->path() : QString(); }
    QByteArray log() const { return m_log; }

private:
    bool launch(QString* error);
    bool waitReady(QString* error);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    bool m_tls = false;
    QString m_clientCert;
    QString m_clientKey;
    QByteArray m_log;
    QByteArray m_rules;
};

/// A port nobody listens on right now.
quint16 freeLocalPort();

} // namespace meshscope::testing
