// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace Realm::Auth {

// One-time codes sent by mail (password reset): random,
// stored as their SHA-256 only, bound to a purpose and a user, expiring.
// Functions run inside the caller's transaction.
class MailTokens final {
public:
    static constexpr char kPasswordReset[] = "password_reset";

    // A new code; the user's earlier unused codes for `purpose` stop working.
    // Empty when one was issued less than `minimumIntervalMs` ago (someone
    // asking again and again must not flood the mailbox).
    static Result<std::optional<QString>> issue(const QSqlDatabase &db, const char *purpose, const QString &userId, qint64 nowMs, qint64 lifetimeMs,
                                                qint64 minimumIntervalMs);
    // The user the code was for, and the code is used up; InvalidInput for a
    // code that is unknown, used, expired or for another purpose (one
    // message for all: a guesser learns nothing).
    static Result<QString> consume(const QSqlDatabase &db, const char *purpose, const QString &code, qint64 nowMs);
    // Whether `code` would be taken now, without using it up: a cheap look
    // before expensive work (hashing the new password).
    static Result<bool> isLive(const QSqlDatabase &db, const char *purpose, const QString &code, qint64 nowMs);
};

} // namespace Realm::Auth
