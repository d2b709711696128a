#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPair>
#include <QString>
#include <QTcpServer>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

namespace meshscope::testing {

struct FakeRequest
{
    QByteArray method;
    QString path;
    QUrlQuery query;
    QMap<QByteArray, QByteArray> headers; ///< lower-case names
    QByteArray body;

    QByteArray header(const QByteArray& name) const { return headers.value(name.toLower()); }
};

struct FakeResponse
{
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    bool stall = false; ///< never answer (the client's timeout must fire)
    bool drop = false; ///< close the connection without an answer

    static FakeResponse json(const QByteArray& body, int status = 200);
    static FakeResponse text(const QByteArray& body, int status);
};

/// A tiny HTTP/1.1 server on 127.0.0.1 for tests: one handler answers every request
/// (Connection: close). Serves Kiali bodies, errors, stalls and garbage on demand.
class FakeHttpServer : public QObject
{
public:
    using Handler = std::function<FakeResponse(const FakeRequest&)>;

    explicit FakeHttpServer(Handler handler);
    QUrl url() const;
    /// Every request received so far.
    const QList<FakeRequest>& requests() const { return m_requests; }
    int count(const QString& path) const;

private:
    void onConnection();

    QTcpServer m_server;
    Handler m_handler;
    QList<FakeRequest> m_requests;
};

} // namespace meshscope::testing
