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
    // One statement counts, so concurrent failures (other workers, other
    // instances) never overwrite each other; it also locks the row.
    Query counted(db, "INSERT INTO sign_in_throttle (bucket, failures, window_started_at, blocked_until) VALUES (?, 1, ?, 0) "
                      "ON CONFLICT (bucket) DO UPDATE SET "
                      "failures = CASE WHEN ? - sign_in_throttle.window_started_at >= ? THEN 1 ELSE sign_in_throttle.failures + 1 END, "
                      "window_started_at = CASE WHEN ? - sign_in_throttle.window_started_at >= ? THEN ? ELSE sign_in_throttle.window_started_at END "
                      "RETURNING failures");
    counted.bindAll(bucket, nowMs, nowMs, limits.windowMs, nowMs, limits.windowMs, nowMs);
    if (Result<void> ran = counted.exec(whatFailed); !ran)
        return ran;
    const int failures = counted.next() ? int(counted.integer(0)) : 1;
    if (failures < limit)
        return {};
    const int doublings = std::min(failures - limit, 20);
    const qint64 blockedUntil = nowMs + std::min(limits.longestBlockMs, limits.firstBlockMs << doublings);
    Query block(db, "UPDATE sign_in_throttle SET blocked_until = CASE WHEN blocked_until > ? THEN blocked_until ELSE ? END WHERE bucket = ?");
    block.bindAll(blockedUntil, blockedUntil, bucket);
    return block.exec(whatFailed);
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
