// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/reauthentication.h"

#include "auth/accounts.h"
#include "auth/auditlog.h"
#include "auth/passwords.h"
#include "auth/users.h"
#include "common/clock.h"

#include <QCoreApplication>

namespace Realm::Auth {

Result<void> checkNotThrottled(const ServerDb::ServerDatabasePtr &database, const Principal &principal, const ClientInfo &client)
{
    const qint64 now = Clock::nowMs();
    Result<int> wait = database->read([&](const QSqlDatabase &db) { return SignInThrottle::waitSeconds(db, client.ip, principal.email, now); });
    if (!wait)
        return wait.error();
    if (*wait > 0)
        return Error::throttled(QCoreApplication::translate("Realm::Auth", "Too many wrong answers. Try again in %n second(s).", nullptr, *wait), *wait);
    return {};
}

Result<void> recordWrongAnswer(const ServerDb::ServerDatabasePtr &database, const Principal &principal, const ClientInfo &client,
                               const SignInThrottle::Limits &limits, const QString &failedAction)
{
    return database->write(QCoreApplication::translate("Realm::Auth", "Cannot record the wrong answer"), [&](const QSqlDatabase &db) -> Result<void> {
        if (Result<void> counted = SignInThrottle::recordFailure(db, client.ip, principal.email, Clock::nowMs(), limits); !counted)
            return counted;
        if (Result<AuditEntry> logged = AuditLog::append(db, auditEntry(failedAction, principal.userId, principal, client)); !logged)
            return logged.error();
        return {};
    });
}

Result<QString> confirmOwnPassword(const ServerDb::ServerDatabasePtr &database, const Principal &principal, const QString &password,
                                   const ClientInfo &client, const SignInThrottle::Limits &limits, const QString &failedAction)
{
    if (Result<void> allowed = checkNotThrottled(database, principal, client); !allowed)
        return allowed.error();
    Result<std::pair<User, QString>> account = database->read([&](const QSqlDatabase &db) { return Users::withPasswordHash(db, principal.email); });
    if (!account)
        return account.error();
    if (Passwords::verify(account->second, password))
        return account->second;
    if (Result<void> recorded = recordWrongAnswer(database, principal, client, limits, failedAction); !recorded)
        return recorded.error();
    return Error::forbidden(QCoreApplication::translate("Realm::Auth", "The current password is wrong."));
}

} // namespace Realm::Auth
