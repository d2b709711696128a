#include "chunk_codec.h"

#include "model/meshscope_error.h"

#include <QCoreApplication>

#include <bit>
#include <cmath>
#include <cstring>

namespace meshscope::ChunkCodec {
namespace {

// A chunk never holds more samples than this; a larger count means damaged data and
// must not make the decoder allocate gigabytes.
constexpr std::uint64_t MaxChunkSamples = std::uint64_t(1) << 24;

constexpr double Pow10[MaxDecimalDigits + 1] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
constexpr double NegPow10[MaxDecimalDigits + 1] = {1e0, 1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9};
// Integers up to 2^53 convert to double exactly; keep a margin so k * 10 stays exact too.
constexpr double MaxExactInteger = 9.0e14;

[[noreturn]] void damaged(const char* what)
{
    throw MeshscopeError(QCoreApplication::translate("meshscope",
        "The recording is corrupt: a data chunk is damaged (%1). Restore the file from its source.")
                             .arg(QLatin1String(what)));
}

inline std::uint64_t zigzag(std::int64_t v)
{
    return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
}

inline std::int64_t unzigzag(std::uint64_t u)
{
    return static_cast<std::int64_t>(u >> 1) ^ -static_cast<std::int64_t>(u & 1);
}

inline unsigned char* putVarint(unsigned char* p, std::uint64_t v)
{
    while (v >= 0x80) {
        *p++ = static_cast<unsigned char>(v | 0x80);
        v >>= 7;
    }
    *p++ = static_cast<unsigned char>(v);
    return p;
}

/// Bounds-checked reading of an encoded column.
struct ByteCursor
{
    const unsigned char* p;
    const unsigned char* end;

