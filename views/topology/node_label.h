#pragma once

#include "model/topology.h"

#include <QColor>
#include <QFont>
#include <QRectF>
#include <QString>

class QFontMetricsF;
class QPainter;

namespace meshscope {

/// Below this zoom factor node names are unreadable anyway; skipping them keeps big meshes fast.
constexpr double MinScaleForNodeLabels = 0.45;

/// A name on an opaque halo so that no edge runs through the text: a node's name under
/// its glyph, or a namespace box's title. The static layer draws every label after the
/// edges; the lit-edge layer draws again those a lit edge crosses, so names stay on top
/// of lit edges too.
struct NodeLabel
{
    QString text;
    QRectF box; ///< scene rectangle of the halo

    /// The label of a node centred at `centre` whose glyph is `nodeSize` across.
    static NodeLabel make(const QString& text, const QPointF& centre, double nodeSize, const QFontMetricsF& metrics);
    /// The title in the top-left corner of a namespace box.
    static NodeLabel makeTitle(const QString& ns, const QRectF& box, const QFontMetricsF& metrics);
    /// What a node is called under its glyph: workload, else app and version, else service.
    static QString textOf(const TopologyNode& node);
    /// The font labels are measured and drawn with.
    static QFont font(const QFont& base);
    /// The font of namespace titles.
    static QFont titleFont(const QFont& base);
    /// Draws the halo and the text; the painter's font must be font().
    void draw(QPainter* painter, const QColor& halo, const QColor& textColor) const;
};

} // namespace meshscope
