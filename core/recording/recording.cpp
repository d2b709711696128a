#include "recording.h"

#include "recording_file_probe.h"
#include "recording_schema.h"
#include "sqlite_recording_reader.h"
#include "sqlite_recording_writer.h"

#include "model/meshscope_error.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

namespace meshscope {
namespace {

const QString SidecarSuffixes[] = {QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")};

void setWritePragmas(SqliteDatabase& db)
{
    // WAL: appends never rewrite earlier pages and a crash loses only the open
    // transaction. synchronous=NORMAL survives a killed process (not a power cut),
    // which is the trade-off a metrics recording wants.
    db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -16384;");
}

} // namespace

std::unique_ptr<RecordingWriter> RecordingWriter::create(const QString& path, bool overwrite)
{
    if (QFileInfo::exists(path)) {
        if (!overwrite)
            throw MeshscopeError(QCoreApplication::translate("meshscope",
                                     "The file already exists; choose another name or allow overwriting it."),
                path);
        if (!QFile::remove(path))
            throw MeshscopeError(QCoreApplication::translate("meshscope",
                                     "The existing file cannot be replaced; check its permissions."),
                path);
    }
    for (const QString& suffix : SidecarSuffixes)
        QFile::remove(path + suffix);
    auto db = std::make_unique<SqliteDatabase>(path, QFile::encodeName(path),
        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    // Chunks are 1-3 KiB: large pages hold many of them with little slack.
    db->exec("PRAGMA page_size = 16384");
    setWritePragmas(*db);
    db->exec("BEGIN IMMEDIATE");
    RecordingSchema::create(*db);
    // SOURCE_DATE_EPOCH (the reproducible-builds convention) pins the creation time, so
    // the demo recording built from a fixed seed is byte-identical on every machine.
    bool pinned = false;
    const qint64 epoch = qEnvironmentVariableIntValue("SOURCE_DATE_EPOCH", &pinned);
    const QDateTime createdAt = pinned ? QDateTime::fromSecsSinceEpoch(epoch, Qt::UTC)
                                       : QDateTime::currentDateTimeUtc();
    const QString created = createdAt.toString(Qt::ISODateWithMs);
    db->exec(QStringLiteral("INSERT INTO meta (key, value) VALUES ('created_by', 'meshscope %1'), ('created_at', '%2')")
                 .arg(QLatin1String(MESHSCOPE_VERSION), created)
                 .toUtf8()
                 .constData());
    db->exec("COMMIT");
    return std::make_unique<SqliteRecordingWriter>(std::move(db));
}

std::unique_ptr<RecordingWriter> RecordingWriter::openForAppend(const QString& path)
{
    RecordingFileProbe::inspect(path);
    // Read-write: SQLite itself recovers a log left by a crash, in place.
    auto db = std::make_unique<SqliteDatabase>(path, QFile::encodeName(path), SQLITE_OPEN_READWRITE);
    const int version = RecordingSchema::checkVersion(*db);
    setWritePragmas(*db);
    RecordingSchema::migrate(*db, version);
    return std::make_unique<SqliteRecordingWriter>(std::move(db));
}

std::unique_ptr<RecordingReader> RecordingReader::open(const QString& path)
{
    return std::make_unique<SqliteRecordingReader>(path);
}

Dataset loadRecording(const QString& path, const JobControl* job)
{
    Dataset dataset;
    RecordingReader::open(path)->readInto(dataset, job);
    return dataset;
}

void saveRecording(const Dataset& dataset, const QString& path, bool overwrite, const JobControl* job)
{
    std::unique_ptr<RecordingWriter> writer = RecordingWriter::create(path, overwrite);
    try {
        writer->writeDataset(dataset, job);
        writer->close();
    } catch (...) {
        // A half-written file would look like a recording; leave nothing behind.
        writer.reset();
        QFile::remove(path);
        for (const QString& suffix : SidecarSuffixes)
            QFile::remove(path + suffix);
        throw;
    }
}

bool looksLikeRecording(const QString& path)
{
    return RecordingFileProbe::hasSqliteHeader(path);
}

} // namespace meshscope
