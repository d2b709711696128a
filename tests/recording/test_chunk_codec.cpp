#include "recording/chunk_codec.h"

#include "model/meshscope_error.h"

#include <QRandomGenerator>
#include <QTest>

#include <bit>
#include <cmath>
#include <limits>

using namespace meshscope;

using Times = std::vector<qint64>;
using Values = std::vector<double>;
Q_DECLARE_METATYPE(Times)
Q_DECLARE_METATYPE(Values)

namespace {

constexpr double Inf = std::numeric_limits<double>::infinity();

Values randomDoubles(int n, quint32 seed)
{
    QRandomGenerator rng(seed);
    Values out;
    for (int i = 0; i < n; ++i)
        out.push_back(std::bit_cast<double>(rng.generate64()));
    return out;
}

/// Noisy values rounded to `digits` decimals, either as parsed from text (k / 10^d) or
/// as a program rounding by multiplication would (k * 10^-d).
Values rounded(int n, int digits, double level, quint32 seed, bool multiplied = false)
{
    QRandomGenerator rng(seed);
    const double scale = std::pow(10.0, digits);
    const double step = std::pow(10.0, -digits);
    Values out;
    for (int i = 0; i < n; ++i) {
        const double v = level * (1 + 0.3 * std::sin(i / 50.0)) + level * 0.05 * (rng.generateDouble() - 0.5);
        out.push_back(multiplied ? std::round(v / step) * step : std::round(v * scale) / scale);
    }
    return out;
}

Times regularTimes(int n, qint64 start, qint64 step)
{
    Times out;
    for (int i = 0; i < n; ++i)
        out.push_back(start + i * step);
    return out;
}

void compareBits(const Values& actual, const Values& expected)
{
    QCOMPARE(actual.size(), expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i) {
        if (std::bit_cast<quint64>(actual[i]) != std::bit_cast<quint64>(expected[i]))
            QFAIL(qPrintable(QStringLiteral("value %1: got %2, expected %3").arg(i).arg(actual[i]).arg(expected[i])));
    }
}

Values decodeValuesOf(const std::string& encoded, std::size_t count)
{
    Values out;
    ChunkCodec::decodeValues(reinterpret_cast<const unsigned char*>(encoded.data()), encoded.size(), count, out);
    return out;
}

} // namespace

class TestChunkCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void timesRoundTrip_data()
    {
        QTest::addColumn<Times>("times");
        QTest::newRow("empty") << Times {};
        QTest::newRow("single") << Times {1700000000000};
        QTest::newRow("two") << Times {1700000000000, 1700000015000};
        QTest::newRow("regular") << regularTimes(1024, 1700000000000, 15000);
        QTest::newRow("negative") << Times {-5000, -10, 0, 7, 1000000};
        QTest::newRow("extremes") << Times {std::numeric_limits<qint64>::min(), -1, 0,
            std::numeric_limits<qint64>::max()};
        Times jitter;
        QRandomGenerator rng(7);
        qint64 t = 1700000000000;
        for (int i = 0; i < 500; ++i) {
            t += 15000 + rng.bounded(-300, 300) + (i % 97 == 0 ? 600000 : 0);
            jitter.push_back(t);
        }
        QTest::newRow("jittered with gaps") << jitter;
    }

    void timesRoundTrip()
    {
        QFETCH(Times, times);
        std::string encoded;
        ChunkCodec::encodeTimes(times.data(), times.size(), encoded);
        const auto* data = reinterpret_cast<const unsigned char*>(encoded.data());
        QCOMPARE(ChunkCodec::timeCount(data, encoded.size()), times.size());
        Times decoded;
        QCOMPARE(ChunkCodec::decodeTimes(data, encoded.size(), decoded), times.size());
        QCOMPARE(decoded, times);
    }

    void regularTimesCostAlmostNothing()
    {
        const Times times = regularTimes(1024, 1700000000000, 15000);
        std::string encoded;
        ChunkCodec::encodeTimes(times.data(), times.size(), encoded);
        QVERIFY2(encoded.size() <= 16, qPrintable(QString::number(encoded.size())));
    }

    void valuesRoundTrip_data()
    {
        QTest::addColumn<Values>("values");
        QTest::addColumn<int>("encoding");
        const int decimal = int(ChunkCodec::ValueEncoding::Decimal);
        const int xorBits = int(ChunkCodec::ValueEncoding::Xor);
        QTest::newRow("single") << Values {42.5} << decimal;
        QTest::newRow("constant") << Values(1000, 3.25) << decimal;
        QTest::newRow("zeros") << Values(300, 0.0) << decimal;
        QTest::newRow("request rate 0.001") << rounded(1024, 3, 120, 1) << decimal;
        QTest::newRow("latency 0.01") << rounded(1024, 2, 35, 2) << decimal;
        QTest::newRow("error ratio 1e-4") << rounded(1024, 4, 0.002, 3) << decimal;
        QTest::newRow("request rate k*0.001") << rounded(1024, 3, 120, 4, true) << decimal;
        QTest::newRow("latency k*0.01") << rounded(1024, 2, 35, 5, true) << decimal;
        QTest::newRow("error ratio k*1e-4") << rounded(1024, 4, 0.002, 6, true) << decimal;
        QTest::newRow("whole numbers") << Values {1, 2, 3, 1000000, -7} << decimal;
        QTest::newRow("negative decimals") << Values {-1.5, -0.001, 2, -1e6, 0.125} << decimal;
        QTest::newRow("negative zero") << Values {1.0, -0.0, 2.0} << xorBits;
        QTest::newRow("single negative zero") << Values {-0.0} << xorBits;
        QTest::newRow("nan") << Values {1.0, std::numeric_limits<double>::quiet_NaN(), 2.0} << xorBits;
        QTest::newRow("nan payload") << Values {std::bit_cast<double>(quint64(0x7ff8dead0000beefull)), 0.5} << xorBits;
        QTest::newRow("infinities") << Values {Inf, -Inf, 0.0, Inf} << xorBits;
        QTest::newRow("huge") << Values {1e308, -1.7976931348623157e308, 1e300} << xorBits;
        QTest::newRow("tiny") << Values {5e-324, 2.2250738585072014e-308, 1e-300} << xorBits;
        QTest::newRow("not a short decimal") << Values {0.1 + 0.2, 1.0 / 3.0} << xorBits;
        QTest::newRow("too large for decimals") << Values {1e15, 1.5} << xorBits;
        QTest::newRow("random doubles") << randomDoubles(2000, 11) << xorBits;
        QTest::newRow("random unit") << [] {
            Values v;
            QRandomGenerator rng(5);
            for (int i = 0; i < 1000; ++i)
                v.push_back(rng.generateDouble());
            return v;
        }() << xorBits;
    }

    void valuesRoundTrip()
    {
        QFETCH(Values, values);
        QFETCH(int, encoding);
        std::string encoded;
        ChunkCodec::encodeValues(values.data(), values.size(), encoded);
        const auto* data = reinterpret_cast<const unsigned char*>(encoded.data());
        QCOMPARE(int(ChunkCodec::valueEncoding(data, encoded.size())), encoding);
        compareBits(decodeValuesOf(encoded, values.size()), values);
    }

    void constantSeriesCostAlmostNothing()
    {
        const Values values(1024, 0.0);
        std::string encoded;
        ChunkCodec::encodeValues(values.data(), values.size(), encoded);
        QVERIFY2(encoded.size() <= 8, qPrintable(QString::number(encoded.size())));
    }

    void roundedDataIsCompact()
    {
        const Values values = rounded(1024, 2, 35, 9);
        std::string encoded;
        ChunkCodec::encodeValues(values.data(), values.size(), encoded);
        QVERIFY2(encoded.size() < 3 * values.size(), qPrintable(QString::number(encoded.size())));
    }

    void truncatedInputIsRejected()
    {
        const Times times = regularTimes(50, 1700000000000, 15007);
        const Values values = randomDoubles(50, 3);
        std::string t;
        std::string v;
        ChunkCodec::encodeTimes(times.data(), times.size(), t);
        ChunkCodec::encodeValues(values.data(), values.size(), v);
        for (std::size_t cut = 0; cut < t.size(); ++cut) {
            Times out;
            QVERIFY_THROWS_EXCEPTION(MeshscopeError,
                ChunkCodec::decodeTimes(reinterpret_cast<const unsigned char*>(t.data()), cut, out));
        }
        for (std::size_t cut = 0; cut < v.size(); ++cut) {
            Values out;
            QVERIFY_THROWS_EXCEPTION(MeshscopeError,
                ChunkCodec::decodeValues(reinterpret_cast<const unsigned char*>(v.data()), cut, values.size(), out));
        }
    }

    void garbageNeverCrashes()
    {
        QRandomGenerator rng(1234);
        int rejected = 0;
        for (int round = 0; round < 3000; ++round) {
            std::string bytes(rng.bounded(0, 40), '\0');
            for (char& c : bytes)
                c = static_cast<char>(rng.bounded(256));
            const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
            try {
                Times times;
                ChunkCodec::decodeTimes(data, bytes.size(), times);
                Values values;
                ChunkCodec::decodeValues(data, bytes.size(), rng.bounded(0, 64), values);
            } catch (const MeshscopeError& e) {
                QVERIFY(QString::fromUtf8(e.what()).contains(QLatin1String("corrupt")));
                ++rejected;
            }
        }
        QVERIFY(rejected > 0);
    }
};

QTEST_GUILESS_MAIN(TestChunkCodec)
#include "test_chunk_codec.moc"
