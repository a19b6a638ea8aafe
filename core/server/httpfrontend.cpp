// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/httpfrontend.h"

#include "server/eventhub.h"

#include "common/clock.h"
#include "common/jsontime.h"
#include "server/metrics.h"
#include "server/router.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <sys/resource.h>
#include <unistd.h>

namespace Realm::Server {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    case QHttpServerRequest::Method::Connect: return "CONNECT";
    case QHttpServerRequest::Method::Trace: return "TRACE";
    default: return "UNKNOWN";
    }
}

// Room for the request line and headers on top of the largest body.
constexpr qint64 kHeaderAllowance = 64 * 1024;

// A plain listener that hands each new socket to `watch` before Qt
// HttpServer sees it (QTcpServer offers no other moment for that); a
// socket `watch` refuses is closed at once.
class WatchingTcpServer final : public QTcpServer {
public:
    WatchingTcpServer(std::function<bool(QTcpSocket *)> watch, QObject *parent)
        : QTcpServer(parent)
        , m_watch(std::move(watch))
    {
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            ::close(int(descriptor));
            return;
        }
        if (!m_watch(socket)) {
            delete socket;
            return;
        }
        addPendingConnection(socket);
    }

private:
    std::function<bool(QTcpSocket *)> m_watch;
};

// How long a TLS client may take over its handshake.
constexpr std::chrono::seconds kHandshakeTimeout{10};

// Lives as long as its socket, counting it among the open connections.
class ConnectionCount final : public QObject {
public:
    ConnectionCount(QObject *socket, std::shared_ptr<std::atomic<qint64>> count)
        : QObject(socket)
        , m_count(std::move(count))
    {
        ++*m_count;
    }
    ~ConnectionCount() override { --*m_count; }
    Q_DISABLE_COPY_MOVE(ConnectionCount)

private:
    std::shared_ptr<std::atomic<qint64>> m_count;
};

// Sockets for other uses (database connections, files, the event hub's
// own) that the connection limit leaves free.
constexpr qint64 kReservedDescriptors = 128;

qint64 connectionLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
        return 65536;
    return std::max<qint64>(64, qint64(limit.rlim_cur) - kReservedDescriptors);
}

// An IPv4 client seen through an IPv6 socket as the IPv4 address it is.
QString plainAddress(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4).toString() : address.toString();
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 408: return "Request Timeout";
    case 413: return "Content Too Large";
    default: return "Error";
    }
}

} // namespace

