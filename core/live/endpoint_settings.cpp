#include "endpoint_settings.h"

namespace meshscope {

QStringList EndpointAuth::secrets() const
{
    QStringList result;
    if (!token.isEmpty())
        result << token;
    if (!password.isEmpty())
        result << password;
    return result;
}

QString EndpointSettings::displayUrl() const
{
    return url
        .adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash)
        .toString();
}

QString redactSecrets(QString text, const EndpointAuth& auth)
{
    for (const QString& secret : auth.secrets()) {
        // Very short secrets would redact ordinary words; they are unusable anyway.
        if (secret.size() >= 4)
            text.replace(secret, QStringLiteral("***"));
    }
    return text;
}

} // namespace meshscope
