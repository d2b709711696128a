#pragma once

#include "detector.h"

#include <array>

namespace meshscope {

/// SLO burn-rate detector for error ratios (Google SRE workbook, multi-window,
/// multi-burn-rate): the error ratio averaged over a long and a short window, divided
/// by the error budget (1 - objective), must exceed the rule's burn rate in both
/// windows. Rules: 1 h & 5 min at 14.4 (2% of a 30-day budget in an hour), 6 h & 30 min
/// at 6. Windows are exponential averages in real time, so gaps are handled.
class BurnRateDetector final : public Detector
{
public:
    explicit BurnRateDetector(const DetectorConfig& config, double objective = 0.999);

    QString name() const override { return QStringLiteral("burnrate"); }
    double update(qint64 tMs, double value) override;
    /// Burn rate (error ratio / budget) over the window of index i (5m, 30m, 1h, 6h).
    double burnRate(int window) const;

private:
    void writeState(QDataStream& out) const override;
    void readState(QDataStream& in) override;

    static constexpr int WindowCount = 4;
    double m_budget;
    std::array<double, WindowCount> m_average {};
    qint64 m_lastMs = 0;
    qint64 m_firstMs = 0;
    bool m_started = false;
    // Not state: the smoothing factors of the last step, recomputed when the step changes
    // (samples usually come at a fixed step, and four exp() per sample dominated the cost).
    qint64 m_alphaStepMs = -1;
    std::array<double, WindowCount> m_alpha {};
};

} // namespace meshscope
