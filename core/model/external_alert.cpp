#include "external_alert.h"

#include <QStringList>

namespace meshscope {

QMap<QString, QString> alertLabelsWithoutSecrets(const QMap<QString, QString>& labels)
{
    // Alert labels come from whoever wrote the rules; a templated label may well carry
    // a credential, and a recording is shared like a pcap.
    static const QStringList secretWords {QStringLiteral("token"), QStringLiteral("password"),
        QStringLiteral("passwd"), QStringLiteral("secret"), QStringLiteral("key"),
        QStringLiteral("credential"), QStringLiteral("authorization"), QStringLiteral("auth")};
    QMap<QString, QString> out;
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        const QString& name = it.key();
        if (name == QLatin1String("alertname") || name == QLatin1String("__name__")
            || name == QLatin1String("alertstate"))
            continue;
        const QString lower = name.toLower();
        bool secret = false;
        for (const QString& word : secretWords)
            secret = secret || lower.contains(word);
        if (!secret)
            out.insert(name, it.value());
    }
    return out;
}

} // namespace meshscope
