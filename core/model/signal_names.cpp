#include "signal_names.h"

namespace meshscope {

SignalClass signalClass(QStringView signal)
{
    if (signal == SignalName::RequestRate)
        return SignalClass::Traffic;
    if (signal == SignalName::ErrorRatio)
        return SignalClass::Errors;
    if (signal.startsWith(u"latency_"))
        return SignalClass::Latency;
    if (signal == SignalName::Cpu || signal == SignalName::Memory)
        return SignalClass::Saturation;
    if (signal == SignalName::TcpSent || signal == SignalName::TcpReceived || signal == SignalName::NetworkRx
        || signal == SignalName::NetworkTx)
        return SignalClass::Bytes;
    return SignalClass::Custom;
}

BadDirection badDirection(QStringView signal)
{
    switch (signalClass(signal)) {
    case SignalClass::Traffic:
        return BadDirection::Down;
    case SignalClass::Errors:
    case SignalClass::Latency:
    case SignalClass::Saturation:
        return BadDirection::Up;
    case SignalClass::Bytes:
    case SignalClass::Custom:
        break;
    }
    return BadDirection::Both;
}

bool isRecognisedSignal(QStringView signal)
{
    static const QString known[] = {SignalName::RequestRate, SignalName::ErrorRatio, SignalName::LatencyAvg,
        SignalName::LatencyP50, SignalName::LatencyP90, SignalName::LatencyP95, SignalName::LatencyP99,
        SignalName::TcpSent, SignalName::TcpReceived, SignalName::Cpu, SignalName::Memory, SignalName::NetworkRx,
        SignalName::NetworkTx};
    for (const QString& name : known) {
        if (signal == name)
            return true;
    }
    return false;
}

bool isValidSignalName(QStringView signal)
{
    if (signal.isEmpty())
        return false;
    for (QChar c : signal) {
        const char16_t u = c.unicode();
        if (!((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '_'))
            return false;
    }
    return true;
}

QString signalUnit(QStringView signal)
{
    switch (signalClass(signal)) {
    case SignalClass::Traffic:
        return QStringLiteral("req/s");
    case SignalClass::Errors:
        return QStringLiteral("ratio");
    case SignalClass::Latency:
        return QStringLiteral("ms");
    case SignalClass::Bytes:
        return signal.startsWith(u"tcp_") ? QStringLiteral("B/s") : QString();
    case SignalClass::Saturation:
    case SignalClass::Custom:
        break;
    }
    return QString();
}

} // namespace meshscope
