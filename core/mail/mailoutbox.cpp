// SPDX-License-Identifier: GPL-3.0-or-later
#include "mail/mailoutbox.h"

#include "serverdb/query.h"

#include <QCoreApplication>

#include <limits>

namespace Realm::Mail {

using ServerDb::Query;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Realm::Mail", text);
}

// A mail given up on stays, with its error, for the operator to see.
constexpr qint64 kNever = std::numeric_limits<qint64>::max();

} // namespace

Result<void> MailOutbox::enqueue(const QSqlDatabase &db, const MailMessage &message, qint64 nowMs)
{
    Query insert(db, "INSERT INTO mail_outbox (recipient, subject, body, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?)");
    insert.bindAll(message.recipient, message.subject, message.body, nowMs, nowMs);
    return insert.exec(tr("Cannot queue the mail"));
}

Result<std::optional<QueuedMail>> MailOutbox::claimNext(const QSqlDatabase &db, qint64 nowMs, qint64 leaseMs)
{
    // Two instances may pick the same row; the conditional update lets only
    // one of them have it (on PostgreSQL the second waits for the first's
    // commit, then finds the row claimed).
    for (int tries = 0; tries < 5; ++tries) {
        Query due(db, "SELECT id, recipient, subject, body, attempts FROM mail_outbox WHERE next_attempt_at <= ? AND claimed_until < ? ORDER BY id LIMIT 1");
        due.bindAll(nowMs, nowMs);
        if (Result<void> ran = due.exec(tr("Cannot read the mail queue")); !ran)
            return ran.error();
        if (!due.next())
            return std::optional<QueuedMail>();
        QueuedMail mail{due.integer(0), {due.text(1), due.text(2), due.text(3)}, int(due.integer(4))};
        Query claim(db, "UPDATE mail_outbox SET claimed_until = ? WHERE id = ? AND claimed_until < ?");
        claim.bindAll(nowMs + leaseMs, mail.id, nowMs);
        if (Result<void> ran = claim.exec(tr("Cannot claim a queued mail")); !ran)
            return ran.error();
        if (claim.rowsAffected() == 1)
            return std::optional<QueuedMail>(mail);
    }
    return std::optional<QueuedMail>();
}

Result<void> MailOutbox::remove(const QSqlDatabase &db, qint64 id)
{
    Query remove(db, "DELETE FROM mail_outbox WHERE id = ?");
    remove.bindAll(id);
    return remove.exec(tr("Cannot remove a sent mail from the queue"));
}

Result<void> MailOutbox::reschedule(const QSqlDatabase &db, qint64 id, int attempts, std::optional<qint64> nextAttemptMs, const QString &error)
{
    // A mail given up on keeps its error, not its body: that may carry a
    // code that still works.
    Query update(db, nextAttemptMs ? "UPDATE mail_outbox SET attempts = ?, next_attempt_at = ?, claimed_until = 0, last_error = ? WHERE id = ?"
                                   : "UPDATE mail_outbox SET attempts = ?, next_attempt_at = ?, claimed_until = 0, last_error = ?, body = '' WHERE id = ?");
    update.bindAll(attempts, nextAttemptMs.value_or(kNever), error, id);
    return update.exec(tr("Cannot reschedule a queued mail"));
}

Result<int> MailOutbox::pendingCount(const QSqlDatabase &db)
{
    Query count(db, "SELECT COUNT(*) FROM mail_outbox");
    if (Result<void> ran = count.exec(tr("Cannot read the mail queue")); !ran)
        return ran.error();
    return count.next() ? int(count.integer(0)) : 0;
}

} // namespace Realm::Mail
