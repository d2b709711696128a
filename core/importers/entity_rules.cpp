#include "entity_rules.h"

#include "model/entity.h"

namespace meshscope::entityrules {

namespace {

bool known(const QString& value)
{
    return !value.isEmpty() && value != QLatin1String("unknown");
}

} // namespace

void observeWorkloads(const LabelLookup& label, WorkloadNamer& namer)
{
    for (const char* side : {"source", "destination"}) {
        const QString prefix = QLatin1String(side);
        const QString workload = label(prefix + QStringLiteral("_workload"));
        if (known(workload))
            namer.observe(workload, label(prefix + QStringLiteral("_workload_namespace")));
    }
}

QString istioNode(const LabelLookup& label, const QString& side, const WorkloadNamer& namer)
{
    const QString workload = label(side + QStringLiteral("_workload"));
    if (known(workload))
        return namer.nodeName(workload, label(side + QStringLiteral("_workload_namespace")));
    if (side == QLatin1String("destination")) {
        const QString service = label(QStringLiteral("destination_service_name"));
        if (known(service))
            return QString(service).replace(QStringLiteral("->"), QStringLiteral("-"));
    }
    return QStringLiteral("unknown");
}

QString entityFor(const LabelLookup& label, const WorkloadNamer& namer)
{
    // meshscope's own OpenMetrics export names the entity outright.
    const QString entity = label(QStringLiteral("entity"));
    if (!entity.isEmpty())
        return entity;
    const QString destination = label(QStringLiteral("destination_workload"));
    if (!destination.isEmpty()) {
        const QString dst = istioNode(label, QStringLiteral("destination"), namer);
        if (!label(QStringLiteral("source_workload")).isEmpty())
            return Entity::edge(istioNode(label, QStringLiteral("source"), namer), dst);
        return dst;
    }
    for (const char* name : {"pod", "workload", "service", "app", "instance", "job"}) {
        QString value = label(QLatin1String(name));
        // "->" is reserved for edges; a label value holding it is kept readable.
        value.replace(QStringLiteral("->"), QStringLiteral("-"));
        if (!value.isEmpty())
            return value;
    }
    return QStringLiteral("mesh");
}

} // namespace meshscope::entityrules
