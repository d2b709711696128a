#pragma once

#include <QHash>
#include <QString>

#include <utility>
#include <vector>

namespace meshscope {

/// Gives mesh entities the names series and rankings use: the workload (or service)
/// name, made `ns/name` only when two namespaces have an entity of that name. Names are
/// sticky: once given, a name never changes during a session, so series stay whole
/// when a same-named workload appears later (only the newcomer is qualified).
class EntityNamer
{
public:
    /// (namespace, short name); an empty namespace means "not in a namespace" (unknown).
    using Key = std::pair<QString, QString>;

    /// Names a batch of entities seen together, deciding ambiguity within the batch
    /// and against names given before.
    void learn(std::vector<Key> keys);
    /// The name of an entity; learns it alone when it was not seen before.
    QString name(const QString& ns, const QString& shortName);
    /// Adopts a name decided elsewhere (e.g. by the Kiali graph parser).
    void adopt(const QString& ns, const QString& shortName, const QString& name);
    bool knows(const QString& ns, const QString& shortName) const;
    /// The name given before, or "" when the entity was never seen (learns nothing).
    QString nameOf(const QString& ns, const QString& shortName) const;

private:
    QHash<QString, QString> m_names; ///< "ns\x1fshort" -> name
    QHash<QString, int> m_shortNameUsers; ///< short name -> entities using it
};

} // namespace meshscope
