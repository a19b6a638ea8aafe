// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>

class QTcpSocket;

namespace Realm::Server {

// Bounds what one HTTP connection may cost before a handler sees its
// request. Qt HttpServer 6.4 buffers a request whole before handing it on,
// so without a guard a client could send an endless body or trickle one
// header byte a minute and hold memory and a socket for ever (Slowloris).
// The guard watches the raw socket from the moment it is accepted:
//   - bytes received for one request past maxRequestBytes: refused (413);
//   - a request begun but not complete within requestTimeout: refused (408);
//   - no request at all for idleTimeout (also a kept-alive connection left
//     open): closed without a word;
//   - one request at a time: a request that arrives before the previous
//     one is answered (HTTP pipelining, whose answers could otherwise leave
//     out of order) is not run; the connection closes after the answer in
//     flight, and the client sends it again on a new one (RFC 9112 9.3.2);
//   - answers the client does not read stop the connection.
// Nothing is timed while a handler works on a complete request. A refused
// request's answer is followed by a lingering close (the client's unread
// bytes are drained, not reset), so the client reads the answer. Once the
// connection becomes a WebSocket the guard steps aside: the event hub
// bounds its own messages and deadlines.
class ConnectionGuard final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionGuard)

public:
    struct Limits {
        // Every request's cap, unless maxRequestBytesFor is set.
        qint64 maxRequestBytes = 128 * 1024;
        // The cap for a request to `path` with `method`, so one route's
        // large bodies widen no other; called with both empty for the cap
        // until the request line is in (and for no route).
        std::function<qint64(const QByteArray &method, const QByteArray &path)> maxRequestBytesFor;
        std::chrono::milliseconds requestTimeout = std::chrono::seconds(30);
        std::chrono::milliseconds idleTimeout = std::chrono::seconds(60);
    };
    enum class Refusal { TooLarge, TimedOut };
    // Writes the answer to a refused request (the guard closes the socket
    // after); `seconds` since the request's first byte.
    using Refuse = std::function<void(QTcpSocket *socket, Refusal why, double seconds)>;

    // Guards `socket` (the guard becomes its child). Call before anything
    // else connects to the socket's readyRead: the guard must count bytes
    // before the HTTP parser takes them.
    static void watch(QTcpSocket *socket, const Limits &limits, Refuse refuse);
    // The guard of `socket`, if it has one.
    static ConnectionGuard *of(QTcpSocket *socket);

    // The HTTP layer has a complete request. True: answer it (nothing is
    // timed meanwhile); false: do not (see the class comment).
    [[nodiscard]] bool requestComplete();
    // The same for a request to become a WebSocket: false while an answer
    // is still due on the connection.
    [[nodiscard]] bool upgradeRequested();
    // The answer is written: the connection is idle until the next request.
    void answered();
    // The connection is no longer HTTP (upgraded to a WebSocket).
    void release();
    // The answer being made is the connection's last (it should say
    // "Connection: close").
    bool closesAfterAnswer() const { return m_closeAfterAnswer; }

private:
    ConnectionGuard(QTcpSocket *socket, const Limits &limits, Refuse refuse);
    void bytesArrived();
    // Takes the request line from the `arrived` bytes, then the cap of its route.
    void readRequestLine(qint64 arrived);
    // The cap of the request being received.
    qint64 currentCap() const;
    void timedOut();
    void refuse(Refusal why);
    void closeQuietly();
    void stopParsing();

    enum class State { Idle, Receiving, Answering, Closing };
    QTcpSocket *m_socket;
    Limits m_limits;
    Refuse m_refuse;
    QTimer m_timer;
    QElapsedTimer m_requestStarted;
    State m_state = State::Idle;
    qint64 m_received = 0;          // bytes of requests not yet handed to a handler
    qint64 m_cap = 0;               // the request's cap, once its first line is in (0: not yet)
    QByteArray m_head;              // the request's first bytes, until its line is in
    bool m_closeAfterAnswer = false; // a pipelined request came: this answer is the last
};

} // namespace Realm::Server