    std::uint64_t varint()
    {
        // Fast path: most numbers are one byte.
        if (p != end && *p < 0x80)
            return *p++;
        std::uint64_t result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (p == end)
                damaged("it ends inside a number");
            const unsigned char b = *p++;
            result |= std::uint64_t(b & 0x7f) << shift;
            if (!(b & 0x80))
                return result;
        }
        damaged("a number is too long");
    }
    unsigned char byte()
    {
        if (p == end)
            damaged("it ends early");
        return *p++;
    }
    void expectEnd() const
    {
        if (p != end)
            damaged("unexpected bytes after the data");
    }
};

/// Writes a sequence of integer steps where a run of zero steps is one 0 token followed
/// by the run length minus one; a non-zero step is its zigzag encoding (never 0).
class StepWriter
{
public:
    explicit StepWriter(unsigned char* p)
        : m_p(p)
    {
    }
    void put(std::int64_t step)
    {
        if (step == 0) {
            ++m_zeros;
            return;
        }
        flushZeros();
        m_p = putVarint(m_p, zigzag(step));
    }
    unsigned char* finish()
    {
        flushZeros();
        return m_p;
    }

private:
    void flushZeros()
    {
        if (m_zeros == 0)
            return;
        *m_p++ = 0;
        m_p = putVarint(m_p, m_zeros - 1);
        m_zeros = 0;
    }
    unsigned char* m_p;
    std::uint64_t m_zeros = 0;
};

/// Reads `count` steps written by StepWriter, calling `onStep(step)` for each.
template<typename OnStep>
void readSteps(ByteCursor& in, std::size_t count, OnStep onStep)
{
    std::size_t done = 0;
    while (done < count) {
        const std::uint64_t token = in.varint();
        if (token != 0) {
            onStep(unzigzag(token));
            ++done;
            continue;
        }
        const std::uint64_t run = in.varint() + 1;
        if (run > count - done)
            damaged("a run is longer than the chunk");
        for (std::uint64_t i = 0; i < run; ++i)
            onStep(0);
        done += run;
    }
}

class BitWriter
{
public:
    explicit BitWriter(unsigned char* p)
        : m_p(p)
    {
    }
    /// Writes the low `n` bits of `v`, most significant first; n <= 64.
    void put(std::uint64_t v, int n)
    {
        if (n > 32) {
            putSmall(v >> 32, n - 32);
            putSmall(v & 0xffffffffu, 32);
        } else {
            putSmall(v, n);
        }
    }
    unsigned char* finish()
    {
        if (m_bits > 0)
            *m_p++ = static_cast<unsigned char>(m_acc << (8 - m_bits));
        return m_p;
    }

private:
    void putSmall(std::uint64_t v, int n)
    {
        m_acc = (m_acc << n) | v;
        m_bits += n;
        while (m_bits >= 8) {
            m_bits -= 8;
            *m_p++ = static_cast<unsigned char>(m_acc >> m_bits);
        }
    }
    unsigned char* m_p;
    std::uint64_t m_acc = 0;
    int m_bits = 0;
};

class BitReader
{
public:
    explicit BitReader(ByteCursor& in)
        : m_in(in)
    {
    }
    std::uint64_t get(int n)
    {
        if (n > 32) {
            const std::uint64_t high = getSmall(n - 32);
            return (high << 32) | getSmall(32);
        }
        return getSmall(n);
    }

private:
    std::uint64_t getSmall(int n)
    {
        if (n == 0)
            return 0;
        while (m_bits < n) {
            m_acc = (m_acc << 8) | m_in.byte();
            m_bits += 8;
        }
        m_bits -= n;
        return (m_acc >> m_bits) & ((std::uint64_t(1) << n) - 1);
    }
    ByteCursor& m_in;
    std::uint64_t m_acc = 0;
    int m_bits = 0;
};

inline std::uint64_t bitsOf(double v) { return std::bit_cast<std::uint64_t>(v); }

/// How a decimal k is turned back into its double. Data parsed from text is k / 10^d
/// (correctly rounded); data rounded in a program is often k * 10^-d, which can differ in
/// the last bit, so both are tried.
enum class DecimalForm : unsigned char { Divide = 0, Multiply = 0x80 };

inline double fromDecimal(std::int64_t k, int d, DecimalForm form)
{
    return form == DecimalForm::Divide ? static_cast<double>(k) / Pow10[d] : static_cast<double>(k) * NegPow10[d];
}

/// k with fromDecimal(k, d, form) == v bit for bit, if there is one.
inline bool decimalOf(double v, int d, DecimalForm form, std::int64_t* k)
{
    const double scaled = v * Pow10[d];
    if (!(std::fabs(scaled) < MaxExactInteger))
        return false;
    *k = static_cast<std::int64_t>(std::nearbyint(scaled));
    return bitsOf(fromDecimal(*k, d, form)) == bitsOf(v);
}

/// Finds the smallest d for which every value is fromDecimal(k, d, form).
bool toDecimal(const double* values, std::size_t count, DecimalForm form, std::vector<std::int64_t>& ks, int* digits)
{
    ks.resize(count);
    int d = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const double v = values[i];
        if (!std::isfinite(v) || (v == 0 && std::signbit(v)))
            return false;
        while (!decimalOf(v, d, form, &ks[i])) {
            if (++d > MaxDecimalDigits)
                return false;
            if (form == DecimalForm::Multiply) {
                i = std::size_t(-1); // start over: scaling k does not keep k * 10^-d exact
                break;
            }
            // k / 10^d and (10 k) / 10^(d+1) are the same real number, so the correctly
            // rounded division gives the same double: earlier values stay exact.
            for (std::size_t j = 0; j < i; ++j) {
                if (std::abs(ks[j]) * 10 >= static_cast<std::int64_t>(MaxExactInteger))
                    return false;
                ks[j] *= 10;
            }
        }
    }
    *digits = d;
    return true;
}

unsigned char* encodeXor(const double* values, std::size_t count, unsigned char* p)
{
    BitWriter out(p);
    std::uint64_t prev = bitsOf(values[0]);
    out.put(prev, 64);
    int prevLead = -1;
    int prevTrail = 0;
    for (std::size_t i = 1; i < count; ++i) {
        const std::uint64_t cur = bitsOf(values[i]);
        const std::uint64_t x = cur ^ prev;
        prev = cur;
        if (x == 0) {
            out.put(0, 1);
            continue;
        }
        const int lead = std::min(std::countl_zero(x), 31);
        const int trail = std::countr_zero(x);
        if (prevLead >= 0 && lead >= prevLead && trail >= prevTrail) {
            out.put(2, 2);
            out.put(x >> prevTrail, 64 - prevLead - prevTrail);
        } else {
            const int length = 64 - lead - trail;
            out.put(3, 2);
            out.put(static_cast<std::uint64_t>(lead), 5);
            out.put(static_cast<std::uint64_t>(length - 1), 6);
            out.put(x >> trail, length);
            prevLead = lead;
            prevTrail = trail;
        }
    }
    return out.finish();
}

