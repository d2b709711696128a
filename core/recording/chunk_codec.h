#pragma once

// Compression of one chunk of one series: timestamps and values as separate columns.

#include <QtGlobal>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace meshscope {

/// Lossless codec for the columnar chunks of a recording.
///
/// Times: varint count, zigzag varint first time and first delta, then zigzag varint
/// delta-of-deltas where a run of zeros (a regular scrape interval) is one 0 followed by
/// a varint run length, so a regular series costs a few bytes per chunk.
///
/// Values: one tag byte, then either
/// - Decimal: every value is exactly k / 10^d for one small d (data rounded by its
///   source): d, then zigzag varint deltas of k;
/// - Xor: Gorilla-style XOR of consecutive IEEE bit patterns, bit packed (any doubles,
///   NaN payloads, infinities and -0.0 included).
///
/// Decoders check every bound and throw MeshscopeError on damaged input.
namespace ChunkCodec {

enum class ValueEncoding : std::uint8_t { Decimal = 1, Xor = 2 };

/// Largest number of decimal digits the Decimal encoding tries.
inline constexpr int MaxDecimalDigits = 9;

/// Appends the encoded times to `out`.
void encodeTimes(const qint64* timesMs, std::size_t count, std::string& out);
/// Appends the encoded values to `out`; picks Decimal when it is lossless, else Xor.
void encodeValues(const double* values, std::size_t count, std::string& out);

/// Number of samples an encoded times column holds (reads only its header).
std::size_t timeCount(const unsigned char* data, std::size_t size);
/// Appends the decoded times to `out`; returns how many were decoded.
std::size_t decodeTimes(const unsigned char* data, std::size_t size, std::vector<qint64>& out);
/// Appends `count` decoded values to `out`.
void decodeValues(const unsigned char* data, std::size_t size, std::size_t count, std::vector<double>& out);

/// A 64-bit checksum of an encoded chunk (its times, then its values), stored beside it
/// so damage inside a chunk is detected instead of read as wrong samples.
std::uint64_t checksum(const unsigned char* times, std::size_t timesSize, const unsigned char* values,
    std::size_t valuesSize);

/// The encoding `encodeValues` chose for an encoded column (for tests and statistics).
ValueEncoding valueEncoding(const unsigned char* data, std::size_t size);

} // namespace ChunkCodec
} // namespace meshscope
