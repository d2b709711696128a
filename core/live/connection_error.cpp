#include "connection_error.h"

namespace meshscope {

ConnectionError::ConnectionError(ConnectionFailure failure, const QString& message, int httpStatus)
    : MeshscopeError(message)
    , m_failure(failure)
    , m_httpStatus(httpStatus)
{ }

bool ConnectionError::isTransient() const
{
    switch (m_failure) {
    case ConnectionFailure::Unreachable:
    case ConnectionFailure::Timeout:
    case ConnectionFailure::ServerError:
        return true;
    default:
        return false;
    }
}

QString connectionFailureName(ConnectionFailure failure)
{
    switch (failure) {
    case ConnectionFailure::Unreachable:
        return QStringLiteral("unreachable");
    case ConnectionFailure::Timeout:
        return QStringLiteral("timeout");
    case ConnectionFailure::Unauthorized:
        return QStringLiteral("unauthorized");
    case ConnectionFailure::Forbidden:
        return QStringLiteral("forbidden");
    case ConnectionFailure::BadQuery:
        return QStringLiteral("bad-query");
    case ConnectionFailure::NotFound:
        return QStringLiteral("not-found");
    case ConnectionFailure::ServerError:
        return QStringLiteral("server-error");
    case ConnectionFailure::Tls:
        return QStringLiteral("tls");
    case ConnectionFailure::BadResponse:
        return QStringLiteral("bad-response");
    }
    return QStringLiteral("unknown");
}

} // namespace meshscope
