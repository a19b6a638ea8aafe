// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/auditlog.h"
#include "auth/principal.h"
#include "auth/users.h"
#include "common/error.h"
#include "serverdb/serverdatabase.h"

namespace Realm::Auth {

struct NewUser final {
    QString email;
    QString name;
    QString password;
    bool isAdmin = false;
    bool emailVerified = false;
};

// Users as the server's administrators manage them (realm-server admin …
// and later the admin API). Every change and its audit entry commit in one
// transaction. Runs on worker threads: hashing a password takes a while.
class Accounts final {
public:
    explicit Accounts(ServerDb::ServerDatabasePtr database);

    // `actor` empty: the admin command line on the server's own machine.
    Result<User> addUser(const NewUser &user, const Principal &actor = {}, const ClientInfo &client = {});
    Result<QList<User>> listUsers() const;
    // A disabled user's sessions end at once; signing in is refused.
    Result<User> disableUser(const QString &email, const Principal &actor = {}, const ClientInfo &client = {});
    // Sets a new password and ends every session of the user.
    Result<void> resetPassword(const QString &email, const QString &password, const Principal &actor = {}, const ClientInfo &client = {});
    // Two-step sign-in off, for someone who lost both phone and recovery
    // codes; false when it was not on.
    Result<bool> removeSecondFactor(const QString &email, const Principal &actor = {}, const ClientInfo &client = {});
    Result<AuditVerification> verifyAuditLog() const;

private:
    ServerDb::ServerDatabasePtr m_db;
};

// An audit entry by `actor` from `client` (the admin CLI when both are empty).
AuditEntry auditEntry(const QString &action, const QString &target, const Principal &actor, const ClientInfo &client,
                      const QJsonObject &details = {});
// Sets a password that replaces one someone else may know (an administrator's
// or a mailed reset): every session and API key of the user ends, audited —
// in the caller's transaction.
Result<void> replacePassword(const QSqlDatabase &db, const User &user, const QString &passwordHash, const Principal &actor, const ClientInfo &client);
// Appends such an entry about organization `orgId`, in the caller's transaction.
Result<void> appendOrgAudit(const QSqlDatabase &db, const QString &orgId, const QString &action, const QString &target, const Principal &actor,
                            const ClientInfo &client, const QJsonObject &details = {});

} // namespace Realm::Auth
