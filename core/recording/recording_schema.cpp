#include "recording_schema.h"

#include "chunk_codec.h"
#include "recording.h"
#include "sqlite_database.h"

#include "model/meshscope_error.h"

#include <QCoreApplication>

#include <iterator>
#include <utility>
#include <vector>

namespace meshscope {
namespace {

// Schema version 4. Version 1 lacked the per-series summary columns
// (sample_count, t_first, t_last) that let `info` answer without scanning the chunks,
// and the chunk checksums that tell damaged chunks from valid ones; version 2 lacked
// the alerts of Prometheus' alerting rules (external_alert); version 3 the detectors'
// checkpoints (detector_state).
const char* const CreateSql = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE series (
    id INTEGER PRIMARY KEY,
    entity TEXT NOT NULL,
    signal TEXT NOT NULL,
    sample_count INTEGER NOT NULL DEFAULT 0,
    t_first INTEGER,
    t_last INTEGER,
    UNIQUE (entity, signal));
CREATE TABLE chunk (
    id INTEGER PRIMARY KEY,
    series_id INTEGER NOT NULL REFERENCES series (id),
    t_start INTEGER NOT NULL,
    t_end INTEGER NOT NULL,
    n INTEGER NOT NULL,
    checksum INTEGER,
    times BLOB NOT NULL,
    vals BLOB NOT NULL);
CREATE INDEX chunk_by_series ON chunk (series_id, t_start, t_end);
CREATE TABLE topology_frame (
    id INTEGER PRIMARY KEY,
    t_ms INTEGER NOT NULL,
    base_id INTEGER REFERENCES topology_frame (id),
    body TEXT NOT NULL);
CREATE TABLE anomaly (
    id INTEGER PRIMARY KEY,
    entity TEXT NOT NULL,
    signal TEXT NOT NULL,
    start_ms INTEGER NOT NULL,
    end_ms INTEGER NOT NULL,
    peak_ms INTEGER NOT NULL,
    significance REAL,
    peak_score REAL,
    expected REAL,
    observed REAL,
    detector TEXT NOT NULL);
CREATE TABLE incident (
    id INTEGER PRIMARY KEY,
    incident_id TEXT NOT NULL,
    start_ms INTEGER NOT NULL,
    end_ms INTEGER NOT NULL,
    significance REAL,
    first_affected TEXT NOT NULL,
    resolved INTEGER NOT NULL,
    anomaly_indexes TEXT NOT NULL,
    candidates TEXT NOT NULL);
CREATE TABLE note (
    id INTEGER PRIMARY KEY,
    t_ms INTEGER NOT NULL,
    entity TEXT NOT NULL,
    text TEXT NOT NULL,
    author TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    acknowledgement INTEGER NOT NULL);
)sql";

// Added by version 3; both a new file and the migration from version 2 create it.
const char* const ExternalAlertSql = R"sql(
CREATE TABLE external_alert (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    entity TEXT NOT NULL,
    state TEXT NOT NULL,
    active_at_ms INTEGER NOT NULL,
    start_ms INTEGER NOT NULL,
    end_ms INTEGER NOT NULL,
    labels TEXT NOT NULL);
)sql";

// Added by version 4; both a new file and the migration from version 3 create it.
const char* const DetectorStateSql = R"sql(
CREATE TABLE detector_state (
    kind INTEGER NOT NULL,
    entity TEXT NOT NULL,
    signal TEXT NOT NULL,
    last_ms INTEGER NOT NULL,
    samples INTEGER NOT NULL,
    config TEXT NOT NULL,
    state BLOB NOT NULL,
    PRIMARY KEY (kind, entity, signal));
)sql";

