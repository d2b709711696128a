#pragma once

#include <QSortFilterProxyModel>

namespace meshscope {

/// Sorting and filtering of the timeline: a minimum significance and a text that the
/// entity/signal must contain. A group stays visible while any of its anomalies (or
/// root-cause candidates) passes. Prometheus alerts have no significance; the minimum
/// leaves them shown.
/// Sorting uses the model's SortRole so times and scores sort as numbers.
class TimelineFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit TimelineFilterProxy(QObject* parent = nullptr);

    double minimumSignificance() const { return m_minSignificance; }
    void setMinimumSignificance(double value);
    QString text() const { return m_text; }
    void setText(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    double m_minSignificance = 0;
    QString m_text;
};

} // namespace meshscope
