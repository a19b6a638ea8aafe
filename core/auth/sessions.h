// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/principal.h"
#include "common/error.h"

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace Realm::Auth {

// A signed-in device: one refresh-token family.
struct Session final {
    QString id;
    QString userId;
    qint64 createdAtMs = 0;
    qint64 lastUsedAtMs = 0;
    qint64 expiresAtMs = 0;
    std::optional<qint64> revokedAtMs;
    QString ip;
    QString userAgent;

    bool isActive(qint64 nowMs) const { return !revokedAtMs && expiresAtMs > nowMs; }
    QJsonObject toJson(bool current) const;
};

// A stored refresh token (only its digest is kept).
struct RefreshTokenRow final {
    QString sessionId;
    qint64 createdAtMs = 0;
    std::optional<qint64> rotatedAtMs;
};

// The sessions and refresh_tokens tables.
class Sessions final {
public:
    static Result<Session> create(const QSqlDatabase &db, const QString &userId, const QString &ip, const QString &userAgent, qint64 expiresAtMs);
    static Result<Session> byId(const QSqlDatabase &db, const QString &sessionId);
    // Active sessions of a user, newest first.
    static Result<QList<Session>> activeOf(const QSqlDatabase &db, const QString &userId);
    static Result<void> extend(const QSqlDatabase &db, const QString &sessionId, qint64 expiresAtMs);
    // Marks the session used if it is the user's, not revoked and not
    // expired — and locks it for the rest of the transaction; false otherwise.
    static Result<bool> touchIfActive(const QSqlDatabase &db, const QString &sessionId, const QString &userId, qint64 nowMs);
    // Ends one session; false when it was not active.
    static Result<bool> revoke(const QSqlDatabase &db, const QString &sessionId);
    // Ends every active session of a user but `keepSessionId`; how many ended.
    static Result<int> revokeAllOf(const QSqlDatabase &db, const QString &userId, const QString &keepSessionId = {});
    static Result<int> countActive(const QSqlDatabase &db);
    // The signed-in user behind an active session of an enabled account;
    // Unauthenticated otherwise.
    static Result<Principal> activePrincipal(const QSqlDatabase &db, const QString &sessionId, const QString &userId, qint64 nowMs);

    static Result<void> addRefreshToken(const QSqlDatabase &db, const QString &digest, const QString &sessionId);
    // NotFound when no such token was ever issued.
    static Result<RefreshTokenRow> refreshToken(const QSqlDatabase &db, const QString &digest);
    // False when another request rotated it first.
    static Result<bool> markRotated(const QSqlDatabase &db, const QString &digest);
};

} // namespace Realm::Auth
