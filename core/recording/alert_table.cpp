#include "alert_table.h"

#include "sqlite_database.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace meshscope {
namespace {

/// The first schema version with the external_alert table.
constexpr int AlertsSince = 3;

QString labelsJson(const QMap<QString, QString>& labels)
{
    QJsonObject object;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        object.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QMap<QString, QString> labelsOf(const QString& json)
{
    QMap<QString, QString> out;
    const QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
    for (auto it = object.begin(); it != object.end(); ++it)
        out.insert(it.key(), it.value().toString());
    return out;
}

} // namespace

void AlertTable::replaceAlerts(SqliteDatabase& db, const std::vector<ExternalAlert>& alerts)
{
    db.exec("DELETE FROM external_alert;");
    SqliteStatement insert
        = db.prepare("INSERT INTO external_alert (name, entity, state, active_at_ms, start_ms, "
                     "end_ms, labels) VALUES (?,?,?,?,?,?,?)");
    for (const ExternalAlert& a : alerts) {
        insert.bind(1, a.name);
        insert.bind(2, a.entity);
        insert.bind(3, a.state);
        insert.bind(4, a.activeAtMs);
        insert.bind(5, a.startMs);
        insert.bind(6, a.endMs);
        // Filtered again here: whatever a caller passes, a credential never reaches the file.
        insert.bind(7, labelsJson(alertLabelsWithoutSecrets(a.labels)));
        insert.run();
    }
}

std::vector<ExternalAlert> AlertTable::alerts(const SqliteDatabase& db, int schemaVersion)
{
    std::vector<ExternalAlert> out;
    if (schemaVersion < AlertsSince)
        return out;
    SqliteStatement query = db.prepare("SELECT name, entity, state, active_at_ms, start_ms, end_ms, labels "
                                       "FROM external_alert ORDER BY start_ms, id");
    while (query.step()) {
        ExternalAlert a;
        a.name = query.columnText(0);
        a.entity = query.columnText(1);
        a.state = query.columnText(2);
        a.activeAtMs = query.columnInt(3);
        a.startMs = query.columnInt(4);
        a.endMs = query.columnInt(5);
        a.labels = labelsOf(query.columnText(6));
        out.push_back(std::move(a));
    }
    return out;
}

int AlertTable::count(const SqliteDatabase& db, int schemaVersion)
{
    return schemaVersion < AlertsSince ? 0
                                       : static_cast<int>(db.queryInt("SELECT count(*) FROM external_alert"));
}

} // namespace meshscope
