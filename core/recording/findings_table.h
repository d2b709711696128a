#pragma once

#include "model/findings.h"

#include <QMap>
#include <QString>

#include <vector>

namespace meshscope {

class SqliteDatabase;

/// Reads and writes the anomaly, incident, note and setting tables of a recording.
/// Writers call these inside their open transaction.
class FindingsTable
{
public:
    /// Replaces all stored anomalies and incidents.
    static void replaceFindings(SqliteDatabase& db, const std::vector<Anomaly>& anomalies,
        const std::vector<Incident>& incidents);
    static void addNote(SqliteDatabase& db, const Note& note);
    static void setSetting(SqliteDatabase& db, const QString& key, const QString& value);

    static std::vector<Anomaly> anomalies(const SqliteDatabase& db);
    static std::vector<Incident> incidents(const SqliteDatabase& db);
    static std::vector<Note> notes(const SqliteDatabase& db);
    static QMap<QString, QString> settings(const SqliteDatabase& db);
};

} // namespace meshscope
