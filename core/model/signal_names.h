#pragma once

#include <QString>
#include <QStringView>

namespace meshscope {

/// Names of the recognised signals (CASE-FORMAT.md "Recognised signals" plus TCP bytes).
/// Any other `[a-z0-9_]+` name is a custom signal.
namespace SignalName {
inline const QString RequestRate = QStringLiteral("request_rate");
inline const QString ErrorRatio = QStringLiteral("error_ratio");
inline const QString LatencyAvg = QStringLiteral("latency_avg_ms");
inline const QString LatencyP50 = QStringLiteral("latency_p50_ms");
inline const QString LatencyP90 = QStringLiteral("latency_p90_ms");
inline const QString LatencyP95 = QStringLiteral("latency_p95_ms");
inline const QString LatencyP99 = QStringLiteral("latency_p99_ms");
inline const QString TcpSent = QStringLiteral("tcp_sent_bytes");
inline const QString TcpReceived = QStringLiteral("tcp_received_bytes");
inline const QString Cpu = QStringLiteral("cpu");
inline const QString Memory = QStringLiteral("memory");
inline const QString NetworkRx = QStringLiteral("network_rx");
inline const QString NetworkTx = QStringLiteral("network_tx");
} // namespace SignalName

/// Which way a signal goes when something is wrong.
enum class BadDirection { Up, Down, Both };

/// The kind of quantity a signal measures; drives units, plots and detector defaults.
enum class SignalClass { Traffic, Errors, Latency, Saturation, Bytes, Custom };

SignalClass signalClass(QStringView signal);
BadDirection badDirection(QStringView signal);
bool isRecognisedSignal(QStringView signal);
/// `[a-z0-9_]+`
bool isValidSignalName(QStringView signal);
/// Unit shown next to values ("req/s", "ms", "%", "" when unknown).
QString signalUnit(QStringView signal);

} // namespace meshscope
