#include "connection_dialog.h"

#include "connection_secret_store.h"

#include "model/meshscope_error.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace meshscope {

ConnectionDialog::ConnectionDialog(QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Connect to a live mesh"));
    auto* tabs = new QTabWidget(this);
    tabs->addTab(prometheusPage(), tr("Prometheus"));
    tabs->addTab(kialiPage(), tr("Kiali"));
    tabs->addTab(pollingPage(), tr("Polling"));
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->hide();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::validateAndAccept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    updateAuthFields();
}

QWidget* ConnectionDialog::prometheusPage()
{
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    m_name = new QLineEdit(page);
    m_prometheusUrl = new QLineEdit(page);
    m_prometheusUrl->setPlaceholderText(QStringLiteral("http://prometheus:9090"));
    m_prometheusAuth = new QComboBox(page);
    m_prometheusAuth->addItem(tr("None"), int(EndpointAuth::Kind::None));
    m_prometheusAuth->addItem(tr("Bearer token"), int(EndpointAuth::Kind::Bearer));
    m_prometheusAuth->addItem(tr("User and password"), int(EndpointAuth::Kind::Basic));
    m_token = new QLineEdit(page);
    m_token->setEchoMode(QLineEdit::Password);
    m_user = new QLineEdit(page);
    m_password = new QLineEdit(page);
    m_password->setEchoMode(QLineEdit::Password);
    m_caFile = new QLineEdit(page);
    m_caFile->setPlaceholderText(tr("system CAs"));
    m_certFile = new QLineEdit(page);
    m_keyFile = new QLineEdit(page);
    m_skipVerify = new QCheckBox(tr("Skip TLS certificate verification (unsafe)"), page);
    m_skipWarning = new QLabel(tr("Anyone between you and the server can read and change the data."), page);
    m_skipWarning->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold"));
    m_headers = new QPlainTextEdit(page);
    m_headers->setPlaceholderText(QStringLiteral("X-Scope-OrgID: tenant-a"));
    m_headers->setMaximumHeight(60);
    form->addRow(tr("Profile name"), m_name);
    form->addRow(tr("Prometheus URL"), m_prometheusUrl);
    form->addRow(tr("Authentication"), m_prometheusAuth);
    form->addRow(tr("Token"), m_token);
    form->addRow(tr("User"), m_user);
    form->addRow(tr("Password"), m_password);
    form->addRow(tr("CA file"), m_caFile);
    form->addRow(tr("Client certificate"), m_certFile);
    form->addRow(tr("Client key"), m_keyFile);
    form->addRow(m_skipVerify);
    form->addRow(m_skipWarning);
    form->addRow(tr("Extra headers"), m_headers);
    connect(m_prometheusAuth, &QComboBox::currentIndexChanged, this, &ConnectionDialog::updateAuthFields);
    connect(m_skipVerify, &QCheckBox::toggled, m_skipWarning, &QWidget::setVisible);
    m_skipWarning->hide();
    return page;
}

QWidget* ConnectionDialog::kialiPage()
{
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    m_kialiUrl = new QLineEdit(page);
    m_kialiUrl->setPlaceholderText(tr("optional, e.g. https://host/kiali"));
    m_kialiAuth = new QComboBox(page);
    m_kialiAuth->addItem(tr("Anonymous"), int(KialiAuthStrategy::Anonymous));
    m_kialiAuth->addItem(tr("Token (login)"), int(KialiAuthStrategy::Token));
    m_kialiAuth->addItem(tr("Header (bearer on every request)"), int(KialiAuthStrategy::Header));
    m_kialiToken = new QLineEdit(page);
    m_kialiToken->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Kiali URL"), m_kialiUrl);
    form->addRow(tr("Login"), m_kialiAuth);
    form->addRow(tr("Kubernetes token"), m_kialiToken);
    form->addRow(
        new QLabel(tr("Without Kiali the topology is rebuilt from Istio metrics in Prometheus."), page));
    return page;
}

QWidget* ConnectionDialog::pollingPage()
{
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    m_namespaces = new QLineEdit(page);
    m_namespaces->setPlaceholderText(tr("all namespaces with Istio traffic"));
    m_pollInterval = new QSpinBox(page);
    m_pollInterval->setRange(ConnectionProfile::MinPollIntervalS, ConnectionProfile::MaxPollIntervalS);
    m_pollInterval->setSuffix(tr(" s"));
    m_backfill = new QSpinBox(page);
    m_backfill->setRange(0, 24 * 60);
    m_backfill->setSuffix(tr(" min"));
    form->addRow(tr("Namespaces"), m_namespaces);
    form->addRow(tr("Poll every"), m_pollInterval);
    form->addRow(tr("Backfill on connect"), m_backfill);
    if (!ConnectionSecretStore::isAvailable())
        form->addRow(new QLabel(tr("No desktop keychain: secrets are asked for each session."), page));
    return page;
}

