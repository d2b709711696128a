#include "entity.h"

namespace meshscope::Entity {

std::pair<QString, QString> edgeEnds(const QString& entity)
{
    const qsizetype at = entity.indexOf(EdgeSeparator);
    if (at < 0)
        return {entity, QString()};
    return {entity.left(at), entity.mid(at + EdgeSeparator.size())};
}

QString suspectNode(const QString& entity)
{
    const auto [source, destination] = edgeEnds(entity);
    return destination.isEmpty() ? source : destination;
}

} // namespace meshscope::Entity