HttpFrontend::HttpFrontend(const Router &router, Metrics &metrics, QList<QHostAddress> trustedProxies, LogSink log, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_router(router)
    , m_metrics(metrics)
    , m_trustedProxies(std::move(trustedProxies))
    , m_log(std::move(log))
{
}

HttpFrontend::~HttpFrontend() = default;

quint16 HttpFrontend::listenGuarded(const QHostAddress &address, quint16 port, const QSslConfiguration *tls, ConnectionGuard::Limits limits)
{
    if (limits.maxRequestBytes == 0) {
        for (const Route &route : m_router.routes())
            limits.maxRequestBytes = std::max(limits.maxRequestBytes, route.maxBodyBytes);
        limits.maxRequestBytes += kHeaderAllowance;
        // Each request is held to its own route's cap once its first line
        // is in: an upload route's megabytes widen no other route.
        limits.maxRequestBytesFor = [this, largest = limits.maxRequestBytes](const QByteArray &method, const QByteArray &path) {
            const Router::Match match = m_router.match(method, QString::fromUtf8(QByteArray::fromPercentEncoding(path)));
            return match.route ? std::min(match.route->maxBodyBytes + kHeaderAllowance, largest) : kHeaderAllowance;
        };
    }
    const qint64 maxConnections = connectionLimit();
    // False past the connection limit: the caller closes the socket.
    const auto watch = [this, limits, maxConnections](QTcpSocket *socket) {
        if (*m_connections >= maxConnections)
            return false;
        // Counted down by a child of the socket: Qt HttpServer disconnects
        // every signal of a socket it upgrades, so `destroyed` would not do.
        new ConnectionCount(socket, m_connections);
        ConnectionGuard::watch(socket, limits,
                               [this](QTcpSocket *refused, ConnectionGuard::Refusal why, double seconds) { refuse(refused, why, seconds); });
        return true;
    };
    QTcpServer *listener = nullptr;
    if (tls) {
        auto *tlsListener = new QSslServer(this);
        tlsListener->setSslConfiguration(*tls);
        // Connections count from the first handshake message on: until then
        // only this bounds them.
        tlsListener->setHandshakeTimeout(int(std::chrono::milliseconds(kHandshakeTimeout).count()));
        connect(tlsListener, &QSslServer::startedEncryptionHandshake, this, [watch](QSslSocket *socket) {
            if (!watch(socket))
                socket->abort();
        });
        listener = tlsListener;
    } else {
        listener = new WatchingTcpServer(watch, this);
    }
    if (!listener->listen(address, port)) {
        delete listener;
        return 0;
    }
    // Out of descriptors, QTcpServer stops accepting for good: try again
    // a moment later, when connections have ended.
    connect(listener, &QTcpServer::acceptError, listener, [listener] {
        QTimer::singleShot(std::chrono::seconds(1), listener, [listener] {
            if (listener->isListening()) // not once stopAccepting() closed it
                listener->resumeAccepting();
        });
    });
    bind(listener);
    return listener->serverPort();
}

void HttpFrontend::stopAccepting()
{
    m_stopping = true;
    const QList<QTcpServer *> listeners = servers();
    for (QTcpServer *listener : listeners)
        listener->close();
    if (m_inFlight.loadRelaxed() == 0)
        emit drained();
}

QString HttpFrontend::clientIp(const QHttpServerRequest &request) const
{
    const QHostAddress peer = request.remoteAddress();
    bool trusted = false;
    for (const QHostAddress &proxy : m_trustedProxies)
        trusted = trusted || proxy.isEqual(peer, QHostAddress::TolerantConversion);
    if (trusted) {
        // A trusted proxy appends the address it saw to the last
        // X-Forwarded-For header (HAProxy adds a header of its own after
        // the client's): only that last entry is vouched for.
        QByteArray forwardedFor;
        for (const auto &[name, value] : request.headers()) {
            if (name.compare("X-Forwarded-For", Qt::CaseInsensitive) == 0)
                forwardedFor = value;
        }
        if (!forwardedFor.isEmpty()) {
            const QHostAddress forwarded(QString::fromLatin1(forwardedFor.split(',').constLast().trimmed()));
            if (!forwarded.isNull())
                return forwarded.toString();
        }
    }
    return plainAddress(peer);
}

bool HttpFrontend::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Qt HttpServer 6.4 hands an upgrade request to the WebSocket side once
    // this returns true: then nothing may be answered here, or the client
    // reads an HTTP reply before the 101. Anywhere else, an upgrade is
    // answered like any unknown path.
    const bool upgrade = request.value(QByteArrayLiteral("upgrade")).compare(QByteArrayLiteral("websocket"), Qt::CaseInsensitive) == 0
                         && request.value(QByteArrayLiteral("connection")).toLower().contains(QByteArrayLiteral("upgrade"));
    ConnectionGuard *guard = ConnectionGuard::of(socket);
    if (upgrade && request.method() == QHttpServerRequest::Method::Get && request.url().path() == QLatin1String(EventHub::kPath)) {
        // Not while an answer is due on the connection (false: Qt HttpServer
        // then calls missingHandler, which answers nothing either).
        if (guard && !guard->upgradeRequested())
            return false;
        if (guard)
            guard->release();
        return true;
    }
    if (upgrade)
        return false;
    // Not run: a request sent before the previous one was answered (the
    // connection closes after that answer) or on a closing connection.
    if (guard && !guard->requestComplete())
        return true;
    QElapsedTimer timer;
    timer.start();
    HttpRequest message;
    message.method = methodName(request.method());
    message.path = request.url().path(QUrl::FullyDecoded);
    message.query = request.query();
    message.headers = request.headers();
    message.body = request.body();
    message.clientIp = clientIp(request);

    auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
    const Router::Match match = m_router.match(message.method, message.path);
    if (!match.route) {
        const HttpResponse response = match.pathKnown
            ? HttpResponse::error(405, QStringLiteral("method_not_allowed"), tr("%1 is not allowed on %2.").arg(QString::fromLatin1(message.method), message.path))
            : HttpResponse::error(404, QStringLiteral("not_found"), tr("There is nothing at %1.").arg(message.path));
        finish(*responder, message, QStringLiteral("unmatched"), response, timer);
        return true;
    }
    const Route &route = *match.route;
    if (message.body.size() > route.maxBodyBytes) {
        finish(*responder, message, route.pattern,
               HttpResponse::error(413, QStringLiteral("too_large"), tr("The request body is larger than the %1 bytes this route takes.").arg(route.maxBodyBytes)),
               timer);
        return true;
    }
    message.pathParameters = match.parameters;
    m_inFlight.ref();
    QPointer<QTcpSocket> alive(socket);
    const QString pattern = route.pattern;
    // A watcher brings the answer back to this thread. (Chained
    // QFuture::then(context) continuations were the prime suspect of a
    // crash seen once under wrk; a watcher is the older, plainer path.)
    // Whatever becomes of the work — an answer, an exception, a cancelled
    // task — the client gets an answer and the request stops counting.
    auto *watcher = new QFutureWatcher<HttpResponse>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, responder, alive, message, pattern, timer] {
        watcher->deleteLater();
        const QFuture<HttpResponse> future = watcher->future();
        HttpResponse response;
        try {
            response = future.isCanceled() || future.resultCount() == 0
                ? HttpResponse::fromError(Error::unavailable(tr("The server is shutting down. Try again in a moment.")))
                : future.result();
        } catch (...) {
            response = HttpResponse::fromError(Error::failed(QStringLiteral("The handler failed with an exception.")));
        }
        m_inFlight.deref();
        if (alive && alive->state() == QAbstractSocket::ConnectedState)
            finish(*responder, message, pattern, response, timer);
        if (m_stopping && m_inFlight.loadRelaxed() == 0)
            emit drained();
    });
    watcher->setFuture(route.handler(message));
    return true;
}