void ConnectionDialog::updateAuthFields()
{
    const auto kind = EndpointAuth::Kind(m_prometheusAuth->currentData().toInt());
    m_token->setEnabled(kind == EndpointAuth::Kind::Bearer);
    m_user->setEnabled(kind == EndpointAuth::Kind::Basic);
    m_password->setEnabled(kind == EndpointAuth::Kind::Basic);
}

void ConnectionDialog::setProfile(const ConnectionProfile& profile)
{
    m_name->setText(profile.name);
    m_prometheusUrl->setText(profile.prometheus.url.toString());
    m_prometheusAuth->setCurrentIndex(m_prometheusAuth->findData(int(profile.prometheus.auth.kind)));
    m_token->setText(profile.prometheus.auth.token);
    m_user->setText(profile.prometheus.auth.username);
    m_password->setText(profile.prometheus.auth.password);
    m_caFile->setText(profile.prometheus.tls.caFile);
    m_certFile->setText(profile.prometheus.tls.clientCertFile);
    m_keyFile->setText(profile.prometheus.tls.clientKeyFile);
    m_skipVerify->setChecked(profile.prometheus.tls.skipVerify);
    QStringList headers;
    for (const auto& [name, value] : profile.prometheus.extraHeaders)
        headers << QString::fromLatin1(name) + QStringLiteral(": ") + QString::fromUtf8(value);
    m_headers->setPlainText(headers.join(QLatin1Char('\n')));
    m_kialiUrl->setText(profile.kiali.url.toString());
    m_kialiAuth->setCurrentIndex(m_kialiAuth->findData(int(profile.kialiAuth)));
    m_kialiToken->setText(profile.kiali.auth.token);
    m_namespaces->setText(profile.namespaces.join(QLatin1Char(',')));
    m_pollInterval->setValue(profile.pollIntervalS);
    m_backfill->setValue(profile.backfillMinutes);
    updateAuthFields();
}

ConnectionProfile ConnectionDialog::profile() const
{
    ConnectionProfile profile;
    profile.name = m_name->text().trimmed();
    profile.prometheus.url = QUrl::fromUserInput(m_prometheusUrl->text().trimmed());
    profile.prometheus.auth.kind = EndpointAuth::Kind(m_prometheusAuth->currentData().toInt());
    if (profile.prometheus.auth.kind == EndpointAuth::Kind::Bearer)
        profile.prometheus.auth.token = m_token->text();
    if (profile.prometheus.auth.kind == EndpointAuth::Kind::Basic) {
        profile.prometheus.auth.username = m_user->text();
        profile.prometheus.auth.password = m_password->text();
    }
    profile.prometheus.tls.caFile = m_caFile->text().trimmed();
    profile.prometheus.tls.clientCertFile = m_certFile->text().trimmed();
    profile.prometheus.tls.clientKeyFile = m_keyFile->text().trimmed();
    profile.prometheus.tls.skipVerify = m_skipVerify->isChecked();
    for (const QString& line : m_headers->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon > 0)
            profile.prometheus.extraHeaders.append(
                qMakePair(line.left(colon).trimmed().toLatin1(), line.mid(colon + 1).trimmed().toUtf8()));
    }
    const QString kialiUrl = m_kialiUrl->text().trimmed();
    if (!kialiUrl.isEmpty()) {
        profile.kiali.url = QUrl::fromUserInput(kialiUrl);
        profile.kialiAuth = KialiAuthStrategy(m_kialiAuth->currentData().toInt());
        profile.kiali.auth.token = m_kialiToken->text();
        profile.kiali.tls = profile.prometheus.tls;
        profile.kiali.tls.caFile.clear();
        profile.kiali.tls.clientCertFile.clear();
        profile.kiali.tls.clientKeyFile.clear();
    }
    profile.namespaces = m_namespaces->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString& ns : profile.namespaces)
        ns = ns.trimmed();
    profile.pollIntervalS = m_pollInterval->value();
    profile.backfillMinutes = m_backfill->value();
    return profile;
}

void ConnectionDialog::validateAndAccept()
{
    try {
        profile().validate();
    } catch (const MeshscopeError& error) {
        m_error->setText(error.message());
        m_error->show();
        return;
    }
    accept();
}

} // namespace meshscope
