#pragma once

#include <QString>

namespace meshscope {

/// Looks at a file before SQLite does, so that the common problems get a message a
/// person can act on instead of SQLite's "file is not a database".
class RecordingFileProbe
{
public:
    /// Throws MeshscopeError when `path` is missing, unreadable, empty, not an SQLite
    /// file or visibly truncated.
    static RecordingFileProbe inspect(const QString& path);

    /// True when the file starts with the SQLite header.
    static bool hasSqliteHeader(const QString& path);

    /// True when reading needs SQLite to recover first (a write-ahead log or a rollback
    /// journal left by a writer that did not close the file): that would write, so the
    /// reader works on a copy.
    bool needsRecovery() const { return m_needsRecovery; }
    qint64 fileBytes() const { return m_fileBytes; }

private:
    bool m_needsRecovery = false;
    qint64 m_fileBytes = 0;
};

} // namespace meshscope
