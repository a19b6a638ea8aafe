// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/sessions.h"

#include "common/clock.h"
#include "common/ids.h"
#include "common/jsontime.h"
#include "serverdb/query.h"

#include <QCoreApplication>

namespace Realm::Auth {

using ServerDb::Query;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Realm::Auth", text);
}

#define REALM_SESSION_COLUMNS "id, user_id, created_at, last_used_at, expires_at, revoked_at, ip, user_agent"

Session readSession(const Query &row)
{
    Session session;
    session.id = row.text(0);
    session.userId = row.text(1);
    session.createdAtMs = row.integer(2);
    session.lastUsedAtMs = row.integer(3);
    session.expiresAtMs = row.integer(4);
    session.revokedAtMs = row.optionalInteger(5);
    session.ip = row.text(6);
    session.userAgent = row.text(7);
    return session;
}

} // namespace

QJsonObject Session::toJson(bool current) const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("created_at"), Json::time(createdAtMs)},
            {QStringLiteral("last_used_at"), Json::time(lastUsedAtMs)},
            {QStringLiteral("expires_at"), Json::time(expiresAtMs)},
            {QStringLiteral("ip"), ip},
            {QStringLiteral("user_agent"), userAgent},
            {QStringLiteral("current"), current}};
}

Result<Session> Sessions::create(const QSqlDatabase &db, const QString &userId, const QString &ip, const QString &userAgent, qint64 expiresAtMs)
{
    Session session;
    session.id = newId();
    session.userId = userId;
    session.createdAtMs = Clock::nowMs();
    session.lastUsedAtMs = session.createdAtMs;
    session.expiresAtMs = expiresAtMs;
    session.ip = ip;
    session.userAgent = userAgent.left(200);
    Query insert(db, "INSERT INTO sessions (" REALM_SESSION_COLUMNS ") VALUES (?, ?, ?, ?, ?, NULL, ?, ?)");
    insert.bindAll(session.id, session.userId, session.createdAtMs, session.lastUsedAtMs, session.expiresAtMs, session.ip, session.userAgent);
    if (Result<void> ran = insert.exec(tr("Cannot start the session")); !ran)
        return ran.error();
    return session;
}

Result<bool> Sessions::touchIfActive(const QSqlDatabase &db, const QString &sessionId, const QString &userId, qint64 nowMs)
{
    Query touch(db, "UPDATE sessions SET last_used_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL AND expires_at > ?");
    touch.bindAll(nowMs, sessionId, userId, nowMs);
    if (Result<void> ran = touch.exec(tr("Cannot check the session")); !ran)
        return ran.error();
    return touch.rowsAffected() == 1;
}

Result<Session> Sessions::byId(const QSqlDatabase &db, const QString &sessionId)
{
    Query query(db, "SELECT " REALM_SESSION_COLUMNS " FROM sessions WHERE id = ?");
    query.bindAll(sessionId);
    if (Result<void> ran = query.exec(tr("Cannot look up the session")); !ran)
        return ran.error();
    if (!query.next())
        return Error::notFound(tr("There is no such session."));
    return readSession(query);
}

Result<QList<Session>> Sessions::activeOf(const QSqlDatabase &db, const QString &userId)
{
    Query query(db, "SELECT " REALM_SESSION_COLUMNS " FROM sessions WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ? "
                    "ORDER BY created_at DESC, id DESC");
    query.bindAll(userId, Clock::nowMs());
    if (Result<void> ran = query.exec(tr("Cannot list the sessions")); !ran)
        return ran.error();
    QList<Session> sessions;
    while (query.next())
        sessions.append(readSession(query));
    return sessions;
}

Result<void> Sessions::extend(const QSqlDatabase &db, const QString &sessionId, qint64 expiresAtMs)
{
    Query update(db, "UPDATE sessions SET last_used_at = ?, expires_at = ? WHERE id = ?");
    update.bindAll(Clock::nowMs(), expiresAtMs, sessionId);
    return update.exec(tr("Cannot extend the session"));
}

Result<bool> Sessions::revoke(const QSqlDatabase &db, const QString &sessionId)
{
    Query update(db, "UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL");
    update.bindAll(Clock::nowMs(), sessionId);
    if (Result<void> ran = update.exec(tr("Cannot end the session")); !ran)
        return ran.error();
    return update.rowsAffected() > 0;
}

Result<int> Sessions::revokeAllOf(const QSqlDatabase &db, const QString &userId, const QString &keepSessionId)
{
    Query update(db, "UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND id <> ? AND revoked_at IS NULL");
    update.bindAll(Clock::nowMs(), userId, keepSessionId);
    if (Result<void> ran = update.exec(tr("Cannot end the sessions")); !ran)
        return ran.error();
    return update.rowsAffected();
}

Result<int> Sessions::countActive(const QSqlDatabase &db)
{
    Query query(db, "SELECT COUNT(*) FROM sessions WHERE revoked_at IS NULL AND expires_at > ?");
    query.bindAll(Clock::nowMs());
    if (Result<void> ran = query.exec(tr("Cannot count the sessions")); !ran)
        return ran.error();
    return query.next() ? int(query.integer(0)) : 0;
}

Result<void> Sessions::addRefreshToken(const QSqlDatabase &db, const QString &digest, const QString &sessionId)
{
    Query insert(db, "INSERT INTO refresh_tokens (token_hash, session_id, created_at) VALUES (?, ?, ?)");
    insert.bindAll(digest, sessionId, Clock::nowMs());
    return insert.exec(tr("Cannot store the refresh token"));
}

Result<RefreshTokenRow> Sessions::refreshToken(const QSqlDatabase &db, const QString &digest)
{
    Query query(db, "SELECT session_id, created_at, rotated_at FROM refresh_tokens WHERE token_hash = ?");
    query.bindAll(digest);
    if (Result<void> ran = query.exec(tr("Cannot look up the refresh token")); !ran)
        return ran.error();
    if (!query.next())
        return Error::notFound(tr("Unknown refresh token."));
    return RefreshTokenRow{query.text(0), query.integer(1), query.optionalInteger(2)};
}

Result<bool> Sessions::markRotated(const QSqlDatabase &db, const QString &digest)
{
    Query update(db, "UPDATE refresh_tokens SET rotated_at = ? WHERE token_hash = ? AND rotated_at IS NULL");
    update.bindAll(Clock::nowMs(), digest);
    if (Result<void> ran = update.exec(tr("Cannot rotate the refresh token")); !ran)
        return ran.error();
    return update.rowsAffected() > 0;
}

Result<Principal> Sessions::activePrincipal(const QSqlDatabase &db, const QString &sessionId, const QString &userId, qint64 nowMs)
{
    Query query(db, "SELECT u.id, u.email, u.name, u.is_admin FROM sessions s JOIN users u ON u.id = s.user_id "
                    "WHERE s.id = ? AND s.user_id = ? AND s.revoked_at IS NULL AND s.expires_at > ? AND u.disabled_at IS NULL");
    query.bindAll(sessionId, userId, nowMs);
    if (Result<void> ran = query.exec(tr("Cannot look up the session")); !ran)
        return ran.error();
    if (!query.next())
        return Error::unauthenticated(tr("The session has ended. Sign in again."));
    Principal principal;
    principal.userId = query.text(0);
    principal.sessionId = sessionId;
    principal.email = query.text(1);
    principal.name = query.text(2);
    principal.isAdmin = query.integer(3) != 0;
    return principal;
}

} // namespace Realm::Auth
