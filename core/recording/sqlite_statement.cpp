#include "sqlite_statement.h"

#include "sqlite_database.h"

#include <sqlite3.h>

#include <limits>
#include <utility>

namespace meshscope {

SqliteStatement::SqliteStatement(sqlite3_stmt* statement, const SqliteDatabase* database)
    : m_statement(statement)
    , m_database(database)
{
}

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : m_statement(std::exchange(other.m_statement, nullptr))
    , m_database(other.m_database)
{
}

SqliteStatement& SqliteStatement::operator=(SqliteStatement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_statement);
        m_statement = std::exchange(other.m_statement, nullptr);
        m_database = other.m_database;
    }
    return *this;
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

void SqliteStatement::bind(int index, qint64 value)
{
    const int rc = sqlite3_bind_int64(m_statement, index, value);
    if (rc != SQLITE_OK)
        m_database->fail(rc, QStringLiteral("binding a value"));
}

void SqliteStatement::bind(int index, double value)
{
    const int rc = sqlite3_bind_double(m_statement, index, value);
    if (rc != SQLITE_OK)
        m_database->fail(rc, QStringLiteral("binding a value"));
}

void SqliteStatement::bind(int index, const QString& value)
{
    const QByteArray utf8 = value.toUtf8();
    const int rc = sqlite3_bind_text(m_statement, index, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK)
        m_database->fail(rc, QStringLiteral("binding a value"));
}

void SqliteStatement::bindBlob(int index, const void* data, std::size_t size)
{
    const int rc = sqlite3_bind_blob64(m_statement, index, data, size, SQLITE_STATIC);
    if (rc != SQLITE_OK)
        m_database->fail(rc, QStringLiteral("binding a value"));
}

void SqliteStatement::bindNull(int index)
{
    const int rc = sqlite3_bind_null(m_statement, index);
    if (rc != SQLITE_OK)
        m_database->fail(rc, QStringLiteral("binding a value"));
}

bool SqliteStatement::step()
{
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    sqlite3_reset(m_statement);
    m_database->fail(rc, QStringLiteral("running \"%1\"").arg(QString::fromUtf8(sqlite3_sql(m_statement)).left(60)));
}

void SqliteStatement::run()
{
    step();
    reset();
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
}

qint64 SqliteStatement::columnInt(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

double SqliteStatement::columnDouble(int column) const
{
    if (sqlite3_column_type(m_statement, column) == SQLITE_NULL)
        return std::numeric_limits<double>::quiet_NaN();
    return sqlite3_column_double(m_statement, column);
}

QString SqliteStatement::columnText(int column) const
{
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, column));
    return QString::fromUtf8(text, sqlite3_column_bytes(m_statement, column));
}

bool SqliteStatement::columnIsNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

const unsigned char* SqliteStatement::columnBlob(int column, std::size_t* size) const
{
    const auto* data = static_cast<const unsigned char*>(sqlite3_column_blob(m_statement, column));
    *size = static_cast<std::size_t>(sqlite3_column_bytes(m_statement, column));
    return data;
}

} // namespace meshscope
