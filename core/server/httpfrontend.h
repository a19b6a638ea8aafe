// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server/connectionguard.h"
#include "server/httpmessage.h"

#include <QAbstractHttpServer>
#include <QAtomicInt>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>

#include <atomic>
#include <functional>
#include <memory>

class QHttpServerResponder;
class QSslConfiguration;

namespace Realm::Server {

class Metrics;
class Router;

// The one place that speaks Qt HttpServer: turns its requests into
// HttpRequest, finds the route, runs the handler's future and writes the
// HttpResponse back on the event loop — never waiting there. Every
// accepted connection gets a ConnectionGuard (size and time limits before
// Qt has read a whole request). Counts
// requests in flight so that a shutdown can stop accepting and then wait
// for the last answer. Writes one JSON log line per request: method,
// route, status, duration, user id — never a header or body.
class HttpFrontend final : public QAbstractHttpServer {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpFrontend)

public:
    using LogSink = std::function<void(const QByteArray &line)>;

    HttpFrontend(const Router &router, Metrics &metrics, QList<QHostAddress> trustedProxies, LogSink log, QObject *parent = nullptr);
    ~HttpFrontend() override;

    // Listens on address:port (0 picks a free port), over TLS when `tls` is
    // given, every connection guarded by `limits` (maxRequestBytes: 0 takes
    // the largest route body plus room for headers), and no more connections
    // at once than the process may open descriptors (less a reserve). The
    // port, or 0 when it cannot listen.
    quint16 listenGuarded(const QHostAddress &address, quint16 port, const QSslConfiguration *tls, ConnectionGuard::Limits limits);

    // Stops taking connections; drained() follows once no request is in flight.
    void stopAccepting();
    // Safe to read from any thread.
    int requestsInFlight() const { return m_inFlight.loadRelaxed(); }
    qint64 connectionsOpen() const { return m_connections->load(std::memory_order_relaxed); }

signals:
    void drained();

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    QString clientIp(const QHttpServerRequest &request) const;
    void finish(QHttpServerResponder &responder, const HttpRequest &request, const QString &route, const HttpResponse &response,
                const QElapsedTimer &timer);
    // Answers a request the guard stopped before it was whole.
    void refuse(QTcpSocket *socket, ConnectionGuard::Refusal why, double seconds);
    void record(const HttpRequest &request, const QString &route, const HttpResponse &response, double seconds);

    const Router &m_router;
    Metrics &m_metrics;
    QList<QHostAddress> m_trustedProxies;
    LogSink m_log;
    QAtomicInt m_inFlight = 0;
    bool m_stopping = false;
    // Open connections, guarded or upgraded; at most the descriptor limit
    // allows. Shared with the sockets, which may outlive the frontend.
    std::shared_ptr<std::atomic<qint64>> m_connections = std::make_shared<std::atomic<qint64>>(0);
};

} // namespace Realm::Server
