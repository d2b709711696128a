#include "fault_spec.h"

#include "model/meshscope_error.h"

#include <QRegularExpression>

namespace meshscope {

QString faultTypeName(FaultType type)
{
    switch (type) {
    case FaultType::Latency:
        return QStringLiteral("latency");
    case FaultType::Errors:
        return QStringLiteral("errors");
    case FaultType::Saturation:
        return QStringLiteral("saturation");
    case FaultType::TrafficDrop:
        return QStringLiteral("traffic-drop");
    case FaultType::BadDeploy:
        return QStringLiteral("bad-deploy");
    case FaultType::DependencyOutage:
        return QStringLiteral("outage");
    }
    return QStringLiteral("latency");
}

FaultType faultTypeFromName(const QString& name)
{
    const QString n = name.trimmed().toLower().replace(QLatin1Char('_'), QLatin1Char('-'));
    if (n == QLatin1String("latency") || n == QLatin1String("slow"))
        return FaultType::Latency;
    if (n == QLatin1String("errors") || n == QLatin1String("error"))
        return FaultType::Errors;
    if (n == QLatin1String("saturation") || n == QLatin1String("cpu"))
        return FaultType::Saturation;
    if (n == QLatin1String("traffic-drop") || n == QLatin1String("drop"))
        return FaultType::TrafficDrop;
    if (n == QLatin1String("bad-deploy") || n == QLatin1String("deploy"))
        return FaultType::BadDeploy;
    if (n == QLatin1String("outage") || n == QLatin1String("dependency-outage") || n == QLatin1String("down"))
        return FaultType::DependencyOutage;
    throw MeshscopeError(
        QStringLiteral("unknown fault type '%1' (use latency, errors, saturation, traffic-drop, "
                       "bad-deploy or outage)")
            .arg(name));
}

qint64 parseDurationMs(const QString& text, const QString& what)
{
    static const QRegularExpression plain(QStringLiteral("^\\d+(\\.\\d+)?$"));
    static const QRegularExpression part(QStringLiteral("(\\d+(?:\\.\\d+)?)(ms|d|h|m|s)"));
    const QString t = text.trimmed().toLower();
    if (plain.match(t).hasMatch())
        return static_cast<qint64>(t.toDouble() * 1000.0 + 0.5);
    double totalMs = 0;
    qsizetype consumed = 0;
    auto it = part.globalMatch(t);
    while (it.hasNext()) {
        const auto m = it.next();
        if (m.capturedStart() != consumed)
            break;
        consumed = m.capturedEnd();
        const double value = m.captured(1).toDouble();
        const QString unit = m.captured(2);
        const double scale = unit == QLatin1String("d") ? 86400e3
            : unit == QLatin1String("h")                ? 3600e3
            : unit == QLatin1String("m")                ? 60e3
            : unit == QLatin1String("s")                ? 1e3
                                                        : 1.0;
        totalMs += value * scale;
    }
    if (t.isEmpty() || consumed != t.size())
        throw MeshscopeError(
            QStringLiteral("%1: '%2' is not a duration (examples: 6h, 90m, 2h30m, 45s, 3600)")
                .arg(what, text));
    return static_cast<qint64>(totalMs + 0.5);
}

FaultSpec parseFaultSpec(const QString& text)
{
    static const QRegularExpression syntax(
        QStringLiteral("^([A-Za-z_-]+)(?::([^@+*]+))?(?:@([^+*]+))?(?:\\+([^*]+))?(?:\\*([0-9.]+))?$"));
    const auto m = syntax.match(text.trimmed());
    if (!m.hasMatch())
        throw MeshscopeError(
            QStringLiteral("--fault '%1': expected TYPE[:ENTITY][@ONSET_OFFSET][+DURATION][*SEVERITY], "
                           "e.g. latency:cartservice@3h+20m")
                .arg(text));
    FaultSpec spec;
    spec.type = faultTypeFromName(m.captured(1));
    spec.target = m.captured(2).trimmed();
    if (!m.captured(3).isEmpty())
        spec.onsetOffsetMs = parseDurationMs(m.captured(3), QStringLiteral("--fault onset"));
    if (!m.captured(4).isEmpty())
        spec.durationMs = parseDurationMs(m.captured(4), QStringLiteral("--fault duration"));
    if (!m.captured(5).isEmpty()) {
        bool ok = false;
        spec.severity = m.captured(5).toDouble(&ok);
        if (!ok || spec.severity <= 0 || spec.severity > 10)
            throw MeshscopeError(
                QStringLiteral("--fault '%1': severity must be a number in (0, 10]").arg(text));
    }
    if (spec.durationMs == 0)
        throw MeshscopeError(QStringLiteral("--fault '%1': the duration must be longer than 0").arg(text));
    return spec;
}

} // namespace meshscope
