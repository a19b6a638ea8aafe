// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/connectionguard.h"

#include <QTcpSocket>

#include <sys/socket.h>

namespace Realm::Server {

namespace {

// A request line longer than this is no route of ours.
constexpr qsizetype kMaxRequestLineBytes = 8192;

// How long a closing connection may take to hand over its last answer
// before it is cut: a client that stops reading must not keep it open.
constexpr std::chrono::seconds kLingerLimit{5};
// Answers written and not yet taken by the client, at most, when the next
// request arrives: a client that sends and never reads is dropped.
constexpr qint64 kMaxUnreadAnswerBytes = 1024 * 1024;

} // namespace

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, const Limits &limits, Refuse refuse)
    : QObject(socket)
    , m_socket(socket)
    , m_limits(limits)
    , m_refuse(std::move(refuse))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionGuard::timedOut);
    connect(socket, &QIODevice::readyRead, this, &ConnectionGuard::bytesArrived);
    // Qt HttpServer deletes the sockets it took; this one may end before
    // it is handed over (a TLS handshake that fails). Twice is harmless.
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    m_timer.start(m_limits.idleTimeout);
}

void ConnectionGuard::watch(QTcpSocket *socket, const Limits &limits, Refuse refuse)
{
    new ConnectionGuard(socket, limits, std::move(refuse));
}

ConnectionGuard *ConnectionGuard::of(QTcpSocket *socket)
{
    return socket ? socket->findChild<ConnectionGuard *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
}

void ConnectionGuard::bytesArrived()
{
    if (m_state == State::Closing)
        return;
    // This slot runs before the HTTP parser's, which reads what it takes
    // inside a transaction that bytesAvailable() does not count: what is
    // available now arrived since the last time.
    if (m_received == 0)
        m_requestStarted.start();
    const qint64 arrived = m_socket->bytesAvailable();
    m_received += arrived;
    if (m_cap == 0 && m_limits.maxRequestBytesFor)
        readRequestLine(arrived);
    if (m_received > currentCap()) {
        // With an answer still due, nothing may be written ahead of it.
        if (m_state == State::Answering)
            closeQuietly();
        else
            refuse(Refusal::TooLarge);
        return;
    }
    if (m_state == State::Idle) {
        m_state = State::Receiving;
        m_timer.start(m_limits.requestTimeout);
    }
}

void ConnectionGuard::readRequestLine(qint64 arrived)
{
    // What is available now arrived since the last time (see bytesArrived),
    // so the request's first bytes are collected here as they come.
    m_head += m_socket->peek(arrived).left(kMaxRequestLineBytes - m_head.size());
    // Empty lines before a request line are allowed (RFC 9112 2.2).
    qsizetype start = 0;
    while (start < m_head.size() && (m_head.at(start) == '\r' || m_head.at(start) == '\n'))
        ++start;
    const qsizetype end = m_head.indexOf('\n', start);
    if (end < 0) {
        if (m_head.size() >= kMaxRequestLineBytes)
            m_cap = m_limits.maxRequestBytesFor({}, {}); // no route: the smallest cap
        return;
    }
    const QList<QByteArray> parts = m_head.mid(start, end - start).simplified().split(' ');
    const QByteArray target = parts.size() == 3 ? parts.at(1) : QByteArray();
    const qsizetype query = target.indexOf('?');
    m_cap = m_limits.maxRequestBytesFor(parts.size() == 3 ? parts.at(0) : QByteArray(), query < 0 ? target : target.left(query));
    m_head.clear();
}

qint64 ConnectionGuard::currentCap() const
{
    if (m_cap > 0)
        return m_cap;
    // Until the request line is in, no more than a request line and
    // headers: a large cap only for a route that takes large bodies.
    return m_limits.maxRequestBytesFor ? m_limits.maxRequestBytesFor({}, {}) : m_limits.maxRequestBytes;
}

bool ConnectionGuard::requestComplete()
{
    if (m_state == State::Closing)
        return false;
    m_received = 0;
    m_cap = 0;
    m_head.clear();
    if (m_state == State::Answering) {
        m_closeAfterAnswer = true;
        return false;
    }
    if (m_socket->bytesToWrite() > kMaxUnreadAnswerBytes) {
        closeQuietly();
        return false;
    }
    m_state = State::Answering;
    m_timer.stop();
    return true;
}

bool ConnectionGuard::upgradeRequested()
{
    if (m_state == State::Closing || m_state == State::Answering) {
        // The 101 would go out ahead of the answer still due.
        m_closeAfterAnswer = true;
        return false;
    }
    return true;
}

void ConnectionGuard::answered()
{
    if (m_state == State::Closing)
        return;
    if (m_closeAfterAnswer) {
        closeQuietly();
        return;
    }
    // Bytes that came while the answer was being made begin the next
    // request; its time starts now.
    m_state = m_received > 0 ? State::Receiving : State::Idle;
    if (m_state == State::Receiving)
        m_requestStarted.start();
    m_timer.start(m_state == State::Receiving ? m_limits.requestTimeout : m_limits.idleTimeout);
}

void ConnectionGuard::release()
{
    m_timer.stop();
    disconnect(m_socket, nullptr, this, nullptr);
    deleteLater();
}

void ConnectionGuard::timedOut()
{
    switch (m_state) {
    case State::Idle: closeQuietly(); break;
    case State::Receiving: refuse(Refusal::TimedOut); break;
    case State::Answering: break;
    case State::Closing:
        // The client did not take its last answer, or did not hang up, in time.
        m_socket->abort();
        m_socket->deleteLater();
        break;
    }
}

void ConnectionGuard::stopParsing()
{
    m_state = State::Closing;
    disconnect(m_socket, &QIODevice::readyRead, nullptr, nullptr);
    // Whatever the parser had read stays in the socket's transaction: let it go.
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
}

void ConnectionGuard::refuse(Refusal why)
{
    stopParsing();
    m_refuse(m_socket, why, m_requestStarted.isValid() ? double(m_requestStarted.nsecsElapsed()) / 1e9 : 0.0);
    // A lingering close: the client may still be sending. Closing now with
    // its bytes unread would reset the connection, and the client would
    // never read the answer; so read and drop what comes, and on plain TCP
    // end our side once the answer is out, until the client hangs up (or
    // the linger limit passes).
    m_socket->readAll();
    connect(m_socket, &QIODevice::readyRead, this, [this] { m_socket->readAll(); });
    if (m_socket->inherits("QSslSocket")) {
        m_timer.start(kLingerLimit);
        return;
    }
    const auto endOurSide = [this] {
        if (m_socket->bytesToWrite() == 0 && m_socket->socketDescriptor() != -1)
            ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    };
    connect(m_socket, &QIODevice::bytesWritten, this, endOurSide);
    m_socket->flush();
    endOurSide();
    m_timer.start(kLingerLimit);
}

void ConnectionGuard::closeQuietly()
{
    stopParsing();
    m_socket->disconnectFromHost();
    m_timer.start(kLingerLimit);
}

} // namespace Realm::Server
