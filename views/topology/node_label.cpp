#include "node_label.h"

#include <QFontMetricsF>
#include <QPainter>

namespace meshscope {

NodeLabel NodeLabel::make(const QString& text, const QPointF& centre, double nodeSize, const QFontMetricsF& metrics)
{
    // Measured once per layout: the halo hugs the text instead of a fixed-width box.
    const double width = metrics.horizontalAdvance(text) + 6;
    const double height = metrics.height() + 1;
    return NodeLabel {text, QRectF(centre.x() - width / 2, centre.y() + nodeSize / 2 + 2, width, height)};
}

NodeLabel NodeLabel::makeTitle(const QString& ns, const QRectF& box, const QFontMetricsF& metrics)
{
    const double width = metrics.horizontalAdvance(ns) + 6;
    return NodeLabel {ns, QRectF(box.left() + 7, box.top() + 3, width, metrics.height() + 1)};
}

QString NodeLabel::textOf(const TopologyNode& node)
{
    if (!node.workload.isEmpty())
        return node.workload;
    if (!node.app.isEmpty())
        return node.version.isEmpty() ? node.app : node.app + QLatin1Char(' ') + node.version;
    if (!node.service.isEmpty())
        return node.service;
    return node.name;
}

QFont NodeLabel::font(const QFont& base)
{
    QFont font = base;
    font.setPointSizeF(8.5);
    font.setBold(false);
    return font;
}

QFont NodeLabel::titleFont(const QFont& base)
{
    QFont font = base;
    font.setPointSizeF(10);
    font.setBold(true);
    return font;
}

void NodeLabel::draw(QPainter* painter, const QColor& halo, const QColor& textColor) const
{
    painter->setPen(Qt::NoPen);
    painter->setBrush(halo);
    painter->drawRoundedRect(box, 3, 3);
    painter->setPen(textColor);
    painter->drawText(box, Qt::AlignCenter, text);
}

} // namespace meshscope
