// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/myaccount.h"

#include "auth/accounts.h"
#include "auth/auditlog.h"
#include "auth/mailtokens.h"
#include "auth/passwords.h"
#include "auth/reauthentication.h"
#include "auth/sessions.h"
#include "auth/signinthrottle.h"
#include "common/clock.h"
#include "mail/mailoutbox.h"

#include <QCoreApplication>

namespace Realm::Auth {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Realm::Auth", text);
}

Mail::MailMessage resetMail(const User &user, const QString &code, const QString &serverUrl)
{
    const QString body = tr("Someone, hopefully you, asked to reset the password of %1 <%2> on the REALM server %3.\n"
                            "\n"
                            "Your reset code, valid for one hour and only once:\n"
                            "\n"
                            "    %4\n"
                            "\n"
                            "In REALM: Team > Connect to Server > Forgot password, then enter the code.\n"
                            "On the command line: realm-cli server reset-password %3 (it asks for the code and the new password)\n"
                            "\n"
                            "Resetting ends every session and API key of the account.\n"
                            "If you did not ask for this, ignore this mail: your password stays as it is.\n")
                             .arg(user.name, user.email, serverUrl, code);
    return {user.email, tr("Reset your REALM password"), body};
}

} // namespace

MyAccount::MyAccount(ServerDb::ServerDatabasePtr database, SignInThrottle::Limits limits, std::function<void()> mailQueued)
    : m_db(std::move(database)), m_limits(limits), m_mailQueued(std::move(mailQueued))
{
}

Result<User> MyAccount::rename(const Principal &principal, const QString &name, const ClientInfo &client)
{
    if (Result<void> valid = Users::checkName(name); !valid)
        return valid.error();
    return m_db->write(tr("Cannot change the name"), [&](const QSqlDatabase &db) -> Result<User> {
        if (Result<void> set = Users::setName(db, principal.userId, name); !set)
            return set.error();
        const QJsonObject details{{QStringLiteral("name"), name.trimmed()}};
        if (Result<AuditEntry> logged = AuditLog::append(db, auditEntry(QStringLiteral("user.renamed"), principal.userId, principal, client, details)); !logged)
            return logged.error();
        return Users::byId(db, principal.userId);
    });
}

Result<void> MyAccount::changePassword(const Principal &principal, const QString &currentPassword, const QString &newPassword, const ClientInfo &client)
{
    Result<QString> checked = confirmOwnPassword(m_db, principal, currentPassword, client, m_limits, QStringLiteral("user.password_change_failed"));
    if (!checked)
        return checked.error();
    const QString oldHash = *checked;
    if (Result<void> valid = Passwords::checkNew(newPassword); !valid)
        return valid;
    Result<QString> hash = Passwords::hash(newPassword);
    if (!hash)
        return hash.error();
    return m_db->write(tr("Cannot change the password"), [&](const QSqlDatabase &db) -> Result<void> {
        // The session may have ended while the password was hashed.
        // (A conditional update: a sign-out committing meanwhile wins.)
        Result<bool> live = Sessions::touchIfActive(db, principal.sessionId, principal.userId, Clock::nowMs());
        if (!live)
            return live.error();
        if (!*live)
            return Error::unauthenticated(tr("This session has ended. Sign in again."));
        // Only over the hash that was checked: a reset or another change
        // since then wins, even one committing at this moment.
        Result<bool> replaced = Users::replacePasswordHash(db, principal.userId, oldHash, *hash);
        if (!replaced)
            return replaced.error();
        if (!*replaced)
            return Error::conflict(tr("The password was changed meanwhile. Sign in again and retry."));
        Result<int> ended = Sessions::revokeAllOf(db, principal.userId, principal.sessionId);
        if (!ended)
            return ended.error();
        const QJsonObject details{{QStringLiteral("sessions_ended"), *ended}};
        if (Result<AuditEntry> logged = AuditLog::append(db, auditEntry(QStringLiteral("user.password_changed"), principal.userId, principal, client, details));
            !logged)
            return logged.error();
        return {};
    });
}

Result<void> MyAccount::forgotPassword(const QString &email, const ClientInfo &client)
{
    bool queued = false;
    Result<void> done = m_db->write(tr("Cannot start the password reset"), [&](const QSqlDatabase &db) -> Result<void> {
        Result<User> user = Users::byEmail(db, Users::normalizedEmail(email));
        if (!user)
            return user.error().code == Error::Code::NotFound ? Result<void>() : Result<void>(user.error());
        if (user->isDisabled())
            return {};
        const qint64 now = Clock::nowMs();
        // Only requests that would mail count against the address's
        // allowance (the answer went out already, the same for all), so
        // requests for made-up addresses cannot use up a shared address's
        // resets; past it the request is dropped as quietly as those.
        Result<int> wait = SignInThrottle::spendMailRequest(db, client.ip, now);
        if (!wait)
            return wait.error();
        if (*wait > 0)
            return {};
        Result<std::optional<QString>> code = MailTokens::issue(db, MailTokens::kPasswordReset, user->id, now, kResetCodeLifetimeMs, kResetMailIntervalMs);
        if (!code)
            return code.error();
        if (!*code)
            return {};
        if (Result<void> mailed = Mail::MailOutbox::enqueue(db, resetMail(*user, **code, m_serverUrl), now); !mailed)
            return mailed;
        if (Result<AuditEntry> logged = AuditLog::append(db, auditEntry(QStringLiteral("user.password_reset_requested"), user->id, {}, client)); !logged)
            return logged.error();
        queued = true;
        return {};
    });
    if (queued && m_mailQueued)
        m_mailQueued();
    return done;
}

Result<void> MyAccount::resetPassword(const QString &code, const QString &newPassword, const ClientInfo &client)
{
    if (Result<void> valid = Passwords::checkNew(newPassword); !valid)
        return valid;
    // A made-up code costs a lookup, not a password hash.
    Result<bool> live = m_db->read([&](const QSqlDatabase &db) { return MailTokens::isLive(db, MailTokens::kPasswordReset, code, Clock::nowMs()); });
    if (!live)
        return live.error();
    if (!*live)
        return Error::invalidInput(tr("This code is wrong, used or expired. Ask for a new one."));
    Result<QString> hash = Passwords::hash(newPassword);
    if (!hash)
        return hash.error();
    return m_db->write(tr("Cannot reset the password"), [&](const QSqlDatabase &db) -> Result<void> {
        Result<QString> userId = MailTokens::consume(db, MailTokens::kPasswordReset, code, Clock::nowMs());
        if (!userId)
            return userId.error();
        Result<User> user = Users::byId(db, *userId);
        if (!user)
            return user.error();
        if (user->isDisabled())
            return Error::forbidden(tr("This account is disabled. Ask an administrator of the server."));
        Principal self;
        self.userId = user->id;
        self.email = user->email;
        self.name = user->name;
        if (Result<void> replaced = replacePassword(db, *user, *hash, self, client); !replaced)
            return replaced;
        return SignInThrottle::forgiveAccount(db, user->email);
    });
}

} // namespace Realm::Auth
