#pragma once

// Streaming anomaly detectors: one instance per series, fed sample by sample.

#include "model/signal_names.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <memory>

class QDataStream;

namespace meshscope {

/// What a detector knows after its latest sample, for plots and the timeline.
struct DetectorOutput
{
    double expected = 0;  ///< learned normal value at the latest sample
    double lower = 0;     ///< lower edge of the normal band
    double upper = 0;     ///< upper edge of the normal band
    double deviation = 0; ///< signed distance from `expected` in units of the learned spread
    double score = 0;     ///< 0..1, how anomalous the latest sample is
    bool warm = false;    ///< false while the detector is still learning
};

/// What a detector is told about the series it watches.
struct DetectorConfig
{
    BadDirection direction = BadDirection::Both; ///< deviations the other way score 0
    SignalClass signalClass = SignalClass::Custom;
    double sensitivity = 1.0; ///< >1 scores deviations higher, <1 lower
    double bandWidth = 3.0;   ///< half width of the normal band, in spreads
};

/// A streaming detector: `update()` costs O(1) (amortised) per sample and the whole
/// learned state can be saved to a byte blob and restored, so a recording or a restart
/// resumes warm with exactly the scores an uninterrupted run would give.
class Detector
{
public:
    explicit Detector(const DetectorConfig& config)
        : m_config(config)
    {
    }
    virtual ~Detector() = default;
    Detector(const Detector&) = delete;
    Detector& operator=(const Detector&) = delete;

    /// Short stable name (used by `meshscope-cli score --detector` and in anomalies).
    virtual QString name() const = 0;
    /// Feeds one sample (times must increase) and returns its score in [0,1].
    virtual double update(qint64 tMs, double value) = 0;
    /// State after the latest sample.
    const DetectorOutput& output() const { return m_output; }
    const DetectorConfig& config() const { return m_config; }

    /// The learned state as a versioned blob.
    QByteArray saveState() const;
    /// Restores a blob written by saveState() of a detector with the same name; throws
    /// MeshscopeError when the blob is not such a state.
    void restoreState(const QByteArray& blob);

protected:
    virtual void writeState(QDataStream& out) const = 0;
    virtual void readState(QDataStream& in) = 0;
    /// The score of the latest sample when it was fed without one (m_scoreDeferred; see
    /// the components' observe()): what update() would have set, so the saved state is
    /// the same either way.
    virtual double deferredScore() const { return m_output.score; }
    /// The end of update() for a component whose observe() leaves the score deferred:
    /// scores the sample just observed and returns the score.
    double scoreObservedSample()
    {
        m_scoreDeferred = false;
        m_output.score = deferredScore();
        return m_output.score;
    }

    /// Maps a signed deviation (in spreads) to a 0..1 score, honouring the bad direction
    /// and the sensitivity: 0.5 at 4 spreads. Inline: every detector calls it per sample.
    double scoreDeviation(double deviation) const
    {
        const double z = directed(deviation) * m_config.sensitivity;
        const double zz = z * z;
        return zz / (zz + HalfScoreDeviation * HalfScoreDeviation);
    }
    /// Deviation with the harmless direction zeroed.
    double directed(double deviation) const
    {
        switch (m_config.direction) {
        case BadDirection::Up:
            return std::max(0.0, deviation);
        case BadDirection::Down:
            return std::min(0.0, deviation);
        case BadDirection::Both:
            break;
        }
        return deviation;
    }

    static constexpr double HalfScoreDeviation = 4.0;

    DetectorConfig m_config;
    DetectorOutput m_output;
    bool m_scoreDeferred = false; ///< m_output.score is not the latest sample's (not saved)
};

/// Names of all detectors, the default ensemble first.
QStringList detectorNames();
/// Name of the detector the console uses.
QString defaultDetectorName();
/// A new detector by name, or nullptr for an unknown name.
std::unique_ptr<Detector> createDetector(const QString& name, const DetectorConfig& config = {});

} // namespace meshscope
