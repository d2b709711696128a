#pragma once

#include "sqlite_statement.h"

#include <QString>

struct sqlite3;

namespace meshscope {

/// One SQLite connection of a recording. Every failure becomes a MeshscopeError that
/// names the recording (not a temporary copy) and says what to do.
class SqliteDatabase
{
public:
    /// Opens `fileName` (a path, or a `file:` URI when `flags` has SQLITE_OPEN_URI) with
    /// sqlite3_open_v2 flags. `displayPath` is the path named in error messages.
    SqliteDatabase(const QString& displayPath, const QByteArray& fileName, int flags);
    SqliteDatabase(const SqliteDatabase&) = delete;
    SqliteDatabase& operator=(const SqliteDatabase&) = delete;
    ~SqliteDatabase();

    /// Runs one or more statements that return nothing.
    void exec(const char* sql);
    SqliteStatement prepare(const char* sql) const;
    /// The first column of the first row of `sql` as an integer (0 when there is no row).
    qint64 queryInt(const char* sql) const;
    qint64 lastInsertRowId() const;
    bool tableExists(const char* name) const;
    const QString& displayPath() const { return m_displayPath; }

    /// Throws the MeshscopeError for SQLite result code `rc` that happened while `doing`.
    [[noreturn]] void fail(int rc, const QString& doing) const;

private:
    sqlite3* m_db = nullptr;
    QString m_displayPath;
};

} // namespace meshscope
