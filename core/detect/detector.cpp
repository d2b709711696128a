#include "detector.h"

#include "burn_rate_detector.h"
#include "change_point_detector.h"
#include "ensemble_detector.h"
#include "level_detector.h"
#include "seasonal_detector.h"
#include "spike_detector.h"

#include "model/meshscope_error.h"

#include <QDataStream>
#include <QIODevice>

#include <cmath>

namespace meshscope {

namespace {
constexpr quint32 StateMagic = 0x4d534454; // "MSDT"
constexpr quint16 StateVersion = 4;

void configureStream(QDataStream& stream)
{
    stream.setVersion(QDataStream::Qt_6_0);
    stream.setFloatingPointPrecision(QDataStream::DoublePrecision);
}
} // namespace

QByteArray Detector::saveState() const
{
    QByteArray blob;
    QDataStream out(&blob, QIODevice::WriteOnly);
    configureStream(out);
    out << StateMagic << StateVersion << name();
    out << m_output.expected << m_output.lower << m_output.upper << m_output.deviation
        << (m_scoreDeferred ? deferredScore() : m_output.score) << m_output.warm;
    writeState(out);
    return blob;
}

void Detector::restoreState(const QByteArray& blob)
{
    QDataStream in(blob);
    configureStream(in);
    quint32 magic = 0;
    quint16 version = 0;
    QString stored;
    in >> magic >> version >> stored;
    if (magic != StateMagic || version != StateVersion)
        throw MeshscopeError(QStringLiteral("not a detector state of version %1").arg(StateVersion));
    if (stored != name())
        throw MeshscopeError(
            QStringLiteral("detector state belongs to detector '%1', not '%2'").arg(stored, name()));
    in >> m_output.expected >> m_output.lower >> m_output.upper >> m_output.deviation >> m_output.score
        >> m_output.warm;
    m_scoreDeferred = false;
    readState(in);
    if (in.status() != QDataStream::Ok)
        throw MeshscopeError(QStringLiteral("detector state of '%1' is truncated or corrupt").arg(name()));
}

QStringList detectorNames()
{
    return {QStringLiteral("ensemble"), QStringLiteral("seasonal"), QStringLiteral("level"),
        QStringLiteral("changepoint"), QStringLiteral("spike"), QStringLiteral("burnrate")};
}

QString defaultDetectorName()
{
    return QStringLiteral("ensemble");
}

std::unique_ptr<Detector> createDetector(const QString& name, const DetectorConfig& config)
{
    if (name == QLatin1String("ensemble"))
        return std::make_unique<EnsembleDetector>(config);
    if (name == QLatin1String("seasonal"))
        return std::make_unique<SeasonalDetector>(config);
    if (name == QLatin1String("level"))
        return std::make_unique<LevelDetector>(config);
    if (name == QLatin1String("changepoint"))
        return std::make_unique<ChangePointDetector>(config);
    if (name == QLatin1String("spike"))
        return std::make_unique<SpikeDetector>(config);
    if (name == QLatin1String("burnrate"))
        return std::make_unique<BurnRateDetector>(config);
    return nullptr;
}

} // namespace meshscope
