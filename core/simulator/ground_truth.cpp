#include "ground_truth.h"

#include "model/entity.h"
#include "model/meshscope_error.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

namespace meshscope {

namespace {

bool relativeChange(double a, double b, double share, double floor = 0)
{
    const double diff = std::abs(a - b);
    return diff > floor && diff > share * std::max(std::abs(a), std::abs(b));
}

double errorShare(const ServiceStep& s)
{
    return s.failFast + (1.0 - s.failFast) * (s.overload + (1.0 - s.overload) * s.appError);
}

bool serviceChanged(const ServiceStep& with, const ServiceStep& without)
{
    if (with.active != without.active)
        return true;
    if (!with.active)
        return false;
    return relativeChange(with.meanMs, without.meanMs, 0.15, 2.0)
        || std::abs(errorShare(with) - errorShare(without)) > 0.01
        || relativeChange(with.inRate, without.inRate, 0.15, 0.01)
        || relativeChange(with.cpu, without.cpu, 0.15, 0.005) || with.down != without.down;
}

QJsonObject faultObject(const FaultTruth& t)
{
    QJsonObject o;
    o.insert(QStringLiteral("type"), faultTypeName(t.type));
    o.insert(QStringLiteral("root_cause"), t.rootCause);
    o.insert(QStringLiteral("service"), t.service);
    o.insert(QStringLiteral("onset"), static_cast<double>(t.onsetMs / 1000));
    o.insert(QStringLiteral("end"), static_cast<double>(t.endMs / 1000));
    o.insert(QStringLiteral("duration_s"), static_cast<double>((t.endMs - t.onsetMs) / 1000));
    o.insert(QStringLiteral("severity"), t.severity);
    o.insert(QStringLiteral("affected"), QJsonArray::fromStringList(t.affected));
    return o;
}

} // namespace

FaultTruth faultTruth(const SimulationResult& result, const TrafficModel& model, int fault)
{
    const ScheduledFault& f = model.faults()[static_cast<std::size_t>(fault)];
    const SimMesh& mesh = result.mesh;
    FaultTruth truth;
    truth.type = f.type;
    truth.rootCause = mesh.services[static_cast<std::size_t>(f.service)].name;
    truth.service = mesh.services[static_cast<std::size_t>(f.base)].name;
    truth.onsetMs = f.startMs;
    truth.endMs = f.endMs;
    truth.severity = f.severity;

    // Probe on the sample grid in the middle of the window.
    const qint64 stepMs = result.options.stepMs;
    const qint64 middle = f.startMs + (f.endMs - f.startMs) / 2;
    const qint64 probe = std::clamp(
        middle - (middle - result.startMs) % stepMs, result.timesMs.front(), result.timesMs.back());
    const auto step = static_cast<qint64>((probe - result.timesMs.front()) / stepMs);
    MeshStep with;
    MeshStep without;
    model.evaluate(probe, step, with);
    model.evaluate(probe, step, without, fault);
    QStringList affected;
    for (std::size_t i = 0; i < mesh.services.size(); ++i) {
        if (serviceChanged(with.services[i], without.services[i]))
            affected.append(mesh.services[i].name);
    }
    for (std::size_t c = 0; c < mesh.calls.size(); ++c) {
        const CallStep& a = with.calls[c];
        const CallStep& b = without.calls[c];
        const auto callee = static_cast<std::size_t>(mesh.calls[c].to);
        const bool changed = a.active != b.active
            || (a.active
                && (relativeChange(a.attempts, b.attempts, 0.15, 0.01)
                    || serviceChanged(with.services[callee], without.services[callee])));
        if (changed)
            affected.append(mesh.callEntity(static_cast<int>(c)));
    }
    if (!affected.contains(truth.rootCause))
        affected.append(truth.rootCause);
    affected.sort();
    truth.affected = affected;
    return truth;
}

QByteArray groundTruthJson(const SimulationResult& result)
{
    const SimulationOptions& o = result.options;
    QJsonObject root;
    root.insert(QStringLiteral("system"), result.mesh.system);
    root.insert(QStringLiteral("topology"), o.topology);
    root.insert(QStringLiteral("source"), QStringLiteral("meshscope simulate, seed %1").arg(o.seed));
    root.insert(QStringLiteral("seed"), static_cast<double>(o.seed));
    root.insert(QStringLiteral("start"), static_cast<double>(result.startMs / 1000));
    root.insert(QStringLiteral("end"), static_cast<double>(o.endMs / 1000));
    root.insert(QStringLiteral("step_s"), static_cast<double>(o.stepMs) / 1000.0);
    QJsonArray faults;
    for (const FaultTruth& t : result.truth)
        faults.append(faultObject(t));
    root.insert(QStringLiteral("faults"), faults);
    if (result.truth.empty()) {
        root.insert(QStringLiteral("root_cause"), QJsonValue::Null);
        root.insert(QStringLiteral("fault"), QStringLiteral("none"));
        root.insert(QStringLiteral("inject_time"), QJsonValue::Null);
    } else {
        // The first fault by onset is "the" incident of the case-format keys.
        const auto first = std::min_element(result.truth.begin(), result.truth.end(),
            [](const FaultTruth& a, const FaultTruth& b) { return a.onsetMs < b.onsetMs; });
        root.insert(QStringLiteral("root_cause"), first->rootCause);
        root.insert(QStringLiteral("fault"), faultTypeName(first->type));
        root.insert(QStringLiteral("inject_time"), static_cast<double>(first->onsetMs / 1000));
        root.insert(
            QStringLiteral("duration_s"), static_cast<double>((first->endMs - first->onsetMs) / 1000));
        root.insert(QStringLiteral("affected"), QJsonArray::fromStringList(first->affected));
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

void writeGroundTruth(const SimulationResult& result, const QString& path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw MeshscopeError(
            QStringLiteral("cannot write the ground truth: %1").arg(file.errorString()), path);
    file.write(groundTruthJson(result));
    if (!file.commit())
        throw MeshscopeError(
            QStringLiteral("cannot write the ground truth: %1").arg(file.errorString()), path);
}

} // namespace meshscope
