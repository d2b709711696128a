#pragma once

#include "model/meshscope_error.h"

#include <QString>

namespace meshscope {

/// Why a call to Prometheus or Kiali failed, so callers (and people) can tell a typo in
/// PromQL from a server that is down or a token that expired.
enum class ConnectionFailure {
    Unreachable, ///< DNS, connection refused, connection reset
    Timeout, ///< no answer within the timeout
    Unauthorized, ///< 401: credentials missing, wrong or expired
    Forbidden, ///< 403: credentials valid but not allowed
    BadQuery, ///< 400/422: the server rejected the request (bad PromQL, bad parameter)
    NotFound, ///< 404: wrong URL or path prefix, or an endpoint this version lacks
    ServerError, ///< 5xx after the retries were used up
    Tls, ///< certificate or handshake problem
    BadResponse, ///< the body is not what the API promises (garbage, proxy HTML page)
};

/// A failed call to a live endpoint. The message never holds a secret.
class ConnectionError : public MeshscopeError
{
public:
    ConnectionError(ConnectionFailure failure, const QString& message, int httpStatus = 0);

    ConnectionFailure failure() const { return m_failure; }
    /// HTTP status of the final attempt, 0 when there was no HTTP answer.
    int httpStatus() const { return m_httpStatus; }
    /// Whether trying again later can help (server or network trouble, not our request).
    bool isTransient() const;

private:
    ConnectionFailure m_failure;
    int m_httpStatus;
};

QString connectionFailureName(ConnectionFailure failure);

} // namespace meshscope
