#include "timeline_filter_proxy.h"

#include "timeline_model.h"

namespace meshscope {

TimelineFilterProxy::TimelineFilterProxy(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setSortRole(TimelineModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void TimelineFilterProxy::setMinimumSignificance(double value)
{
    if (value == m_minSignificance)
        return;
    m_minSignificance = value;
    invalidateFilter();
}

void TimelineFilterProxy::setText(const QString& text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateFilter();
}

bool TimelineFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, TimelineModel::EntityColumn, sourceParent);
    // Groups are shown through their anomalies or candidates (recursive filtering) when
    // a filter is set.
    const auto kind = index.data(TimelineModel::RowKindRole).value<TimelineModel::RowKind>();
    if (!sourceParent.isValid() || kind == TimelineModel::RowKind::CauseGroup)
        return m_text.isEmpty() && m_minSignificance <= 0;
    // Prometheus' alerts carry no significance of ours: only the text filters them.
    if (kind == TimelineModel::RowKind::Alert)
        return m_text.isEmpty()
            || index.data(Qt::DisplayRole).toString().contains(m_text, Qt::CaseInsensitive);
    if (index.data(TimelineModel::SignificanceRole).toDouble() < m_minSignificance)
        return false;
    return m_text.isEmpty() || index.data(Qt::DisplayRole).toString().contains(m_text, Qt::CaseInsensitive);
}

} // namespace meshscope
