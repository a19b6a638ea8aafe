// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/signin.h"

#include "auth/accounts.h"
#include "auth/apikeys.h"
#include "auth/auditlog.h"
#include "auth/passwords.h"
#include "auth/secondfactor.h"
#include "auth/users.h"
#include "common/clock.h"

#include <QCoreApplication>

#include <optional>

namespace Realm::Auth {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Realm::Auth", text);
}

Error wrongCredentials()
{
    return Error::unauthenticated(tr("The email or password is wrong."));
}

Error wrongSecondFactor()
{
    return Error::unauthenticated(SecondFactor::wrongCodeMessage());
}

Error invalidRefreshToken()
{
    return Error::unauthenticated(tr("The refresh token is not valid any more. Sign in again."));
}

Principal actorFor(const QString &userId)
{
    Principal actor;
    actor.userId = userId;
    return actor;
}

// A refresh either hands out a pair or is refused; a refusal may still
// have to commit (the session it ends), so it travels as a value.
struct RefreshOutcome {
    std::optional<TokenPair> pair;
    Error refusal;
};

} // namespace

QJsonObject TokenPair::toJson() const
{
    return {{QStringLiteral("access_token"), accessToken},
            {QStringLiteral("refresh_token"), refreshToken},
            {QStringLiteral("token_type"), QStringLiteral("Bearer")},
            {QStringLiteral("expires_in"), expiresInSeconds}};
}

SignIn::SignIn(ServerDb::ServerDatabasePtr database, Tokens tokens, SignInThrottle::Limits limits, qint64 accessLifetimeSeconds)
    : m_db(std::move(database))
    , m_tokens(std::move(tokens))
    , m_limits(limits)
    , m_accessLifetimeSeconds(accessLifetimeSeconds)
{
}

TokenPair SignIn::pairFor(const Session &session, const QString &refreshToken) const
{
    const qint64 now = Clock::nowMs() / 1000;
    AccessClaims claims;
    claims.userId = session.userId;
    claims.sessionId = session.id;
    claims.issuedAt = now;
    claims.expiresAt = now + m_accessLifetimeSeconds;
    return {m_tokens.signAccessToken(claims), refreshToken, m_accessLifetimeSeconds};
}

