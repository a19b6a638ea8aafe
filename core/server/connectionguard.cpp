// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/connectionguard.h"

#include <QTcpSocket>

namespace Realm::Server {

namespace {

// How long a closing connection may take to hand over its last answer
// before it is cut: a client that stops reading must not keep it open.
constexpr std::chrono::seconds kLingerLimit{5};

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
    // The HTTP parser reads everything at each readyRead, and this slot runs
    // before it: what is available now arrived since the last time.
    m_received += m_socket->bytesAvailable();
    if (m_received > m_limits.maxRequestBytes) {
        refuse(Refusal::TooLarge);
        return;
    }
    if (m_state == State::Idle) {
        m_state = State::Receiving;
        m_timer.start(m_limits.requestTimeout);
    }
}

void ConnectionGuard::requestComplete()
{
    if (m_state == State::Closing)
        return;
    m_state = State::Answering;
    m_received = 0;
    m_timer.stop();
}

void ConnectionGuard::answered()
{
    if (m_state == State::Closing)
        return;
    // Bytes that came while the answer was being made begin the next request.
    m_state = m_received > 0 ? State::Receiving : State::Idle;
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
    case State::Idle: close(); break;
    case State::Receiving: refuse(Refusal::TimedOut); break;
    case State::Answering: break;
    case State::Closing:
        // The client did not take its last answer in time.
        m_socket->abort();
        m_socket->deleteLater();
        break;
    }
}

void ConnectionGuard::refuse(Refusal why)
{
    // The parser must not see another byte of this connection.
    disconnect(m_socket, &QIODevice::readyRead, nullptr, nullptr);
    m_state = State::Closing;
    m_refuse(m_socket, why);
    close();
}

void ConnectionGuard::close()
{
    disconnect(m_socket, &QIODevice::readyRead, nullptr, nullptr);
    m_state = State::Closing;
    // Deleted when closed, by Qt HttpServer or, should it have let go of
    // the socket (as it does after a request it cannot parse), by the timer.
    connect(m_socket, &QAbstractSocket::disconnected, m_socket, &QObject::deleteLater, Qt::UniqueConnection);
    m_socket->disconnectFromHost();
    m_timer.start(kLingerLimit);
}

} // namespace Realm::Server
