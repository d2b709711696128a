#include "detector_state_table.h"

#include "sqlite_database.h"

namespace meshscope {
namespace {

/// The first schema version with the detector_state table.
constexpr int DetectorStatesSince = 4;

} // namespace

void DetectorStateTable::replaceCheckpoints(SqliteDatabase& db, const std::vector<DetectorCheckpoint>& checkpoints)
{
    db.exec("DELETE FROM detector_state;");
    SqliteStatement insert = db.prepare(
        "INSERT OR REPLACE INTO detector_state (entity, signal, last_ms, samples, config, state) VALUES (?,?,?,?,?,?)");
    for (const DetectorCheckpoint& c : checkpoints) {
        insert.bind(1, c.series.entity);
        insert.bind(2, c.series.signal);
        insert.bind(3, c.lastMs);
        insert.bind(4, c.samples);
        insert.bind(5, c.config);
        insert.bindBlob(6, c.state.constData(), static_cast<std::size_t>(c.state.size()));
        insert.run();
    }
}

std::vector<DetectorCheckpoint> DetectorStateTable::checkpoints(const SqliteDatabase& db, int schemaVersion)
{
    std::vector<DetectorCheckpoint> out;
    if (schemaVersion < DetectorStatesSince)
        return out;
    SqliteStatement query = db.prepare(
        "SELECT entity, signal, last_ms, samples, config, state FROM detector_state ORDER BY entity, signal");
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

int DetectorStateTable::count(const SqliteDatabase& db, int schemaVersion)
{
    return schemaVersion < DetectorStatesSince
        ? 0
        : static_cast<int>(db.queryInt("SELECT count(*) FROM detector_state"));
}

} // namespace meshscope
