// SPDX-License-Identifier: GPL-3.0-or-later
#include "mail/maildispatcher.h"

#include "common/clock.h"
#include "common/jsontime.h"
#include "mail/mailoutbox.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include <chrono>

namespace Realm::Mail {

namespace {

constexpr auto kPollInterval = std::chrono::seconds(15);
// Longer than any send can take (the SMTP timeout is 30 s): a claim
// outliving its sender (the instance died) lets another instance retry.
constexpr qint64 kClaimLeaseMs = 5 * 60 * 1000;
constexpr qint64 kFirstRetryMs = 30 * 1000;
constexpr qint64 kLongestRetryMs = 60 * 60 * 1000;

qint64 retryDelayMs(int attempts)
{
    qint64 delay = kFirstRetryMs;
    for (int i = 1; i < attempts && delay < kLongestRetryMs; ++i)
        delay *= 2;
    return std::min(delay, kLongestRetryMs);
}

} // namespace

MailDispatcher::MailDispatcher(ServerDb::ServerDatabasePtr database, std::unique_ptr<MailSender> sender, LogSink log)
    : m_db(std::move(database)), m_sender(std::move(sender)), m_log(std::move(log))
{
}

MailDispatcher::~MailDispatcher()
{
    stop();
}

void MailDispatcher::start()
{
    if (m_thread)
        return;
    m_stopping = false;
    m_sender->resume();
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("mail"));
    m_thread->start();
}

void MailDispatcher::wake()
{
    {
        std::lock_guard lock(m_mutex);
        m_woken = true;
    }
    m_changed.notify_one();
}

void MailDispatcher::stop()
{
    if (!m_thread)
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_sender->abort();
    m_changed.notify_one();
    m_thread->wait();
    m_thread.reset();
}

void MailDispatcher::run()
{
    for (;;) {
        if (!sendDue())
            break;
        std::unique_lock lock(m_mutex);
        m_changed.wait_for(lock, kPollInterval, [this] { return m_woken || m_stopping; });
        if (m_stopping)
            break;
        m_woken = false;
    }
    m_db->closeThreadConnection();
}

bool MailDispatcher::sendDue()
{
    for (;;) {
        {
            std::lock_guard lock(m_mutex);
            if (m_stopping)
                return false;
        }
        Result<std::optional<QueuedMail>> next = m_db->write(QStringLiteral("claim mail"), [](const QSqlDatabase &db) {
            return MailOutbox::claimNext(db, Clock::nowMs(), kClaimLeaseMs);
        });
        if (!next) {
            log("mail.queue_error", {}, next.error().message);
            return true; // the database may be back at the next look
        }
        if (!*next)
            return true;
        const QueuedMail &mail = **next;
        Result<QString> sent = m_sender->send(mail.message);
        Result<void> recorded = m_db->write(QStringLiteral("record mail"), [&](const QSqlDatabase &db) -> Result<void> {
            if (sent)
                return MailOutbox::remove(db, mail.id);
            // A send cut short by stopping is not the mail's fault: it is
            // due again at once, for another instance or the next start.
            const qint64 now = Clock::nowMs();
            if (sent.error().code == Error::Code::Cancelled)
                return MailOutbox::reschedule(db, mail.id, mail.attempts, now, sent.error().message);
            const int attempts = mail.attempts + 1;
            const std::optional<qint64> retryAt = attempts >= kMaxAttempts ? std::nullopt : std::optional<qint64>(now + retryDelayMs(attempts));
            return MailOutbox::reschedule(db, mail.id, attempts, retryAt, sent.error().message);
        });
        if (sent)
            log("mail.sent", mail.message.recipient, *sent);
        else if (sent.error().code != Error::Code::Cancelled)
            log(mail.attempts + 1 >= kMaxAttempts ? "mail.given_up" : "mail.failed", mail.message.recipient, sent.error().message);
        if (!recorded)
            log("mail.queue_error", mail.message.recipient, recorded.error().message);
    }
}

void MailDispatcher::log(const char *event, const QString &recipient, const QString &detail)
{
    if (!m_log)
        return;
    QJsonObject line{{QStringLiteral("time"), Json::time(Clock::nowMs())}, {QStringLiteral("event"), QString::fromLatin1(event)}};
    if (!recipient.isEmpty())
        line.insert(QStringLiteral("to"), recipient);
    if (!detail.isEmpty())
        line.insert(QStringLiteral("detail"), detail);
    m_log(QJsonDocument(line).toJson(QJsonDocument::Compact));
}

} // namespace Realm::Mail
