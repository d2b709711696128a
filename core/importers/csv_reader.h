#pragma once

#include <QByteArray>
#include <QString>

#include <string>
#include <string_view>
#include <vector>

namespace meshscope {

/// RFC 4180 rows from a byte buffer: quoted fields with doubled quotes and embedded line
/// breaks, LF or CRLF line ends. Fields are views valid until the next call of next().
class CsvReader
{
public:
    CsvReader(const QByteArray& data, QString where);
    /// Reads the next row into `fields`; false at the end. Throws MeshscopeError
    /// "file:line: reason" for an unterminated quote or text after a closing quote.
    bool next(std::vector<std::string_view>& fields);
    /// Line (1-based) where the row last returned by next() starts.
    qint64 line() const { return m_rowLine; }
    const QString& where() const { return m_where; }
    /// Throws MeshscopeError at the current row.
    [[noreturn]] void fail(const QString& message) const;

private:
    std::string_view quotedField(std::size_t& scratchUsed);

    const char* m_p;
    const char* m_end;
    QString m_where;
    qint64 m_line = 1;
    qint64 m_rowLine = 0;
    std::string m_scratch;
};

} // namespace meshscope
