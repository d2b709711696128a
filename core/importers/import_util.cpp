#include "import_util.h"

#include "model/meshscope_error.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <charconv>
#include <cmath>
#include <limits>

namespace meshscope::importutil {

QByteArray readWholeFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw MeshscopeError(QCoreApplication::translate("meshscope", "cannot open for reading: %1").arg(file.errorString()), path);
    if (file.size() >= MaxInputBytes)
        throw MeshscopeError(QCoreApplication::translate("meshscope", "file is too large (%1 bytes; at most 2 GiB are accepted)")
                                 .arg(file.size()), path);
    QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError)
        throw MeshscopeError(QCoreApplication::translate("meshscope", "read error: %1").arg(file.errorString()), path);
    return data;
}

void writeWholeFile(const QString& path, const QByteArray& data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw MeshscopeError(QCoreApplication::translate("meshscope", "cannot open for writing: %1").arg(file.errorString()), path);
    if (file.write(data) != data.size() || !file.commit())
        throw MeshscopeError(QCoreApplication::translate("meshscope", "write error: %1").arg(file.errorString()), path);
}

QString sanitizeSignalName(QStringView name)
{
    QString out;
    out.reserve(name.size());
    bool pendingUnderscore = false;
    for (QChar c : name) {
        char16_t u = c.unicode();
        if (u >= 'A' && u <= 'Z')
            u = static_cast<char16_t>(u - 'A' + 'a');
        const bool keep = (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9');
        if (!keep) {
            pendingUnderscore = !out.isEmpty();
            continue;
        }
        if (pendingUnderscore)
            out += QLatin1Char('_');
        pendingUnderscore = false;
        out += QChar(u);
    }
    return out.isEmpty() ? QStringLiteral("value") : out;
}

bool isValidUtf8(const char* data, std::size_t size)
{
    const auto* s = reinterpret_cast<const unsigned char*>(data);
    std::size_t i = 0;
    while (i < size) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int extra = 0;
        unsigned int cp = 0;
        if ((c & 0xE0) == 0xC0) {
            extra = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + static_cast<std::size_t>(extra) >= size)
            return false;
        for (int k = 1; k <= extra; ++k) {
            const unsigned char cc = s[i + static_cast<std::size_t>(k)];
            if ((cc & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        static constexpr unsigned int minimum[] = {0, 0x80, 0x800, 0x10000};
        if (cp < minimum[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += static_cast<std::size_t>(extra) + 1;
    }
    return true;
}

bool parseNumber(std::string_view text, double* out)
{
    if (text.empty())
        return false;
    // Fast path: plain decimal numbers, by far the most common text.
    const char first = text.front();
    if ((first >= '0' && first <= '9') || (first == '-' && text.size() > 1 && text[1] >= '0' && text[1] <= '9')) {
        const char* end = text.data() + text.size();
        const auto [ptr, ec] = std::from_chars(text.data(), end, *out);
        return ec == std::errc() && ptr == end;
    }
    if (text == "NaN" || text == "nan") {
        *out = std::numeric_limits<double>::quiet_NaN();
        return true;
    }
    if (text == "+Inf" || text == "Inf" || text == "+inf" || text == "inf") {
        *out = std::numeric_limits<double>::infinity();
        return true;
    }
    if (text == "-Inf" || text == "-inf") {
        *out = -std::numeric_limits<double>::infinity();
        return true;
    }
    // from_chars rejects a leading '+', which Go and OpenMetrics writers may emit.
    const bool plus = text.front() == '+';
    if (plus)
        text.remove_prefix(1);
    if (text.empty() || text.front() == '+' || (plus && text.front() == '-'))
        return false;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, *out);
    if (ec != std::errc() || ptr != end)
        return false;
    return true;
}

bool secondsToMs(double seconds, qint64* ms)
{
    if (!std::isfinite(seconds) || std::fabs(seconds) > 9.0e12)
        return false;
    // Plain rounding: llround() is a libm call and this runs once per imported sample.
    const double scaled = seconds * 1000.0;
    *ms = static_cast<qint64>(scaled >= 0 ? scaled + 0.5 : scaled - 0.5);
    return true;
}

QString lineWhere(const QString& file, qint64 line)
{
    return QStringLiteral("%1:%2").arg(file).arg(line);
}

QString offsetWhere(const QString& file, qint64 offset)
{
    return QStringLiteral("%1, byte %2").arg(file).arg(offset);
}

QByteArray msToSecondsText(qint64 ms)
{
    const bool negative = ms < 0;
    const qint64 abs = negative ? -ms : ms;
    QByteArray text = QByteArray::number(abs / 1000);
    const qint64 frac = abs % 1000;
    if (frac != 0) {
        QByteArray f = QByteArray::number(frac).rightJustified(3, '0');
        while (f.endsWith('0'))
            f.chop(1);
        text += '.' + f;
    }
    return negative ? QByteArray('-' + text) : text;
}

QByteArray numberText(double value)
{
    if (std::isnan(value))
        return QByteArrayLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QByteArrayLiteral("+Inf") : QByteArrayLiteral("-Inf");
    char buffer[64];
    const auto [ptr, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    if (ec != std::errc())
        return QByteArray::number(value, 'g', 17);
    return QByteArray(buffer, static_cast<qsizetype>(ptr - buffer));
}

} // namespace meshscope::importutil
