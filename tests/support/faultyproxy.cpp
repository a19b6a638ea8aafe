// SPDX-License-Identifier: GPL-3.0-or-later
#include "faultyproxy.h"

#include <QSemaphore>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

namespace Realm::Test {

namespace {

constexpr int kWaitMs = 10000;

// One HTTP message off a blocking socket: head and body (by Content-Length).
struct Message {
    QByteArray head; // up to and including the blank line
    QByteArray body;
    bool complete = false;
};

qint64 contentLength(const QByteArray &head)
{
    for (const QByteArray &line : head.split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (trimmed.toLower().startsWith("content-length:"))
            return trimmed.mid(15).trimmed().toLongLong();
    }
    return 0;
}

Message readMessage(QTcpSocket &socket)
{
    Message message;
    QByteArray buffer;
    qsizetype headEnd = -1;
    while ((headEnd = buffer.indexOf("\r\n\r\n")) < 0) {
        if (!socket.bytesAvailable() && !socket.waitForReadyRead(kWaitMs))
            return message;
        buffer += socket.readAll();
    }
    message.head = buffer.left(headEnd + 4);
    message.body = buffer.mid(headEnd + 4);
    const qint64 length = contentLength(message.head);
    while (message.body.size() < length) {
        if (!socket.bytesAvailable() && !socket.waitForReadyRead(kWaitMs))
            return message;
        message.body += socket.readAll();
    }
    message.complete = true;
    return message;
}

// The head with "Connection: close" in place of whatever it said.
QByteArray closing(const QByteArray &head)
{
    QList<QByteArray> lines = head.left(head.size() - 4).split('\n');
    for (qsizetype i = lines.size() - 1; i >= 1; --i) {
        if (lines.at(i).trimmed().toLower().startsWith("connection:"))
            lines.removeAt(i);
    }
    lines.append("Connection: close\r");
    return lines.join('\n') + "\r\n\r\n";
}

void finish(QTcpSocket &socket, const QByteArray &bytes)
{
    socket.write(bytes);
    while (socket.bytesToWrite() > 0 && socket.waitForBytesWritten(kWaitMs)) {
    }
    socket.disconnectFromHost();
    if (socket.state() != QAbstractSocket::UnconnectedState)
        socket.waitForDisconnected(kWaitMs);
}

QByteArray response(const QByteArray &status, const QByteArray &contentType, const QByteArray &body)
{
    return "HTTP/1.1 " + status + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + QByteArray::number(body.size())
           + "\r\nConnection: close\r\n\r\n" + body;
}

} // namespace

const char *FaultyProxy::faultName(Fault fault)
{
    switch (fault) {
    case Fault::None: return "none";
    case Fault::Refuse: return "refuse";
    case Fault::Drop: return "drop";
    case Fault::DropAfterActing: return "drop-after-acting";
    case Fault::LoseAnswer: return "lose-answer";
    case Fault::Truncate: return "truncate";
    case Fault::Garbage: return "garbage";
    case Fault::Stall: return "stall";
    }
    return "?";
}

FaultyProxy::FaultyProxy(QUrl upstream)
    : m_upstream(std::move(upstream))
{
    QSemaphore started;
    m_thread.reset(QThread::create([this, &started] {
        QTcpServer server;
        if (server.listen(QHostAddress::LocalHost, 0))
            m_port = server.serverPort();
        started.release();
        while (!m_stopping.load() && server.isListening()) {
            if (!server.waitForNewConnection(100))
                continue;
            while (QTcpSocket *client = server.nextPendingConnection()) {
                client->setParent(nullptr);
                std::unique_ptr<QTcpSocket> owned(client);
                Message request = readMessage(*owned);
                if (request.complete)
                    serveOne(*owned, request.head, request.body);
            }
        }
    }));
    m_thread->start();
    started.acquire();
    if (m_port.load() > 0)
        m_url = QStringLiteral("http://127.0.0.1:%1").arg(m_port.load());
}

FaultyProxy::~FaultyProxy()
{
    m_stopping = true;
    m_thread->wait();
}

void FaultyProxy::breakRequest(int request, Fault fault)
{
    m_seen = 0;
    m_faultDone = false;
    m_fault = int(fault);
    m_breakAt = request;
}

void FaultyProxy::serveOne(QTcpSocket &client, const QByteArray &head, const QByteArray &body)
{
    const int number = ++m_seen;
    const Fault fault = number == m_breakAt.load() ? Fault(m_fault.load()) : Fault::None;
    if (fault != Fault::None)
        m_faultDone = true;
    switch (fault) {
    case Fault::Refuse:
        finish(client, response("503 Service Unavailable", "application/json",
                                R"({"error":{"code":"unavailable","message":"The proxy has no server for you right now."}})"));
        return;
    case Fault::Drop:
        client.abort();
        return;
    default:
        break;
    }
    QTcpSocket server;
    server.connectToHost(m_upstream.host(), quint16(m_upstream.port()));
    if (!server.waitForConnected(kWaitMs)) {
        finish(client, response("502 Bad Gateway", "text/plain", "no upstream"));
        return;
    }
    server.write(closing(head) + body);
    const Message answer = readMessage(server);
    server.abort();
    switch (fault) {
    case Fault::DropAfterActing:
        client.abort();
        return;
    case Fault::LoseAnswer:
        // The whole head, so that no client takes it for a connection closed
        // before it was used and sends the request again (Qt does that
        // until the head is complete: the Drop case).
        client.write(answer.head);
        client.waitForBytesWritten(kWaitMs);
        client.abort();
        return;
    case Fault::Truncate:
        // The head promises the whole body; half of it comes.
        client.write(answer.head + answer.body.left(answer.body.size() / 2));
        client.waitForBytesWritten(kWaitMs);
        client.abort();
        return;
    case Fault::Garbage:
        finish(client, response("200 OK", "text/html", "<html><body>502 Bad Gateway (nginx)</body></html>"));
        return;
    case Fault::Stall:
        // Held until the client gives up and closes.
        client.waitForDisconnected(30000);
        client.abort();
        return;
    default:
        finish(client, closing(answer.head) + answer.body);
        return;
    }
}

} // namespace Realm::Test
