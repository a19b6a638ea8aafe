// SPDX-License-Identifier: GPL-3.0-or-later
#include "smtpsink.h"

#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>

#include <memory>

namespace Realm::Test {

namespace {

struct Session {
    ReceivedMail mail;
    bool inData = false;
};

} // namespace

QString codeInMail(const QString &body)
{
    static const QRegularExpression indented(QStringLiteral("\n    (\\S+)\n"));
    return indented.match(body).captured(1);
}

QString ReceivedMail::header(const QByteArray &name) const
{
    const QByteArray head = data.left(data.indexOf("\r\n\r\n"));
    for (const QByteArray &line : head.split('\n')) {
        if (line.toLower().startsWith(QByteArray(name.toLower() + ':')))
            return QString::fromUtf8(line.mid(name.size() + 1).trimmed());
    }
    return {};
}

QString ReceivedMail::body() const
{
    const qsizetype start = data.indexOf("\r\n\r\n");
    const QByteArray encoded = start < 0 ? QByteArray() : data.mid(start + 4);
    QByteArray decoded;
    for (qsizetype i = 0; i < encoded.size(); ++i) {
        const char c = encoded.at(i);
        if (c != '=') {
            decoded += c;
        } else if (encoded.mid(i + 1, 2) == "\r\n") {
            i += 2; // a soft line break
        } else {
            decoded += char(encoded.mid(i + 1, 2).toInt(nullptr, 16));
            i += 2;
        }
    }
    return QString::fromUtf8(decoded).replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
}

namespace {

// One SMTP conversation, on the sink's thread.
void serveConnection(QTcpSocket *socket, const std::shared_ptr<SmtpSink::State> &state)
{
    QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    auto session = std::make_shared<Session>();
    socket->write("220 sink ESMTP\r\n");
    QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket, session, state] {
        while (socket->canReadLine()) {
            const QByteArray line = socket->readLine();
            const QByteArray text = line.trimmed();
            if (session->inData) {
                if (text == "." && (line == ".\r\n" || line == ".\n")) {
                    session->inData = false;
                    {
                        QMutexLocker lock(&state->mutex);
                        state->mails.append(session->mail);
                    }
                    session->mail = {};
                    socket->write("250 2.0.0 queued\r\n");
                } else {
                    session->mail.data += line.startsWith("..") ? line.mid(1) : line;
                }
                continue;
            }
            const QByteArray verb = text.left(4).toUpper();
            if (verb == "EHLO" || verb == "HELO") {
                socket->write("250 sink\r\n");
            } else if (verb == "MAIL") {
                session->mail = {};
                session->mail.from = QString::fromUtf8(text.mid(text.indexOf(':') + 1).trimmed());
                socket->write("250 2.1.0 ok\r\n");
            } else if (verb == "RCPT") {
                QMutexLocker lock(&state->mutex);
                if (state->refusing) {
                    ++state->refused;
                    socket->write("550 5.2.2 mailbox full\r\n");
                } else {
                    session->mail.to.append(QString::fromUtf8(text.mid(text.indexOf(':') + 1).trimmed()));
                    socket->write("250 2.1.5 ok\r\n");
                }
            } else if (verb == "DATA") {
                session->inData = true;
                socket->write("354 go on\r\n");
            } else if (verb == "QUIT") {
                socket->write("221 bye\r\n");
                socket->disconnectFromHost();
            } else if (verb == "RSET" || verb == "NOOP") {
                socket->write("250 ok\r\n");
            } else {
                socket->write("502 5.5.2 not implemented\r\n");
            }
        }
    });
}

} // namespace

SmtpSink::SmtpSink() : m_context(new QObject)
{
    m_context->moveToThread(&m_thread);
    m_thread.setObjectName(QStringLiteral("smtp-sink"));
    m_thread.start();
}

SmtpSink::~SmtpSink()
{
    m_thread.quit();
    m_thread.wait();
    // The thread has ended: what lived on it may go from here.
    delete m_server;
    delete m_context;
}

bool SmtpSink::listen()
{
    // Made, and listening, on the sink's thread: its sockets live there.
    std::shared_ptr<State> state = m_state;
    QMetaObject::invokeMethod(m_context, [this, state] {
        auto *server = new QTcpServer;
        if (!server->listen(QHostAddress::LocalHost, 0)) {
            delete server;
            return;
        }
        QObject::connect(server, &QTcpServer::newConnection, server, [server, state] {
            while (QTcpSocket *socket = server->nextPendingConnection())
                serveConnection(socket, state);
        });
        m_port = server->serverPort();
        m_server = server;
    }, Qt::BlockingQueuedConnection);
    return m_server != nullptr;
}

QString SmtpSink::url() const
{
    return QStringLiteral("smtp://127.0.0.1:%1").arg(m_port);
}

QList<ReceivedMail> SmtpSink::mails() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->mails;
}

void SmtpSink::setRefusing(bool refusing)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->refusing = refusing;
}

int SmtpSink::refusedCount() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->refused;
}

} // namespace Realm::Test
