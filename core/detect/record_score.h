#pragma once

#include <QDataStream>
#include <QtGlobal>

#include <limits>

namespace meshscope {

/// Raw score for a value beyond anything the series has shown: how far the value lies
/// above the highest or below the lowest value learnt so far, in widths of that range
/// (signed: > 0 above, < 0 below, 0 inside). Latency above its worst ever, traffic below
/// its quietest: the adaptive baselines may have learnt a slow drift or a noisy normal
/// and call such a value ordinary, while for the person on call it is new. The range is
/// never forgotten (a recording or a session is the history). Silent while the series
/// is young (the first 64 samples and its first day), since a young series sets records
/// all the time; a series that never moved (range 0) has no records, the level and
/// change-point detectors judge its first step. Non-finite values are ignored. O(1).
class RecordScore
{
public:
    static constexpr long long WarmupSamples = 64;
    static constexpr qint64 WarmupMs = 24 * 3600 * 1000LL;

    /// Feeds one value and returns its excess beyond the range learnt before it.
    double update(qint64 tMs, double value);

    void write(QDataStream& out) const;
    void read(QDataStream& in);

private:
    long long m_count = 0;
    qint64 m_firstMs = 0;
    double m_lowest = std::numeric_limits<double>::infinity();
    double m_highest = -std::numeric_limits<double>::infinity();
};

} // namespace meshscope