Result<TokenPair> SignIn::signIn(const QString &email, const QString &password, const ClientInfo &client, const QString &secondFactor)
{
    using ProofKind = SecondFactorProof::Kind;
    const QString normalized = Users::normalizedEmail(email);
    const qint64 now = Clock::nowMs();
    Result<int> wait = m_db->read([&](const QSqlDatabase &db) { return SignInThrottle::waitSeconds(db, client.ip, normalized, now); });
    if (!wait)
        return wait.error();
    if (*wait > 0)
        return Error::throttled(QCoreApplication::translate("Realm::Auth", "Too many failed sign-ins. Try again in %n second(s).", nullptr, *wait), *wait);

    struct Account {
        std::optional<User> user;
        QString passwordHash;
        SecondFactorProof proof;
    };
    Result<Account> account = m_db->read([&](const QSqlDatabase &db) -> Result<Account> {
        Result<std::pair<User, QString>> found = Users::withPasswordHash(db, normalized);
        if (!found)
            return found.error().code == Error::Code::NotFound ? Result<Account>(Account{}) : Result<Account>(found.error());
        Result<SecondFactorProof> proof = SecondFactor::judge(db, found->first.id, secondFactor, now);
        if (!proof)
            return proof.error();
        return Account{found->first, found->second, *proof};
    });
    if (!account)
        return account.error();

    // The same work whether or not the account exists.
    bool passwordMatches = false;
    if (account->user)
        passwordMatches = Passwords::verify(account->passwordHash, password);
    else
        Passwords::verifyAgainstNothing(password);

    const ProofKind proof = account->proof.kind;
    // The right password alone says only that a code is needed; nothing
    // is counted against the account for asking.
    if (passwordMatches && !account->user->isDisabled() && proof == ProofKind::Missing)
        return Error::secondFactorRequired(SecondFactor::codeRequiredMessage());

    if (!passwordMatches || account->user->isDisabled() || proof == ProofKind::Wrong) {
        const QString reason = !account->user ? QStringLiteral("unknown_email")
                               : !passwordMatches ? QStringLiteral("wrong_password")
                               : account->user->isDisabled() ? QStringLiteral("disabled")
                                                             : QStringLiteral("wrong_second_factor");
        Result<void> recorded = m_db->write(tr("Cannot record the failed sign-in"), [&](const QSqlDatabase &db) -> Result<void> {
            if (Result<void> counted = SignInThrottle::recordFailure(db, client.ip, normalized, Clock::nowMs(), m_limits); !counted)
                return counted;
            const QString target = account->user ? account->user->id : normalized;
            AuditEntry entry = auditEntry(QStringLiteral("user.sign_in_failed"), target, {}, client, {{QStringLiteral("reason"), reason}});
            if (Result<AuditEntry> logged = AuditLog::append(db, entry); !logged)
                return logged.error();
            return {};
        });
        if (!recorded)
            return recorded.error();
        if (!passwordMatches)
            return wrongCredentials();
        if (account->user->isDisabled())
            return Error::unauthenticated(tr("This account is disabled. Ask an administrator of the server."));
        return wrongSecondFactor();
    }

    const User user = *account->user;
    return m_db->write(tr("Cannot sign in"), [&](const QSqlDatabase &db) -> Result<TokenPair> {
        // The password was checked outside this transaction: if it was
        // reset or the account disabled meanwhile, that check is void.
        Result<std::pair<User, QString>> current = Users::withPasswordHash(db, normalized);
        if (!current)
            return current.error().code == Error::Code::NotFound ? Result<TokenPair>(wrongCredentials()) : Result<TokenPair>(current.error());
        if (current->second != account->passwordHash || current->first.isDisabled())
            return wrongCredentials();
        // The code is taken here, once: of two sign-ins racing with one
        // code, one gets in.
        Result<SecondFactor::Spent> spent = SecondFactor::spend(db, user.id, account->proof, Clock::nowMs());
        if (!spent)
            return spent.error();
        if (*spent == SecondFactor::Spent::NowRequired)
            return Error::secondFactorRequired(SecondFactor::codeRequiredMessage());
        if (*spent == SecondFactor::Spent::Taken)
            return wrongSecondFactor();
        if (Result<void> forgiven = SignInThrottle::forgiveAccount(db, normalized); !forgiven)
            return forgiven.error();
        Result<Session> session = Sessions::create(db, user.id, client.ip, client.userAgent, Clock::nowMs() + kSessionLifetimeMs);
        if (!session)
            return session.error();
        const QString refreshToken = Tokens::newRefreshToken();
        if (Result<void> stored = Sessions::addRefreshToken(db, Tokens::digest(refreshToken), session->id); !stored)
            return stored.error();
        QJsonObject details{{QStringLiteral("session_id"), session->id}};
        if (proof == ProofKind::TotpCode || proof == ProofKind::RecoveryCode)
            details.insert(QStringLiteral("second_factor"), proof == ProofKind::TotpCode ? QStringLiteral("totp") : QStringLiteral("recovery_code"));
        if (Result<AuditEntry> logged = AuditLog::append(db, auditEntry(QStringLiteral("user.signed_in"), user.id, actorFor(user.id), client, details)); !logged)
            return logged.error();
        return pairFor(*session, refreshToken);
    });
}

Result<TokenPair> SignIn::refresh(const QString &refreshToken, const ClientInfo &client)
{
    if (!refreshToken.startsWith(QLatin1String("rt_")) || refreshToken.size() > 100)
        return invalidRefreshToken();
    const QString digest = Tokens::digest(refreshToken);
    const QString successor = m_tokens.successorOf(refreshToken);
    Result<RefreshOutcome> outcome = m_db->write(tr("Cannot refresh the session"), [&](const QSqlDatabase &db) -> Result<RefreshOutcome> {
        const qint64 now = Clock::nowMs();
        Result<RefreshTokenRow> row = Sessions::refreshToken(db, digest);
        if (!row)
            return row.error().code == Error::Code::NotFound ? Result<RefreshOutcome>(RefreshOutcome{std::nullopt, invalidRefreshToken()})
                                                             : Result<RefreshOutcome>(row.error());
        Result<Session> session = Sessions::byId(db, row->sessionId);
        if (!session)
            return session.error();
        if (!session->isActive(now))
            return RefreshOutcome{std::nullopt, invalidRefreshToken()};
        Result<User> user = Users::byId(db, session->userId);
        if (!user)
            return user.error();
        if (user->isDisabled())
            return RefreshOutcome{std::nullopt, invalidRefreshToken()};

        bool rotatedNow = false;
        if (!row->rotatedAtMs) {
            Result<bool> rotated = Sessions::markRotated(db, digest);
            if (!rotated)
                return rotated.error();
            rotatedNow = *rotated;
        }
        if (rotatedNow) {
            if (Result<void> stored = Sessions::addRefreshToken(db, Tokens::digest(successor), session->id); !stored)
                return stored.error();
            if (Result<void> extended = Sessions::extend(db, session->id, now + kSessionLifetimeMs); !extended)
                return extended.error();
            const QJsonObject details{{QStringLiteral("session_id"), session->id}};
            if (Result<AuditEntry> logged = AuditLog::append(db, auditEntry(QStringLiteral("session.refreshed"), user->id, actorFor(user->id), client, details));
                !logged)
                return logged.error();
            return RefreshOutcome{pairFor(*session, successor), {}};
        }

        // Rotated before (or by a request racing this one). Within the grace
        // window, and while the successor is unused, the client only lost
        // the reply: it gets the same successor again.
        Result<RefreshTokenRow> next = Sessions::refreshToken(db, Tokens::digest(successor));
        const qint64 rotatedAt = row->rotatedAtMs.value_or(now);
        if (next && !next->rotatedAtMs && now - rotatedAt <= kRefreshGraceMs)
            return RefreshOutcome{pairFor(*session, successor), {}};

        // Reuse of a rotated token: someone holds a copy. End the family.
        if (Result<bool> revoked = Sessions::revoke(db, session->id); !revoked)
            return revoked.error();
        const QJsonObject details{{QStringLiteral("session_id"), session->id}};
        if (Result<AuditEntry> logged = AuditLog::append(db, auditEntry(QStringLiteral("session.refresh_token_reused"), user->id, {}, client, details));
            !logged)
            return logged.error();
        return RefreshOutcome{std::nullopt, invalidRefreshToken()};
    });
    if (!outcome)
        return outcome.error();
    if (!outcome->pair)
        return outcome->refusal;
    return *outcome->pair;
}

