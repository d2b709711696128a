#include "timeline_delegate.h"

#include "models/severity_colour.h"
#include "models/time_window.h"
#include "time_axis_mapping.h"
#include "timeline_model.h"

#include <QApplication>
#include <QPainter>

#include <algorithm>

namespace meshscope {

namespace {

constexpr double BarMargin = 3;
constexpr double MinBarWidth = 2;

QRectF barRect(const TimeAxisMapping& mapping, qint64 startMs, qint64 endMs, const QRectF& row)
{
    const double x0 = std::max(row.left(), mapping.toX(startMs));
    const double x1 = std::min(row.right(), mapping.toX(endMs));
    return QRectF(x0, row.top() + BarMargin, std::max(MinBarWidth, x1 - x0), row.height() - 2 * BarMargin);
}

/// Prometheus' alerts: a violet outside the amber-to-red scale of our significance.
const QColor AlertColour(0x6a, 0x3d, 0xb8);

/// An alert interval: outlined; filled while firing, dashed and empty while pending.
void drawAlertBar(QPainter* painter, const QRectF& bar, bool firing)
{
    if (firing) {
        QColor fill = AlertColour;
        fill.setAlphaF(0.45f);
        painter->fillRect(bar, fill);
    }
    painter->setPen(QPen(AlertColour, firing ? 2 : 1.5, firing ? Qt::SolidLine : Qt::DashLine));
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(bar.adjusted(0.5, 0.5, -0.5, -0.5));
}

} // namespace

TimelineDelegate::TimelineDelegate(const TimeWindow* window, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_window(window)
{ }

void TimelineDelegate::paint(
    QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    if (index.column() != TimelineModel::TimeBarColumn) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // Let the style draw selection and hover (without the text, which
    // QStyledItemDelegate::paint would fill in again), then the bars on top.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QStyle* style = option.widget ? option.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, option.widget);

    const QRectF rect = QRectF(option.rect).adjusted(2, 0, -2, 0);
    painter->save();
    painter->setClipRect(option.rect);
    painter->setRenderHint(QPainter::Antialiasing, false);
    const auto kind = index.data(TimelineModel::RowKindRole).value<TimelineModel::RowKind>();
    if (kind == TimelineModel::RowKind::Anomaly)
        paintAnomaly(painter, rect, index);
    else if (kind == TimelineModel::RowKind::Candidate)
        paintCandidate(painter, rect, option, index);
    else if (kind == TimelineModel::RowKind::Alert)
        paintAlert(painter, rect, option, index);
    else if (kind == TimelineModel::RowKind::AlertGroup)
        paintAlertGroup(painter, rect, index);
    else
        paintGroup(painter, rect, index);

    const TimeAxisMapping mapping {m_window->visibleRange(), rect.left(), rect.width()};
    if (mapping.range.contains(m_window->cursorMs())) {
        const double x = mapping.toX(m_window->cursorMs());
        painter->setPen(QPen(option.palette.color(QPalette::Text), 1, Qt::DashLine));
        painter->drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()));
    }
    painter->restore();
}

void TimelineDelegate::paintAnomaly(QPainter* painter, const QRectF& rect, const QModelIndex& index) const
{
    const TimeAxisMapping mapping {m_window->visibleRange(), rect.left(), rect.width()};
    const qint64 start = index.data(TimelineModel::StartRole).toLongLong();
    const qint64 end = index.data(TimelineModel::EndRole).toLongLong();
    if (!mapping.overlaps(start, end))
        return;
    const QColor colour = severityColour(index.data(TimelineModel::SignificanceRole).toDouble());
    const QRectF bar = barRect(mapping, start, end, rect);
    painter->fillRect(bar, colour);
    const qint64 peak = index.data(TimelineModel::PeakRole).toLongLong();
    if (mapping.range.contains(peak)) {
        const double x = mapping.toX(peak);
        painter->setPen(QPen(colour.darker(160), 2));
        painter->drawLine(QPointF(x, bar.top()), QPointF(x, bar.bottom()));
    }
}

