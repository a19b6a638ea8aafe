// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/principal.h"
#include "auth/sessions.h"
#include "auth/signinthrottle.h"
#include "auth/tokens.h"
#include "common/error.h"
#include "serverdb/serverdatabase.h"

#include <QJsonObject>

namespace Realm::Auth {

struct TokenPair final {
    QString accessToken;
    QString refreshToken;
    qint64 expiresInSeconds = 0;
    QJsonObject toJson() const; // access_token, refresh_token, token_type, expires_in
};

// Signing in and staying signed in: passwords to sessions, sessions to
// tokens, tokens back to a Principal on every request. Everything is read
// from the database each time — a revoked session or a disabled user is
// refused on the next request by every instance. Runs on worker threads.
class SignIn final {
public:
    static constexpr qint64 kSessionLifetimeMs = 30LL * 24 * 60 * 60 * 1000; // since the last refresh
    static constexpr qint64 kRefreshGraceMs = 30 * 1000;

    // Access tokens live `accessLifetimeSeconds` (sign_in/access_token_lifetime).
    SignIn(ServerDb::ServerDatabasePtr database, Tokens tokens, SignInThrottle::Limits limits = {},
           qint64 accessLifetimeSeconds = Tokens::kAccessLifetimeSeconds);

    // Unknown email and wrong password: the same error after the same work.
    // An account with two-step sign-in also needs `secondFactor` (a code
    // from the authenticator app, or a recovery code): without one, the
    // right password gets SecondFactorRequired; a wrong one counts as a
    // failed sign-in.
    Result<TokenPair> signIn(const QString &email, const QString &password, const ClientInfo &client, const QString &secondFactor = {});
    // A new pair for a refresh token, which then is dead. Presenting a
    // rotated token again ends its session (every successor dies with it),
    // unless it comes within the grace window and its successor has not
    // been used: then the same successor comes back (the reply was lost).
    Result<TokenPair> refresh(const QString &refreshToken, const ClientInfo &client);
    // An access token, or an API key (realm_…).
    Result<Principal> authenticate(const QString &accessToken) const;
    // The principal again from the current rows, for a connection that
    // outlives its access token (the event socket): its session — or, for
    // an API key, `apiKey` — must still stand.
    Result<Principal> recheck(const Principal &principal, const QString &apiKey) const;

    Result<void> signOut(const Principal &principal, const ClientInfo &client);
    Result<QList<Session>> sessions(const Principal &principal) const;
    // NotFound for a session that is not the principal's.
    Result<void> endSession(const Principal &principal, const QString &sessionId, const ClientInfo &client);
    Result<int> endOtherSessions(const Principal &principal, const ClientInfo &client);

    const Tokens &tokens() const { return m_tokens; }

private:
    TokenPair pairFor(const Session &session, const QString &refreshToken) const;

    ServerDb::ServerDatabasePtr m_db;
    Tokens m_tokens;
    SignInThrottle::Limits m_limits;
    qint64 m_accessLifetimeSeconds;
};

} // namespace Realm::Auth
