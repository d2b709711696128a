#include "sqlite_database.h"

#include "model/meshscope_error.h"

#include <QCoreApplication>

#include <sqlite3.h>

namespace meshscope {

SqliteDatabase::SqliteDatabase(const QString& displayPath, const QByteArray& fileName, int flags)
    : m_displayPath(displayPath)
{
    const int rc = sqlite3_open_v2(fileName.constData(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK)
        fail(rc, QStringLiteral("opening"));
    sqlite3_extended_result_codes(m_db, 1);
    // A busy file (another meshscope writing) waits a little instead of failing at once.
    sqlite3_busy_timeout(m_db, 2000);
}

SqliteDatabase::~SqliteDatabase()
{
    sqlite3_close_v2(m_db);
}

void SqliteDatabase::exec(const char* sql)
{
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        fail(rc, QStringLiteral("running \"%1\"").arg(QString::fromUtf8(sql).simplified().left(60)));
}

SqliteStatement SqliteDatabase::prepare(const char* sql) const
{
    sqlite3_stmt* statement = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
    if (rc != SQLITE_OK)
        fail(rc, QStringLiteral("preparing \"%1\"").arg(QString::fromUtf8(sql).simplified().left(60)));
    return SqliteStatement(statement, this);
}

qint64 SqliteDatabase::queryInt(const char* sql) const
{
    SqliteStatement statement = prepare(sql);
    return statement.step() ? statement.columnInt(0) : 0;
}

qint64 SqliteDatabase::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

bool SqliteDatabase::tableExists(const char* name) const
{
    SqliteStatement statement = prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    statement.bind(1, QString::fromUtf8(name));
    return statement.step();
}

void SqliteDatabase::fail(int rc, const QString& doing) const
{
    const QString detail = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString::fromUtf8(sqlite3_errstr(rc));
    QString message;
    switch (rc & 0xff) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        message = QCoreApplication::translate("meshscope",
            "The recording is corrupt (%1 while %2). Restore it from its source; "
            "`sqlite3 FILE .recover` may save part of it.");
        break;
    case SQLITE_FULL:
        message = QCoreApplication::translate(
            "meshscope", "The disk is full (%1 while %2). Free some space and try again.");
        break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        message = QCoreApplication::translate("meshscope",
            "The recording is in use by another program (%1 while %2). Close it there and try again.");
        break;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
        message = QCoreApplication::translate("meshscope",
            "The recording cannot be opened or written (%1 while %2). Check the path and its permissions.");
        break;
    case SQLITE_IOERR:
        message = QCoreApplication::translate(
            "meshscope", "Reading or writing the recording failed (%1 while %2). Check the disk.");
        break;
    default:
        message = QCoreApplication::translate("meshscope", "SQLite failed on the recording (%1 while %2).");
        break;
    }
    throw MeshscopeError(message.arg(detail, doing), m_displayPath);
}

} // namespace meshscope
