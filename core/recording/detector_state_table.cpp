#include "detector_state_table.h"

#include "sqlite_database.h"

namespace meshscope {
namespace {

/// The first schema version with the detector_state table.
constexpr int DetectorStatesSince = 4;

qint64 kindNumber(DetectorStateTable::Kind kind)
{
    return static_cast<qint64>(kind);
}

} // namespace

void DetectorStateTable::replaceCheckpoints(
    SqliteDatabase& db, Kind kind, const std::vector<DetectorCheckpoint>& checkpoints)
{
    SqliteStatement clear = db.prepare("DELETE FROM detector_state WHERE kind = ?");
    clear.bind(1, kindNumber(kind));
    clear.run();
    SqliteStatement insert
        = db.prepare("INSERT OR REPLACE INTO detector_state (kind, entity, signal, last_ms, "
                     "samples, config, state) VALUES (?,?,?,?,?,?,?)");
    for (const DetectorCheckpoint& c : checkpoints) {
        insert.bind(1, kindNumber(kind));
        insert.bind(2, c.series.entity);
        insert.bind(3, c.series.signal);
        insert.bind(4, c.lastMs);
        insert.bind(5, c.samples);
        insert.bind(6, c.config);
        insert.bindBlob(7, c.state.constData(), static_cast<std::size_t>(c.state.size()));
        insert.run();
    }
}

std::vector<DetectorCheckpoint> DetectorStateTable::checkpoints(
    const SqliteDatabase& db, int schemaVersion, Kind kind)
{
    std::vector<DetectorCheckpoint> out;
    if (schemaVersion < DetectorStatesSince)
        return out;
    SqliteStatement query
        = db.prepare("SELECT entity, signal, last_ms, samples, config, state FROM detector_state "
                     "WHERE kind = ? ORDER BY entity, signal");
    query.bind(1, kindNumber(kind));
    while (query.step()) {
        DetectorCheckpoint c;
        c.series = {query.columnText(0), query.columnText(1)};
        c.lastMs = query.columnInt(2);
        c.samples = query.columnInt(3);
        c.config = query.columnText(4);
        std::size_t size = 0;
        const unsigned char* blob = query.columnBlob(5, &size);
        c.state = QByteArray(reinterpret_cast<const char*>(blob), static_cast<qsizetype>(size));
        out.push_back(std::move(c));
    }
    return out;
}

int DetectorStateTable::count(const SqliteDatabase& db, int schemaVersion, Kind kind)
{
    if (schemaVersion < DetectorStatesSince)
        return 0;
    SqliteStatement query = db.prepare("SELECT count(*) FROM detector_state WHERE kind = ?");
    query.bind(1, kindNumber(kind));
    return query.step() ? static_cast<int>(query.columnInt(0)) : 0;
}

} // namespace meshscope
