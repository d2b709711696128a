#include "findings_table.h"

#include "sqlite_database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace meshscope {
namespace {

QString indexesJson(const std::vector<int>& indexes)
{
    QJsonArray array;
    for (int i : indexes)
        array.append(i);
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

std::vector<int> indexesOf(const QString& json)
{
    std::vector<int> out;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue& v : array)
        out.push_back(v.toInt());
    return out;
}

QString candidatesJson(const std::vector<RootCauseCandidate>& candidates)
{
    QJsonArray array;
    for (const RootCauseCandidate& c : candidates) {
        array.append(QJsonObject {{QStringLiteral("entity"), c.entity}, {QStringLiteral("score"), c.score},
            {QStringLiteral("evidence"), c.evidence},
            {QStringLiteral("signals"), QJsonArray::fromStringList(c.signalNames)},
            {QStringLiteral("onsetMs"), QString::number(c.onsetMs)}, {QStringLiteral("magnitude"), c.magnitude},
            {QStringLiteral("path"), QJsonArray::fromStringList(c.pathToSymptoms)},
            {QStringLiteral("explainedByCallee"), c.explainedByCallee}});
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QStringList stringsOf(const QJsonValue& value)
{
    QStringList out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue& v : array)
        out.append(v.toString());
    return out;
}

std::vector<RootCauseCandidate> candidatesOf(const QString& json)
{
    std::vector<RootCauseCandidate> out;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue& v : array) {
        const QJsonObject o = v.toObject();
        RootCauseCandidate c;
        c.entity = o.value(QLatin1String("entity")).toString();
        c.score = o.value(QLatin1String("score")).toDouble();
        c.evidence = o.value(QLatin1String("evidence")).toString();
        c.signalNames = stringsOf(o.value(QLatin1String("signals")));
        // Times as text: JSON numbers are doubles and would round large values.
        c.onsetMs = o.value(QLatin1String("onsetMs")).toString().toLongLong();
        c.magnitude = o.value(QLatin1String("magnitude")).toDouble();
        c.pathToSymptoms = stringsOf(o.value(QLatin1String("path")));
        c.explainedByCallee = o.value(QLatin1String("explainedByCallee")).toBool();
        out.push_back(std::move(c));
    }
    return out;
}

void insertAnomaly(SqliteStatement& insert, const Anomaly& a)
{
    insert.bind(1, a.series.entity);
    insert.bind(2, a.series.signal);
    insert.bind(3, a.startMs);
    insert.bind(4, a.endMs);
    insert.bind(5, a.peakMs);
    insert.bind(6, a.significance);
    insert.bind(7, a.peakScore);
    insert.bind(8, a.expected);
    insert.bind(9, a.observed);
    insert.bind(10, a.detector);
    insert.run();
}

void insertIncident(SqliteStatement& insert, const Incident& i)
{
    insert.bind(1, i.id);
    insert.bind(2, i.startMs);
    insert.bind(3, i.endMs);
    insert.bind(4, i.significance);
    insert.bind(5, i.firstAffected);
    insert.bind(6, qint64(i.resolved ? 1 : 0));
    insert.bind(7, indexesJson(i.anomalyIndexes));
    insert.bind(8, candidatesJson(i.candidates));
    insert.run();
}

} // namespace

void FindingsTable::replaceFindings(SqliteDatabase& db, const std::vector<Anomaly>& anomalies,
    const std::vector<Incident>& incidents)
{
    db.exec("DELETE FROM anomaly; DELETE FROM incident;");
    SqliteStatement anomaly = db.prepare("INSERT INTO anomaly (entity, signal, start_ms, end_ms, peak_ms, significance, "
                                         "peak_score, expected, observed, detector) VALUES (?,?,?,?,?,?,?,?,?,?)");
    for (const Anomaly& a : anomalies)
        insertAnomaly(anomaly, a);
    SqliteStatement incident = db.prepare("INSERT INTO incident (incident_id, start_ms, end_ms, significance, "
                                          "first_affected, resolved, anomaly_indexes, candidates) VALUES (?,?,?,?,?,?,?,?)");
    for (const Incident& i : incidents)
        insertIncident(incident, i);
}

void FindingsTable::addNote(SqliteDatabase& db, const Note& note)
{
    SqliteStatement insert = db.prepare(
        "INSERT INTO note (t_ms, entity, text, author, created_ms, acknowledgement) VALUES (?,?,?,?,?,?)");
    insert.bind(1, note.tMs);
    insert.bind(2, note.entity);
    insert.bind(3, note.text);
    insert.bind(4, note.author);
    insert.bind(5, note.createdMs);
    insert.bind(6, qint64(note.acknowledgement ? 1 : 0));
    insert.run();
}

void FindingsTable::setSetting(SqliteDatabase& db, const QString& key, const QString& value)
{
    SqliteStatement insert = db.prepare("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)");
    insert.bind(1, key);
    insert.bind(2, value);
    insert.run();
}

std::vector<Anomaly> FindingsTable::anomalies(const SqliteDatabase& db)
{
    std::vector<Anomaly> out;
    SqliteStatement query = db.prepare("SELECT entity, signal, start_ms, end_ms, peak_ms, significance, peak_score, "
                                       "expected, observed, detector FROM anomaly ORDER BY id");
    while (query.step()) {
        Anomaly a;
        a.series = {query.columnText(0), query.columnText(1)};
        a.startMs = query.columnInt(2);
        a.endMs = query.columnInt(3);
        a.peakMs = query.columnInt(4);
        a.significance = query.columnDouble(5);
        a.peakScore = query.columnDouble(6);
        a.expected = query.columnDouble(7);
        a.observed = query.columnDouble(8);
        a.detector = query.columnText(9);
        out.push_back(std::move(a));
    }
    return out;
}

std::vector<Incident> FindingsTable::incidents(const SqliteDatabase& db)
{
    std::vector<Incident> out;
    SqliteStatement query = db.prepare("SELECT incident_id, start_ms, end_ms, significance, first_affected, resolved, "
                                       "anomaly_indexes, candidates FROM incident ORDER BY id");
    while (query.step()) {
        Incident i;
        i.id = query.columnText(0);
        i.startMs = query.columnInt(1);
        i.endMs = query.columnInt(2);
        i.significance = query.columnDouble(3);
        i.firstAffected = query.columnText(4);
        i.resolved = query.columnInt(5) != 0;
        i.anomalyIndexes = indexesOf(query.columnText(6));
        i.candidates = candidatesOf(query.columnText(7));
        out.push_back(std::move(i));
    }
    return out;
}

std::vector<Note> FindingsTable::notes(const SqliteDatabase& db)
{
    std::vector<Note> out;
    SqliteStatement query = db.prepare(
        "SELECT t_ms, entity, text, author, created_ms, acknowledgement FROM note ORDER BY id");
    while (query.step()) {
        out.push_back({query.columnInt(0), query.columnText(1), query.columnText(2), query.columnText(3),
            query.columnInt(4), query.columnInt(5) != 0});
    }
    return out;
}

QMap<QString, QString> FindingsTable::settings(const SqliteDatabase& db)
{
    QMap<QString, QString> out;
    SqliteStatement query = db.prepare("SELECT key, value FROM setting");
    while (query.step())
        out.insert(query.columnText(0), query.columnText(1));
    return out;
}

} // namespace meshscope
