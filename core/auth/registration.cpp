// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/registration.h"

#include "auth/accounts.h"
#include "auth/auditlog.h"
#include "auth/invitations.h"
#include "auth/tokens.h"
#include "auth/passwords.h"
#include "auth/signinthrottle.h"
#include "common/clock.h"
#include "common/crashpoint.h"
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

Mail::MailMessage verificationMail(const QString &email, const QString &code, const QString &serverUrl)
{
    // No name in here: whoever signs up chooses it, and this goes to
    // someone who may not have.
    const QString body = tr("Someone signed up on the REALM server %1 with the address %2.\n"
                            "\n"
                            "If it was you, confirm the address with this code, valid for one day, and choose your password then:\n"
                            "\n"
                            "    %3\n"
                            "\n"
                            "On the command line: realm-cli server verify-email %1 (it asks for the code and your password)\n"
                            "\n"
                            "If it was not you, ignore this mail: without the code no account is made.\n")
                             .arg(serverUrl, email, code);
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
    // An open sign-up chooses its password when confirming (below).
    if (!invited)
        return signUp(account, client);
    if (Result<void> valid = Passwords::checkNew(account.password); !valid)
        return valid.error();
    {
        // A made-up invitation costs a lookup, not a password hash (it is
        // checked again, for good, in the transaction below).
        Result<Invitation> found = m_db->read([&](const QSqlDatabase &db) {
            return Invitations::pendingByCode(db, account.invitationCode, account.email, Clock::nowMs());
        });
        if (!found)
            return found.error();
    }
    Result<QString> hash = Passwords::hash(account.password);
    if (!hash)
        return hash.error();
    const QString email = Users::normalizedEmail(account.email);

    bool queued = false;
    Result<Outcome> outcome = m_db->write(tr("Cannot make the account"), [&](const QSqlDatabase &db) -> Result<Outcome> {
        const qint64 now = Clock::nowMs();
        Result<Invitation> invitation = Invitations::pendingByCode(db, account.invitationCode, email, now);
        if (!invitation)
            return invitation.error();
        if (m_mode == RegistrationMode::Closed && !invitation->invitedByServerAdmin)
            return Error::forbidden(tr("On this server only its administrators' invitations make new accounts. Ask one of them to add you."));
        Result<User> existing = Users::byEmail(db, email);
        if (existing)
            return Error::conflict(tr("%1 has an account here already: sign in and accept the invitation.").arg(email));
        if (existing.error().code != Error::Code::NotFound)
            return existing.error();

        // The invitation came to this address: it is confirmed.
        Result<User> user = Users::insert(db, email, account.name, *hash, false, true);
        if (!user)
            return user.error();
        const Principal self = selfOf(*user);
        crashPoint("registration.user_inserted");
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

Result<Registration::Outcome> Registration::signUp(const NewAccount &account, const ClientInfo &client)
{
    const QString email = Users::normalizedEmail(account.email);
    bool queued = false;
    Result<Outcome> outcome = m_db->write(tr("Cannot sign up"), [&](const QSqlDatabase &db) -> Result<Outcome> {
        const qint64 now = Clock::nowMs();
        // Counted before anything is looked up: the same for every address.
        Result<int> wait = SignInThrottle::spendMailRequest(db, client.ip, now);
        if (!wait)
            return wait.error();
        if (*wait > 0)
            return Error::throttled(tr("Too many sign-ups from this address. Try again in %1 minutes.").arg((*wait + 59) / 60), *wait);
        Result<User> existing = Users::byEmail(db, email);
        if (existing)
            return Outcome{}; // the same answer as for a new address
        if (existing.error().code != Error::Code::NotFound)
            return existing.error();
        // The code proves the mailbox and nothing else; the password comes
        // with it. One mail a minute per address: its code serves whoever
        // holds that mailbox, so a stranger signing up with the address
        // again and again neither confirms it nor keeps its owner out.
        Query recent(db, "SELECT COUNT(*) FROM pending_registrations WHERE email = ? AND created_at > ?");
        recent.bindAll(email, now - kVerificationMailIntervalMs);
        if (Result<void> ran = recent.exec(tr("Cannot look up the sign-ups")); !ran)
            return ran.error();
        if (recent.next() && recent.integer(0) > 0)
            return Outcome{};
        Query expired(db, "DELETE FROM pending_registrations WHERE expires_at <= ?");
        expired.bindAll(now);
        if (Result<void> ran = expired.exec(tr("Cannot tidy the sign-ups")); !ran)
            return ran.error();
        const QString code = Tokens::newOneTimeCode();
        Query pending(db, "INSERT INTO pending_registrations (code_hash, email, name, password_hash, created_at, expires_at) VALUES (?, ?, ?, '', ?, ?)");
        pending.bindAll(Tokens::digest(code), email, account.name.trimmed(), now, now + kVerificationLifetimeMs);
        if (Result<void> ran = pending.exec(tr("Cannot store the sign-up")); !ran)
            return ran.error();
        if (Result<void> mailed = Mail::MailOutbox::enqueue(db, verificationMail(email, code, m_serverUrl), now); !mailed)
            return mailed.error();
        queued = true;
        return Outcome{};
    });
    if (queued && m_mailQueued)
        m_mailQueued();
    return outcome;
}

Result<User> Registration::verifyEmail(const QString &code, const QString &password, const QString &name, const ClientInfo &client)
{
    const Error refused = Error::invalidInput(tr("This code is wrong, used or expired. Sign up again for a new one."));
    if (code.trimmed().isEmpty() || code.size() > 200)
        return refused;
    if (Result<void> valid = Passwords::checkNew(password); !valid)
        return valid.error();
    if (!name.trimmed().isEmpty()) {
        if (Result<void> valid = Users::checkName(name); !valid)
            return valid.error();
    }
    const qint64 now = Clock::nowMs();
    // A made-up code costs a lookup, not a password hash.
    Result<bool> known = m_db->read([&](const QSqlDatabase &db) -> Result<bool> {
        Query mailed(db, "SELECT COUNT(*) FROM pending_registrations WHERE code_hash = ? AND expires_at > ?");
        mailed.bindAll(Tokens::digest(code.trimmed()), now);
        if (Result<void> ran = mailed.exec(tr("Cannot look up the code")); !ran)
            return ran.error();
        return mailed.next() && mailed.integer(0) > 0;
    });
    if (!known)
        return known.error();
    if (!*known)
        return refused;
    // Sign-ups from while the server was open end with it.
    if (m_mode != RegistrationMode::Open)
        return Error::forbidden(tr("This server does not take sign-ups any more. Ask an administrator of an organization there to invite you."));
    Result<QString> hash = Passwords::hash(password);
    if (!hash)
        return hash.error();
    return m_db->write(tr("Cannot confirm the address"), [&](const QSqlDatabase &db) -> Result<User> {
        Query pending(db, "SELECT email, name FROM pending_registrations WHERE code_hash = ? AND expires_at > ?");
        pending.bindAll(Tokens::digest(code.trimmed()), Clock::nowMs());
        if (Result<void> ran = pending.exec(tr("Cannot look up the code")); !ran)
            return ran.error();
        if (!pending.next())
            return refused;
        const QString email = pending.text(0);
        const QString chosenName = name.trimmed().isEmpty() ? pending.text(1) : name.trimmed();
        // Every sign-up for this address ends here; a second confirmation
        // racing this one finds nothing left to delete.
        Query forget(db, "DELETE FROM pending_registrations WHERE email = ?");
        forget.bindAll(email);
        if (Result<void> ran = forget.exec(tr("Cannot finish the sign-up")); !ran)
            return ran.error();
        if (forget.rowsAffected() == 0)
            return refused;
        Result<User> user = Users::insert(db, email, chosenName, *hash, false, true);
        if (!user)
            return user.error(); // made by an administrator meanwhile
        const QJsonObject details{{QStringLiteral("email"), email}, {QStringLiteral("via"), QStringLiteral("open")}};
        if (Result<AuditEntry> logged = AuditLog::append(db, auditEntry(QStringLiteral("user.registered"), user->id, selfOf(*user), client, details)); !logged)
            return logged.error();
        return user;
    });
}

} // namespace Realm::Auth
