// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/mailtokens.h"

#include "auth/tokens.h"
#include "auth/users.h"
#include "serverdb/query.h"

#include <QCoreApplication>

namespace Realm::Auth {

using ServerDb::Query;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Realm::Auth", text);
}

} // namespace

Result<std::optional<QString>> MailTokens::issue(const QSqlDatabase &db, const char *purpose, const QString &userId, qint64 nowMs, qint64 lifetimeMs,
                                                 qint64 minimumIntervalMs)
{
    const QString purposeText = QString::fromLatin1(purpose);
    // Two requests at once for one user take turns (PostgreSQL's row lock;
    // SQLite writes one at a time anyway): one code, one mail.
    if (Result<void> locked = Users::lock(db, userId); !locked)
        return locked.error();
    Query recent(db, "SELECT COUNT(*) FROM mail_tokens WHERE user_id = ? AND purpose = ? AND created_at > ?");
    recent.bindAll(userId, purposeText, nowMs - minimumIntervalMs);
    if (Result<void> ran = recent.exec(tr("Cannot look up the codes sent")); !ran)
        return ran.error();
    if (recent.next() && recent.integer(0) > 0)
        return std::optional<QString>();

    Query retire(db, "UPDATE mail_tokens SET used_at = ? WHERE user_id = ? AND purpose = ? AND used_at IS NULL");
    retire.bindAll(nowMs, userId, purposeText);
    if (Result<void> ran = retire.exec(tr("Cannot retire the earlier codes")); !ran)
        return ran.error();
    const QString code = Tokens::newOneTimeCode();
    Query insert(db, "INSERT INTO mail_tokens (token_hash, purpose, user_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)");
    insert.bindAll(Tokens::digest(code), purposeText, userId, nowMs, nowMs + lifetimeMs);
    if (Result<void> ran = insert.exec(tr("Cannot store the code")); !ran)
        return ran.error();
    return std::optional<QString>(code);
}

Result<bool> MailTokens::isLive(const QSqlDatabase &db, const char *purpose, const QString &code, qint64 nowMs)
{
    if (code.trimmed().isEmpty() || code.size() > 200)
        return false;
    Query live(db, "SELECT COUNT(*) FROM mail_tokens WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?");
    live.bindAll(Tokens::digest(code.trimmed()), QString::fromLatin1(purpose), nowMs);
    if (Result<void> ran = live.exec(tr("Cannot check the code")); !ran)
        return ran.error();
    return live.next() && live.integer(0) > 0;
}

Result<QString> MailTokens::consume(const QSqlDatabase &db, const char *purpose, const QString &code, qint64 nowMs)
{
    const Error refused = Error::invalidInput(tr("This code is wrong, used or expired. Ask for a new one."));
    if (code.isEmpty() || code.size() > 200)
        return refused;
    const QString hash = Tokens::digest(code.trimmed());
    // The user's row first, as issue() does: two transactions that both
    // touch a user's codes take their locks in one order (no deadlock).
    Query owner(db, "SELECT user_id FROM mail_tokens WHERE token_hash = ?");
    owner.bindAll(hash);
    if (Result<void> ran = owner.exec(tr("Cannot check the code")); !ran)
        return ran.error();
    if (!owner.next())
        return refused;
    const QString userId = owner.text(0);
    if (Result<void> locked = Users::lock(db, userId); !locked)
        return locked.error();
    // One conditional update: two uses racing cannot both succeed.
    Query use(db, "UPDATE mail_tokens SET used_at = ? WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?");
    use.bindAll(nowMs, hash, QString::fromLatin1(purpose), nowMs);
    if (Result<void> ran = use.exec(tr("Cannot check the code")); !ran)
        return ran.error();
    if (use.rowsAffected() != 1)
        return refused;
    return userId;
}

} // namespace Realm::Auth
