#pragma once

#include <cstdint>

namespace meshscope {

class SqliteDatabase;

/// The tables of a `.meshrec` file and the migrations between schema versions.
///
/// A recording is recognised by `PRAGMA application_id` (ApplicationId) and carries its
/// schema version both in `PRAGMA user_version` and in the `meta` table.
class RecordingSchema
{
public:
    /// "MSHR" in ASCII.
    static constexpr std::int32_t ApplicationId = 0x4D534852;

    /// Creates the tables of the current schema in an empty database.
    static void create(SqliteDatabase& db);
    /// The schema version of an open database. Throws MeshscopeError when it is not a
    /// recording or was written by a newer meshscope.
    static int checkVersion(const SqliteDatabase& db);
    /// Brings a database of an older schema to the current one, one version at a time,
    /// in one transaction (all or nothing).
    static void migrate(SqliteDatabase& db, int fromVersion);
};

} // namespace meshscope
