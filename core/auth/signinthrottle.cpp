// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/signinthrottle.h"

#include "serverdb/query.h"

#include <QCoreApplication>

#include <algorithm>

namespace Realm::Auth {

using ServerDb::Query;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Realm::Auth", text);
}

QString ipBucket(const QString &ip)
{
    return QStringLiteral("ip:") + ip;
}

QString accountBucket(const QString &email)
{
    return QStringLiteral("account:") + email.trimmed().toLower();
}

Result<void> count(const QSqlDatabase &db, const QString &bucket, int limit, qint64 nowMs, const SignInThrottle::Limits &limits)
{
    const QString whatFailed = tr("Cannot count the failed sign-in");
    Query current(db, "SELECT failures, window_started_at FROM sign_in_throttle WHERE bucket = ?");
    current.bindAll(bucket);
    if (Result<void> ran = current.exec(whatFailed); !ran)
        return ran;
    int failures = 1;
    qint64 windowStart = nowMs;
    if (current.next() && nowMs - current.integer(1) < limits.windowMs) {
        failures = int(current.integer(0)) + 1;
        windowStart = current.integer(1);
    }
    qint64 blockedUntil = 0;
    if (failures >= limit) {
        const int doublings = std::min(failures - limit, 20);
        blockedUntil = nowMs + std::min(limits.longestBlockMs, limits.firstBlockMs << doublings);
    }
    Query store(db, "INSERT INTO sign_in_throttle (bucket, failures, window_started_at, blocked_until) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (bucket) DO UPDATE SET failures = excluded.failures, window_started_at = excluded.window_started_at, "
                    "blocked_until = excluded.blocked_until");
    store.bindAll(bucket, failures, windowStart, blockedUntil);
    return store.exec(whatFailed);
}

} // namespace

Result<int> SignInThrottle::waitSeconds(const QSqlDatabase &db, const QString &ip, const QString &email, qint64 nowMs)
{
    Query query(db, "SELECT MAX(blocked_until) FROM sign_in_throttle WHERE bucket IN (?, ?)");
    query.bindAll(ipBucket(ip), accountBucket(email));
    if (Result<void> ran = query.exec(tr("Cannot check the sign-in limits")); !ran)
        return ran.error();
    const qint64 blockedUntil = query.next() ? query.integer(0) : 0;
    if (blockedUntil <= nowMs)
        return 0;
    return int((blockedUntil - nowMs + 999) / 1000);
}

Result<void> SignInThrottle::recordFailure(const QSqlDatabase &db, const QString &ip, const QString &email, qint64 nowMs, const Limits &limits)
{
    if (Result<void> counted = count(db, ipBucket(ip), limits.failuresPerIp, nowMs, limits); !counted)
        return counted;
    return count(db, accountBucket(email), limits.failuresPerAccount, nowMs, limits);
}

Result<void> SignInThrottle::forgiveAccount(const QSqlDatabase &db, const QString &email)
{
    Query forget(db, "DELETE FROM sign_in_throttle WHERE bucket = ?");
    forget.bindAll(accountBucket(email));
    return forget.exec(tr("Cannot reset the sign-in limits"));
}

} // namespace Realm::Auth
