#pragma once

#include "entity.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace meshscope {

/// A stretch of time in which one series deviated from its learned normal.
struct Anomaly
{
    SeriesKey series;
    qint64 startMs = 0;
    qint64 endMs = 0;
    qint64 peakMs = 0;
    double significance = 0; ///< 0..100
    double peakScore = 0;    ///< detector score 0..1 at the peak
    double expected = 0;     ///< learned baseline at the peak
    double observed = 0;     ///< value at the peak
    QString detector;

    friend bool operator==(const Anomaly&, const Anomaly&) = default;
};

/// One ranked root-cause candidate of an incident with the evidence behind it.
struct RootCauseCandidate
{
    QString entity;
    double score = 0;
    QString evidence; ///< human-readable "why"
    // Structured evidence, so views and reports can say why without parsing text:
    QStringList signalNames;     ///< "entity/signal" of the deviating series behind it, strongest first
    qint64 onsetMs = 0;          ///< earliest onset of those series (0 = unknown)
    double magnitude = 0;        ///< largest deviation, in robust standard deviations
    QStringList pathToSymptoms;  ///< call chain from the symptom node down to this entity
    bool explainedByCallee = false; ///< its symptoms are mostly explained by an anomalous callee

    friend bool operator==(const RootCauseCandidate&, const RootCauseCandidate&) = default;
};

/// Anomalies close in time and connected in the topology.
struct Incident
{
    QString id;
    qint64 startMs = 0;
    qint64 endMs = 0;
    double significance = 0;
    QString firstAffected;
    bool resolved = false;
    std::vector<int> anomalyIndexes; ///< into the owning list of anomalies, chronological
    std::vector<RootCauseCandidate> candidates;

    friend bool operator==(const Incident&, const Incident&) = default;
};

/// A note or acknowledgement a person attached to a time and optionally an entity.
struct Note
{
    qint64 tMs = 0;
    QString entity;
    QString text;
    QString author;
    qint64 createdMs = 0;
    bool acknowledgement = false;

    friend bool operator==(const Note&, const Note&) = default;
};

} // namespace meshscope
