#pragma once

// Prometheus HTTP API JSON (WIRE-FORMATS.md §3): the envelope and vector/matrix results.
// Used by the importer (saved curl output) and by the live Prometheus client.

#include "model/series_store.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <utility>
#include <vector>

namespace meshscope {

struct PromSeries
{
    std::vector<std::pair<QString, QString>> labels; ///< including __name__ when present
    std::vector<qint64> timesMs;
    std::vector<double> values; ///< "NaN", "+Inf", "-Inf" mapped to the IEEE values

    QString label(const QString& name) const;
};

struct PromResponse
{
    QString status;     ///< "success" or "error"
    QString resultType; ///< vector, matrix, scalar, string
    QString errorType;
    QString error;
    QStringList warnings;
    QStringList infos;
    std::vector<PromSeries> series;
};

/// Parses one response body. Throws MeshscopeError with `where` and the byte offset for
/// malformed JSON or a wrong shape. An API error ("status":"error") is returned, not thrown.
PromResponse parsePromResponse(const QByteArray& body, const QString& where);

} // namespace meshscope
