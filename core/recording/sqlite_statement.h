#pragma once

#include <QString>

#include <cstddef>

struct sqlite3_stmt;

namespace meshscope {

class SqliteDatabase;

/// A prepared statement of a SqliteDatabase; move-only. Errors throw MeshscopeError.
class SqliteStatement
{
public:
    SqliteStatement() = default;
    SqliteStatement(sqlite3_stmt* statement, const SqliteDatabase* database);
    SqliteStatement(SqliteStatement&& other) noexcept;
    SqliteStatement& operator=(SqliteStatement&& other) noexcept;
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;
    ~SqliteStatement();

    /// Parameters are numbered from 1, as in SQLite.
    void bind(int index, qint64 value);
    /// NaN is stored as NULL by SQLite; columnDouble() reads NULL back as NaN.
    void bind(int index, double value);
    void bind(int index, const QString& value);
    void bindBlob(int index, const void* data, std::size_t size);
    void bindNull(int index);

    /// Advances to the next row; false when there is none (the statement is done).
    bool step();
    /// Steps a statement that returns no rows.
    void run();
    /// Makes the statement ready to run again with new bindings.
    void reset();

    /// Columns are numbered from 0.
    qint64 columnInt(int column) const;
    double columnDouble(int column) const;
    QString columnText(int column) const;
    bool columnIsNull(int column) const;
    /// Valid until the next step() or reset().
    const unsigned char* columnBlob(int column, std::size_t* size) const;

private:
    sqlite3_stmt* m_statement = nullptr;
    const SqliteDatabase* m_database = nullptr;
};

} // namespace meshscope
