// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/accounts.h"

#include "auth/passwords.h"
#include "auth/secondfactor.h"
#include "auth/sessions.h"

#include <QCoreApplication>

namespace Realm::Auth {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Realm::Auth", text);
}

} // namespace

AuditEntry auditEntry(const QString &action, const QString &target, const Principal &actor, const ClientInfo &client, const QJsonObject &details)
{
    AuditEntry entry;
    entry.action = action;
    entry.target = target;
    entry.actorId = actor.userId;
    entry.ip = client.ip;
    entry.details = details;
    if (actor.userId.isEmpty() && client.ip.isEmpty())
        entry.details.insert(QStringLiteral("via"), QStringLiteral("admin-cli"));
    return entry;
}

Result<void> appendOrgAudit(const QSqlDatabase &db, const QString &orgId, const QString &action, const QString &target, const Principal &actor,
                            const ClientInfo &client, const QJsonObject &details)
{
    AuditEntry entry = auditEntry(action, target, actor, client, details);
    entry.orgId = orgId;
    if (Result<AuditEntry> logged = AuditLog::append(db, entry); !logged)
        return logged.error();
    return {};
}

Accounts::Accounts(ServerDb::ServerDatabasePtr database)
    : m_db(std::move(database))
{
}

Result<User> Accounts::addUser(const NewUser &user, const Principal &actor, const ClientInfo &client)
{
    if (Result<void> valid = Users::checkEmail(user.email); !valid)
        return valid.error();
    if (Result<void> valid = Users::checkName(user.name); !valid)
        return valid.error();
    if (Result<void> valid = Passwords::checkNew(user.password); !valid)
        return valid.error();
    // Hashing is slow: before the transaction, which then only writes.
    Result<QString> hash = Passwords::hash(user.password);
    if (!hash)
        return hash.error();
    return m_db->write(tr("Cannot add the user"), [&](const QSqlDatabase &db) -> Result<User> {
        Result<User> added = Users::insert(db, user.email, user.name, *hash, user.isAdmin, user.emailVerified);
        if (!added)
            return added;
        QJsonObject details{{QStringLiteral("email"), added->email}};
        if (user.isAdmin)
            details.insert(QStringLiteral("admin"), true);
        if (Result<AuditEntry> logged = AuditLog::append(db, auditEntry(QStringLiteral("user.created"), added->id, actor, client, details)); !logged)
            return logged.error();
        return added;
    });
}

Result<QList<User>> Accounts::listUsers() const
{
    return m_db->read([](const QSqlDatabase &db) { return Users::all(db); });
}

Result<User> Accounts::disableUser(const QString &email, const Principal &actor, const ClientInfo &client)
{
    return m_db->write(tr("Cannot disable the user"), [&](const QSqlDatabase &db) -> Result<User> {
        Result<User> user = Users::byEmail(db, email);
        if (!user)
            return user;
        if (user->isDisabled())
            return user;
        if (Result<void> disabled = Users::setDisabled(db, user->id, true); !disabled)
            return disabled.error();
        Result<int> ended = Sessions::revokeAllOf(db, user->id);
        if (!ended)
            return ended.error();
        const QJsonObject details{{QStringLiteral("email"), user->email}, {QStringLiteral("sessions_ended"), *ended}};
        if (Result<AuditEntry> logged = AuditLog::append(db, auditEntry(QStringLiteral("user.disabled"), user->id, actor, client, details)); !logged)
            return logged.error();
        return Users::byId(db, user->id);
    });
}

Result<void> Accounts::resetPassword(const QString &email, const QString &password, const Principal &actor, const ClientInfo &client)
{
    if (Result<void> valid = Passwords::checkNew(password); !valid)
        return valid;
    Result<QString> hash = Passwords::hash(password);
    if (!hash)
        return hash.error();
    return m_db->write(tr("Cannot set the password"), [&](const QSqlDatabase &db) -> Result<void> {
        Result<User> user = Users::byEmail(db, email);
        if (!user)
            return user.error();
        return replacePassword(db, *user, *hash, actor, client);
    });
}

Result<bool> Accounts::removeSecondFactor(const QString &email, const Principal &actor, const ClientInfo &client)
{
    return m_db->write(tr("Cannot turn two-step sign-in off"), [&](const QSqlDatabase &db) -> Result<bool> {
        Result<User> user = Users::byEmail(db, email);
        if (!user)
            return user.error();
        return SecondFactor::removeFor(db, user->id, actor, client);
    });
}

Result<void> replacePassword(const QSqlDatabase &db, const User &user, const QString &passwordHash, const Principal &actor, const ClientInfo &client)
{
    if (Result<void> set = Users::setPasswordHash(db, user.id, passwordHash); !set)
        return set;
    // Whoever knew the old password may have made keys with it.
    Result<int> ended = Sessions::revokeAllOf(db, user.id);
    if (!ended)
        return ended.error();
    Result<int> keys = Users::revokeApiKeys(db, user.id);
    if (!keys)
        return keys.error();
    const QJsonObject details{{QStringLiteral("email"), user.email}, {QStringLiteral("sessions_ended"), *ended}, {QStringLiteral("api_keys_revoked"), *keys}};
    if (Result<AuditEntry> logged = AuditLog::append(db, auditEntry(QStringLiteral("user.password_reset"), user.id, actor, client, details)); !logged)
        return logged.error();
    return {};
}

Result<AuditVerification> Accounts::verifyAuditLog() const
{
    return m_db->write(tr("Cannot verify the audit log"), [](const QSqlDatabase &db) { return AuditLog::verify(db); });
}

} // namespace Realm::Auth
