#include "openmetrics_parser.h"

#include "import_util.h"
#include "model/meshscope_error.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstring>
#include <string_view>

namespace meshscope {

namespace {

bool isNameStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
}

bool isNameChar(char c)
{
    return isNameStart(c) || (c >= '0' && c <= '9');
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

/// The base family of a sample name (`foo_total` -> `foo` for counters etc.).
QString familyOf(const QString& name, const QHash<QString, QString>& types)
{
    static const char* const suffixes[] = {"_total", "_created", "_bucket", "_sum", "_count", "_info"};
    if (types.contains(name))
        return name;
    for (const char* suffix : suffixes) {
        const QLatin1String s(suffix);
        if (name.endsWith(s)) {
            const QString base = name.left(name.size() - s.size());
            if (types.contains(base))
                return base;
        }
    }
    return name;
}

} // namespace

QString RawSeries::label(QStringView labelName) const
{
    for (const auto& [key, value] : labels) {
        if (key == labelName)
            return value;
    }
    return {};
}

bool RawSeriesSet::isCounter(const RawSeries& s) const
{
    const QString type = familyTypes.value(familyOf(s.name, familyTypes));
    if (!type.isEmpty())
        return type == QLatin1String("counter") && !s.name.endsWith(QLatin1String("_created"));
    return s.name.endsWith(QLatin1String("_total"));
}

OpenMetricsParser::OpenMetricsParser(RawSeriesSet& out)
    : m_out(out)
{
}

void OpenMetricsParser::fail(const QString& message) const
{
    throw MeshscopeError(message, importutil::lineWhere(m_where, m_line));
}

void OpenMetricsParser::parse(const QByteArray& text, const QString& where, const JobControl* job)
{
    m_where = where;
    m_line = 0;
    m_sawEof = false;
    const char* p = text.constData();
    const char* const end = p + text.size();
    while (p < end && !m_sawEof) {
        const char* eol = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
        if (!eol)
            eol = end;
        ++m_line;
        const char* lineEnd = eol;
        if (lineEnd > p && lineEnd[-1] == '\r')
            --lineEnd;
        if (lineEnd > p)
            parseLine(p, lineEnd);
        p = eol + 1;
        if ((m_line & 0xFFFF) == 0) {
            throwIfCancelled(job);
            reportProgress(job, double(p - text.constData()) / double(std::max<qsizetype>(1, text.size())));
        }
    }
}

void OpenMetricsParser::parseComment(const char* begin, const char* end)
{
    const std::string_view line(begin, static_cast<std::size_t>(end - begin));
    if (line == "# EOF") {
        m_sawEof = true;
        return;
    }
    if (line.rfind("# TYPE ", 0) != 0)
        return; // HELP, UNIT and free comments carry nothing we store
    std::string_view rest = line.substr(7);
    const std::size_t space = rest.find(' ');
    if (space == std::string_view::npos)
        fail(QCoreApplication::translate("meshscope", "# TYPE needs a metric name and a type"));
    const QString family = QString::fromLatin1(rest.data(), static_cast<qsizetype>(space));
    QString type = QString::fromLatin1(rest.data() + space + 1, static_cast<qsizetype>(rest.size() - space - 1)).trimmed();
    m_out.familyTypes.insert(family, type);
}

void OpenMetricsParser::parseLine(const char* begin, const char* end)
{
    if (*begin == '#') {
        parseComment(begin, end);
        return;
    }
    const char* p = begin;
    while (p < end && isBlank(*p))
        ++p;
    if (p == end)
        return;
    const char* nameBegin = p;
    if (!isNameStart(*p))
        fail(QCoreApplication::translate("meshscope", "expected a metric name"));
    while (p < end && isNameChar(*p))
        ++p;
    const char* nameEnd = p;
    if (p < end && *p == '{') {
        bool inQuotes = false;
        for (++p; p < end; ++p) {
            if (inQuotes && *p == '\\' && p + 1 < end)
                ++p;
            else if (*p == '"')
                inQuotes = !inQuotes;
            else if (!inQuotes && *p == '}')
                break;
        }
        if (p == end)
            fail(QCoreApplication::translate("meshscope", "unterminated label set"));
        ++p;
    }
    const char* labelsEnd = p;
    if (p == end || !isBlank(*p))
        fail(QCoreApplication::translate("meshscope", "expected a space and a value after the metric name"));
    while (p < end && isBlank(*p))
        ++p;
    const char* valueBegin = p;
    while (p < end && !isBlank(*p))
        ++p;
    double value = 0;
    if (!importutil::parseNumber({valueBegin, static_cast<std::size_t>(p - valueBegin)}, &value))
        fail(QCoreApplication::translate("meshscope", "sample value is not a number"));
    while (p < end && isBlank(*p))
        ++p;
    const char* tsBegin = p;
    while (p < end && !isBlank(*p))
        ++p;
    if (tsBegin == p || *tsBegin == '#')
        fail(QCoreApplication::translate("meshscope",
            "sample has no timestamp (meshscope imports OpenMetrics with timestamps in seconds)"));
    double seconds = 0;
    qint64 tMs = 0;
    if (!importutil::parseNumber({tsBegin, static_cast<std::size_t>(p - tsBegin)}, &seconds)
        || !importutil::secondsToMs(seconds, &tMs))
        fail(QCoreApplication::translate("meshscope", "timestamp is not a number of seconds in range"));
    // Anything after the timestamp must be an exemplar (" # {...}"), which we ignore.
    while (p < end && isBlank(*p))
        ++p;
    if (p < end && *p != '#')
        fail(QCoreApplication::translate("meshscope", "unexpected text after the timestamp"));

    RawSeries& series = m_out.series[static_cast<std::size_t>(seriesFor(nameBegin, nameEnd, labelsEnd))];
    if (!series.timesMs.empty() && tMs <= series.timesMs.back()) {
        if (tMs == series.timesMs.back())
            ++m_out.duplicates;
        else
            ++m_out.outOfOrder;
        return;
    }
    series.timesMs.push_back(tMs);
    series.values.push_back(value);
}

int OpenMetricsParser::seriesFor(const char* begin, const char* nameEnd, const char* labelsEnd)
{
    const QByteArray raw = QByteArray::fromRawData(begin, static_cast<qsizetype>(labelsEnd - begin));
    const auto cached = m_byText.constFind(raw);
    if (cached != m_byText.cend())
        return cached.value();
    if (!importutil::isValidUtf8(begin, static_cast<std::size_t>(labelsEnd - begin)))
        fail(QCoreApplication::translate("meshscope", "label value is not valid UTF-8"));

    RawSeries series;
    series.name = QString::fromLatin1(begin, static_cast<qsizetype>(nameEnd - begin));
    const char* p = nameEnd;
    if (p < labelsEnd && *p == '{') {
        ++p;
        const char* close = labelsEnd - 1;
        while (p < close) {
            while (p < close && isBlank(*p))
                ++p;
            if (p == close)
                break;
            const char* keyBegin = p;
            if (!isNameStart(*p) || *p == ':')
                fail(QCoreApplication::translate("meshscope", "expected a label name"));
            while (p < close && isNameChar(*p) && *p != ':')
                ++p;
            const QString key = QString::fromLatin1(keyBegin, static_cast<qsizetype>(p - keyBegin));
            if (p >= close || *p != '=' || p + 1 >= close || p[1] != '"')
                fail(QCoreApplication::translate("meshscope", "expected =\"value\" after label %1").arg(key));
            p += 2;
            QByteArray value;
            while (p < close && *p != '"') {
                if (*p == '\\' && p + 1 < close) {
                    ++p;
                    value += *p == 'n' ? '\n' : *p;
                } else {
                    value += *p;
                }
                ++p;
            }
            if (p >= close)
                fail(QCoreApplication::translate("meshscope", "unterminated label value of %1").arg(key));
            ++p;
            series.labels.emplace_back(key, QString::fromUtf8(value));
            while (p < close && isBlank(*p))
                ++p;
            if (p < close && *p == ',')
                ++p;
            else if (p < close)
                fail(QCoreApplication::translate("meshscope", "expected , between labels"));
        }
    }
    std::sort(series.labels.begin(), series.labels.end());
    QString canonical = series.name;
    for (const auto& [key, value] : series.labels)
        canonical += QLatin1Char('\x1f') + key + QLatin1Char('\x1e') + value;
    int id = m_byCanonical.value(canonical, -1);
    if (id < 0) {
        id = static_cast<int>(m_out.series.size());
        m_out.series.push_back(std::move(series));
        m_byCanonical.insert(canonical, id);
    }
    m_byText.insert(QByteArray(begin, static_cast<qsizetype>(labelsEnd - begin)), id);
    return id;
}

} // namespace meshscope