void TimelineDelegate::paintCandidate(
    QPainter* painter, const QRectF& rect, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const TimeAxisMapping mapping {m_window->visibleRange(), rect.left(), rect.width()};
    const qint64 onset = index.data(TimelineModel::StartRole).toLongLong();
    const qint64 end = index.data(TimelineModel::EndRole).toLongLong();
    const QColor colour = severityColour(index.data(TimelineModel::SignificanceRole).toDouble());
    double textLeft = rect.left() + 4;
    if (mapping.overlaps(onset, end)) {
        // A pale bar from onset to the incident's end keeps the evidence text readable;
        // the solid tick is the onset, the moment to look at.
        QColor tint = colour;
        tint.setAlphaF(0.35f);
        const QRectF bar = barRect(mapping, onset, end, rect);
        painter->fillRect(bar, tint);
        if (mapping.range.contains(onset)) {
            const double x = mapping.toX(onset);
            painter->fillRect(QRectF(x - 1.5, bar.top(), 3, bar.height()), colour.darker(130));
            textLeft = x + 6;
        }
    }
    const QString text = index.data(Qt::DisplayRole).toString();
    const QFontMetricsF metrics(option.font);
    // Right of the onset when the line fits there, else from the left edge over the bar.
    if (rect.right() - textLeft < std::min(metrics.horizontalAdvance(text), rect.width() * 0.6))
        textLeft = rect.left() + 4;
    const QRectF textRect(textLeft, rect.top(), rect.right() - textLeft - 2, rect.height());
    const bool selected = option.state & QStyle::State_Selected;
    painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    painter->setFont(option.font);
    painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
        metrics.elidedText(text, Qt::ElideRight, textRect.width()));
}

void TimelineDelegate::paintGroup(QPainter* painter, const QRectF& rect, const QModelIndex& index) const
{
    const TimeAxisMapping mapping {m_window->visibleRange(), rect.left(), rect.width()};
    const auto spans = index.data(TimelineModel::SpansRole).value<std::vector<TimeSpan>>();
    const QFontMetricsF metrics(painter->font());
    // Merge bars closer than a label's width, so "+N" never overlaps the next burst.
    const double gap = metrics.horizontalAdvance(QStringLiteral("+99")) + 2;
    for (const TimeSpanCluster& cluster : clusterSpans(spans, mapping, gap)) {
        const QRectF bar = barRect(mapping, cluster.startMs, cluster.endMs, rect);
        painter->fillRect(bar, severityColour(cluster.maxSignificance));
        if (cluster.count > 1) {
            const QString label = QStringLiteral("+%1").arg(cluster.count - 1);
            painter->setPen(Qt::black);
            painter->drawText(
                QRectF(bar.right() + 1, rect.top(), metrics.horizontalAdvance(label) + 2, rect.height()),
                Qt::AlignVCenter | Qt::AlignLeft, label);
        }
    }
}

void TimelineDelegate::paintAlert(
    QPainter* painter, const QRectF& rect, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const TimeAxisMapping mapping {m_window->visibleRange(), rect.left(), rect.width()};
    const qint64 start = index.data(TimelineModel::StartRole).toLongLong();
    const qint64 end = index.data(TimelineModel::EndRole).toLongLong();
    const bool firing = index.data(TimelineModel::StateRole).toString() == QLatin1String("firing");
    // State and severity beside the bar (right of it, else left of it), over it from the
    // left when neither side has room.
    const QString text = index.data(Qt::DisplayRole).toString();
    const QFontMetricsF metrics(option.font);
    const double textWidth = metrics.horizontalAdvance(text);
    double textLeft = rect.left() + 4;
    double textRight = rect.right() - 2;
    if (mapping.overlaps(start, end)) {
        const QRectF bar = barRect(mapping, start, end, rect);
        drawAlertBar(painter, bar, firing);
        if (rect.right() - bar.right() - 8 >= textWidth)
            textLeft = bar.right() + 6;
        else if (bar.left() - rect.left() - 10 >= textWidth)
            textRight = bar.left() - 6;
    }
    const QRectF textRect(textLeft, rect.top(), textRight - textLeft, rect.height());
    const bool selected = option.state & QStyle::State_Selected;
    painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    painter->setFont(option.font);
    painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
        metrics.elidedText(text, Qt::ElideRight, textRect.width()));
}

void TimelineDelegate::paintAlertGroup(QPainter* painter, const QRectF& rect, const QModelIndex& index) const
{
    const TimeAxisMapping mapping {m_window->visibleRange(), rect.left(), rect.width()};
    const auto spans = index.data(TimelineModel::AlertSpansRole).value<std::vector<AlertSpan>>();
    // Pending first, so a firing bar is never hidden under a dashed outline.
    for (const bool firing : {false, true}) {
        for (const AlertSpan& span : spans) {
            if (span.firing == firing && mapping.overlaps(span.startMs, span.endMs))
                drawAlertBar(painter, barRect(mapping, span.startMs, span.endMs, rect), firing);
        }
    }
}

} // namespace meshscope
