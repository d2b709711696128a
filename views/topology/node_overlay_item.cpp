#include "node_overlay_item.h"

#include <QCoreApplication>
#include <QPainter>

namespace meshscope {

NodeOverlayItem::NodeOverlayItem(const QPointF& center, double size, const NodeLabel& label)
    : m_size(size)
    , m_label(label)
{
    m_label.box.translate(-center);
    setPos(center);
    setZValue(3);
    setAcceptedMouseButtons(Qt::NoButton);
}

void NodeOverlayItem::setStyle(const NodeState& state, const TopologyPalette& palette)
{
    m_state = state;
    m_palette = palette;
    update();
}

QRectF NodeOverlayItem::boundingRect() const
{
    const double r = m_size / 2 + 14;
    return QRectF(-r - 40, -r - 18, 2 * r + 80, 2 * r + 18).united(m_label.box);
}

void NodeOverlayItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const QFont base = painter->font();
    const double r = m_size / 2 + 4;
    painter->setBrush(Qt::NoBrush);
    if (m_state.anomalySignificance > 0) {
        QColor glow = m_palette.anomaly;
        glow.setAlpha(80);
        painter->setPen(QPen(glow, 8 + m_state.anomalySignificance / 12.0));
        painter->drawEllipse(QPointF(0, 0), r, r);
        painter->setPen(QPen(m_palette.anomaly, 2.5));
        painter->drawEllipse(QPointF(0, 0), r, r);
    } else if (m_state.health == KialiHealth::Degraded || m_state.health == KialiHealth::Failure) {
        painter->setPen(QPen(m_palette.healthColor(m_state.health), 2.5, Qt::DashLine));
        painter->drawEllipse(QPointF(0, 0), r, r);
    }
    if (m_state.rootCause) {
        const double outer = r + 7;
        painter->setPen(QPen(m_palette.rootCause, 3, Qt::DotLine));
        painter->drawEllipse(QPointF(0, 0), outer, outer);
        QFont font = painter->font();
        font.setPointSizeF(8);
        font.setBold(true);
        painter->setFont(font);
        painter->setPen(m_palette.rootCause);
        const QRectF box(-outer - 40, -outer - 16, 2 * outer + 80, 14);
        painter->drawText(box, Qt::AlignCenter, QCoreApplication::translate("TopologyScene", "suspected root cause"));
    }
    if (painter->worldTransform().m11() >= MinScaleForNodeLabels && !m_label.text.isEmpty()) {
        painter->setFont(NodeLabel::font(base));
        m_label.draw(painter, m_palette.labelHalo(), m_palette.text);
    }
}

} // namespace meshscope
