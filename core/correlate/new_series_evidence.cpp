#include "new_series_evidence.h"

#include "model/entity.h"
#include "model/signal_names.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>

namespace meshscope {

namespace {

struct Normal
{
    double median = 0;
    double spread = 0;
};

double sortedQuantile(const std::vector<double>& sorted, double q)
{
    const double position = q * static_cast<double>(sorted.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(position));
    const std::size_t above = std::min(sorted.size() - 1, below + 1);
    return sorted[below] + (sorted[above] - sorted[below]) * (position - static_cast<double>(below));
}

/// First sample with a value (recordings may hold gaps as NaN from the start).
qint64 firstValueMs(const SeriesStore& store, SeriesId id)
{
    const SeriesSpan span = store.samples(id);
    for (std::size_t i = 0; i < span.size; ++i) {
        if (std::isfinite(span.values[i]))
            return span.timesMs[i];
    }
    return std::numeric_limits<qint64>::max();
}

std::vector<double> finiteValues(const SeriesSpan& span)
{
    std::vector<double> values;
    values.reserve(span.size);
    for (std::size_t i = 0; i < span.size; ++i) {
        if (std::isfinite(span.values[i]))
            values.push_back(span.values[i]);
    }
    return values;
}

/// Median and robust spread of a sibling's samples before the instant.
bool normalOf(const SeriesStore& store, SeriesId id, qint64 fromMs, qint64 toMs, const SeriesChangeSettings& settings,
    Normal* out)
{
    std::vector<double> values = finiteValues(store.range(id, fromMs, toMs));
    if (static_cast<int>(values.size()) < settings.minBaselineSamples)
        return false;
    std::sort(values.begin(), values.end());
    out->median = sortedQuantile(values, 0.5);
    const double iqr = (sortedQuantile(values, 0.75) - sortedQuantile(values, 0.25)) / 1.349;
    // Siblings are other services: their level is only a rough guide, so the spread is
    // at least a fifth of the level (and their own range over six).
    out->spread = std::max({iqr, (values.back() - values.front()) / 6.0, 0.2 * std::abs(out->median), 1e-3});
    return true;
}

/// Value the series keeps for most of the after-window (same sustained share as the
/// before/after statistics).
double sustainedValue(std::vector<double> values, double share)
{
    std::sort(values.begin(), values.end(), std::greater<>());
    const auto rank = static_cast<std::size_t>(share * static_cast<double>(values.size()));
    return values[std::min(rank, values.size() - 1)];
}

double medianOf(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return sortedQuantile(values, 0.5);
}

/// How much worse a new series is than a sibling *at the same instants* (both take the
/// same load, so the daily cycle and a sibling that already runs hot cancel out): the
/// median of their differences over the after-window, against the sibling's
/// sample-to-sample noise before the instant (at least 1 % of its level).
double pairedDeviation(const SeriesStore& store, SeriesId fresh, SeriesId sibling, qint64 normalFromMs,
    qint64 fromMs, qint64 toMs, const SeriesChangeSettings& settings)
{
    const SeriesSpan mine = store.range(fresh, fromMs, toMs);
    const SeriesSpan theirs = store.range(sibling, fromMs, toMs);
    std::vector<double> differences;
    std::vector<double> levels;
    for (std::size_t i = 0, j = 0; i < mine.size; ++i) {
        while (j < theirs.size && theirs.timesMs[j] < mine.timesMs[i])
            ++j;
        if (j < theirs.size && theirs.timesMs[j] == mine.timesMs[i] && std::isfinite(mine.values[i])
            && std::isfinite(theirs.values[j])) {
            differences.push_back(mine.values[i] - theirs.values[j]);
            levels.push_back(theirs.values[j]);
        }
    }
    const std::vector<double> normal = finiteValues(store.range(sibling, normalFromMs, fromMs));
    std::vector<double> steps;
    for (std::size_t i = 1; i < normal.size(); ++i)
        steps.push_back(std::abs(normal[i] - normal[i - 1]));
    const int needed = settings.minBaselineSamples;
    if (static_cast<int>(differences.size()) < needed || static_cast<int>(steps.size()) < needed)
        return 0;
    // The spread of a difference of two series with the sibling's noise is that of one
    // step of the sibling: 1.4826 x the median absolute step.
    const double spread = std::max({1.4826 * medianOf(steps), 0.01 * std::abs(medianOf(levels)), 1e-9});
    return std::max(0.0, medianOf(differences) / spread);
}

/// Share of callers and callees two nodes have in common (Jaccard).
double neighbourSimilarity(const QHash<QString, QSet<QString>>& callersOf, const QHash<QString, QSet<QString>>& calleesOf,
    const QString& a, const QString& b)
{
    const auto overlap = [](const QSet<QString>& x, const QSet<QString>& y, int* both, int* either) {
        const int common = static_cast<int>(QSet<QString>(x).intersect(y).size());
        *both += common;
        *either += static_cast<int>(x.size() + y.size()) - common;
    };
    int both = 0;
    int either = 0;
    overlap(callersOf.value(a), callersOf.value(b), &both, &either);
    overlap(calleesOf.value(a), calleesOf.value(b), &both, &either);
    return either > 0 ? static_cast<double>(both) / either : 0.0;
}

} // namespace

SignalEvidenceList measureNewSeries(const SeriesStore& store, qint64 atMs, const SeriesChangeSettings& settings,
    qint64 quietMs)
{
    SignalEvidenceList result;
    const qint64 newSince = atMs - quietMs;
    const TimeRange all = store.timeRange();
    if (!all.isValid() || all.startMs >= newSince)
        return result; // the data itself starts here: everything would look new
    // Which nodes existed before, and who called whom (from the edge series).
    QSet<QString> oldNodes;
    QHash<QString, QSet<QString>> callersOf;
    QHash<QString, QSet<QString>> calleesOf;
    const int count = store.seriesCount();
    for (SeriesId id = 0; id < count; ++id) {
        const QString& entity = store.key(id).entity;
        if (firstValueMs(store, id) <= newSince)
            oldNodes.insert(Entity::suspectNode(entity));
        if (Entity::isEdge(entity)) {
            const auto [from, to] = Entity::edgeEnds(entity);
            callersOf[to].insert(from);
            calleesOf[from].insert(to);
        }
    }
    for (SeriesId id = 0; id < count; ++id) {
        const SeriesKey& key = store.key(id);
        const SignalClass kind = signalClass(key.signal);
        if ((kind != SignalClass::Latency && kind != SignalClass::Errors) || badDirection(key.signal) != BadDirection::Up)
            continue;
        const QString node = Entity::suspectNode(key.entity);
        if (oldNodes.contains(node))
            continue;
        const std::vector<double> after = finiteValues(store.range(id, newSince, atMs + settings.afterMs));
        if (static_cast<int>(after.size()) < settings.minBaselineSamples)
            continue;
        // Sibling series: the same signal on the other callees of the same callers that
        // look most like it (most callers and callees in common: the version it joins).
        const bool edge = Entity::isEdge(key.entity);
        const QString caller = edge ? Entity::edgeEnds(key.entity).first : QString();
        QSet<QString> siblings;
        double bestSimilarity = -1;
        for (const QString& from : edge ? QSet<QString> {caller} : callersOf.value(node)) {
            for (const QString& to : calleesOf.value(from)) {
                if (to == node || !oldNodes.contains(to))
                    continue;
                const double similarity = neighbourSimilarity(callersOf, calleesOf, node, to);
                if (similarity > bestSimilarity) {
                    bestSimilarity = similarity;
                    siblings.clear();
                }
                if (similarity >= bestSimilarity)
                    siblings.insert(edge ? Entity::edge(from, to) : to);
            }
        }
        const double value = sustainedValue(after, settings.sustainedShare);
        double deviation = std::numeric_limits<double>::max();
        double siblingNormal = 0;
        // A sibling sharing most callers and callees is the version it joins: compared at
        // the same instants too (a new version a little worse than an already failing one).
        const bool sameService = bestSimilarity >= settings.pairedSimilarity && settings.pairedSimilarity > 0;
        for (const QString& sibling : std::as_const(siblings)) {
            Normal normal;
            const SeriesId other = store.find(SeriesKey {sibling, key.signal});
            if (other != InvalidSeries && normalOf(store, other, atMs - settings.baselineMs, newSince, settings, &normal))
            {
                double z = std::max(0.0, (value - normal.median) / normal.spread);
                if (sameService)
                    z = std::max(z, pairedDeviation(store, id, other, atMs - settings.baselineMs, newSince,
                                        atMs + settings.afterMs, settings));
                if (z < deviation) {
                    deviation = z;
                    siblingNormal = normal.median;
                }
            }
        }
        if (deviation == std::numeric_limits<double>::max() || deviation <= 0)
            continue;
        SignalEvidence evidence;
        evidence.series = key;
        evidence.magnitude = deviation;
        evidence.onsetMs = firstValueMs(store, id);
        evidence.baseline = siblingNormal;
        evidence.observed = value;
        result.push_back(evidence);
    }
    return result;
}

} // namespace meshscope
