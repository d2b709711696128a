#pragma once

#include "live/connection_profile.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace meshscope {

/// Edits a connection profile: Prometheus and optional Kiali URLs, auth, TLS, extra
/// headers, namespaces, poll interval and backfill. Secrets are kept in the desktop
/// keychain when meshscope was built with QtKeychain (see ConnectionSecretStore),
/// otherwise they live only for this session.
class ConnectionDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectionDialog(QWidget* parent = nullptr);

    void setProfile(const ConnectionProfile& profile);
    /// The profile as edited, secrets included (in memory only).
    ConnectionProfile profile() const;

private:
    void updateAuthFields();
    void validateAndAccept();
    QWidget* prometheusPage();
    QWidget* kialiPage();
    QWidget* pollingPage();

    QLineEdit* m_name = nullptr;
    QLineEdit* m_prometheusUrl = nullptr;
    QComboBox* m_prometheusAuth = nullptr;
    QLineEdit* m_token = nullptr;
    QLineEdit* m_user = nullptr;
    QLineEdit* m_password = nullptr;
    QLineEdit* m_caFile = nullptr;
    QLineEdit* m_certFile = nullptr;
    QLineEdit* m_keyFile = nullptr;
    QCheckBox* m_skipVerify = nullptr;
    QLabel* m_skipWarning = nullptr;
    QPlainTextEdit* m_headers = nullptr;
    QLineEdit* m_kialiUrl = nullptr;
    QComboBox* m_kialiAuth = nullptr;
    QLineEdit* m_kialiToken = nullptr;
    QLineEdit* m_namespaces = nullptr;
    QSpinBox* m_pollInterval = nullptr;
    QSpinBox* m_backfill = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace meshscope
