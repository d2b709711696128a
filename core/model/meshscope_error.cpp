#include "meshscope_error.h"

#include <QCoreApplication>

namespace meshscope {

MeshscopeError::MeshscopeError(const QString& message)
    : std::runtime_error(message.toStdString())
    , m_full(message)
{
}

MeshscopeError::MeshscopeError(const QString& message, const QString& where)
    : std::runtime_error(QString(where + QStringLiteral(": ") + message).toStdString())
    , m_full(where.isEmpty() ? message : where + QStringLiteral(": ") + message)
    , m_where(where)
{
}

CancelledError::CancelledError()
    : MeshscopeError(QCoreApplication::translate("meshscope", "Cancelled"))
{
}

} // namespace meshscope
