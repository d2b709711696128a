#include "record_score.h"

#include <algorithm>
#include <cmath>

namespace meshscope {

double RecordScore::update(qint64 tMs, double value)
{
    if (!std::isfinite(value))
        return 0;
    double excess = 0;
    const double width = m_highest - m_lowest;
    if (m_count >= WarmupSamples && tMs - m_firstMs >= WarmupMs && width > 0) {
        if (value > m_highest)
            excess = (value - m_highest) / width;
        else if (value < m_lowest)
            excess = (value - m_lowest) / width;
    }
    if (m_count++ == 0)
        m_firstMs = tMs;
    m_lowest = std::min(m_lowest, value);
    m_highest = std::max(m_highest, value);
    return excess;
}

void RecordScore::write(QDataStream& out) const
{
    out << qint64(m_count) << m_firstMs << m_lowest << m_highest;
}

void RecordScore::read(QDataStream& in)
{
    qint64 count = 0;
    in >> count >> m_firstMs >> m_lowest >> m_highest;
    m_count = count;
}

} // namespace meshscope
