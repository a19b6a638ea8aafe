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

SmtpSink::SmtpSink(QObject *parent) : QObject(parent), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &SmtpSink::serve);
}

SmtpSink::~SmtpSink() = default;

bool SmtpSink::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 SmtpSink::port() const
{
    return m_server->serverPort();
}

QString SmtpSink::url() const
{
    return QStringLiteral("smtp://127.0.0.1:%1").arg(port());
}

void SmtpSink::serve()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        auto session = std::make_shared<Session>();
        socket->write("220 sink ESMTP\r\n");
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, session] {
            while (socket->canReadLine()) {
                const QByteArray line = socket->readLine();
                const QByteArray text = line.trimmed();
                if (session->inData) {
                    if (text == "." && (line == ".\r\n" || line == ".\n")) {
                        session->inData = false;
                        m_mails.append(session->mail);
                        session->mail = {};
                        socket->write("250 2.0.0 queued\r\n");
                        emit received();
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
                    if (m_refusing) {
                        ++m_refused;
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
}

} // namespace Realm::Test
