#pragma once

#include <QHash>
#include <QSet>
#include <QString>

namespace meshscope {

/// Node names from workload (or app/service) names: the bare name, made `ns/name` only
/// when the same name occurs in several namespaces of one input, so entity names stay
/// short and still unique.
class WorkloadNamer
{
public:
    void observe(const QString& name, const QString& ns);
    QString nodeName(const QString& name, const QString& ns) const;

private:
    QHash<QString, QSet<QString>> m_namespaces;
};

} // namespace meshscope
