// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/totpstore.h"

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

Result<std::optional<TotpStore::Factor>> TotpStore::of(const QSqlDatabase &db, const QString &userId)
{
    Query q(db, "SELECT secret, confirmed_at, last_step FROM totp_factors WHERE user_id = ?");
    q.bindAll(userId);
    if (Result<void> ran = q.exec(tr("Cannot look up the second factor")); !ran)
        return ran.error();
    if (!q.next())
        return std::optional<Factor>();
    return std::optional<Factor>(Factor{q.text(0), !q.isNull(1), q.integer(2)});
}

Result<void> TotpStore::start(const QSqlDatabase &db, const QString &userId, const QString &secret, qint64 nowMs)
{
    Query drop(db, "DELETE FROM totp_factors WHERE user_id = ? AND confirmed_at IS NULL");
    drop.bindAll(userId);
    if (Result<void> ran = drop.exec(tr("Cannot replace the unconfirmed second factor")); !ran)
        return ran;
    Query insert(db, "INSERT INTO totp_factors (user_id, secret, created_at) VALUES (?, ?, ?)");
    insert.bindAll(userId, secret, nowMs);
    return insert.exec(tr("Cannot store the second factor"));
}

Result<bool> TotpStore::confirm(const QSqlDatabase &db, const QString &userId, const QString &secret, qint64 step, qint64 nowMs)
{
    Query q(db, "UPDATE totp_factors SET confirmed_at = ?, last_step = ? WHERE user_id = ? AND secret = ? AND confirmed_at IS NULL");
    q.bindAll(nowMs, step, userId, secret);
    if (Result<void> ran = q.exec(tr("Cannot turn the second factor on")); !ran)
        return ran.error();
    return q.rowsAffected() == 1;
}

Result<bool> TotpStore::takeStep(const QSqlDatabase &db, const QString &userId, qint64 step)
{
    Query q(db, "UPDATE totp_factors SET last_step = ? WHERE user_id = ? AND confirmed_at IS NOT NULL AND last_step < ?");
    q.bindAll(step, userId, step);
    if (Result<void> ran = q.exec(tr("Cannot record the code used")); !ran)
        return ran.error();
    return q.rowsAffected() == 1;
}

Result<bool> TotpStore::remove(const QSqlDatabase &db, const QString &userId)
{
    Query codes(db, "DELETE FROM recovery_codes WHERE user_id = ?");
    codes.bindAll(userId);
    if (Result<void> ran = codes.exec(tr("Cannot remove the recovery codes")); !ran)
        return ran.error();
    Query factor(db, "DELETE FROM totp_factors WHERE user_id = ?");
    factor.bindAll(userId);
    if (Result<void> ran = factor.exec(tr("Cannot remove the second factor")); !ran)
        return ran.error();
    return factor.rowsAffected() > 0;
}

Result<void> TotpStore::replaceRecoveryCodes(const QSqlDatabase &db, const QString &userId, const QStringList &codeHashes)
{
    Query drop(db, "DELETE FROM recovery_codes WHERE user_id = ?");
    drop.bindAll(userId);
    if (Result<void> ran = drop.exec(tr("Cannot replace the recovery codes")); !ran)
        return ran;
    for (const QString &hash : codeHashes) {
        Query insert(db, "INSERT INTO recovery_codes (user_id, code_hash) VALUES (?, ?)");
        insert.bindAll(userId, hash);
        if (Result<void> ran = insert.exec(tr("Cannot store the recovery codes")); !ran)
            return ran;
    }
    return {};
}

Result<bool> TotpStore::hasRecoveryCode(const QSqlDatabase &db, const QString &userId, const QString &codeHash)
{
    Query q(db, "SELECT COUNT(*) FROM recovery_codes WHERE user_id = ? AND code_hash = ? AND used_at IS NULL");
    q.bindAll(userId, codeHash);
    if (Result<void> ran = q.exec(tr("Cannot check the recovery code")); !ran)
        return ran.error();
    return q.next() && q.integer(0) > 0;
}

Result<bool> TotpStore::useRecoveryCode(const QSqlDatabase &db, const QString &userId, const QString &codeHash, qint64 nowMs)
{
    Query q(db, "UPDATE recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL");
    q.bindAll(nowMs, userId, codeHash);
    if (Result<void> ran = q.exec(tr("Cannot use the recovery code")); !ran)
        return ran.error();
    return q.rowsAffected() == 1;
}

Result<int> TotpStore::recoveryCodesLeft(const QSqlDatabase &db, const QString &userId)
{
    Query q(db, "SELECT COUNT(*) FROM recovery_codes WHERE user_id = ? AND used_at IS NULL");
    q.bindAll(userId);
    if (Result<void> ran = q.exec(tr("Cannot count the recovery codes")); !ran)
        return ran.error();
    return q.next() ? int(q.integer(0)) : 0;
}

} // namespace Realm::Auth
