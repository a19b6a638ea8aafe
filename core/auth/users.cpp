// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/users.h"

#include "common/clock.h"
#include "common/ids.h"
#include "common/jsontime.h"
#include "serverdb/query.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Realm::Auth {

using ServerDb::Query;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Realm::Auth", text);
}

#define REALM_USER_COLUMNS "id, email, name, is_admin, email_verified_at, disabled_at, created_at"

User readUser(const Query &row)
{
    User user;
    user.id = row.text(0);
    user.email = row.text(1);
    user.name = row.text(2);
    user.isAdmin = row.integer(3) != 0;
    user.emailVerifiedAtMs = row.optionalInteger(4);
    user.disabledAtMs = row.optionalInteger(5);
    user.createdAtMs = row.integer(6);
    return user;
}

Result<User> one(Query &query, const QString &notFound)
{
    if (Result<void> ran = query.exec(tr("Cannot look up the user")); !ran)
        return ran.error();
    if (!query.next())
        return Error::notFound(notFound);
    return readUser(query);
}

Result<void> changeOne(Query &query, const QString &whatFailed)
{
    if (Result<void> ran = query.exec(whatFailed); !ran)
        return ran;
    if (query.rowsAffected() == 0)
        return Error::notFound(tr("%1: no such user.").arg(whatFailed));
    return {};
}

} // namespace

QJsonObject User::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("email"), email},
            {QStringLiteral("name"), name},
            {QStringLiteral("is_admin"), isAdmin},
            {QStringLiteral("email_verified"), emailVerifiedAtMs.has_value()},
            {QStringLiteral("disabled"), isDisabled()},
            {QStringLiteral("created_at"), Json::time(createdAtMs)}};
}

QString Users::normalizedEmail(const QString &email)
{
    return email.trimmed().toLower();
}

Result<void> Users::checkEmail(const QString &email)
{
    // No characters that mail headers give meaning to: the address stored
    // is the address mailed, never "someone <else@example.org>".
    static const QRegularExpression plausible(QStringLiteral("^[^@\\s<>(),;:\"\\[\\]\\\\]+@[^@\\s.<>(),;:\"\\[\\]\\\\]+(\\.[^@\\s.<>(),;:\"\\[\\]\\\\]+)+$"));
    const QString normalized = normalizedEmail(email);
    if (normalized.size() > 254 || !plausible.match(normalized).hasMatch())
        return Error::invalidInput(tr("\"%1\" is not an email address. Write it as name@example.org.").arg(email.trimmed()));
    return {};
}

Result<void> Users::checkName(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return Error::invalidInput(tr("The name is empty. Give the name others will see, e.g. \"Alice Smith\"."));
    if (trimmed.size() > 100)
        return Error::invalidInput(tr("The name is too long: use at most 100 characters."));
    return {};
}

Result<User> Users::byEmail(const QSqlDatabase &db, const QString &email)
{
    Query query(db, "SELECT " REALM_USER_COLUMNS " FROM users WHERE email = ?");
    query.bindAll(normalizedEmail(email));
    return one(query, tr("There is no user with the email %1.").arg(normalizedEmail(email)));
}

Result<User> Users::byId(const QSqlDatabase &db, const QString &id)
{
    Query query(db, "SELECT " REALM_USER_COLUMNS " FROM users WHERE id = ?");
    query.bindAll(id);
    return one(query, tr("There is no user with the id %1.").arg(id));
}

Result<QList<User>> Users::all(const QSqlDatabase &db)
{
    Query query(db, "SELECT " REALM_USER_COLUMNS " FROM users ORDER BY email");
    if (Result<void> ran = query.exec(tr("Cannot list the users")); !ran)
        return ran.error();
    QList<User> users;
    while (query.next())
        users.append(readUser(query));
    return users;
}

