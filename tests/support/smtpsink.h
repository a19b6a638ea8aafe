// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

class QTcpServer;

namespace Realm::Test {

// A mail the sink took.
struct ReceivedMail {
    QString from;
    QStringList to;
    QByteArray data; // as sent, dot-stuffing undone
    QString header(const QByteArray &name) const;
    // The body with quoted-printable undone, as UTF-8 text.
    QString body() const;
};

// The code a REALM mail shows on a line of its own, indented by four
// spaces (reset, confirmation and invitation mails); empty if none.
QString codeInMail(const QString &body);

// A small SMTP server on 127.0.0.1 that keeps what it is sent (RFC 5321's
// plain commands: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT; no TLS).
// It can refuse recipients, as a full mailbox does (550).
class SmtpSink final : public QObject {
    Q_OBJECT

public:
    explicit SmtpSink(QObject *parent = nullptr);
    ~SmtpSink() override;

    bool listen(); // on a free port
    quint16 port() const;
    QString url() const; // smtp://127.0.0.1:PORT
    const QList<ReceivedMail> &mails() const { return m_mails; }
    void setRefusing(bool refusing) { m_refusing = refusing; }
    int refusedCount() const { return m_refused; }

signals:
    void received();

private:
    void serve();

    QTcpServer *m_server;
    QList<ReceivedMail> m_mails;
    bool m_refusing = false;
    int m_refused = 0;
};

} // namespace Realm::Test
