// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "mail/mailmessage.h"

#include <QSqlDatabase>

#include <optional>

namespace Realm::Mail {

struct QueuedMail final {
    qint64 id = 0;
    MailMessage message;
    int attempts = 0; // failed attempts so far
};

// The mail_outbox table: mails waiting for the SMTP server, shared by every
// instance. Functions take the calling thread's connection, inside the
// caller's transaction — a mail is queued in the transaction that makes the
// token it carries.
class MailOutbox final {
public:
    static Result<void> enqueue(const QSqlDatabase &db, const MailMessage &message, qint64 nowMs);
    // The oldest mail that is due and not claimed by another sender, now
    // claimed until `nowMs + leaseMs`; empty when there is none.
    static Result<std::optional<QueuedMail>> claimNext(const QSqlDatabase &db, qint64 nowMs, qint64 leaseMs);
    static Result<void> remove(const QSqlDatabase &db, qint64 id);
    // Another try at `nextAttemptMs` (never: std::nullopt, kept with its error).
    static Result<void> reschedule(const QSqlDatabase &db, qint64 id, int attempts, std::optional<qint64> nextAttemptMs, const QString &error);
    // Mails not yet sent, given-up ones included.
    static Result<int> pendingCount(const QSqlDatabase &db);
};

} // namespace Realm::Mail