void decodeXor(ByteCursor& in, std::size_t count, std::vector<double>& out)
{
    BitReader bits(in);
    std::uint64_t prev = bits.get(64);
    out.push_back(std::bit_cast<double>(prev));
    int lead = -1;
    int trail = 0;
    for (std::size_t i = 1; i < count; ++i) {
        if (bits.get(1) != 0) {
            if (bits.get(1) != 0) {
                lead = static_cast<int>(bits.get(5));
                const int length = static_cast<int>(bits.get(6)) + 1;
                trail = 64 - lead - length;
                if (trail < 0)
                    damaged("a value's bit window is invalid");
            } else if (lead < 0) {
                damaged("a value refers to a missing bit window");
            }
            prev ^= bits.get(64 - lead - trail) << trail;
        }
        out.push_back(std::bit_cast<double>(prev));
    }
}

} // namespace

void encodeTimes(const qint64* timesMs, std::size_t count, std::string& out)
{
    const std::size_t base = out.size();
    out.resize(base + 12 * count + 24);
    auto* start = reinterpret_cast<unsigned char*>(out.data() + base);
    unsigned char* p = putVarint(start, count);
    if (count > 0)
        p = putVarint(p, zigzag(timesMs[0]));
    if (count > 1) {
        // Unsigned arithmetic wraps instead of overflowing and round-trips exactly.
        std::uint64_t prevDelta = std::uint64_t(timesMs[1]) - std::uint64_t(timesMs[0]);
        p = putVarint(p, zigzag(static_cast<std::int64_t>(prevDelta)));
        StepWriter steps(p);
        for (std::size_t i = 2; i < count; ++i) {
            const std::uint64_t delta = std::uint64_t(timesMs[i]) - std::uint64_t(timesMs[i - 1]);
            steps.put(static_cast<std::int64_t>(delta - prevDelta));
            prevDelta = delta;
        }
        p = steps.finish();
    }
    out.resize(base + static_cast<std::size_t>(p - start));
}

std::size_t timeCount(const unsigned char* data, std::size_t size)
{
    ByteCursor in {data, data + size};
    const std::uint64_t count = in.varint();
    if (count > MaxChunkSamples)
        damaged("the sample count is impossible");
    return static_cast<std::size_t>(count);
}

std::size_t decodeTimes(const unsigned char* data, std::size_t size, std::vector<qint64>& out)
{
    ByteCursor in {data, data + size};
    const std::uint64_t count = in.varint();
    if (count > MaxChunkSamples)
        damaged("the sample count is impossible");
    if (count == 0) {
        in.expectEnd();
        return 0;
    }
    out.reserve(out.size() + count);
    std::uint64_t t = static_cast<std::uint64_t>(unzigzag(in.varint()));
    out.push_back(static_cast<qint64>(t));
    if (count > 1) {
        std::uint64_t delta = static_cast<std::uint64_t>(unzigzag(in.varint()));
        t += delta;
        out.push_back(static_cast<qint64>(t));
        readSteps(in, count - 2, [&](std::int64_t dod) {
            delta += static_cast<std::uint64_t>(dod);
            t += delta;
            out.push_back(static_cast<qint64>(t));
        });
    }
    in.expectEnd();
    return static_cast<std::size_t>(count);
}

