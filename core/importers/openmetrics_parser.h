#pragma once

// Prometheus text / OpenMetrics with timestamps (what promtool's
// `tsdb create-blocks-from openmetrics` reads) into raw labelled series.

#include "model/job_control.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <utility>
#include <vector>

namespace meshscope {

/// One labelled series as written in the file. Labels are sorted by name.
struct RawSeries
{
    QString name;
    std::vector<std::pair<QString, QString>> labels;
    std::vector<qint64> timesMs;
    std::vector<double> values;

    QString label(QStringView labelName) const;
};

/// Everything parsed from one or several text files.
struct RawSeriesSet
{
    std::vector<RawSeries> series;
    QHash<QString, QString> familyTypes; ///< metric family -> counter, gauge, histogram...
    qint64 duplicates = 0;               ///< samples at a time the series already had
    qint64 outOfOrder = 0;               ///< samples older than the series' last

    /// Counter by `# TYPE` or, without one, by the `_total` suffix.
    bool isCounter(const RawSeries& series) const;
};

/// Parses text into a RawSeriesSet; series of several files merge by their labels.
class OpenMetricsParser
{
public:
    explicit OpenMetricsParser(RawSeriesSet& out);
    /// Throws MeshscopeError "file:line: reason" for malformed lines. Samples without a
    /// timestamp are refused (a scrape without times cannot be placed on a timeline).
    void parse(const QByteArray& text, const QString& where, const JobControl* job = nullptr);

private:
    void parseLine(const char* begin, const char* end);
    void parseComment(const char* begin, const char* end);
    int seriesFor(const char* begin, const char* nameEnd, const char* labelsEnd);
    [[noreturn]] void fail(const QString& message) const;

    RawSeriesSet& m_out;
    QHash<QByteArray, int> m_byText;      ///< exact `name{labels}` text -> series
    QHash<QString, int> m_byCanonical;    ///< sorted labels -> series
    QString m_where;
    qint64 m_line = 0;
    bool m_sawEof = false;
};

} // namespace meshscope
