#include "entity_namer.h"

#include <QMap>

#include <algorithm>

namespace meshscope {

namespace {
QString keyText(const QString& ns, const QString& shortName)
{
    return ns + QLatin1Char('\x1f') + shortName;
}
} // namespace

void EntityNamer::learn(std::vector<Key> keys)
{
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    QMap<QString, std::vector<Key>> newByShort;
    for (const Key& key : keys) {
        if (!m_names.contains(keyText(key.first, key.second)))
            newByShort[key.second].push_back(key);
    }
    for (auto it = newByShort.begin(); it != newByShort.end(); ++it) {
        const bool ambiguous = it.value().size() > 1 || m_shortNameUsers.value(it.key()) > 0;
        for (const Key& key : it.value()) {
            const QString name
                = ambiguous && !key.first.isEmpty() ? key.first + QLatin1Char('/') + key.second : key.second;
            m_names.insert(keyText(key.first, key.second), name);
            ++m_shortNameUsers[key.second];
        }
    }
}

QString EntityNamer::name(const QString& ns, const QString& shortName)
{
    const QString text = keyText(ns, shortName);
    const auto found = m_names.constFind(text);
    if (found != m_names.constEnd())
        return *found;
    learn({Key {ns, shortName}});
    return m_names.value(text);
}

void EntityNamer::adopt(const QString& ns, const QString& shortName, const QString& name)
{
    const QString text = keyText(ns, shortName);
    if (!m_names.contains(text))
        ++m_shortNameUsers[shortName];
    m_names.insert(text, name);
}

QString EntityNamer::nameOf(const QString& ns, const QString& shortName) const
{
    return m_names.value(keyText(ns, shortName));
}

bool EntityNamer::knows(const QString& ns, const QString& shortName) const
{
    return m_names.contains(keyText(ns, shortName));
}

} // namespace meshscope
