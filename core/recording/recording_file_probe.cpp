#include "recording_file_probe.h"

#include "model/meshscope_error.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace meshscope {
namespace {

constexpr char SqliteMagic[] = "SQLite format 3"; // followed by a NUL byte
constexpr int SqliteHeaderBytes = 100;

quint32 bigEndian32(const QByteArray& header, int offset)
{
    const auto* p = reinterpret_cast<const unsigned char*>(header.constData() + offset);
    return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
}

bool startsWithMagic(const QByteArray& header)
{
    return header.size() >= 16 && header.startsWith(SqliteMagic) && header.at(15) == '\0';
}

qint64 nonEmptySize(const QString& path)
{
    const QFileInfo info(path);
    return info.exists() ? info.size() : 0;
}

quint32 pageSizeOf(const QByteArray& header)
{
    const quint32 raw = (quint32(static_cast<unsigned char>(header.at(16))) << 8) | static_cast<unsigned char>(header.at(17));
    return raw == 1 ? 65536 : raw;
}

bool validPageSize(const QByteArray& header)
{
    const quint32 size = pageSizeOf(header);
    return size >= 512 && size <= 65536 && (size & (size - 1)) == 0;
}

/// The database size the header promises, when it is reliable (SQLite >= 3.7.0 wrote it
/// and no older program changed the file since), else 0.
qint64 promisedBytes(const QByteArray& header)
{
    const quint32 pageSize = pageSizeOf(header);
    const quint32 pages = bigEndian32(header, 28);
    if (pages == 0 || bigEndian32(header, 24) != bigEndian32(header, 92))
        return 0;
    return qint64(pageSize) * pages;
}

} // namespace

bool RecordingFileProbe::hasSqliteHeader(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && startsWithMagic(file.read(16));
}

RecordingFileProbe RecordingFileProbe::inspect(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists())
        throw MeshscopeError(
            QCoreApplication::translate("meshscope", "The recording does not exist. Check the path."), path);
    if (info.isDir())
        throw MeshscopeError(QCoreApplication::translate(
                                 "meshscope", "This is a folder, not a recording. Choose a .meshrec file."),
            path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw MeshscopeError(QCoreApplication::translate(
                                 "meshscope", "The recording cannot be read (%1). Check its permissions.")
                                 .arg(file.errorString()),
            path);
    RecordingFileProbe probe;
    probe.m_fileBytes = info.size();
    if (probe.m_fileBytes == 0) {
        throw MeshscopeError(QCoreApplication::translate("meshscope",
                                 "The file is empty (0 bytes): it is not a recording, or writing it failed "
                                 "before anything was saved. Record or export it again."),
            path);
    }
    const QByteArray header = file.read(SqliteHeaderBytes);
    if (!startsWithMagic(header)) {
        throw MeshscopeError(QCoreApplication::translate("meshscope",
                                 "This is not a meshscope recording (it is not an SQLite file). If it holds "
                                 "metrics in another format, import it with `meshscope-cli import`."),
            path);
    }
    if (header.size() >= SqliteHeaderBytes && !validPageSize(header)) {
        throw MeshscopeError(
            QCoreApplication::translate("meshscope",
                "The recording is corrupt: its file header is damaged. Restore it from its source."),
            path);
    }
    const qint64 promised = header.size() < SqliteHeaderBytes ? -1 : promisedBytes(header);
    if (promised < 0 || probe.m_fileBytes < promised) {
        throw MeshscopeError(
            QCoreApplication::translate("meshscope",
                "The recording is truncated: it has %1 bytes but should have %2. The copy is "
                "incomplete; copy or download it again.")
                .arg(probe.m_fileBytes)
                .arg(promised < 0 ? QStringLiteral("at least %1").arg(SqliteHeaderBytes)
                                  : QString::number(promised)),
            path);
    }
    // Header bytes 18 and 19 are 2 in write-ahead-log mode, which only a writer that
    // did not close the file leaves behind (a clean close switches back to rollback mode).
    const bool walMode = header.at(18) == 2 || header.at(19) == 2;
    probe.m_needsRecovery = walMode || nonEmptySize(path + QStringLiteral("-wal")) > 0
        || nonEmptySize(path + QStringLiteral("-journal")) > 0;
    return probe;
}

} // namespace meshscope
