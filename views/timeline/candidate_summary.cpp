#include "candidate_summary.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

namespace meshscope {

namespace {

constexpr int MaxSignals = 2;

/// "cartservice/error_ratio" of candidate "cartservice" → "error_ratio"; others stay whole.
QString shortSignal(const QString& series, const QString& entity)
{
    const QString prefix = entity + QLatin1Char('/');
    return series.startsWith(prefix) ? series.mid(prefix.size()) : series;
}

QString sigma(double magnitude)
{
    return QStringLiteral("%1σ").arg(magnitude, 0, 'f', 1);
}

/// The strongest signals, from the ranker's "series N sigma (normal …)" segments when
/// the evidence has them, else from the structured names and the largest magnitude.
QStringList strongestSignals(const RootCauseCandidate& c)
{
    static const QRegularExpression segment(QStringLiteral("^(\\S+) (\\d+(?:\\.\\d+)?) sigma\\b"));
    QStringList out;
    for (const QString& part : c.evidence.split(QStringLiteral("; "), Qt::SkipEmptyParts)) {
        const QRegularExpressionMatch m = segment.match(part.trimmed());
        if (!m.hasMatch())
            continue;
        // After the strongest, only the candidate's own signals: a caller's edge mostly
        // repeats the same symptom and its long name would push the rest off the row.
        const QString name = shortSignal(m.captured(1), c.entity);
        if (!out.isEmpty() && name == m.captured(1))
            continue;
        out.append(name + QLatin1Char(' ') + sigma(m.captured(2).toDouble()));
        if (out.size() == MaxSignals)
            return out;
    }
    if (!out.isEmpty())
        return out;
    for (const QString& name : c.signalNames) {
        QString text = shortSignal(name, c.entity);
        if (out.isEmpty() && c.magnitude > 0)
            text += QLatin1Char(' ') + sigma(c.magnitude);
        out.append(text);
        if (out.size() == MaxSignals)
            break;
    }
    return out;
}

QString explanation(const RootCauseCandidate& c)
{
    static const QRegularExpression callee(QStringLiteral("explained by anomalous callee (\\S+)"));
    const QRegularExpressionMatch m = callee.match(c.evidence);
    if (m.hasMatch())
        return QCoreApplication::translate("CandidateSummary", "explained by callee %1").arg(m.captured(1));
    if (c.explainedByCallee)
        return QCoreApplication::translate("CandidateSummary", "explained by a callee");
    if (c.evidence.contains(QLatin1String("no anomalous callee explains it")))
        return QCoreApplication::translate("CandidateSummary", "no callee explains it");
    return {};
}

} // namespace

QString candidateSummary(const RootCauseCandidate& candidate)
{
    QStringList parts;
    const QStringList signalTexts = strongestSignals(candidate);
    if (!signalTexts.isEmpty())
        parts.append(signalTexts.join(QStringLiteral(", ")));
    // Why a candidate ranks where it does comes before when it started.
    const QString explained = explanation(candidate);
    if (!explained.isEmpty())
        parts.append(explained);
    if (candidate.onsetMs > 0) {
        const QString time = QDateTime::fromMSecsSinceEpoch(candidate.onsetMs, QTimeZone::utc())
                                 .toString(QStringLiteral("HH:mm:ss"));
        parts.append(QCoreApplication::translate("CandidateSummary", "onset %1").arg(time));
    }
    if (candidate.pathToSymptoms.size() > 1)
        parts.append(QCoreApplication::translate("CandidateSummary", "path %1")
                         .arg(candidate.pathToSymptoms.join(QStringLiteral(" → "))));
    // Evidence of an unknown shape (an imported case) is still shown rather than nothing.
    if (parts.isEmpty())
        return candidate.evidence.section(QLatin1Char('\n'), 0, 0);
    return parts.join(QStringLiteral(" · "));
}

} // namespace meshscope
