#pragma once

#include "detection.h"

#include "model/entity.h"

#include <QHash>
#include <QString>

namespace meshscope {

/// How a person tuned one series' alerting: its own sensitivity (multiplies the global
/// one) and whether it is muted (learned and drawn, never alerted).
struct SeriesTuning
{
    double sensitivity = 1.0;
    bool muted = false;

    bool isDefault() const { return sensitivity == 1.0 && !muted; }
    friend bool operator==(const SeriesTuning&, const SeriesTuning&) = default;
};

/// Per-series tuning of the detectors, shared by the console (which saves it when the
/// user changes it) and `meshscope-cli investigate --tuning FILE`. Series are named by
/// entity and signal, so the tuning of a mesh applies to every recording and live
/// session of it. The file is JSON:
/// `{"version": 1, "series": [{"entity": E, "signal": S, "sensitivity": X, "muted": B}]}`.
class DetectionTuning
{
public:
    /// Sensitivities outside this range are refused: 0.25× is nearly deaf, 4× alerts on noise.
    static constexpr double MinSensitivity = 0.25;
    static constexpr double MaxSensitivity = 4.0;

    SeriesTuning tuningOf(const SeriesKey& key) const { return m_series.value(key); }
    /// Sets (or, for the default, forgets) the tuning of one series.
    void setTuning(const SeriesKey& key, const SeriesTuning& tuning);
    bool isEmpty() const { return m_series.isEmpty(); }
    qsizetype size() const { return m_series.size(); }
    const QHash<SeriesKey, SeriesTuning>& series() const { return m_series; }

    /// `base` with the muted series and per-series sensitivities of this tuning.
    DetectionSettings applyTo(DetectionSettings base) const;

    QByteArray toJson() const;
    /// Throws MeshscopeError naming what is wrong (malformed JSON, a newer version, a
    /// sensitivity out of range).
    static DetectionTuning fromJson(const QByteArray& json);
    /// Reads a tuning file; a missing file is an empty tuning, an unreadable one throws.
    static DetectionTuning load(const QString& path);
    /// Writes atomically (a failed save leaves the previous file intact); throws on failure.
    void save(const QString& path) const;

    friend bool operator==(const DetectionTuning&, const DetectionTuning&) = default;

private:
    QHash<SeriesKey, SeriesTuning> m_series;
};

} // namespace meshscope