void encodeValues(const double* values, std::size_t count, std::string& out)
{
    const std::size_t base = out.size();
    out.resize(base + 12 * count + 24);
    auto* start = reinterpret_cast<unsigned char*>(out.data() + base);
    unsigned char* p = start;
    thread_local std::vector<std::int64_t> ks;
    int digits = 0;
    DecimalForm form = DecimalForm::Divide;
    bool decimal = count > 0 && toDecimal(values, count, form, ks, &digits);
    if (count > 0 && !decimal) {
        form = DecimalForm::Multiply;
        decimal = toDecimal(values, count, form, ks, &digits);
    }
    if (decimal) {
        *p++ = static_cast<unsigned char>(ValueEncoding::Decimal);
        *p++ = static_cast<unsigned char>(digits | static_cast<int>(form));
        p = putVarint(p, zigzag(ks[0]));
        StepWriter steps(p);
        for (std::size_t i = 1; i < count; ++i)
            steps.put(ks[i] - ks[i - 1]);
        p = steps.finish();
    } else {
        *p++ = static_cast<unsigned char>(ValueEncoding::Xor);
        if (count > 0)
            p = encodeXor(values, count, p);
    }
    out.resize(base + static_cast<std::size_t>(p - start));
}

void decodeValues(const unsigned char* data, std::size_t size, std::size_t count, std::vector<double>& out)
{
    ByteCursor in {data, data + size};
    const unsigned char tag = in.byte();
    out.reserve(out.size() + count);
    if (tag == static_cast<unsigned char>(ValueEncoding::Decimal)) {
        const int scaleByte = in.byte();
        const int digits = scaleByte & 0x7f;
        if (digits > MaxDecimalDigits)
            damaged("the decimal scale is invalid");
        if (count > 0) {
            const auto form = static_cast<DecimalForm>(scaleByte & 0x80);
            // Unsigned so damaged steps wrap instead of overflowing.
            std::uint64_t k = static_cast<std::uint64_t>(unzigzag(in.varint()));
            out.push_back(fromDecimal(static_cast<std::int64_t>(k), digits, form));
            if (form == DecimalForm::Divide) {
                const double scale = Pow10[digits];
                readSteps(in, count - 1, [&](std::int64_t step) {
                    k += static_cast<std::uint64_t>(step);
                    out.push_back(static_cast<double>(static_cast<std::int64_t>(k)) / scale);
                });
            } else {
                const double scale = NegPow10[digits];
                readSteps(in, count - 1, [&](std::int64_t step) {
                    k += static_cast<std::uint64_t>(step);
                    out.push_back(static_cast<double>(static_cast<std::int64_t>(k)) * scale);
                });
            }
        }
    } else if (tag == static_cast<unsigned char>(ValueEncoding::Xor)) {
        if (count > 0)
            decodeXor(in, count, out);
    } else {
        damaged("unknown value encoding");
    }
    in.expectEnd();
}

namespace {

// Word-at-a-time multiply-xorshift hash: detects damage, costs well under a nanosecond
// per encoded byte. Not cryptographic, and it need not be.
std::uint64_t mixBytes(std::uint64_t h, const unsigned char* data, std::size_t size)
{
    constexpr std::uint64_t Prime = 0x9E3779B97F4A7C15ull;
    std::size_t i = 0;
    for (; i + 8 <= size; i += 8) {
        std::uint64_t word;
        std::memcpy(&word, data + i, 8);
        h = (h ^ word) * Prime;
        h ^= h >> 29;
    }
    std::uint64_t tail = size;
    for (; i < size; ++i)
        tail = (tail << 8) | data[i];
    h = (h ^ tail) * Prime;
    return h ^ (h >> 32);
}

} // namespace

std::uint64_t checksum(const unsigned char* times, std::size_t timesSize, const unsigned char* values,
    std::size_t valuesSize)
{
    return mixBytes(mixBytes(0x6D65736872656331ull, times, timesSize), values, valuesSize);
}

ValueEncoding valueEncoding(const unsigned char* data, std::size_t size)
{
    if (size == 0 || (data[0] != static_cast<unsigned char>(ValueEncoding::Decimal)
                         && data[0] != static_cast<unsigned char>(ValueEncoding::Xor)))
        damaged("unknown value encoding");
    return static_cast<ValueEncoding>(data[0]);
}

} // namespace meshscope::ChunkCodec
