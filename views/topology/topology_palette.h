#pragma once

#include "topology_state.h"

#include <QColor>
#include <QPalette>

namespace meshscope {

/// Alpha of the tint that fills a namespace box.
constexpr int ClusterFillAlpha = 28;

/// Colours of the topology, derived from the application palette so that light and dark
/// desktops both read well. Lit things use fixed signal colours that work on both.
struct TopologyPalette
{
    QColor background;
    QColor text;
    QColor edge;        ///< healthy edges: quiet, so lit edges stand out
    QColor node;
    QColor nodeFill;
    QColor cluster;
    QColor clusterText;
    QColor selection;
    QColor anomaly = QColor(0xe5, 0x1c, 0x23);    ///< against its own baseline: glowing red
    QColor degraded = QColor(0xf5, 0x8a, 0x07);   ///< Kiali degraded: dashed orange
    QColor failure = QColor(0xd9, 0x48, 0x01);    ///< Kiali failure: dashed dark orange
    QColor incident = QColor(0xff, 0xd6, 0x00);   ///< marker running along incident edges
    QColor rootCause = QColor(0x8e, 0x24, 0xaa);

    static TopologyPalette fromPalette(const QPalette& palette)
    {
        TopologyPalette p;
        const bool dark = palette.color(QPalette::Window).lightness() < 128;
        p.background = palette.color(QPalette::Base);
        p.text = palette.color(QPalette::Text);
        p.edge = dark ? QColor(0x8a, 0x94, 0xa6) : QColor(0x7a, 0x84, 0x96);
        p.node = dark ? QColor(0x9e, 0xc5, 0xfe) : QColor(0x1f, 0x5f, 0xa8);
        p.nodeFill = dark ? QColor(0x23, 0x34, 0x4d) : QColor(0xe3, 0xee, 0xfb);
        p.cluster = dark ? QColor(0x5a, 0x64, 0x78) : QColor(0xb8, 0xc2, 0xd0);
        p.clusterText = dark ? QColor(0xa0, 0xaa, 0xbb) : QColor(0x5a, 0x64, 0x78);
        p.selection = palette.color(QPalette::Highlight);
        return p;
    }

    /// Opaque colour behind node names: the background under a namespace box's tint, so
    /// the halo hides edges without punching a hole into the box.
    QColor labelHalo() const { return mixed(background, cluster, ClusterFillAlpha / 255.0); }

    /// The opaque colour of `over` drawn with `opacity` on `under`. Opaque colours keep
    /// painting off Qt's thread pool, which blends translucent spans there.
    static QColor mixed(const QColor& under, const QColor& over, double opacity)
    {
        const auto mix = [opacity](float a, float b) { return static_cast<float>(a * (1 - opacity) + b * opacity); };
        return QColor::fromRgbF(mix(under.redF(), over.redF()), mix(under.greenF(), over.greenF()),
            mix(under.blueF(), over.blueF()));
    }

    QColor healthColor(KialiHealth health) const
    {
        switch (health) {
        case KialiHealth::Degraded:
            return degraded;
        case KialiHealth::Failure:
            return failure;
        case KialiHealth::Healthy:
        case KialiHealth::Unknown:
            break;
        }
        return edge;
    }
};

} // namespace meshscope
