#include "workload_namer.h"

namespace meshscope {

void WorkloadNamer::observe(const QString& name, const QString& ns)
{
    m_namespaces[name].insert(ns);
}

QString WorkloadNamer::nodeName(const QString& name, const QString& ns) const
{
    const auto it = m_namespaces.constFind(name);
    QString node = (it == m_namespaces.cend() || it.value().size() <= 1 || ns.isEmpty()) ? name : ns + QLatin1Char('/') + name;
    // "->" only ever separates the ends of an edge entity.
    node.replace(QStringLiteral("->"), QStringLiteral("-"));
    return node;
}

} // namespace meshscope