Result<Principal> SignIn::authenticate(const QString &accessToken) const
{
    const qint64 now = Clock::nowMs();
    if (ApiKeys::looksLikeKey(accessToken))
        return m_db->read([&](const QSqlDatabase &db) { return ApiKeys::authenticate(db, accessToken, now); });
    Result<AccessClaims> claims = m_tokens.verifyAccessToken(accessToken, now / 1000);
    if (!claims)
        return claims.error();
    return m_db->read([&](const QSqlDatabase &db) { return Sessions::activePrincipal(db, claims->sessionId, claims->userId, now); });
}

Result<Principal> SignIn::recheck(const Principal &principal, const QString &apiKey) const
{
    const qint64 now = Clock::nowMs();
    if (principal.viaApiKey())
        return m_db->read([&](const QSqlDatabase &db) { return ApiKeys::authenticate(db, apiKey, now); });
    return m_db->read([&](const QSqlDatabase &db) { return Sessions::activePrincipal(db, principal.sessionId, principal.userId, now); });
}

Result<void> SignIn::signOut(const Principal &principal, const ClientInfo &client)
{
    return endSession(principal, principal.sessionId, client);
}

Result<QList<Session>> SignIn::sessions(const Principal &principal) const
{
    return m_db->read([&](const QSqlDatabase &db) { return Sessions::activeOf(db, principal.userId); });
}

Result<void> SignIn::endSession(const Principal &principal, const QString &sessionId, const ClientInfo &client)
{
    return m_db->write(tr("Cannot end the session"), [&](const QSqlDatabase &db) -> Result<void> {
        Result<Session> session = Sessions::byId(db, sessionId);
        // Another user's session is as unknown as a made-up id.
        if (!session || session->userId != principal.userId)
            return Error::notFound(tr("There is no session %1 of yours.").arg(sessionId));
        Result<bool> revoked = Sessions::revoke(db, sessionId);
        if (!revoked)
            return revoked.error();
        if (!*revoked)
            return {};
        const QString action = sessionId == principal.sessionId ? QStringLiteral("session.signed_out") : QStringLiteral("session.revoked");
        if (Result<AuditEntry> logged = AuditLog::append(db, auditEntry(action, principal.userId, principal, client, {{QStringLiteral("session_id"), sessionId}}));
            !logged)
            return logged.error();
        return {};
    });
}

Result<int> SignIn::endOtherSessions(const Principal &principal, const ClientInfo &client)
{
    return m_db->write(tr("Cannot end the other sessions"), [&](const QSqlDatabase &db) -> Result<int> {
        Result<int> ended = Sessions::revokeAllOf(db, principal.userId, principal.sessionId);
        if (!ended)
            return ended;
        const QJsonObject details{{QStringLiteral("sessions_ended"), *ended}};
        if (Result<AuditEntry> logged = AuditLog::append(db, auditEntry(QStringLiteral("session.revoked_others"), principal.userId, principal, client, details));
            !logged)
            return logged.error();
        return ended;
    });
}

} // namespace Realm::Auth
