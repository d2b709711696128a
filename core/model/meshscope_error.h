#pragma once

#include <QString>

#include <stdexcept>

namespace meshscope {

/// The one exception type of the core: a message a person can act on, optionally with
/// the place (file, line or byte offset) where the problem was found.
class MeshscopeError : public std::runtime_error
{
public:
    explicit MeshscopeError(const QString& message);
    MeshscopeError(const QString& message, const QString& where);

    /// "where: message" when a place is known, else the message.
    QString message() const { return m_full; }
    QString where() const { return m_where; }

private:
    QString m_full;
    QString m_where;
};

/// Thrown when a long job notices it was cancelled.
class CancelledError : public MeshscopeError
{
public:
    CancelledError();
};

} // namespace meshscope