Result<std::pair<User, QString>> Users::withPasswordHash(const QSqlDatabase &db, const QString &email)
{
    Query query(db, "SELECT " REALM_USER_COLUMNS ", password_hash FROM users WHERE email = ?");
    query.bindAll(normalizedEmail(email));
    if (Result<void> ran = query.exec(tr("Cannot look up the user")); !ran)
        return ran.error();
    if (!query.next())
        return Error::notFound(tr("There is no user with the email %1.").arg(normalizedEmail(email)));
    return std::pair<User, QString>(readUser(query), query.text(7));
}

Result<User> Users::insert(const QSqlDatabase &db, const QString &email, const QString &name, const QString &passwordHash, bool isAdmin,
                           bool emailVerified)
{
    User user;
    user.id = newId();
    user.email = normalizedEmail(email);
    user.name = name.trimmed();
    user.isAdmin = isAdmin;
    user.createdAtMs = Clock::nowMs();
    if (emailVerified)
        user.emailVerifiedAtMs = user.createdAtMs;
    Query insert(db, "INSERT INTO users (id, email, name, password_hash, is_admin, email_verified_at, created_at, updated_at) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bindAll(user.id, user.email, user.name, passwordHash, int(isAdmin), user.emailVerifiedAtMs, user.createdAtMs, user.createdAtMs);
    if (Result<void> ran = insert.exec(tr("Cannot add the user %1").arg(user.email)); !ran) {
        if (insert.isUniqueViolation())
            return Error::invalidInput(tr("There is already a user with the email %1.").arg(user.email));
        return ran.error();
    }
    return user;
}

Result<void> Users::setPasswordHash(const QSqlDatabase &db, const QString &userId, const QString &passwordHash)
{
    Query update(db, "UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?");
    update.bindAll(passwordHash, Clock::nowMs(), userId);
    return changeOne(update, tr("Cannot change the password"));
}

Result<void> Users::setDisabled(const QSqlDatabase &db, const QString &userId, bool disabled)
{
    const qint64 now = Clock::nowMs();
    Query update(db, "UPDATE users SET disabled_at = ?, updated_at = ? WHERE id = ?");
    update.bindAll(disabled ? std::optional<qint64>(now) : std::nullopt, now, userId);
    return changeOne(update, tr("Cannot change the user"));
}

Result<bool> Users::replacePasswordHash(const QSqlDatabase &db, const QString &userId, const QString &expectedHash, const QString &passwordHash)
{
    Query update(db, "UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ? AND password_hash = ?");
    update.bindAll(passwordHash, Clock::nowMs(), userId, expectedHash);
    if (Result<void> ran = update.exec(tr("Cannot set the password")); !ran)
        return ran.error();
    return update.rowsAffected() == 1;
}

Result<void> Users::lock(const QSqlDatabase &db, const QString &userId)
{
    Query lock(db, "UPDATE users SET updated_at = updated_at WHERE id = ?");
    lock.bindAll(userId);
    return lock.exec(tr("Cannot change the user"));
}

Result<void> Users::setName(const QSqlDatabase &db, const QString &userId, const QString &name)
{
    Query update(db, "UPDATE users SET name = ?, updated_at = ? WHERE id = ?");
    update.bindAll(name.trimmed(), Clock::nowMs(), userId);
    return changeOne(update, tr("Cannot rename the user"));
}

Result<void> Users::markEmailVerified(const QSqlDatabase &db, const QString &userId)
{
    const qint64 now = Clock::nowMs();
    Query update(db, "UPDATE users SET email_verified_at = ?, updated_at = ? WHERE id = ?");
    update.bindAll(now, now, userId);
    return changeOne(update, tr("Cannot confirm the email address"));
}

Result<int> Users::revokeApiKeys(const QSqlDatabase &db, const QString &userId)
{
    Query update(db, "UPDATE api_keys SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL");
    update.bindAll(Clock::nowMs(), userId);
    if (Result<void> ran = update.exec(tr("Cannot revoke the API keys")); !ran)
        return ran.error();
    return update.rowsAffected();
}

} // namespace Realm::Auth
