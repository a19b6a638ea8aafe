// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace Realm::Auth {

struct User final {
    QString id;
    QString email; // lower case
    QString name;
    bool isAdmin = false;
    std::optional<qint64> emailVerifiedAtMs;
    std::optional<qint64> disabledAtMs;
    qint64 createdAtMs = 0;

    bool isDisabled() const { return disabledAtMs.has_value(); }
    // The public form: never the password hash.
    QJsonObject toJson() const;
};

// The users table. Functions take the calling thread's connection, inside
// the transaction of the service that calls them.
class Users final {
public:
    // Trimmed and lower-cased: "Alice@Example.org " and "alice@example.org"
    // are one account.
    static QString normalizedEmail(const QString &email);
    // A plausible address (something@domain.tld); the mail proves the rest.
    static Result<void> checkEmail(const QString &email);
    static Result<void> checkName(const QString &name);

    // NotFound when the email or id is unknown.
    static Result<User> byEmail(const QSqlDatabase &db, const QString &email);
    static Result<User> byId(const QSqlDatabase &db, const QString &id);
    static Result<QList<User>> all(const QSqlDatabase &db);
    // An account and its stored password hash, in one query (sign-in takes
    // the same path whether or not the email is known). NotFound if unknown.
    static Result<std::pair<User, QString>> withPasswordHash(const QSqlDatabase &db, const QString &email);

    // InvalidInput naming the email when it is taken.
    static Result<User> insert(const QSqlDatabase &db, const QString &email, const QString &name, const QString &passwordHash, bool isAdmin,
                               bool emailVerified);
    static Result<void> setPasswordHash(const QSqlDatabase &db, const QString &userId, const QString &passwordHash);
    // Sets the hash only while it still is `expectedHash`; false otherwise.
    static Result<bool> replacePasswordHash(const QSqlDatabase &db, const QString &userId, const QString &expectedHash, const QString &passwordHash);
    static Result<void> setDisabled(const QSqlDatabase &db, const QString &userId, bool disabled);
    // Locks the user's row until the transaction ends (PostgreSQL; SQLite
    // writes one at a time anyway): changes about one user take turns.
    static Result<void> lock(const QSqlDatabase &db, const QString &userId);
    static Result<void> setName(const QSqlDatabase &db, const QString &userId, const QString &name);
    static Result<void> markEmailVerified(const QSqlDatabase &db, const QString &userId);
    // Revokes every API key of the user (after a password reset); how many.
    static Result<int> revokeApiKeys(const QSqlDatabase &db, const QString &userId);
};

} // namespace Realm::Auth
