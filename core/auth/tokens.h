// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QByteArray>
#include <QString>

namespace Realm::Auth {

// What an access token says.
struct AccessClaims final {
    QString userId;    // sub
    QString sessionId; // sid
    qint64 issuedAt = 0;  // iat, seconds
    qint64 expiresAt = 0; // exp, seconds
};

// Access tokens are JWTs signed with HMAC-SHA256 under a key derived from
// the server's signing key; exactly HS256 and typ "at+jwt" are accepted —
// `alg: none`, any other algorithm, another audience or issuer, an expired
// or altered token are refused. Refresh tokens are opaque: 256 random
// bits, stored only as their SHA-256. A refresh token's successor is
// derived from it with the key, so a client that lost the reply to a
// refresh and asks again within the grace window receives the same pair.
// Pure functions: no I/O, no clock of their own.
class Tokens final {
public:
    static constexpr qint64 kAccessLifetimeSeconds = 10 * 60;
    static constexpr char kIssuer[] = "realm-server";
    static constexpr char kAudience[] = "realm-api";

    explicit Tokens(QByteArray signingKey);

    QString signAccessToken(const AccessClaims &claims) const;
    // Unauthenticated with the reason for the log (never shown to clients
    // in more detail than "invalid token").
    Result<AccessClaims> verifyAccessToken(const QString &token, qint64 nowSeconds) const;

    static QString newRefreshToken();
    // A code sent by mail (reset, verification): 32 random bytes, base64url.
    static QString newOneTimeCode();
    QString successorOf(const QString &refreshToken) const;
    // SHA-256, hex: what the database keeps of a refresh token or API key.
    static QString digest(const QString &secret);

    // `count` bytes from the system's CSPRNG (libsodium).
    static QByteArray randomBytes(int count);
    // A new signing key: 32 random bytes.
    static QByteArray newSigningKey();

private:
    QByteArray m_jwtKey;
    QByteArray m_refreshKey;
};

} // namespace Realm::Auth
