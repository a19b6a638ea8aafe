// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/registration.h"

#include "auth/accounts.h"
#include "auth/auditlog.h"
#include "auth/invitations.h"
#include "auth/tokens.h"
#include "auth/passwords.h"
#include "common/clock.h"
#include "mail/mailoutbox.h"
#include "serverdb/query.h"

#include <QCoreApplication>

namespace Realm::Auth {

using ServerDb::Query;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Realm::Auth", text);
}

Principal selfOf(const User &user)
{
    Principal self;
    self.userId = user.id;
    self.email = user.email;
    self.name = user.name;
    return self;
}

Mail::MailMessage verificationMail(const QString &name, const QString &email, const QString &code, const QString &serverUrl)
{
    const QString body = tr("Welcome to the REALM server %1, %2.\n"
                            "\n"
                            "Confirm that %3 is your address with this code, valid for one day and only once:\n"
                            "\n"
                            "    %4\n"
                            "\n"
                            "On the command line: realm-cli server verify-email %1 --code %4\n"
                            "Then sign in with the password you chose.\n"
                            "\n"
                            "If you did not sign up there, ignore this mail: without the code no account is made.\n")
                             .arg(serverUrl, name, email, code);
    return {email, tr("Confirm your address for REALM"), body};
}

} // namespace

Registration::Registration(ServerDb::ServerDatabasePtr database, RegistrationMode mode, std::function<void()> mailQueued)
    : m_db(std::move(database)), m_mode(mode), m_mailQueued(std::move(mailQueued))
{
}

Result<Registration::Outcome> Registration::registerAccount(const NewAccount &account, const ClientInfo &client)
{
    const bool invited = !account.invitationCode.trimmed().isEmpty();
    if (!invited && m_mode != RegistrationMode::Open)
        return Error::forbidden(tr("This server does not take sign-ups. Ask an administrator of an organization there to invite you."));
    if (Result<void> valid = Users::checkEmail(account.email); !valid)
        return valid.error();
    if (Result<void> valid = Users::checkName(account.name); !valid)
        return valid.error();
    if (Result<void> valid = Passwords::checkNew(account.password); !valid)
        return valid.error();
    Result<QString> hash = Passwords::hash(account.password);
    if (!hash)
        return hash.error();
    const QString email = Users::normalizedEmail(account.email);

    bool queued = false;
    Result<Outcome> outcome = m_db->write(tr("Cannot make the account"), [&](const QSqlDatabase &db) -> Result<Outcome> {
        const qint64 now = Clock::nowMs();
        std::optional<Invitation> invitation;
        if (invited) {
            Result<Invitation> found = Invitations::pendingByCode(db, account.invitationCode, email, now);
            if (!found)
                return found.error();
            if (m_mode == RegistrationMode::Closed && !found->invitedByServerAdmin)
                return Error::forbidden(tr("On this server only its administrators' invitations make new accounts. Ask one of them to add you."));
            invitation = *found;
        }
        Result<User> existing = Users::byEmail(db, email);
        if (existing) {
            if (invitation)
                return Error::conflict(tr("%1 has an account here already: sign in and accept the invitation.").arg(email));
            return Outcome{}; // the same answer as for a new address
        }
        if (existing.error().code != Error::Code::NotFound)
            return existing.error();

        if (!invitation) {
            Query recent(db, "SELECT COUNT(*) FROM pending_registrations WHERE email = ? AND created_at > ?");
            recent.bindAll(email, now - kVerificationMailIntervalMs);
            if (Result<void> ran = recent.exec(tr("Cannot look up the sign-ups")); !ran)
                return ran.error();
            if (recent.next() && recent.integer(0) > 0)
                return Outcome{};
            const QString code = Tokens::newOneTimeCode();
            Query pending(db, "INSERT INTO pending_registrations (code_hash, email, name, password_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)");
            pending.bindAll(Tokens::digest(code), email, account.name.trimmed(), *hash, now, now + kVerificationLifetimeMs);
            if (Result<void> ran = pending.exec(tr("Cannot store the sign-up")); !ran)
                return ran.error();
            if (Result<void> mailed = Mail::MailOutbox::enqueue(db, verificationMail(account.name.trimmed(), email, code, m_serverUrl), now); !mailed)
                return mailed.error();
            queued = true;
            return Outcome{};
        }

        // The invitation came to this address: it is confirmed.
        Result<User> user = Users::insert(db, email, account.name, *hash, false, true);
        if (!user)
            return user.error();
        const Principal self = selfOf(*user);
        const QJsonObject details{{QStringLiteral("email"), email}, {QStringLiteral("via"), QStringLiteral("invitation")}};
        if (Result<AuditEntry> logged = AuditLog::append(db, auditEntry(QStringLiteral("user.registered"), user->id, self, client, details)); !logged)
            return logged.error();
        if (Result<void> joined = Invitations::complete(db, *invitation, user->id, self, client); !joined)
            return joined.error();
        return Outcome{*user, invitation->orgId};
    });
    if (queued && m_mailQueued)
        m_mailQueued();
    return outcome;
}

Result<User> Registration::verifyEmail(const QString &code, const ClientInfo &client)
{
    const Error refused = Error::invalidInput(tr("This code is wrong, used or expired. Sign up again for a new one."));
    if (code.trimmed().isEmpty() || code.size() > 200)
        return refused;
    return m_db->write(tr("Cannot confirm the address"), [&](const QSqlDatabase &db) -> Result<User> {
        const qint64 now = Clock::nowMs();
        Query pending(db, "SELECT email, name, password_hash FROM pending_registrations WHERE code_hash = ? AND expires_at > ?");
        pending.bindAll(Tokens::digest(code.trimmed()), now);
        if (Result<void> ran = pending.exec(tr("Cannot look up the code")); !ran)
            return ran.error();
        if (!pending.next())
            return refused;
        const QString email = pending.text(0);
        const QString name = pending.text(1);
        const QString passwordHash = pending.text(2);
        // Every sign-up for this address ends here, whichever code came back.
        Query forget(db, "DELETE FROM pending_registrations WHERE email = ?");
        forget.bindAll(email);
        if (Result<void> ran = forget.exec(tr("Cannot finish the sign-up")); !ran)
            return ran.error();
        Result<User> user = Users::insert(db, email, name, passwordHash, false, true);
        if (!user)
            return user.error(); // made by an administrator meanwhile
        const QJsonObject details{{QStringLiteral("email"), email}, {QStringLiteral("via"), QStringLiteral("open")}};
        if (Result<AuditEntry> logged = AuditLog::append(db, auditEntry(QStringLiteral("user.registered"), user->id, selfOf(*user), client, details)); !logged)
            return logged.error();
        return user;
    });
}

} // namespace Realm::Auth
