#include "detection_tuning.h"

#include "model/meshscope_error.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>

namespace meshscope {

namespace {
constexpr int TuningVersion = 1;
} // namespace

void DetectionTuning::setTuning(const SeriesKey& key, const SeriesTuning& tuning)
{
    if (tuning.isDefault())
        m_series.remove(key);
    else
        m_series.insert(key, tuning);
}

DetectionSettings DetectionTuning::applyTo(DetectionSettings base) const
{
    for (auto it = m_series.cbegin(); it != m_series.cend(); ++it) {
        if (it->muted)
            base.muted.insert(it.key());
        if (it->sensitivity != 1.0)
            base.seriesSensitivity.insert(it.key(), it->sensitivity);
    }
    return base;
}

QByteArray DetectionTuning::toJson() const
{
    std::vector<SeriesKey> keys(m_series.keyBegin(), m_series.keyEnd());
    std::sort(keys.begin(), keys.end(), [](const SeriesKey& a, const SeriesKey& b) {
        return a.entity != b.entity ? a.entity < b.entity : a.signal < b.signal;
    });
    QJsonArray series;
    for (const SeriesKey& key : keys) {
        const SeriesTuning& tuning = m_series[key];
        series.append(QJsonObject {{QStringLiteral("entity"), key.entity}, {QStringLiteral("signal"), key.signal},
            {QStringLiteral("sensitivity"), tuning.sensitivity}, {QStringLiteral("muted"), tuning.muted}});
    }
    const QJsonObject root {{QStringLiteral("version"), TuningVersion}, {QStringLiteral("series"), series}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

DetectionTuning DetectionTuning::fromJson(const QByteArray& json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        throw MeshscopeError(QStringLiteral("the detector tuning is not valid JSON (%1 at byte %2)")
                                 .arg(error.errorString())
                                 .arg(error.offset));
    const QJsonObject root = document.object();
    const int version = root.value(QStringLiteral("version")).toInt(0);
    if (version < 1)
        throw MeshscopeError(QStringLiteral("the detector tuning has no \"version\""));
    if (version > TuningVersion)
        throw MeshscopeError(QStringLiteral("the detector tuning is version %1; this meshscope reads version %2 "
                                            "(update meshscope)")
                                 .arg(version)
                                 .arg(TuningVersion));
    DetectionTuning tuning;
    const QJsonArray series = root.value(QStringLiteral("series")).toArray();
    for (qsizetype i = 0; i < series.size(); ++i) {
        const QJsonObject entry = series[i].toObject();
        const SeriesKey key {entry.value(QStringLiteral("entity")).toString(),
            entry.value(QStringLiteral("signal")).toString()};
        if (key.entity.isEmpty() || key.signal.isEmpty())
            throw MeshscopeError(QStringLiteral("detector tuning entry %1 needs an \"entity\" and a \"signal\"").arg(i + 1));
        SeriesTuning one;
        one.sensitivity = entry.value(QStringLiteral("sensitivity")).toDouble(1.0);
        one.muted = entry.value(QStringLiteral("muted")).toBool(false);
        if (!(one.sensitivity >= MinSensitivity && one.sensitivity <= MaxSensitivity))
            throw MeshscopeError(QStringLiteral("detector tuning of %1 %2: sensitivity %3 is outside %4–%5")
                                     .arg(key.entity, key.signal)
                                     .arg(one.sensitivity)
                                     .arg(MinSensitivity)
                                     .arg(MaxSensitivity));
        tuning.setTuning(key, one);
    }
    return tuning;
}

DetectionTuning DetectionTuning::load(const QString& path)
{
    QFile file(path);
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly))
        throw MeshscopeError(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    try {
        return fromJson(file.readAll());
    } catch (const MeshscopeError& error) {
        throw MeshscopeError(QStringLiteral("%1: %2").arg(path, error.message()));
    }
}

void DetectionTuning::save(const QString& path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toJson()) < 0 || !file.commit())
        throw MeshscopeError(QStringLiteral("cannot save the detector tuning to %1: %2").arg(path, file.errorString()));
}

} // namespace meshscope
