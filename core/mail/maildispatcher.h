// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mail/mailsender.h"
#include "serverdb/serverdatabase.h"

#include <QByteArray>

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>

class QThread;

namespace Realm::Mail {

// Sends what waits in mail_outbox, on a thread of its own (an SMTP server
// may take seconds). It looks when woken (a mail was just queued) and every
// 15 seconds (mails queued by other instances, retries). A failed mail is
// tried again after 30 s, 1 min, 2 min … at most an hour apart, and given
// up after 10 failures, its error kept in the table.
class MailDispatcher final {
public:
    using LogSink = std::function<void(const QByteArray &jsonLine)>;
    static constexpr int kMaxAttempts = 10;

    MailDispatcher(ServerDb::ServerDatabasePtr database, std::unique_ptr<MailSender> sender, LogSink log);
    ~MailDispatcher(); // stop()s
    Q_DISABLE_COPY_MOVE(MailDispatcher)

    void start();
    // Thread-safe: look at the queue now.
    void wake();
    // Aborts a send in progress (it is tried again later) and waits for the
    // thread to end.
    void stop();

private:
    void run();
    // Sends every due mail; false once stopping.
    bool sendDue();
    void log(const char *event, const QString &recipient, const QString &detail);

    ServerDb::ServerDatabasePtr m_db;
    std::unique_ptr<MailSender> m_sender;
    LogSink m_log;
    std::unique_ptr<QThread> m_thread;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_woken = false;
    bool m_stopping = false;
};

} // namespace Realm::Mail
