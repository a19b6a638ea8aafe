// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/reauthentication.h"

#include "auth/accounts.h"
#include "auth/auditlog.h"
#include "auth/passwords.h"
#include "auth/users.h"
#include "common/clock.h"

#include <QCoreApplication>

namespace Realm::Auth {

Result<QString> confirmOwnPassword(const ServerDb::ServerDatabasePtr &database, const Principal &principal, const QString &password,
                                   const ClientInfo &client, const SignInThrottle::Limits &limits, const QString &failedAction)
{
    const qint64 now = Clock::nowMs();
    Result<int> wait = database->read([&](const QSqlDatabase &db) { return SignInThrottle::waitSeconds(db, client.ip, principal.email, now); });
    if (!wait)
        return wait.error();
    if (*wait > 0)
        return Error::throttled(QCoreApplication::translate("Realm::Auth", "Too many wrong passwords. Try again in %n second(s).", nullptr, *wait), *wait);
    Result<std::pair<User, QString>> account = database->read([&](const QSqlDatabase &db) { return Users::withPasswordHash(db, principal.email); });
    if (!account)
        return account.error();
    if (Passwords::verify(account->second, password))
        return account->second;
    Result<void> recorded = database->write(QCoreApplication::translate("Realm::Auth", "Cannot record the wrong password"), [&](const QSqlDatabase &db) -> Result<void> {
        if (Result<void> counted = SignInThrottle::recordFailure(db, client.ip, principal.email, Clock::nowMs(), limits); !counted)
            return counted;
        if (Result<AuditEntry> logged = AuditLog::append(db, auditEntry(failedAction, principal.userId, principal, client)); !logged)
            return logged.error();
        return {};
    });
    if (!recorded)
        return recorded.error();
    return Error::forbidden(QCoreApplication::translate("Realm::Auth", "The current password is wrong."));
}

} // namespace Realm::Auth
