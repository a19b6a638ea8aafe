// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QThread>

#include <memory>

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
// It serves on a thread of its own, as a real mail server answers whatever
// the test is doing (waiting for a process to end, say). It can refuse
// recipients, as a full mailbox does (550).
class SmtpSink final {
public:
    SmtpSink();
    ~SmtpSink();
    Q_DISABLE_COPY_MOVE(SmtpSink)

    bool listen(); // on a free port
    quint16 port() const { return m_port; }
    QString url() const; // smtp://127.0.0.1:PORT
    // What arrived so far (a copy: the sink's thread adds to it).
    QList<ReceivedMail> mails() const;
    void setRefusing(bool refusing);
    int refusedCount() const;

    struct State {
        mutable QMutex mutex;
        QList<ReceivedMail> mails;
        bool refusing = false;
        int refused = 0;
    };

private:
    std::shared_ptr<State> m_state = std::make_shared<State>();
    QThread m_thread;
    QObject *m_context;          // lives on m_thread: calls to run there
    QObject *m_server = nullptr; // a QTcpServer living on m_thread
    quint16 m_port = 0;
};

} // namespace Realm::Test
