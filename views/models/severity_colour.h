#pragma once

#include <QColor>

namespace meshscope {

/// The one colour scale for significance (0..100) used by the timeline bars, the plots'
/// anomaly spans and the charts: amber for weak alerts through to red for strong ones.
inline QColor severityColour(double significance)
{
    const double t = qBound(0.0, (significance - 40.0) / 60.0, 1.0);
    // hue 45° (amber) → 0° (red); keep saturation high so it reads on light and dark themes
    return QColor::fromHsvF(static_cast<float>((45.0 - 45.0 * t) / 360.0), 0.85f, 0.9f);
}

} // namespace meshscope