void HttpFrontend::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QElapsedTimer timer;
    timer.start();
    if (ConnectionGuard *guard = ConnectionGuard::of(socket); guard && !guard->requestComplete())
        return;
    QHttpServerResponder responder = makeResponder(request, socket);
    HttpRequest message;
    message.method = methodName(request.method());
    message.path = request.url().path();
    finish(responder, message, QStringLiteral("unmatched"), HttpResponse::error(404, QStringLiteral("not_found"), tr("There is nothing here.")), timer);
}

void HttpFrontend::finish(QHttpServerResponder &responder, const HttpRequest &request, const QString &route, const HttpResponse &response,
                          const QElapsedTimer &timer)
{
    QList<std::pair<QByteArray, QByteArray>> headers = response.headers;
    if (!response.contentType.isEmpty())
        headers.prepend(std::pair<QByteArray, QByteArray>("Content-Type", response.contentType));
    headers.append(std::pair<QByteArray, QByteArray>("Cache-Control", "no-store"));
    headers.append(std::pair<QByteArray, QByteArray>("X-Content-Type-Options", "nosniff"));
    ConnectionGuard *guard = ConnectionGuard::of(qobject_cast<QTcpSocket *>(responder.socket()));
    if (m_stopping || (guard && guard->closesAfterAnswer()))
        headers.append(std::pair<QByteArray, QByteArray>("Connection", "close"));
    responder.writeStatusLine(QHttpServerResponder::StatusCode(response.status));
    for (const auto &[name, value] : std::as_const(headers))
        responder.writeHeader(name, value);
    responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
    responder.writeBody(response.body);
    if (m_stopping) {
        // The process ends as soon as the last answer is written: hand it
        // to the kernel now, and close the connection behind it.
        responder.socket()->flush();
        responder.socket()->disconnectFromHost();
    } else if (guard) {
        guard->answered();
    }
    record(request, route, response, double(timer.nsecsElapsed()) / 1e9);
}

void HttpFrontend::refuse(QTcpSocket *socket, ConnectionGuard::Refusal why, double seconds)
{
    const bool tooLarge = why == ConnectionGuard::Refusal::TooLarge;
    const HttpResponse response = tooLarge
        ? HttpResponse::error(413, QStringLiteral("too_large"), tr("The request is larger than this server takes."))
        : HttpResponse::error(408, QStringLiteral("timeout"), tr("The request did not arrive in time. Send it again, whole."));
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    head += "Content-Type: " + response.contentType + "\r\nContent-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    head += "Cache-Control: no-store\r\nConnection: close\r\n\r\n";
    socket->write(head + response.body);
    HttpRequest request;
    request.method = "-";
    request.clientIp = plainAddress(socket->peerAddress()); // no headers to trust: the peer
    record(request, QStringLiteral("unfinished"), response, seconds);
}

void HttpFrontend::record(const HttpRequest &request, const QString &route, const HttpResponse &response, double seconds)
{
    m_metrics.recordRequest(route, request.method, response.status, seconds);
    if (!m_log)
        return;
    QJsonObject line{{QStringLiteral("time"), Json::time(Clock::nowMs())},
                     {QStringLiteral("method"), QString::fromLatin1(request.method)},
                     {QStringLiteral("route"), route},
                     {QStringLiteral("status"), response.status},
                     {QStringLiteral("duration_ms"), qRound(seconds * 100000) / 100.0},
                     {QStringLiteral("ip"), request.clientIp}};
    if (!response.userId.isEmpty())
        line.insert(QStringLiteral("user_id"), response.userId);
    if (!response.logNote.isEmpty())
        line.insert(QStringLiteral("error"), response.logNote);
    m_log(QJsonDocument(line).toJson(QJsonDocument::Compact));
}

} // namespace Realm::Server
