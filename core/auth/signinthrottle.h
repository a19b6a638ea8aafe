// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QSqlDatabase>
#include <QString>

namespace Realm::Auth {

// Failed sign-ins counted per IP address and per account (by email, known
// or not, so the answer never tells which accounts exist). Past the limit
// within the window, sign-ins from that IP or to that account wait — 30 s,
// doubling with each further failure, at most 15 minutes — and then work
// again: an attacker is slowed down, the owner is never locked out for good.
// The counters live in the database, so every instance sees the same ones.
class SignInThrottle final {
public:
    struct Limits {
        int failuresPerAccount = 5;
        int failuresPerIp = 50;
        qint64 windowMs = 15 * 60 * 1000;
        qint64 firstBlockMs = 30 * 1000;
        qint64 longestBlockMs = 15 * 60 * 1000;
    };

    // Seconds until a sign-in from `ip` to `email` may be tried; 0 for now.
    static Result<int> waitSeconds(const QSqlDatabase &db, const QString &ip, const QString &email, qint64 nowMs);
    static Result<void> recordFailure(const QSqlDatabase &db, const QString &ip, const QString &email, qint64 nowMs, const Limits &limits);
    // A successful sign-in forgives the account's failures (not the IP's).
    static Result<void> forgiveAccount(const QSqlDatabase &db, const QString &email);

    // Requests that may send a mail to an address the requester names
    // (an open sign-up, a forgotten password), counted per IP address: past
    // kMailRequestsPerHour within an hour, the seconds until more are
    // allowed; 0 when this one is. Keeps the server from being used to
    // flood mailboxes. Callers choose what counts so that the answer never
    // tells whether an address has an account: every sign-up (its answer
    // shows the limit), only mailed resets (answered before they run).
    static constexpr int kMailRequestsPerHour = 30;
    static Result<int> spendMailRequest(const QSqlDatabase &db, const QString &ip, qint64 nowMs);
};

} // namespace Realm::Auth
