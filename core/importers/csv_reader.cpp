#include "csv_reader.h"

#include "import_util.h"
#include "model/meshscope_error.h"

#include <QCoreApplication>

namespace meshscope {

CsvReader::CsvReader(const QByteArray& data, QString where)
    : m_p(data.constData())
    , m_end(data.constData() + data.size())
    , m_where(std::move(where))
{
    if (data.startsWith("\xEF\xBB\xBF"))
        m_p += 3; // CASE-FORMAT.md forbids a BOM, but refusing one would help nobody
}

void CsvReader::fail(const QString& message) const
{
    throw MeshscopeError(message, importutil::lineWhere(m_where, m_rowLine));
}

std::string_view CsvReader::quotedField(std::size_t& scratchUsed)
{
    // Unquoted text goes into the scratch buffer, which was reserved for the whole
    // remaining input of this row so earlier views stay valid.
    const std::size_t start = scratchUsed;
    ++m_p;
    for (;;) {
        if (m_p >= m_end)
            fail(QCoreApplication::translate("meshscope", "unterminated quoted field"));
        const char c = *m_p++;
        if (c == '"') {
            if (m_p < m_end && *m_p == '"') {
                m_scratch[scratchUsed++] = '"';
                ++m_p;
                continue;
            }
            break;
        }
        if (c == '\n')
            ++m_line;
        m_scratch[scratchUsed++] = c;
    }
    if (m_p < m_end && *m_p != ',' && *m_p != '\n' && *m_p != '\r')
        fail(QCoreApplication::translate("meshscope", "unexpected text after a closing quote"));
    return std::string_view(m_scratch.data() + start, scratchUsed - start);
}

bool CsvReader::next(std::vector<std::string_view>& fields)
{
    fields.clear();
    if (m_p >= m_end)
        return false;
    m_rowLine = m_line;
    std::size_t scratchUsed = 0;
    bool scratchReady = false;
    for (;;) {
        if (m_p < m_end && *m_p == '"') {
            if (!scratchReady) {
                m_scratch.resize(static_cast<std::size_t>(m_end - m_p));
                scratchReady = true;
            }
            fields.push_back(quotedField(scratchUsed));
        } else {
            const char* begin = m_p;
            while (m_p < m_end && *m_p != ',' && *m_p != '\n' && *m_p != '\r')
                ++m_p;
            fields.emplace_back(begin, static_cast<std::size_t>(m_p - begin));
        }
        if (m_p < m_end && *m_p == ',') {
            ++m_p;
            continue;
        }
        if (m_p < m_end && *m_p == '\r')
            ++m_p;
        if (m_p < m_end && *m_p == '\n')
            ++m_p;
        ++m_line;
        return true;
    }
}

} // namespace meshscope
