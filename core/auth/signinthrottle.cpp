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

QString mailBucket(const QString &ip)
{
    return QStringLiteral("mail-ip:") + ip;
}

struct Counted {
    int count = 1;
    qint64 windowStartedAt = 0;
};

// Adds one to the bucket's count in its window (a new window once the last
// is windowMs old). One statement counts, so concurrent requests (other
// workers, other instances) never overwrite each other; it also locks the row.
Result<Counted> bump(const QSqlDatabase &db, const QString &bucket, qint64 nowMs, qint64 windowMs, const QString &whatFailed)
{
    Query counted(db, "INSERT INTO sign_in_throttle (bucket, failures, window_started_at, blocked_until) VALUES (?, 1, ?, 0) "
                      "ON CONFLICT (bucket) DO UPDATE SET "
                      "failures = CASE WHEN ? - sign_in_throttle.window_started_at >= ? THEN 1 ELSE sign_in_throttle.failures + 1 END, "
                      "window_started_at = CASE WHEN ? - sign_in_throttle.window_started_at >= ? THEN ? ELSE sign_in_throttle.window_started_at END "
                      "RETURNING failures, window_started_at");
    counted.bindAll(bucket, nowMs, nowMs, windowMs, nowMs, windowMs, nowMs);
    if (Result<void> ran = counted.exec(whatFailed); !ran)
        return ran.error();
    if (!counted.next())
        return Counted{1, nowMs};
    return Counted{int(counted.integer(0)), counted.integer(1)};
}

Result<void> count(const QSqlDatabase &db, const QString &bucket, int limit, qint64 nowMs, const SignInThrottle::Limits &limits)
{
    const QString whatFailed = tr("Cannot count the failed sign-in");
    Result<Counted> counted = bump(db, bucket, nowMs, limits.windowMs, whatFailed);
    if (!counted)
        return counted.error();
    const int failures = counted->count;
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

Result<int> SignInThrottle::spendMailRequest(const QSqlDatabase &db, const QString &ip, qint64 nowMs)
{
    constexpr qint64 kHourMs = 60 * 60 * 1000;
    Result<Counted> counted = bump(db, mailBucket(ip), nowMs, kHourMs, tr("Cannot count the request"));
    if (!counted)
        return counted.error();
    if (counted->count <= kMailRequestsPerHour)
        return 0;
    return int(std::max<qint64>(1, (counted->windowStartedAt + kHourMs - nowMs + 999) / 1000));
}

Result<void> SignInThrottle::forgiveAccount(const QSqlDatabase &db, const QString &email)
{
    Query forget(db, "DELETE FROM sign_in_throttle WHERE bucket = ?");
    forget.bindAll(accountBucket(email));
    return forget.exec(tr("Cannot reset the sign-in limits"));
}

} // namespace Realm::Auth
