#pragma once

#include <QString>
#include <QHashFunctions>
#include <QStringView>

#include <utility>

namespace meshscope {

/// Entities are named as in CASE-FORMAT.md: a node by its name, an edge (the call from
/// node a to node b) as `a->b`. These helpers are the one place that knows the spelling.
namespace Entity {
inline const QString EdgeSeparator = QStringLiteral("->");

inline QString edge(const QString& source, const QString& destination)
{
    return source + EdgeSeparator + destination;
}
inline bool isEdge(QStringView entity) { return entity.contains(u"->"); }
/// {source, destination} of an edge entity; {entity, {}} for a node.
std::pair<QString, QString> edgeEnds(const QString& entity);
/// The node a ranking names for an entity: the destination of an edge, else the node.
QString suspectNode(const QString& entity);
} // namespace Entity

/// One time series: (entity, signal).
struct SeriesKey
{
    QString entity;
    QString signal;

    friend bool operator==(const SeriesKey&, const SeriesKey&) = default;
    friend bool operator<(const SeriesKey& a, const SeriesKey& b)
    {
        return a.entity != b.entity ? a.entity < b.entity : a.signal < b.signal;
    }
    QString toString() const { return entity + QLatin1Char('/') + signal; }
};

inline size_t qHash(const SeriesKey& key, size_t seed = 0) noexcept
{
    return qHashMulti(seed, key.entity, key.signal);
}

} // namespace meshscope