void migrateFrom1(SqliteDatabase& db)
{
    db.exec(R"sql(
ALTER TABLE series ADD COLUMN sample_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE series ADD COLUMN t_first INTEGER;
ALTER TABLE series ADD COLUMN t_last INTEGER;
UPDATE series SET
    sample_count = (SELECT coalesce(sum(n), 0) FROM chunk WHERE series_id = series.id),
    t_first = (SELECT min(t_start) FROM chunk WHERE series_id = series.id),
    t_last = (SELECT max(t_end) FROM chunk WHERE series_id = series.id);
ALTER TABLE chunk ADD COLUMN checksum INTEGER;
)sql");
    std::vector<std::pair<qint64, qint64>> sums; // chunk id, checksum
    SqliteStatement chunks = db.prepare("SELECT id, times, vals FROM chunk");
    while (chunks.step()) {
        std::size_t timesSize = 0;
        std::size_t valuesSize = 0;
        const unsigned char* times = chunks.columnBlob(1, &timesSize);
        const unsigned char* values = chunks.columnBlob(2, &valuesSize);
        sums.emplace_back(chunks.columnInt(0),
            static_cast<qint64>(ChunkCodec::checksum(times, timesSize, values, valuesSize)));
    }
    SqliteStatement update = db.prepare("UPDATE chunk SET checksum = ? WHERE id = ?");
    for (const auto& [id, sum] : sums) {
        update.bind(1, sum);
        update.bind(2, id);
        update.run();
    }
}

void migrateFrom2(SqliteDatabase& db)
{
    // Version 2 files knew no external alerts: the table starts empty.
    db.exec(ExternalAlertSql);
}

void migrateFrom3(SqliteDatabase& db)
{
    // Version 3 files kept no detector checkpoints: the table starts empty.
    db.exec(DetectorStateSql);
}

using MigrationStep = void (*)(SqliteDatabase&);
// Step i brings version i + 1 to version i + 2.
constexpr MigrationStep MigrationSteps[] = {&migrateFrom1, &migrateFrom2, &migrateFrom3};
static_assert(
    std::size(MigrationSteps) == RecordingSchemaVersion - 1, "one migration step per older version");

void setVersion(SqliteDatabase& db, int version)
{
    const QByteArray sql = "PRAGMA user_version = " + QByteArray::number(version) + ";"
        + "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', '" + QByteArray::number(version)
        + "');";
    db.exec(sql.constData());
}

} // namespace

void RecordingSchema::create(SqliteDatabase& db)
{
    const QByteArray sql = "PRAGMA application_id = " + QByteArray::number(ApplicationId) + ";";
    db.exec(sql.constData());
    db.exec(CreateSql);
    db.exec(ExternalAlertSql);
    db.exec(DetectorStateSql);
    setVersion(db, RecordingSchemaVersion);
}

int RecordingSchema::checkVersion(const SqliteDatabase& db)
{
    if (db.queryInt("PRAGMA application_id") != ApplicationId || !db.tableExists("meta")) {
        throw MeshscopeError(QCoreApplication::translate("meshscope",
                                 "This is an SQLite database but not a meshscope recording. "
                                 "Open a .meshrec file, or import the data with `meshscope-cli import`."),
            db.displayPath());
    }
    const int version = static_cast<int>(db.queryInt("PRAGMA user_version"));
    if (version > RecordingSchemaVersion) {
        throw MeshscopeError(QCoreApplication::translate("meshscope",
                                 "The recording was written by a newer meshscope (schema version %1; this "
                                 "version reads up to %2). Update meshscope to open it.")
                                 .arg(version)
                                 .arg(RecordingSchemaVersion),
            db.displayPath());
    }
    if (version < 1) {
        throw MeshscopeError(QCoreApplication::translate("meshscope",
                                 "The recording has no schema version: it was never completely created "
                                 "or is damaged. Record or export it again."),
            db.displayPath());
    }
    return version;
}

void RecordingSchema::migrate(SqliteDatabase& db, int fromVersion)
{
    if (fromVersion >= RecordingSchemaVersion)
        return;
    db.exec("BEGIN IMMEDIATE");
    try {
        for (int version = fromVersion; version < RecordingSchemaVersion; ++version)
            MigrationSteps[version - 1](db);
        setVersion(db, RecordingSchemaVersion);
        db.exec("COMMIT");
    } catch (...) {
        try {
            db.exec("ROLLBACK");
        } catch (const MeshscopeError&) {
            // SQLite already rolled back; the original error is the one to report.
        }
        throw;
    }
}

} // namespace meshscope
