#pragma once

// Small helpers shared by the importers and exporters (internal to core/importers).

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <cstddef>
#include <string_view>

namespace meshscope::importutil {

/// Largest single input file the importers accept; beyond it a clear error beats
/// running out of memory.
inline constexpr qint64 MaxInputBytes = qint64(1) << 31;

/// Reads a whole file; throws MeshscopeError naming the file when it cannot.
QByteArray readWholeFile(const QString& path);
/// Writes a whole file atomically enough for exports; throws MeshscopeError.
void writeWholeFile(const QString& path, const QByteArray& data);

/// `[a-z0-9_]+` from any metric or file name: lower-cased, other characters become `_`,
/// runs of `_` collapse, leading/trailing `_` dropped; "value" when nothing is left.
QString sanitizeSignalName(QStringView name);

/// Strict UTF-8 validation (no overlongs, no surrogates).
bool isValidUtf8(const char* data, std::size_t size);

/// Parses a Prometheus/OpenMetrics number: decimal or exponent form, "NaN", "+Inf",
/// "-Inf", "Inf". False when the whole text is not a number.
bool parseNumber(std::string_view text, double* out);

/// Seconds (possibly fractional) to milliseconds, rounded; false when out of range.
bool secondsToMs(double seconds, qint64* ms);

/// "file:line" for error messages.
QString lineWhere(const QString& file, qint64 line);
/// "file, byte N" for error messages.
QString offsetWhere(const QString& file, qint64 offset);

/// Seconds text for a millisecond time: "1681384200" or "1681384200.25".
QByteArray msToSecondsText(qint64 ms);
/// Shortest text that reads back to the same double ("NaN", "+Inf", "-Inf" too).
QByteArray numberText(double value);

} // namespace meshscope::importutil
