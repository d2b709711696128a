#include "importer.h"

#include "case_folder.h"
#include "import_util.h"

#include "model/entity.h"
#include "model/meshscope_error.h"

#include <QCoreApplication>
#include <QSaveFile>

#include <algorithm>
#include <map>

namespace meshscope {

namespace {

QByteArray labelValue(const QString& text)
{
    QByteArray value = text.toUtf8();
    value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    return value;
}

QByteArray labelsOf(const QString& entity)
{
    QByteArray labels = "{entity=\"" + labelValue(entity) + '"';
    if (Entity::isEdge(entity)) {
        const auto [source, destination] = Entity::edgeEnds(entity);
        labels += ",source=\"" + labelValue(source) + "\",destination=\"" + labelValue(destination) + '"';
    }
    return labels + '}';
}

void flush(QSaveFile& file, QByteArray& buffer, const QString& path)
{
    if (file.write(buffer) != buffer.size())
        throw MeshscopeError(QCoreApplication::translate("meshscope", "write error: %1").arg(file.errorString()), path);
    buffer.clear();
}

} // namespace

void exportOpenMetrics(const Dataset& dataset, const QString& path, const JobControl* job)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw MeshscopeError(QCoreApplication::translate("meshscope", "cannot open for writing: %1").arg(file.errorString()), path);
    // One metric family per signal, written contiguously as OpenMetrics requires.
    std::map<QString, std::vector<SeriesId>> families;
    for (SeriesId id = 0; id < dataset.series.seriesCount(); ++id)
        families[importutil::sanitizeSignalName(dataset.series.key(id).signal)].push_back(id);
    const double total = std::max<double>(1, double(dataset.series.seriesCount()));
    int done = 0;
    QByteArray buffer;
    for (auto& [signal, ids] : families) {
        const QByteArray name = "meshscope_" + signal.toUtf8();
        buffer += "# TYPE " + name + " gauge\n";
        std::sort(ids.begin(), ids.end(), [&](SeriesId a, SeriesId b) { return dataset.series.key(a).entity < dataset.series.key(b).entity; });
        for (SeriesId id : ids) {
            const QByteArray prefix = name + labelsOf(dataset.series.key(id).entity) + ' ';
            const SeriesSpan span = dataset.series.samples(id);
            for (std::size_t i = 0; i < span.size; ++i)
                buffer += prefix + importutil::numberText(span.values[i]) + ' ' + importutil::msToSecondsText(span.timesMs[i]) + '\n';
            if (buffer.size() > (1 << 20))
                flush(file, buffer, path);
            throwIfCancelled(job);
            reportProgress(job, ++done / total);
        }
    }
    buffer += "# EOF\n";
    flush(file, buffer, path);
    if (!file.commit())
        throw MeshscopeError(QCoreApplication::translate("meshscope", "write error: %1").arg(file.errorString()), path);
}

void exportCase(const Dataset& dataset, const QString& dir, const JobControl* job)
{
    casefolder::exportCase(dataset, dir, job);
}

} // namespace meshscope
